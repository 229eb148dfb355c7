// Shutting down under keep-alive load: a request that arrives on a connection the client already
// holds is answered — with `Connection: close` while the server drains — and never reset. Only
// new connections are refused once the server stops listening, which a client tells apart.
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, test } from 'vitest';
import { startServer } from '../../src/http/server.js';
import { startTestServer } from '../support/testServer.js';

test('under keep-alive load, requests on open connections are answered while the server drains; none is reset', async () => {
  const api = await startTestServer();
  const server = await startServer({ port: 0, host: '127.0.0.1', drainTimeoutMs: 5_000 });
  const agent = new Agent({ keepAlive: true, maxSockets: 6 });
  const outcomes: string[] = [];
  let loading = true;
  // Clients that reuse their connections with short pauses, as browsers and portals do.
  const client = async (pauseMs: number) => {
    while (loading) {
      outcomes.push(
        await new Promise<string>((resolve) => {
          const req = request(`${server.url.replace('/graphql', '')}/health`, { agent }, (res) => {
            res.resume();
            res.on('end', () => resolve(`${res.statusCode}${res.headers.connection === 'close' ? ' close' : ''}`));
          });
          req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
          req.end();
        }),
      );
      await sleep(pauseMs);
    }
  };
  const clients = [0, 0, 5, 20, 50, 150].map(client);
  try {
    await sleep(300);
    const closing = server.close();
    await sleep(1_000);
    loading = false;
    await Promise.all(clients);
    await closing;
    expect(outcomes.filter((outcome) => outcome.startsWith('200')).length).toBeGreaterThan(20);
    expect(outcomes).toContain('200 close');
    // A new connection after the listener closed is refused; an open one is never reset.
    expect(outcomes.filter((outcome) => !outcome.startsWith('200') && outcome !== 'ECONNREFUSED')).toEqual([]);
  } finally {
    agent.destroy();
    await api.close();
  }
});

test('an idle connection is kept longer than a proxy in front keeps its own (72 s, not Node’s 5 s), and reused', async () => {
  const api = await startTestServer();
  const server = await startServer({ port: 0, host: '127.0.0.1' });
  const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
  socket.setEncoding('utf8');
  let received = '';
  socket.on('data', (chunk: string) => {
    received += chunk;
  });
  const answered = async (count: number) => {
    while ((received.match(/HTTP\/1\.1 200/g) ?? []).length < count && !socket.destroyed) await sleep(20);
    return (received.match(/HTTP\/1\.1 200/g) ?? []).length;
  };
  const ask = () => socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
  try {
    ask();
    expect(await answered(1)).toBe(1);
    expect(received).toMatch(/^Keep-Alive: timeout=72$/im);
    // Past Node's default: the connection is still open, and answers on it.
    await sleep(5_500);
    expect(socket.destroyed).toBe(false);
    ask();
    expect(await answered(2)).toBe(2);
  } finally {
    socket.destroy();
    await server.close();
    await api.close();
  }
});
