// The schema as a published artefact: the committed SDL, how it differs from another version,
// and whether everything in it is explained to client developers.
import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import {
  buildSchema,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  lexicographicSortSchema,
  printSchema,
} from 'graphql';
import { schema } from './schema.js';

/** The schema as committed in schema/schema.graphql: sorted, so that diffs show real changes only. */
export function printSortedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

export interface SchemaChanges {
  breaking: Change[];
  dangerous: Change[];
  safe: Change[];
}

/** What changes from `before` to `after` (both SDL), by how clients are affected. */
export async function compareSchemas(before: string, after: string): Promise<SchemaChanges> {
  const changes = await diff(buildSchema(before), buildSchema(after));
  const level = (wanted: CriticalityLevel) => changes.filter((change) => change.criticality.level === wanted);
  return {
    breaking: level(CriticalityLevel.Breaking),
    dangerous: level(CriticalityLevel.Dangerous),
    safe: level(CriticalityLevel.NonBreaking),
  };
}

/** Schema coordinates (Type, Type.field, Type.field(arg), Enum.VALUE) that have no description. */
export function undocumentedElements(target: GraphQLSchema = schema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(target.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name}:)`);
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing;
}
