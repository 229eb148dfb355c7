// Every limit refuses with an HTTP 400, its own code and the limit, before anything runs — and
// limits count variables' values exactly as they count values written into the query.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeGlobalId } from '../../src/common/globalId.js';
import { queryLimits } from '../../src/http/queryLimits.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

let server: TestServer;
beforeAll(async () => {
  // Bodies big enough to carry 20,000 IDs: here the list limit is under test, not the body limit.
  server = await startTestServer({ bodyLimits: { anonymousBytes: 10 * 2 ** 20, authenticatedBytes: 10 * 2 ** 20 } });
});
afterAll(() => server.close());

/** Variables given as a string are sent as they are (JSON.stringify cannot nest 10,000 levels). */
async function post(query: string, variables?: unknown, accept = 'application/graphql-response+json') {
  const variablesJson = typeof variables === 'string' ? variables : JSON.stringify(variables ?? null);
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: `{"query":${JSON.stringify(query)},"variables":${variablesJson}}`,
  });
  return { status: response.status, body: await response.json() };
}

async function expectRefusal(query: string, variables: unknown, code: string) {
  server.resetQueryLog();
  for (const accept of ['application/graphql-response+json', 'application/json']) {
    const { status, body } = await post(query, variables, accept);
    expect(status, `${code} with ${accept}`).toBe(400);
    expect(body.errors[0].extensions.code, body.errors[0].message).toBe(code);
    expect(body.errors[0].message).not.toMatch(/^Syntax Error/);
    expect(body.data ?? null).toBeNull();
  }
  expect(server.queries).toEqual([]);
}

describe('graphql-armor’s limits come back as 400s with their own codes', () => {
  test('depth', async () => {
    const deep = `{ ${'districts { nodes { state { '.repeat(5)}code${' } } }'.repeat(5)} }`;
    await expectRefusal(deep, undefined, 'DEPTH_LIMIT_EXCEEDED');
  });

  test('aliases', async () => {
    const aliases = Array.from({ length: queryLimits.maxAliases + 1 }, (_, i) => `a${i}: states { code }`).join(' ');
    await expectRefusal(`{ ${aliases} }`, undefined, 'ALIAS_LIMIT_EXCEEDED');
  });

  test('tokens', async () => {
    await expectRefusal(`{ ${'__typename '.repeat(queryLimits.maxTokens)} }`, undefined, 'TOKEN_LIMIT_EXCEEDED');
  });
});

describe('nesting deeper than the parsers can follow is refused, not a stack overflow', () => {
  test('a list literal nested 5,000 levels', async () => {
    await expectRefusal(`{ district(ags: ${'['.repeat(5000)}"1"${']'.repeat(5000)}) { name } }`, undefined, 'NESTING_LIMIT_EXCEEDED');
  });

  test('a variable nested 10,000 levels', async () => {
    const nested = `{"p":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`;
    await expectRefusal('query ($p: JSONObject!) { __typename }', nested, 'NESTING_LIMIT_EXCEEDED');
  });

  test('brackets inside strings and comments do not count', async () => {
    const { status, body } = await post(`# ${'{'.repeat(100)}\n{ contacts(filter: { role: "${'['.repeat(100)}" }) { totalCount } }`);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(body.data.contacts.totalCount).toBe(0);
  });
});

describe('list arguments are bounded, whether written inline or sent as variables', () => {
  const ids = (count: number) => Array.from({ length: count }, (_, i) => encodeGlobalId('District', String(16_000 + i)));

  test('nodes(ids:) with more IDs than the limit', async () => {
    await expectRefusal('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ids(20_000) }, 'LIST_LIMIT_EXCEEDED');
    const inline = `{ nodes(ids: ${JSON.stringify(ids(queryLimits.maxListItems + 1))}) { id } }`;
    await expectRefusal(inline, undefined, 'LIST_LIMIT_EXCEEDED');
  });

  test('_entities with 20,000 representations', async () => {
    const representations = Array.from({ length: 20_000 }, () => ({ __typename: 'District', ags: '16065' }));
    const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on District { contacts { totalCount } } } }';
    const { body } = await post(query, { r: representations });
    expect(body.errors[0].extensions).toMatchObject({ code: 'LIST_LIMIT_EXCEEDED', argument: '_entities.representations' });
  });

  test('a list inside an input object counts too', async () => {
    const query = 'mutation ($input: CreateOfferInput!) { createOffer(input: $input) { __typename } }';
    const input = { district: '16065', fields: { title: 'x', languages: Array.from({ length: 500 }, () => 'de') } };
    const { body } = await post(query, { input });
    expect(body.errors[0].extensions).toMatchObject({ code: 'LIST_LIMIT_EXCEEDED', argument: 'createOffer.input.fields.languages' });
  });

  test('a list within the limit is answered', async () => {
    const { status, body } = await post('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ids(queryLimits.maxListItems) });
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(body.data.nodes).toHaveLength(queryLimits.maxListItems);
  });
});

describe('the cost uses the variables’ values', () => {
  const contacts = (first: string, inner: string) => `contacts(first: ${first}) { edges { node { ${inner} } } }`;
  const circular = (first: string) =>
    `query ${first === '$f' ? '($f: Int)' : ''} { districts(first: ${first}) { edges { node { ${contacts(first, `district { ${contacts(first, 'id')} }`)} } } } }`;

  test('first: $f weighs what first: 100 weighs', async () => {
    await expectRefusal(circular('100'), undefined, 'COST_LIMIT_EXCEEDED');
    await expectRefusal(circular('$f'), { f: 100 }, 'COST_LIMIT_EXCEEDED');
    const { body } = await post(circular('$f'), { f: 100 });
    expect(body.errors[0].message).toMatch(/^Query cost \d+ exceeds the limit of 50000/);
  });

  test('the same query with small pages runs', async () => {
    const { status, body } = await post(circular('$f'), { f: 5 });
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
  });
});

test('fragments that spread each other many times are weighed once per fragment, not once per path', async () => {
  // 5 levels of 100 spreads each: 100^4 paths in about 1,000 tokens, within the depth limit.
  const levels = 5;
  const fragments = Array.from({ length: levels }, (_, i) => {
    const body = i + 1 < levels ? Array.from({ length: 100 }, () => `...F${i + 1}`).join(' ') : 'code';
    return `fragment F${i} on State { ${body} }`;
  });
  const query = `query { states { ...F0 } }\n${fragments.join('\n')}`;
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(15_000),
  });
  expect(response.status).toBe(400);
  expect((await response.json()).errors[0].extensions.code).toBe('COST_LIMIT_EXCEEDED');
});
