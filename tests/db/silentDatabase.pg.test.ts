// A PostgreSQL server that keeps its connections open and stops answering (hung, or the
// network dropped) must not hang the API: /ready says 503 within a second or two, queries end
// with a short "try again" instead of waiting, and everything recovers when it answers again.
// Between the API and PostgreSQL sits a TCP proxy the test can silence.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type OpenDatabase, openDatabase, useDatabase } from '../../src/db/client.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { createReadinessCheck } from '../../src/http/health.js';
import { type RunningServer, startServer } from '../../src/http/server.js';
import { seed } from '../../src/packages/seed.js';
import { createScratchDatabase } from '../support/postgres.js';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy.js';

let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let proxy: TcpProxy;
let database: OpenDatabase;
let server: RunningServer;

beforeAll(async () => {
  scratch = await createScratchDatabase();
  const target = new URL(scratch.url);
  proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
  const viaProxy = new URL(scratch.url);
  viaProxy.host = `127.0.0.1:${proxy.port}`;
  database = await openDatabase({ databaseUrl: viaProxy.toString(), poolSize: 4, statementTimeoutMs: 1_000 });
  await applyMigrations(database.adapterFactory);
  await seed(database.client);
  useDatabase(database.client);
  server = await startServer({ port: 0, host: '127.0.0.1', readiness: await createReadinessCheck(database.client) });
});

afterAll(async () => {
  proxy.resume();
  await server.close();
  await database.close();
  await proxy.close();
  await scratch.drop();
});

/** Fails the test instead of hanging it: the behaviour under test is answering in time. */
const within = (ms: number) => ({ signal: AbortSignal.timeout(ms) });
const ready = () => fetch(server.url.replace('/graphql', '/ready'), within(4_000));
const query = () =>
  fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ states { code } }' }),
    ...within(8_000),
  });

test('a long statement is cancelled by the database at the statement timeout', async () => {
  await expect(database.client.$queryRaw`SELECT pg_sleep(3)`).rejects.toThrow(/statement timeout/);
});

test('a silent database: /ready is 503 at once, queries end with DATABASE_UNAVAILABLE, all recovers', async () => {
  expect((await ready()).status).toBe(200);
  proxy.silence();
  try {
    const notReady = await ready();
    expect(notReady.status).toBe(503);
    expect((await notReady.json()).reason).toMatch(/did not answer within/);

    const answer = await query();
    expect(answer.status).toBe(503);
    const body = await answer.json();
    expect(body.errors[0].extensions.code).toBe('DATABASE_UNAVAILABLE');
    expect(body.errors[0].message).toMatch(/try again/i);
  } finally {
    proxy.resume();
  }
  await expect.poll(async () => (await ready()).status, { timeout: 15_000, interval: 250 }).toBe(200);
  expect((await (await query()).json()).data.states.length).toBe(2);
}, 40_000);
