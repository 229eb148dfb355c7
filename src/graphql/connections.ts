// What every connection field needs, root or nested:
// - `first`/`last` over the maximum is an error: the Prisma plugin would silently clamp it,
//   and a client would take the short page for the whole list (a small Pothos plugin, below);
// - the `totalCount` field the Prisma plugin adds gets a description (the same plugin);
// - its cost in the query limits weighs the page it asks for (the same plugin, `pageComplexity`).
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { FieldComplexityValue } from '@pothos/plugin-complexity';
import {
  GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
} from 'graphql';

export const defaultPageSize = 20;
export const maxPageSize = 100;

function checkPageSize(args: Record<string, unknown>): void {
  for (const name of ['first', 'last']) {
    const size = args[name];
    if (typeof size !== 'number') continue;
    if (size < 0 || size > maxPageSize) {
      throw new GraphQLError(`Argument "${name}" must be between 0 and ${maxPageSize}; got ${size}.`, {
        extensions: { code: 'BAD_USER_INPUT', argument: name, maximum: maxPageSize },
      });
    }
  }
}

/** Items the complexity plugin counts for a list whose field states no size of its own. */
const defaultListItems = 10;

const isPaged = (args: Record<string, unknown>) => 'first' in args || 'last' in args;

const isConnection = (type: GraphQLOutputType) => {
  const named = getNamedType(type);
  return isObjectType(named) && 'edges' in named.getFields() && 'pageInfo' in named.getFields();
};

/**
 * The cost of a field with `first`/`last` (complexity plugin): a connection's selection counts
 * once per item of the page it asks for (the default page size when it does not say; its `edges`
 * are not counted again, see builder.ts); another paged field (the change feed's) as the plugin
 * counts any field.
 */
function pageComplexity(args: Record<string, unknown>, _context: unknown, field: { type: GraphQLOutputType }): FieldComplexityValue {
  if (isConnection(field.type)) return { multiplier: Number(args.first ?? args.last ?? defaultPageSize) };
  return isListType(getNullableType(field.type)) ? { multiplier: defaultListItems } : 1;
}

class ConnectionsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    if (fieldConfig.name === 'totalCount' && fieldConfig.extensions?.pothosPrismaTotalCount) {
      return { ...fieldConfig, description: 'Number of items in the whole list, across all pages.' };
    }
    // This runs after the complexity plugin's own configuration (builder.ts lists it later, and
    // Pothos calls the last first), which put the field's `complexity` option, or the default,
    // where the plugin reads it: a paged field without an option of its own weighs its page
    // instead. Only paged fields get a function: the plugin reads the arguments of every field
    // weighed by one (a builder-wide `fieldComplexity` would make that every field: the contact
    // card took 22 µs to weigh instead of 5).
    if (isPaged(fieldConfig.args) && fieldConfig.pothosOptions.complexity === undefined) {
      return { ...fieldConfig, extensions: { ...fieldConfig.extensions, complexity: pageComplexity } };
    }
    return fieldConfig;
  }

  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (!isPaged(fieldConfig.args)) return resolver;
    return (parent, args, context, info) => {
      checkPageSize(args as Record<string, unknown>);
      return resolver(parent, args, context, info);
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      connections: ConnectionsPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin('connections', ConnectionsPlugin);
export const connectionsPlugin = 'connections' as const;

export interface PrismaPageArgs {
  take?: number;
  skip?: number;
  cursor?: { id?: string };
}

/**
 * The keys of one page of a list whose keys are all at hand, in the list's order, as Prisma's
 * `findMany` would take them with the same `take`, `skip` and `cursor` (a negative `take` counts
 * back from the cursor, or from the end). Null when the cursor is not in the list: Prisma places
 * such a cursor by its row's values, which only the database knows.
 */
export function pageOfKeys(keys: readonly string[], { take, skip = 0, cursor }: PrismaPageArgs): string[] | null {
  const at = cursor ? (cursor.id === undefined ? -1 : keys.indexOf(cursor.id)) : undefined;
  if (at === -1) return null;
  if (take === undefined || take >= 0) {
    const start = (at ?? 0) + skip;
    return keys.slice(start, take === undefined ? undefined : start + take);
  }
  const end = (at ?? keys.length - 1) - skip + 1;
  return end <= 0 ? [] : keys.slice(Math.max(0, end + take), end);
}
