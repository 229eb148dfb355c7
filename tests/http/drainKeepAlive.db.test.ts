// Shutting down under keep-alive load: a request that arrives on a connection the client already
// holds is answered — with `Connection: close` while the server drains — and never reset. Only
// new connections are refused once the server stops listening, which a client tells apart.
import { Agent, request } from 'node:http';
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
