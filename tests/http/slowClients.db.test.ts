// Clients that open connections and never finish their headers (slowloris) cannot hold the
// server: each loses its connection after HEADERS_TIMEOUT_MS, at most MAX_CONNECTIONS are open
// at once, and a client that sends a whole request is answered as soon as a place is free.
import { connect } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningServer, startServer } from '../../src/http/server.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

let api: TestServer;
let bounded: RunningServer;
beforeAll(async () => {
  api = await startTestServer();
  bounded = await startServer({ port: 0, host: '127.0.0.1', headersTimeoutMs: 1_000, maxConnections: 20 });
});
afterAll(async () => {
  await bounded?.close();
  await api?.close();
});

/**
 * A connection that sends the start of a request and nothing more, and when it was closed (also
 * when the server closed it before it had connected: then it never sends).
 */
function slowClient(port: number): { closed: Promise<number> } {
  const started = Date.now();
  const socket = connect(port, '127.0.0.1', () => socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: '));
  socket.on('error', () => {});
  return { closed: new Promise((done) => socket.once('close', () => done(Date.now() - started))) };
}

test('a connection that does not finish its headers is closed after the headers timeout; the server counts at most its maximum', async () => {
  const port = Number(new URL(bounded.url).port);
  const slow = Array.from({ length: 60 }, () => slowClient(port));
  // Beyond the maximum, connections are closed at once; the others when their time is up.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const open = await new Promise<number>((resolve) => bounded.server.getConnections((_error, count) => resolve(count)));
  expect(open).toBeLessThanOrEqual(20);
  const lifetimes = await Promise.all(slow.map((client) => client.closed));
  expect(Math.max(...lifetimes)).toBeLessThan(4_000);
  expect(lifetimes.filter((lifetime) => lifetime >= 900).length).toBeGreaterThan(0);
  // Afterwards, a whole request is answered.
  const response = await fetch(`http://127.0.0.1:${port}/health`);
  expect(response.status).toBe(200);
});
