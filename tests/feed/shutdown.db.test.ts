// A server shutting down ends its subscriptions' streams instead of waiting for them.
import { expect, test } from 'vitest';
import { subscribe } from '../support/feed.js';
import { startTestServer } from '../support/testServer.js';

test('closing the server ends open event streams, and close() returns', async () => {
  const server = await startTestServer();
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query: 'subscription { changes { cursor } }' }),
  });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const body = response.text(); // resolves when the stream ends
  await server.close();
  expect(await body).toContain('event: complete');
  // A stream opened before is gone, and no new one is served.
  await expect(subscribe(server.url, 'subscription { changes { cursor } }')).rejects.toThrow();
});
