// Anonymous reads are answered from memory within the TTL, revalidate with ETag/304, and
// GET answers may be kept by browsers; requests with credentials bypass the cache; an edit
// invalidates what showed the record. (Instances sharing the cache: sharedResponseCache.db.test.ts.)
import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { sqlTable } from '../../src/db/datamodel.js';
import { Prisma } from '../../src/generated/prisma/client.js';
import { startServer } from '../../src/http/server.js';
import { createToken } from '../../src/tokens/issue.js';
import { startTestServer, type TestServer } from '../support/testServer.js';
import { addOfferTitleTranslation } from '../support/translations.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ responseCacheTtlMs: 60_000 });
});
afterAll(() => server.close());
// An answer made while an invalidation runs is not kept: none of an earlier test's may come during this one.
beforeEach(() => server.settle());

/**
 * Statements since the last reset, without the cache's own reading of the change feed: the
 * NOTIFY of an earlier test's write may reach this server's cache late, while the next test reads.
 */
const dataReads = () => server.queries.filter((sql) => !sql.includes('"FeedEvent"'));

/** The same read under an alias of the test's own: each test starts with nothing of it cached. */
const getUrl = () => {
  const alias = `t${expect.getState().currentTestName!.replace(/\W+/g, '_')}`.slice(0, 60);
  return `${server.url}?query=${encodeURIComponent(`{ ${alias}: district(ags: "16065") { name contacts { totalCount } } }`)}`;
};

test('a repeated anonymous query is answered without touching the database', async () => {
  server.resetQueryLog();
  const first = await (await fetch(getUrl())).json();
  const statements = dataReads().length;
  expect(statements).toBeGreaterThan(0);
  const second = await fetch(getUrl());
  expect(await second.json()).toEqual(first);
  expect(dataReads().length).toBe(statements);
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

test('requests with credentials are not served from the cache, nor kept by a browser or proxy', async () => {
  const { token } = await createToken(server.database.client, { name: 'Redaktion', role: 'EDITOR', districtIds: ['16065'] });
  await fetch(getUrl());
  server.resetQueryLog();
  const response = await fetch(getUrl(), { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  expect(server.queries.length).toBeGreaterThan(0);
  expect(response.headers.get('cache-control')).toBe('private, no-store');
});

test('after an edit, editors and anonymous readers read the new data at once', async () => {
  // A second HTTP server on the same database, with a cache of its own.
  const shortLived = await startServer({ port: 0, host: '127.0.0.1', responseCacheTtlMs: 60_000 });
  try {
    const { token } = await createToken(server.database.client, { name: 'Redaktion', role: 'EDITOR', districtIds: ['16065'] });
    const url = `${shortLived.url}?query=${encodeURIComponent('{ district(ags: "16065") { contacts { edges { node { id version channels { printed } } } } } }')}`;
    const read = async (headers: Record<string, string> = {}) =>
      ((await (await fetch(url, { headers })).json()) as any).data.district.contacts.edges[0].node;
    const guide = await read();
    const response = await fetch(shortLived.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'mutation ($input: UpdateContactInput!) { updateContact(input: $input) { __typename } }',
        variables: { input: { id: guide.id, version: guide.version, channels: [{ kind: 'PHONE', printed: '03632 741-200' }] } },
      }),
    });
    expect((await response.json()).data.updateContact.__typename).toBe('MutationUpdateContactSuccess');
    expect((await read({ authorization: `Bearer ${token}` })).channels).toEqual([{ printed: '03632 741-200' }]);
    // The edit invalidated the cached answer that showed the contact before it was answered.
    expect((await read()).channels).toEqual([{ printed: '03632 741-200' }]);
  } finally {
    await shortLived.close();
    await server.reset();
  }
});

test('the change feed is never cached: asked again with the same cursor, it shows what was committed since', async () => {
  const feed = (since: string | null) =>
    fetch(
      `${server.url}?query=${encodeURIComponent('query ($since: String) { changes(since: $since) { events { type } cursor hasMore } }')}&variables=${encodeURIComponent(JSON.stringify({ since }))}`,
    );
  let cursor: string | null = null;
  for (;;) {
    const page: { cursor: string; hasMore: boolean } = ((await (await feed(cursor)).json()) as any).data.changes;
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  const before = await feed(cursor);
  expect(before.headers.get('cache-control')).toBe('no-store');
  expect(((await before.json()) as any).data.changes.events).toEqual([]);
  const { token } = await createToken(server.database.client, { name: 'Verwaltung', role: 'EDITOR', districtIds: ['16065'] });
  const confirmed = await server.graphql('mutation { confirmDistrictData(ags: "16065") { name } }', {}, token);
  expect(confirmed.errors).toBeUndefined();
  const after = ((await (await feed(cursor)).json()) as any).data.changes.events;
  expect(after).toEqual([{ type: 'District' }]);
});

test('answers are cached per language asked for, and say they vary by it', async () => {
  const client = server.database.client;
  const offer = await client.offer.findFirstOrThrow({ where: { category: 'LANGUAGE_COURSE' } });
  await addOfferTitleTranslation(client, offer, 'en', 'Language courses');
  const url = `${server.url}?query=${encodeURIComponent('{ cachedPerLanguage: offers(filter: { category: LANGUAGE_COURSE }) { edges { node { title } } } }')}`;
  const title = async (language: string) => {
    const response = await fetch(url, { headers: { 'accept-language': language } });
    expect(response.headers.get('vary')).toContain('Accept-Language');
    return ((await response.json()) as any).data.cachedPerLanguage.edges[0].node.title;
  };
  expect(await title('en')).toBe('Language courses');
  expect(await title('de')).toBe(offer.title);
  server.resetQueryLog();
  expect(await title('en')).toBe('Language courses');
  expect(dataReads()).toEqual([]);
});

test('a repeated GET is answered from the bytes of the first answer, with their age, until an edit', async () => {
  const first = await fetch(getUrl());
  const body = await first.text();
  expect(first.headers.get('age')).toBeNull(); // made for this request
  server.resetQueryLog();
  const second = await fetch(getUrl());
  expect(await second.text()).toBe(body);
  expect(Number(second.headers.get('age'))).toBeGreaterThanOrEqual(0);
  for (const header of ['etag', 'last-modified', 'cache-control', 'vary', 'content-type', 'x-content-type-options'])
    expect(second.headers.get(header), header).toBe(first.headers.get(header));
  expect(dataReads()).toEqual([]);
  // Another language, another answer (not the kept bytes).
  expect((await fetch(getUrl(), { headers: { 'accept-language': 'en' } })).headers.get('age')).toBeNull();
  const { token } = await createToken(server.database.client, { name: 'Verwaltung', role: 'EDITOR', districtIds: ['16065'] });
  try {
    expect((await server.graphql('mutation { confirmDistrictData(ags: "16065") { name } }', {}, token)).errors).toBeUndefined();
    const afterEdit = await fetch(getUrl());
    expect(afterEdit.headers.get('age')).toBeNull();
    expect(afterEdit.headers.get('etag')).toBe(first.headers.get('etag')); // same query, answered anew
  } finally {
    await server.reset();
  }
});

test("an edit in one district ends the kept bytes of what shows it, and leaves another district's", async () => {
  const url = (ags: string) =>
    `${server.url}?query=${encodeURIComponent(`{ keptPerDistrict: district(ags: "${ags}") { name contacts { totalCount } } }`)}`;
  for (const ags of ['16065', '14522']) await fetch(url(ags));
  const { token } = await createToken(server.database.client, { name: 'Verwaltung', role: 'EDITOR', districtIds: ['16065'] });
  try {
    expect((await server.graphql('mutation { confirmDistrictData(ags: "16065") { name } }', {}, token)).errors).toBeUndefined();
    server.resetQueryLog();
    const other = await fetch(url('14522'));
    expect(other.headers.get('age')).not.toBeNull();
    expect(dataReads()).toEqual([]);
    expect((await fetch(url('16065'))).headers.get('age')).toBeNull();
    expect(dataReads()).not.toEqual([]);
  } finally {
    await server.reset();
  }
});

test('an answer taken from the response cache is kept as bytes too', async () => {
  await fetch(getUrl());
  // Another Origin: other bytes (their CORS headers differ), the same entry of the response cache.
  const origin = { origin: 'https://landkreis.example' };
  server.resetQueryLog();
  expect((await fetch(getUrl(), { headers: origin })).headers.get('age')).toBeNull();
  expect((await fetch(getUrl(), { headers: origin })).headers.get('age')).not.toBeNull();
  expect(dataReads()).toEqual([]);
});

test('identical GETs arriving together are answered from one execution', async () => {
  // The district's table held by a transaction: all eight arrive while the first is being answered.
  const table = Prisma.raw(sqlTable('District'));
  let asked: Promise<Response[]> | undefined;
  await server.database.client.$transaction(async (tx) => {
    await tx.$executeRaw`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`;
    asked = Promise.all(Array.from({ length: 8 }, () => fetch(getUrl())));
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
  const answers = await asked!;
  const bodies = await Promise.all(answers.map((answer) => answer.text()));
  expect(new Set(bodies).size).toBe(1);
  // One made for its request; the others are its bytes, with their age.
  expect(answers.filter((answer) => answer.headers.get('age') === null)).toHaveLength(1);
});

test('requests waiting for an answer whose request went away are answered all the same', async () => {
  const table = Prisma.raw(sqlTable('District'));
  const gone = new AbortController();
  let waiting: Promise<Response[]> | undefined;
  await server.database.client.$transaction(async (tx) => {
    await tx.$executeRaw`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`;
    const first = fetch(getUrl(), { signal: gone.signal }).catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    waiting = Promise.all(Array.from({ length: 3 }, () => fetch(getUrl())));
    await new Promise((resolve) => setTimeout(resolve, 100));
    gone.abort();
    expect(await first).toBeInstanceOf(Error);
  });
  for (const answer of await waiting!) {
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as any).data).toBeDefined();
  }
});

test('two addresses of the same length and ending are kept apart', async () => {
  const url = (alias: string) => `${server.url}?query=${encodeURIComponent(`{ ${alias}: district(ags: "16065") { name } }`)}`;
  for (const alias of ['keptApartA', 'keptApartB', 'keptApartA', 'keptApartB']) {
    const data = ((await (await fetch(url(alias))).json()) as any).data;
    expect(Object.keys(data)).toEqual([alias]);
  }
});

test('the same variables in another key order are answered from the same entry', async () => {
  const query = 'query ($ags: String!, $asOf: Date) { stableKey: district(ags: $ags) { contacts(asOf: $asOf) { totalCount } } }';
  const ask = (variables: string) =>
    fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query":${JSON.stringify(query)},"variables":${variables}}`,
    });
  const first = await ask('{"ags":"16065","asOf":"2017-01-01"}');
  server.resetQueryLog();
  const second = await ask('{"asOf":"2017-01-01","ags":"16065"}');
  expect(await second.json()).toEqual(await first.json());
  expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
  expect(dataReads()).toEqual([]);
});

/** A GET or POST sent with the Host header a client chose (fetch does not let one set it). */
function askWithHost(method: 'GET' | 'POST', url: string, host: string, body?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method, headers: { host, ...(body ? { 'content-type': 'application/json' } : {}) } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.on('end', () => resolve(text));
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

test('an answer with links made from a forged Host is never served to anybody else (GET and POST)', async () => {
  const query = `{ linksByHost: district(ags: "16065") { contacts { edges { node { vcardUrl } } } } }`;
  const { host } = new URL(server.url);
  for (const [method, url, body] of [
    ['GET', `${server.url}?query=${encodeURIComponent(query)}`, undefined],
    ['POST', server.url, JSON.stringify({ query })],
  ] as const) {
    const forged = await askWithHost(method, url, 'evil.example', body);
    expect(forged, method).toContain('http://evil.example/export/');
    const honest = await askWithHost(method, url, host, body);
    expect(honest, method).not.toContain('evil.example');
    expect(honest, method).toContain(`http://${host}/export/`);
  }
});

test('with PUBLIC_URL, every answer links there, whatever Host a request names', async () => {
  const behindProxy = await startServer({
    port: 0,
    host: '127.0.0.1',
    responseCacheTtlMs: 60_000,
    publicUrl: 'https://integration.example',
  });
  try {
    const url = `${behindProxy.url}?query=${encodeURIComponent('{ district(ags: "16065") { contacts { edges { node { vcardUrl } } } } }')}`;
    for (const host of ['evil.example', new URL(behindProxy.url).host, 'evil.example']) {
      const answer = await askWithHost('GET', url, host);
      expect(answer).toContain('https://integration.example/export/');
      expect(answer).not.toContain('evil.example');
    }
  } finally {
    await behindProxy.close();
  }
});
