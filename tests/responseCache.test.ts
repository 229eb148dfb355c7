// Anonymous reads are answered from memory within the TTL, revalidate with ETag/304, and
// GET answers may be kept by browsers; requests with credentials bypass the cache.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createToken } from '../src/auth/tokens.js';
import { startTestServer, type TestServer } from './support/testServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ responseCacheTtlMs: 60_000 });
});
afterAll(() => server.close());

const query = '{ district(ags: "16065") { name contacts { totalCount } } }';
const getUrl = () => `${server.url}?query=${encodeURIComponent(query)}`;

test('a repeated anonymous query is answered without touching the database', async () => {
  server.resetQueryLog();
  const first = await (await fetch(getUrl())).json();
  const statements = server.queries.length;
  expect(statements).toBeGreaterThan(0);
  const second = await fetch(getUrl());
  expect(await second.json()).toEqual(first);
  expect(server.queries.length).toBe(statements);
  expect(second.headers.get('cache-control')).toBe('public, max-age=60');
});

test('revalidation with the ETag costs a 304 and no body', async () => {
  const first = await fetch(getUrl());
  const etag = first.headers.get('etag');
  expect(etag).toBeTruthy();
  const again = await fetch(getUrl(), { headers: { 'if-none-match': etag! } });
  expect(again.status).toBe(304);
  expect(await again.text()).toBe('');
});

test('requests with credentials are not served from the cache', async () => {
  const { token } = await createToken(server.database.client, { name: 'Redaktion', role: 'EDITOR', districtIds: ['16065'] });
  await fetch(getUrl());
  server.resetQueryLog();
  const response = await fetch(getUrl(), { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  expect(server.queries.length).toBeGreaterThan(0);
  expect(response.headers.get('cache-control')).toBeNull();
});
