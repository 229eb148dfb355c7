import { builder } from './builder.js';

/**
 * A GraphQL enum from a Prisma enum. Every value needs a description (the type demands one
 * for each), so client developers never meet an unexplained value.
 */
export function describedEnum<Values extends Record<string, string>>(
  name: string,
  values: Values,
  description: string,
  valueDescriptions: { [K in keyof Values]: string },
) {
  const valueConfig = Object.fromEntries(Object.keys(values).map((key) => [key, { description: valueDescriptions[key] }]));
  return builder.enumType(values as Record<string, string>, { name, description, values: valueConfig });
}
