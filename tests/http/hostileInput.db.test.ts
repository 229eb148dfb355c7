// Hostile or malformed requests get a 4xx (or BAD_USER_INPUT) and a short message — never a 500,
// a masked internal error, or a huge argument echoed back.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.js';

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
});

test('an error quotes at most 40 characters of a huge argument', async () => {
  const response = await post(`{ district(ags: "${'1'.repeat(100_000)}") { name } }`);
  const body = await response.json();
  expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(body.errors[0].message.length).toBeLessThan(200);
});
