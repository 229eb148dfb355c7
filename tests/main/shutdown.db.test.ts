// SIGTERM drains: a request in flight when the signal arrives still gets its answer, then the
// process closes its database pool and exits 0.

import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { expect, test } from 'vitest';
import { sqlTable } from '../../src/db/datamodel.js';
import { rootDir } from '../../src/paths.js';
import { assertDatabaseTestFile } from '../support/database.js';
import { processDatabaseEnv, startServerProcess } from '../support/serverProcess.js';

const databaseEnv = await processDatabaseEnv('shutdown');

test('a slow request under way when SIGTERM arrives completes, then the process exits 0', async () => {
  const server = await startServerProcess(databaseEnv);
  const body = JSON.stringify({ query: '{ district(ags: "16066") { name concepts { adoptedOn } } }' });
  const half = Math.floor(body.length / 2);

  // A client on a slow line: headers and half the body now, the rest after the signal.
  const { url } = server;
  const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.write(body.slice(0, half));
    void sleep(1_000).then(() => req.end(body.slice(half)));
  });
  await sleep(300);
  server.child.kill('SIGTERM');

  const { status, text } = await response;
  expect(status).toBe(200);
  expect(JSON.parse(text)).toEqual({ data: { district: { name: 'Schmalkalden-Meiningen', concepts: [{ adoptedOn: '2019-05-13' }] } } });
  expect(await server.exited).toBe(0);
  expect(server.log.join('\n')).toMatch(/shutting down[\s\S]*stopped/);
}, 120_000);

/** On PostgreSQL: a request whose query waits on a lock the test holds, as one waits behind an import. */
async function requestStuckInDatabase(url: string) {
  if (!databaseEnv.DATABASE_URL) return { release: async () => {} };
  const holder = new pg.Client({ connectionString: databaseEnv.DATABASE_URL });
  await holder.connect();
  await holder.query(`BEGIN; LOCK TABLE ${sqlTable('State')} IN ACCESS EXCLUSIVE MODE`);
  void fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ states { name } }"}' }).catch(
    () => {},
  );
  return { release: () => holder.end() };
}

test('SHUTDOWN_TIMEOUT_MS is kept under keep-alive load, with a stalled upload and a query waiting in the database', async () => {
  const timeoutMs = 1_000;
  const server = await startServerProcess({ ...databaseEnv, SHUTDOWN_TIMEOUT_MS: String(timeoutMs), RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0' });
  const body = JSON.stringify({ query: '{ states { code } }' });

  // A stalled upload: half a body, the rest never comes.
  const stalled = request(server.url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length } });
  stalled.on('error', () => {});
  stalled.write(body.slice(0, 10));

  // Keep-alive clients that send the next request as soon as one is answered.
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  let loading = true;
  const statuses: number[] = [];
  const client = async () => {
    while (loading) {
      const status = await new Promise<number>((resolve) => {
        const req = request(server.url, { agent, method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', () => resolve(0));
        req.end(body);
      });
      statuses.push(status);
      if (status === 0) await sleep(20);
    }
  };
  const clients = Array.from({ length: 4 }, client);
  await sleep(500);
  const stuck = await requestStuckInDatabase(server.url);
  await sleep(200);

  const signalled = Date.now();
  server.child.kill('SIGTERM');
  await server.exited;
  const tookMs = Date.now() - signalled;
  loading = false;
  await Promise.all(clients);
  agent.destroy();
  stalled.destroy();
  await stuck.release();

  // The drain timeout, a second to close the database, and slack for a loaded CI machine.
  expect(tookMs).toBeLessThan(timeoutMs + 1_000 + 2_000);
  expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(0);
  expect(statuses.filter((status) => status !== 200 && status !== 0)).toEqual([]);
}, 120_000);

/** The README's run command itself: `npm start`, the process an operator signals. */
async function startWithNpm(env: Record<string, string>) {
  assertDatabaseTestFile();
  const child = spawn('npm', ['start'], {
    cwd: rootDir,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    let log = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /GraphQL at (http:\/\/\S+\/graphql)/.exec(log);
      if (match) resolve(match[1]!);
    });
    void exited.then((code) => reject(new Error(`npm start exited with ${code}: ${log}`)));
  });
  return { child, exited, url };
}

test.each(['SIGTERM', 'SIGINT'] as const)(
  '%s to `npm start` stops the server: it drains, exits and frees the port',
  async (signal) => {
    const { child, exited, url } = await startWithNpm(databaseEnv);
    expect((await fetch(url.replace('/graphql', '/health'))).status).toBe(200);
    child.kill(signal);
    expect(await exited).toBe(0);
    await expect(fetch(url.replace('/graphql', '/health'))).rejects.toThrow();
  },
  120_000,
);
