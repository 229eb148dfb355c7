// Several instances: the response cache shared through Redis, and invalidated by record from the
// change feed — an edit through one instance is visible through the other at once; an import
// made outside any request (the command line) as soon as the feed's NOTIFY arrives; without
// Redis, each instance's own cache follows the feed the same way.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createChangeNotifier } from '../../src/db/notifier.js';
import { type RunningServer, startServer } from '../../src/http/server.js';
import { exportPackages } from '../../src/packages/export.js';
import { importPackages } from '../../src/packages/import.js';
import { createToken } from '../../src/tokens/issue.js';
import { type RedisServer, redisServerInstalled, startRedisServer } from '../support/redis.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

const contactCard = `{ district(ags: "16065") { contacts { edges { node { id version channels { printed } } } } } }`;

async function readCard(url: string, token?: string) {
  const response = await fetch(`${url}?query=${encodeURIComponent(contactCard)}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return ((await response.json()) as any).data.district.contacts.edges[0].node as {
    id: string;
    version: number;
    channels: { printed: string }[];
  };
}

/** Waits for `condition`, for two seconds at most (the feed's NOTIFY arrives within milliseconds). */
async function soon(condition: () => Promise<boolean>): Promise<boolean> {
  for (let waited = 0; waited < 2_000; waited += 50) {
    if (await condition()) return true;
    await sleep(50);
  }
  return false;
}

async function editPhone(api: TestServer, url: string, printed: string) {
  const { token } = await createToken(api.database.client, { name: 'Redaktion', role: 'EDITOR', districtIds: ['16065'] });
  // An editor reads past the cache: the version to name is the stored one.
  const guide = await readCard(url, token);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: 'mutation ($input: UpdateContactInput!) { updateContact(input: $input) { __typename } }',
      variables: { input: { id: guide.id, version: guide.version, channels: [{ kind: 'PHONE', printed }] } },
    }),
  });
  expect((await response.json()).data.updateContact.__typename).toBe('MutationUpdateContactSuccess');
}

/** What an import from the command line does: a write no server's request makes. */
async function importPhone(api: TestServer, printed: string) {
  const packages = await exportPackages(api.database.client);
  const kyffhaeuser = structuredClone(packages.find(({ file }) => file.startsWith('16065'))!.dataPackage);
  const guideChannel = kyffhaeuser.tables.channels!.find((channel) => channel.kind === 'PHONE')!;
  guideChannel.printed = printed;
  delete guideChannel.value; // derived from the printed number, as the import does
  const actor = { tokenId: null, name: 'import', role: 'ADMIN' as const, districtIds: [], stateId: null, stateRegionalKey: null };
  await importPackages(api.database.client, [{ content: kyffhaeuser }], { actor, now: new Date() });
}

const phones = (card: { channels: { printed: string }[] }) => card.channels.map((channel) => channel.printed);

describe.skipIf(!redisServerInstalled)('two instances, one Redis', () => {
  let redis: RedisServer;
  let api: TestServer;
  let other: RunningServer;
  beforeAll(async () => {
    redis = await startRedisServer();
    // Instances behind one load balancer share its address: their answers (and links) are the same.
    const publicUrl = 'https://integration.example';
    api = await startTestServer({ responseCacheTtlMs: 60_000, responseCacheRedisUrl: redis.url, publicUrl });
    other = await startServer({
      port: 0,
      host: '127.0.0.1',
      responseCacheTtlMs: 60_000,
      responseCacheRedisUrl: redis.url,
      publicUrl,
      changeNotifier: await createChangeNotifier(api.database, { pollMs: 60_000 }),
    });
  });
  afterAll(async () => {
    await other?.close();
    await api?.close();
    await redis?.stop();
  });
  // An answer made while an invalidation runs is not kept: none of an earlier test's may come during this one.
  beforeEach(async () => {
    await api.settle();
    await other.catchUp();
  });

  test('an answer cached through one instance is served by the other from Redis', async () => {
    const query = `{ sharedProbe: district(ags: "16066") { name } }`;
    await fetch(`${api.url}?query=${encodeURIComponent(query)}`);
    api.resetQueryLog();
    const response = await fetch(`${other.url}?query=${encodeURIComponent(query)}`);
    expect(((await response.json()) as any).data.sharedProbe.name).toBe('Schmalkalden-Meiningen');
    // (The instances may read the change feed meanwhile, as they follow it; the district is not read.)
    expect(api.queries.filter((sql) => !sql.includes('"FeedEvent"'))).toEqual([]);
  });

  test('an edit through one instance is visible through the other at once', async () => {
    try {
      const before = await readCard(other.url);
      expect(await readCard(other.url)).toEqual(before); // cached now
      await editPhone(api, api.url, '03632 741-300');
      expect(phones(await readCard(other.url))).toEqual(['03632 741-300']);
    } finally {
      await api.reset();
    }
  });

  test('an import outside any request reaches both instances through the feed', async () => {
    try {
      await readCard(api.url);
      await readCard(other.url);
      await importPhone(api, '03632 741-400');
      expect(await soon(async () => phones(await readCard(other.url)).includes('03632 741-400'))).toBe(true);
      expect(phones(await readCard(api.url))).toContain('03632 741-400');
    } finally {
      await api.reset();
    }
  });
});

describe('two instances, each with its own cache in memory', () => {
  let api: TestServer;
  let other: RunningServer;
  beforeAll(async () => {
    api = await startTestServer({ responseCacheTtlMs: 60_000 });
    other = await startServer({
      port: 0,
      host: '127.0.0.1',
      responseCacheTtlMs: 60_000,
      changeNotifier: await createChangeNotifier(api.database, { pollMs: 60_000 }),
    });
  });
  afterAll(async () => {
    await other?.close();
    await api?.close();
  });

  test('the editing instance answers fresh at once, the other as soon as the feed tells it', async () => {
    try {
      await readCard(api.url);
      await readCard(other.url);
      await editPhone(api, api.url, '03632 741-500');
      expect(phones(await readCard(api.url))).toEqual(['03632 741-500']);
      expect(await soon(async () => phones(await readCard(other.url))[0] === '03632 741-500')).toBe(true);
    } finally {
      await api.reset();
    }
  });
});

describe.skipIf(!redisServerInstalled)('when the cache’s Redis stops', () => {
  let redis: RedisServer;
  let api: TestServer;
  beforeAll(async () => {
    redis = await startRedisServer();
    api = await startTestServer({ responseCacheTtlMs: 60_000, responseCacheRedisUrl: redis.url });
  });
  afterAll(async () => {
    await api?.close();
    await redis?.stop();
  });

  test('reads are answered uncached and edits still land and are seen', async () => {
    try {
      await readCard(api.url); // cached in Redis
      await redis.stop();
      api.resetQueryLog();
      const card = await readCard(api.url);
      expect(card.channels.length).toBeGreaterThan(0);
      expect(api.queries.some((sql) => sql.includes('"District"'))).toBe(true); // from the database, not the cache
      await editPhone(api, api.url, '03632 741-600');
      expect(phones(await readCard(api.url))).toEqual(['03632 741-600']);
    } finally {
      await api.reset();
    }
  });
});
