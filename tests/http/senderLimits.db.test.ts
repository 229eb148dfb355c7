// The limits are the sender's: what a client is refused, the trusted federation gateway may
// still send, whoever sent the text first (Yoga keeps parse results by the text alone); and a
// request that cannot be weighed is refused before anything runs.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { gatewaySecretHeader } from '../../src/http/gateway.js';
import { queryLimits } from '../../src/http/queryLimits.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

const secret = 'a-test-secret-of-at-least-32-characters';
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ gatewaySecret: secret });
});
afterAll(() => server.close());

async function post(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: await response.json() };
}

test('a text a client is refused for its tokens is parsed when the gateway sends it next', async () => {
  // Ten tokens a lookup (`t0 : __type ( name : "Query" ) { name }`): over a client's limit, within the gateway's.
  const query = `{ ${Array.from({ length: queryLimits.maxTokens / 10 + 1 }, (_, i) => `t${i}: __type(name: "Query") { name }`).join(' ')} }`;
  const client = await post(query);
  expect(client.status).toBe(400);
  expect(client.body.errors[0].extensions.code).toBe('TOKEN_LIMIT_EXCEEDED');
  const gateway = await post(query, { [gatewaySecretHeader]: secret });
  expect(gateway.body.errors).toBeUndefined();
  expect(gateway.body.data.t400).toEqual({ name: 'Query' });
});

test('a malformed ID the cost is weighed by refuses the request before any field runs', async () => {
  server.resetQueryLog();
  const { status, body } = await post('{ nodes(ids: ["not-an-id"]) { id } districts(first: 5) { totalCount } }');
  expect(status).toBe(200);
  expect(body.errors[0].message).toContain('"not-an-id" is not a valid global ID');
  expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(body.data ?? null).toBeNull();
  expect(server.queries).toEqual([]);
});

test('a malformed ID in node(id:) is that field’s error, its siblings are answered', async () => {
  const { body } = await post('{ node(id: "not-an-id") { id } states { code } }');
  expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(body.errors[0].path).toEqual(['node']);
  expect(body.data).toEqual({ node: null, states: [{ code: 'SN' }, { code: 'TH' }] });
});
