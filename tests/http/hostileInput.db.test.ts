// Hostile or malformed requests get a 4xx (or BAD_USER_INPUT) and a short message — never a 500,
// a masked internal error, or a huge argument echoed back.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.js';
import { createTestTokens } from '../support/tokens.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const post = (query: string, variables?: unknown) =>
  fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });

test('query-string variables that are not a JSON object are a 400, not a 500', async () => {
  for (const variables of ['oops', '[1]', '"x"']) {
    const response = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}&variables=${encodeURIComponent(variables)}`);
    expect(response.status, variables).toBe(400);
    expect((await response.json()).errors[0]).toMatchObject({
      message: 'The "variables" parameter must be a JSON object.',
      extensions: { code: 'BAD_REQUEST' },
    });
  }
});

test('dates outside what the graph answers for, null characters and lone surrogates are the client’s mistakes', async () => {
  const cases: [string, unknown][] = [
    ['{ contacts(asOf: "0000-01-01") { totalCount } }', undefined],
    ['query ($r: String) { contacts(filter: { role: $r }) { totalCount } }', { r: 'a\u0000b' }],
    ['query ($r: String) { contacts(filter: { role: $r }) { totalCount } }', { r: 'a\uD800b' }],
  ];
  for (const [query, variables] of cases) {
    const response = await post(query, variables);
    const body = await response.json();
    expect(body.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).not.toBe('Unexpected error.');
  }
  // Text no database stores is refused before execution, as a bad request.
  for (const [query, variables] of cases.slice(1)) expect((await post(query, variables)).status).toBe(400);
});

test('an error quotes at most 40 characters of a huge argument', async () => {
  const response = await post(`{ district(ags: "${'1'.repeat(100_000)}") { name } }`);
  const body = await response.json();
  expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(body.errors[0].message.length).toBeLessThan(200);
});

test('a JSON variable nested 10,000 levels is refused as 400 before anything parses it further, with a token too', async () => {
  const tokens = await createTestTokens(server.database.client);
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
  for (const authorization of [null, `Bearer ${tokens.admin}`]) {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: `{"query":"query ($v: JSONObject) { __typename }","variables":{"v":{"a":${nested(10_000)}}}}`,
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].extensions.code).toBe('NESTING_LIMIT_EXCEEDED');
  }
});

test('a global ID whose key no database stores ("Contact:\\0") is a bad request, in GraphQL and in an export’s address', async () => {
  const id = Buffer.from('Contact:\u0000').toString('base64');
  const asked: [string, unknown][] = [
    ['query ($id: ID!) { node(id: $id) { id } }', { id }],
    [`{ node(id: "${id}") { id } }`, undefined],
    ['query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [Buffer.from('Offer:x').toString('base64'), id] }],
    [
      'mutation ($input: UpdateProblemReportInput!) { updateProblemReport(input: $input) { __typename } }',
      { input: { id, version: 1, fields: { status: 'CLOSED' } } },
    ],
  ];
  for (const [query, variables] of asked) {
    const response = await post(query, variables);
    expect(response.status, query).toBe(400);
    const body = await response.json();
    expect(body.data ?? null, query).toBeNull();
    expect(body.errors[0], query).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(body.errors[0].message, query).toMatch(/global ID.* contains a null character/);
  }
  const origin = new URL(server.url).origin;
  for (const path of [`/export/contacts/${encodeURIComponent(id)}.vcf`, '/export/office-hours/%00.ics'])
    expect((await fetch(`${origin}${path}`)).status, path).toBe(404);
});

test('a phone number without its area code, or with a letter for a digit, is refused with the reason', async () => {
  const tokens = await createTestTokens(server.database.client);
  const { data } = await server.graphql('{ contacts(filter: { area: { district: "16065" } }) { edges { node { id version } } } }');
  const guide = data.contacts.edges[0].node;
  const update = `mutation ($input: UpdateContactInput!) { updateContact(input: $input) {
    __typename ... on ValidationError { issues { path message } } } }`;
  const refused = await server.graphql(
    update,
    {
      input: {
        id: guide.id,
        version: guide.version,
        fields: {
          channels: [
            { kind: 'PHONE', printed: '650-123' },
            { kind: 'FAX', printed: '03606 65O-124' },
          ],
        },
      },
    },
    tokens.kyffhaeuser,
  );
  expect(refused.data.updateContact.issues).toEqual([
    {
      path: 'fields.channels[0].printed',
      message: '"650-123" has no area code (Vorwahl): write it as dialled from elsewhere, e.g. "03606 650-123"',
    },
    { path: 'fields.channels[1].printed', message: '"03606 65O-124" has a letter among its digits (an O for a 0?)' },
  ]);
});
