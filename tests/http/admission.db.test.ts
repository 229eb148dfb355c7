// Cost-bounded admission, over HTTP: expensive queries beyond the budget and the queue are
// answered 503 OVERLOADED with Retry-After while the one in flight still runs; the contact card
// is answered meanwhile; the next expensive query after the burst is served; a client that
// leaves the queue frees its place; an answer kept by the response cache is sent without
// queueing. An expensive query is held in flight by the database: the comparison's list of
// districts (district.findMany, which the contact card does not run) waits until the test lets it go.
import { readFile } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { useDatabase } from '../../src/db/client.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import type { AdmissionLimits } from '../../src/http/admission.js';
import { persistedDocumentsFile } from '../../src/http/persistedOperations.js';
import { type RunningServer, startServer } from '../../src/http/server.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

// One expensive query in flight (one alone is always admitted), one waiting; long enough waits
// that only the test decides when the one in flight ends.
const limits: AdmissionLimits = { cheapBelowCost: 8_000, costInFlight: 1, queueLength: 1, maxWaitMs: 600_000 };

let database: TestServer;
let server: RunningServer;
let hashes: Record<string, string>;
let ends: ReturnType<typeof connectionEnds>;
beforeAll(async () => {
  database = await startTestServer();
  server = await startServer({ port: 0, host: '127.0.0.1', admission: limits, requestTimeoutMs: 0 });
  ends = connectionEnds(server);
  const trusted: Record<string, string> = JSON.parse(await readFile(persistedDocumentsFile, 'utf8'));
  hashes = Object.fromEntries(Object.entries(trusted).map(([hash, text]) => [/^\w+ (\w+)/.exec(text)![1]!, hash]));
});
afterAll(async () => {
  useDatabase(database.database.client);
  await server.close();
  await database.close();
});

/** A persisted GET, as the widget and the dashboard send them. */
const persisted = (url: string, name: string, variables: Record<string, unknown>, signal?: AbortSignal) =>
  fetch(
    `${url}?${new URLSearchParams({
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hashes[name] } }),
      variables: JSON.stringify(variables),
    })}`,
    { signal },
  );

// Each comparison its own page size: no two share an answer, whatever caches them.
let page = 20;
/** CompareDistricts (cost about 9,000 for 20 districts: expensive). */
const compare = (url = server.url, signal?: AbortSignal) => persisted(url, 'CompareDistricts', { first: page++ }, signal);
const contactCard = (url = server.url) => persisted(url, 'ContactCard', { ags: '16065' });

/**
 * Holds every list of districts the database is asked for until `release()`; `arrived()`
 * resolves when the first one is waiting (an expensive query is then in flight).
 */
function holdDistrictLists() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let arrive!: () => void;
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  const base = database.database.client;
  const holding = base.$extends({
    query: {
      district: {
        async findMany({ args, query }) {
          arrive();
          await released;
          return query(args);
        },
      },
    },
  });
  useDatabase(holding as unknown as PrismaClient);
  return {
    arrived: () => arrived,
    release: () => {
      release();
      useDatabase(base);
    },
  };
}

/** The first `count` answers to come (a 503 comes at once), leaving the others pending. */
async function firstAnswers<T>(requests: Promise<T | null>[], count: number): Promise<T[]> {
  const answered: T[] = [];
  await new Promise<void>((resolve) => {
    for (const request of requests)
      void request.then((response) => {
        if (response) answered.push(response);
        if (answered.length === count) resolve();
      });
  });
  return answered;
}

/** `next()` resolves when the server next reads the end of one of its connections (a client that left). */
function connectionEnds(running: RunningServer) {
  const waiting: (() => void)[] = [];
  running.server.on('connection', (socket: Socket) =>
    // After the server's own handlers of the end, and the work they defer.
    socket.once('end', () =>
      setImmediate(() => {
        for (const resolve of waiting.splice(0)) resolve();
      }),
    ),
  );
  return { next: () => new Promise<void>((resolve) => waiting.push(resolve)) };
}

test('beyond the budget and the queue, expensive queries get 503 with Retry-After at once; the contact card is answered meanwhile', async () => {
  const hold = holdDistrictLists();
  try {
    const first = compare();
    await hold.arrived();
    // One waits in the queue; the other two are refused while the first is still held.
    const burst = [compare(), compare(), compare()];
    for (const response of await firstAnswers(burst, 2)) {
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('600');
      const body = await response.json();
      expect(body.errors[0].extensions.code).toBe('OVERLOADED');
      expect(body.errors[0].message).toMatch(/Try again in 600 s\.$/);
    }
    const card = await contactCard();
    expect(card.status).toBe(200);
    expect((await card.json()).data.district.contacts.totalCount).toBeGreaterThan(0);
    hold.release();
    expect((await first).status).toBe(200);
    expect((await Promise.all(burst)).map((response) => response.status).sort()).toEqual([200, 503, 503]);
  } finally {
    hold.release();
  }
  // After the burst the next expensive query is served at once.
  const next = await compare();
  expect(next.status).toBe(200);
  expect((await next.json()).data.districts.edges.length).toBeGreaterThan(0);
});

test('a client that leaves the queue frees its place', async () => {
  const hold = holdDistrictLists();
  try {
    const first = compare();
    await hold.arrived();
    const clients = [new AbortController(), new AbortController()];
    const requests = clients.map((client) => compare(server.url, client.signal).catch(() => null));
    // The queue holds one: the other is refused, and the one still pending is the one waiting.
    const [refused] = await firstAnswers(requests, 1);
    expect(refused!.status).toBe(503);
    await refused!.json();
    // Its place is free once the server has read that the connection ended.
    const left = ends.next();
    for (const client of clients) client.abort();
    await Promise.all(requests);
    await left;
    // Of two more, one now takes the free place and the other is refused.
    const instead = [compare(), compare()];
    expect((await firstAnswers(instead, 1))[0]!.status).toBe(503);
    hold.release();
    expect((await first).status).toBe(200);
    expect((await Promise.all(instead)).map((response) => response.status).sort()).toEqual([200, 503]);
  } finally {
    hold.release();
  }
});

test('a query answered by the request timeout while it waits leaves the queue', async () => {
  const timed = await startServer({ port: 0, host: '127.0.0.1', admission: limits, requestTimeoutMs: 1_000 });
  /** The error code a comparison is answered with ('answered' for its data). */
  const codeOf = async () => ((await (await compare(timed.url)).json()).errors?.[0].extensions.code ?? 'answered') as string;
  const hold = holdDistrictLists();
  try {
    const first = codeOf();
    await hold.arrived();
    // One is refused at once, the other waits until the request timeout answers it.
    expect(await firstAnswers([codeOf(), codeOf()], 2)).toEqual(['OVERLOADED', 'REQUEST_TIMEOUT']);
    // Of two more, one takes the place the timed-out query left, the other is refused.
    const next = [codeOf(), codeOf()];
    expect(await firstAnswers(next, 1)).toEqual(['OVERLOADED']);
    hold.release();
    // The first was held past the timeout; the one that took the place ran (answered, or timed out too).
    expect(await first).toBe('REQUEST_TIMEOUT');
    expect((await Promise.all(next)).filter((code) => code === 'OVERLOADED')).toHaveLength(1);
  } finally {
    hold.release();
    await timed.close();
  }
});

test('an answer kept by the response cache is sent without queueing', async () => {
  const cached = await startServer({ port: 0, host: '127.0.0.1', admission: limits, requestTimeoutMs: 0, responseCacheTtlMs: 60_000 });
  const variables = { first: 7 };
  const post = () =>
    fetch(cached.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: hashes.CompareDistricts } }, variables }),
    });
  try {
    expect((await post()).status).toBe(200);
    expect((await persisted(cached.url, 'CompareDistricts', variables)).status).toBe(200);
    const hold = holdDistrictLists();
    try {
      const first = compare(cached.url);
      await hold.arrived();
      const waiting = [compare(cached.url), compare(cached.url)];
      expect((await firstAnswers(waiting, 1))[0]!.status).toBe(503);
      // The queue is full; the kept answers (POST: the response cache's; GET: its bytes) are sent.
      const kept = await post();
      expect(kept.status).toBe(200);
      expect((await kept.json()).data.districts.edges).toHaveLength(7);
      expect((await persisted(cached.url, 'CompareDistricts', variables)).status).toBe(200);
      hold.release();
      expect((await first).status).toBe(200);
      expect((await Promise.all(waiting)).map((response) => response.status).sort()).toEqual([200, 503]);
    } finally {
      hold.release();
    }
  } finally {
    await cached.close();
  }
});
