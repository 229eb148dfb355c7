// Rules a field declares on itself, in its definition's `extensions`, and the plugins that
// enforce them read from the schema, so that the HTTP layer names no field:
//   extensions: { limitPerAddressAndHour: 'problemReportsPerHour' }
//       each request selecting the field draws on that budget of RateLimits (rateLimit.ts)
//   extensions: { neverCached: true }
//       answers selecting the field are never cached, here or by browsers (responseCache.ts)
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  getOperationAST,
  isInterfaceType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { RateLimits } from './rateLimit.js';

export interface FieldDeclarations {
  /** The RateLimits setting whose number of requests per address and hour may select this field. */
  limitPerAddressAndHour?: keyof RateLimits;
  /** The field's answer changes with every commit. */
  neverCached?: true;
}

type Declaration = keyof FieldDeclarations;
type Declared<Name extends Declaration> = { field: string; value: NonNullable<FieldDeclarations[Name]> };

/** Every field of the schema that declares `declaration`, by schema coordinate ("Query.changes"), with what it declares. */
export function fieldsDeclaring<Name extends Declaration>(
  schema: GraphQLSchema,
  declaration: Name,
): Map<string, NonNullable<FieldDeclarations[Name]>> {
  const found = new Map<string, NonNullable<FieldDeclarations[Name]>>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const value = (field.extensions as FieldDeclarations)[declaration];
      if (value !== undefined) found.set(`${type.name}.${field.name}`, value as NonNullable<FieldDeclarations[Name]>);
    }
  }
  return found;
}

/**
 * The fields an operation selects, at any depth and through its fragments, that declare
 * `declaration`, with what they declare. Computed once per document and operation: Yoga hands every request with the
 * same text the same parsed document.
 */
export function selectedDeclarations<Name extends Declaration>(schema: GraphQLSchema, declaration: Name) {
  const declaring = fieldsDeclaring(schema, declaration);
  const known = new WeakMap<DocumentNode, Map<string, Declared<Name>[]>>();
  const find = (document: DocumentNode, operationName: string | null | undefined) => {
    const operation = getOperationAST(document, operationName);
    if (!operation || !declaring.size) return [];
    const fragments = new Map(
      document.definitions
        .filter((node): node is FragmentDefinitionNode => node.kind === Kind.FRAGMENT_DEFINITION)
        .map((node) => [node.name.value, node]),
    );
    const found: Declared<Name>[] = [];
    const visited = new Set<string>();
    const pending: (typeof operation | FragmentDefinitionNode)[] = [operation];
    const typeInfo = new TypeInfo(schema);
    for (let node = pending.pop(); node; node = pending.pop()) {
      visit(
        node,
        visitWithTypeInfo(typeInfo, {
          Field(field) {
            const coordinate = `${typeInfo.getParentType()?.name}.${field.name.value}`;
            const value = declaring.get(coordinate);
            if (value !== undefined) found.push({ field: coordinate, value });
          },
          FragmentSpread(spread) {
            const fragment = fragments.get(spread.name.value);
            if (fragment && !visited.has(spread.name.value)) {
              visited.add(spread.name.value);
              pending.push(fragment);
            }
          },
        }),
      );
    }
    return found;
  };
  return (document: DocumentNode, operationName: string | null | undefined) => {
    const byOperation = known.get(document) ?? new Map<string, Declared<Name>[]>();
    known.set(document, byOperation);
    const key = operationName ?? '';
    if (!byOperation.has(key)) byOperation.set(key, find(document, operationName));
    return byOperation.get(key)!;
  };
}
