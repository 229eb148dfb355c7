// Pagination, filters, global IDs and clear errors for bad arguments, over HTTP.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { maxPageSize } from '../../src/graphql/connections.js';
import { queryLimits } from '../../src/http/queryLimits.js';
import { type GraphQLResponse, startTestServer, type TestServer } from '../support/testServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function firstError(response: Awaited<ReturnType<TestServer['graphql']>>) {
  expect(response.errors, 'expected an error').toBeDefined();
  return response.errors![0];
}

describe('pagination', () => {
  const page = `query ($first: Int, $after: String, $state: StateCode) {
    districts(first: $first, after: $after, state: $state) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ags } } }
  }`;

  test('walks all districts ten at a time, by name', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 5; pages++) {
      const { data }: GraphQLResponse = await server.graphql(page, { first: 10, after });
      expect(data.districts.totalCount).toBe(35);
      seen.push(...data.districts.edges.map((e: any) => e.node.ags));
      if (!data.districts.pageInfo.hasNextPage) break;
      after = data.districts.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(35);
    expect(new Set(seen).size).toBe(35);
    expect(seen.slice(0, 3)).toEqual(['16077', '14625', '14511']); // Altenburger Land, Bautzen, Chemnitz
  });

  test('filters by state, and totalCount follows the filter', async () => {
    const { data } = await server.graphql(page, { state: 'SN' });
    expect(data.districts.totalCount).toBe(13);
    expect(data.districts.edges.every((e: any) => e.node.ags.startsWith('14'))).toBe(true);
  });

  test('a page larger than the maximum is refused with a clear error, root and nested', async () => {
    const root = firstError(await server.graphql(page, { first: maxPageSize + 1 }));
    expect(root.message).toBe(`Argument "first" must be between 0 and ${maxPageSize}; got ${maxPageSize + 1}.`);
    expect(root.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });

    const nested = firstError(await server.graphql(`{ district(ags: "16065") { contacts(last: 500) { totalCount } } }`));
    expect(nested.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'last' });
    expect(await server.graphql(page, { first: maxPageSize })).not.toHaveProperty('errors');
  });

  test('contacts filtered by role and by funding programme', async () => {
    const query = `query ($filter: ContactFilter) { contacts(filter: $filter) { totalCount edges { node { district { ags } } } } }`;
    const districts = async (filter: Record<string, unknown>) => {
      const { data } = await server.graphql(query, { filter });
      return data.contacts.edges.map((e: any) => e.node.district.ags);
    };
    expect(await districts({ role: 'integration-manager' })).toEqual(['16063', '16066']);
    expect(await districts({ fundingProgramme: 'richtlinie-integrative-massnahmen' })).toEqual(['14522']);
    expect(await districts({ fundingProgramme: 'esf', area: { state: 'TH' } })).toEqual(['16065', '16066']);
    expect(await districts({ area: { district: '16063' } })).toEqual(['16063']);
  });
});

describe('global IDs', () => {
  test('node(id:) and nodes(ids:) resolve what an id field returned', async () => {
    const { data } = await server.graphql(`{ district(ags: "14522") { id name } state(code: SN) { id } }`);
    const lookup = await server.graphql(
      `query ($id: ID!, $ids: [ID!]!) { node(id: $id) { ... on District { ags } } nodes(ids: $ids) { ... on State { code } } }`,
      {
        id: data.district.id,
        ids: [data.state.id],
      },
    );
    expect(lookup.data).toEqual({ node: { ags: '14522' }, nodes: [{ code: 'SN' }] });
  });

  test('a malformed global ID is a clear error, not an internal one', async () => {
    const error = firstError(await server.graphql(`{ node(id: "not-an-id") { id } }`));
    expect(error.message).toContain('"not-an-id" is not a valid global ID');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('bad arguments', () => {
  test('an unknown AGS is NOT_FOUND, naming the key', async () => {
    const response = await server.graphql(`{ district(ags: "99999") { name } }`);
    const error = firstError(response);
    expect(error.message).toBe('No district or municipality with the key "99999" in the official list.');
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(response.data).toBeNull();
  });

  test('a malformed AGS says what is expected; the 8-digit form is accepted', async () => {
    const error = firstError(await server.graphql(`{ district(ags: "Kyffhäuser") { name } }`));
    expect(error.message).toContain('expected 5 digits, e.g. "16065"');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ags' });
    const { data } = await server.graphql(`{ district(ags: "16065000") { name } }`);
    expect(data.district.name).toBe('Kyffhäuserkreis');
  });

  test('an impossible asOf date is rejected', async () => {
    const error = firstError(await server.graphql(`{ contacts(asOf: "2019-02-30") { totalCount } }`));
    expect(error.message).toContain('"2019-02-30" is not a calendar date');
  });

  test('a language that is not an ISO 639-1 code is rejected', async () => {
    const error = firstError(await server.graphql(`{ offers(filter: { language: "Arabic" }) { totalCount } }`));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.language' });
  });

  test('queries deeper than the limit are refused before they run', async () => {
    server.resetQueryLog();
    // Each round trip state → districts → edges → node adds four levels.
    const rounds = Math.ceil(queryLimits.maxDepth / 4);
    const deep = `{ states { ${'districts { edges { node { state { '.repeat(rounds)}code${' } } } }'.repeat(rounds)} } }`;
    const error = firstError(await server.graphql(deep));
    expect(error.message).toContain(`Query depth limit of ${queryLimits.maxDepth} exceeded`);
    expect(server.queries).toEqual([]);
  });

  test('too many aliases are refused', async () => {
    const aliases = Array.from({ length: queryLimits.maxAliases + 1 }, (_, i) => `a${i}: states { code }`).join(' ');
    const error = firstError(await server.graphql(`{ ${aliases} }`));
    expect(error.message).toContain('Aliases limit');
  });
});

describe('CORS', () => {
  const origin = 'https://www.example-district.de';

  test('by default any site may read, without credentials', async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent('{ states { code } }')}`, { headers: { origin } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  test('a preflight for POST with JSON is answered', async () => {
    const response = await fetch(server.url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('content-type');
  });
});

test('a malformed cursor is the client’s mistake: BAD_USER_INPUT naming the argument, on root and nested lists', async () => {
  for (const [query, argument] of [
    ['{ districts(after: "nonsense") { totalCount } }', 'after'],
    ['{ district(ags: "16065") { contacts(before: "R1BDOlg6eHg=") { totalCount } } }', 'before'],
    ['query ($c: String) { offers(after: $c) { totalCount } }', 'after'],
  ] as const) {
    const response = await server.graphql(query, { c: 'x' });
    expect(response.errors?.[0]?.extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(response.data ?? null).toBeNull();
  }
});
