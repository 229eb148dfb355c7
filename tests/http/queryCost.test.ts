// What the cost limit weighs (the complexity plugin, over the `complexity` our fields state): a
// connection its page, every connection field alike; and the committed operations
// (schema/operations) fit the client's limit at their largest pages.
import { readFileSync } from 'node:fs';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import { type GraphQLField, getNamedType, getOperationAST, isObjectType, parse } from 'graphql';
import { expect, test } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { defaultPageSize, maxPageSize } from '../../src/graphql/connections.js';
import { persistedDocumentsFile } from '../../src/http/persistedOperations.js';
import { queryLimits } from '../../src/http/queryLimits.js';
import { schema } from '../../src/schema.js';

const cost = (query: string, variables?: Record<string, unknown>) => complexityFromQuery(query, { schema, variables }).complexity;

test('a connection weighs its page: one for the field, its selection once per item', () => {
  // districts + 7 × (edges + node + ags)
  expect(cost('{ districts(first: 7) { edges { node { ags } } } }')).toBe(1 + 7 * 3);
  expect(cost('query ($n: Int) { districts(last: $n) { edges { node { ags } } } }', { n: 7 })).toBe(1 + 7 * 3);
  expect(cost('{ districts { edges { node { ags } } } }')).toBe(1 + defaultPageSize * 3);
});

test('every connection field weighs its page', () => {
  const connectionFields = Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .flatMap((type) => Object.values(type.getFields()).map((field) => [`${type.name}.${field.name}`, field] as const))
    .filter(([, field]) => {
      const named = getNamedType(field.type);
      return isObjectType(named) && 'edges' in named.getFields() && 'pageInfo' in named.getFields();
    });
  expect(connectionFields.length).toBeGreaterThanOrEqual(10);
  for (const [name, field] of connectionFields) {
    const complexity = field.extensions.complexity as (args: object, context: object, field: GraphQLField<unknown, unknown>) => unknown;
    expect(typeof complexity, name).toBe('function');
    expect(complexity({ first: 7 }, {}, field), name).toEqual({ multiplier: 7 });
  }
});

// The committed queries as clients send them (their fragments included), by name. Queries only:
// what a mutation costs is its answer's selection (one record), not a page a client chooses.
const committedQueries = new Map(
  Object.values(JSON.parse(readFileSync(persistedDocumentsFile, 'utf8')) as Record<string, string>).flatMap((text) => {
    const operation = getOperationAST(parse(text));
    return operation?.operation === 'query' ? [[operation.name!.value, text] as const] : [];
  }),
);
/** The values sent for the variables an operation declares: the largest page, a district, a state, a record. */
const largest: Record<string, unknown> = {
  first: maxPageSize,
  ags: '16065',
  state: 'TH',
  of: 'Q29udGFjdDoxNjA2NS9jb250YWN0L3BpbGF2c2tpag==',
};

test.each([...committedQueries.keys()])('%s fits the cost limit at its largest page', (name) => {
  const document = committedQueries.get(name)!;
  const declared = (getOperationAST(parse(document))!.variableDefinitions ?? []).map(({ variable }) => variable.name.value);
  const variables = Object.fromEntries(declared.filter((name) => name in largest).map((name) => [name, largest[name]]));
  expect(cost(document, variables)).toBeLessThanOrEqual(queryLimits.maxCost);
});

test('under admission the widget’s reads are cheap (never queued) and the comparisons expensive, by the default threshold', () => {
  const { ADMISSION_CHEAP_BELOW_COST: cheapBelow } = loadConfig({});
  const costOf = (name: string, variables: Record<string, unknown>) => cost(committedQueries.get(name)!, variables);
  expect(costOf('ContactCard', { ags: '16065' })).toBeLessThan(cheapBelow);
  expect(costOf('Offers', { first: maxPageSize })).toBeLessThan(cheapBelow);
  expect(costOf('DistrictWidget', { ags: '16065', lang: 'de' })).toBeLessThan(cheapBelow);
  expect(costOf('CompareDistricts', { state: 'TH', first: 40 })).toBeGreaterThanOrEqual(cheapBelow);
  expect(costOf('CompareState', { state: 'TH' })).toBeGreaterThanOrEqual(cheapBelow);
});
