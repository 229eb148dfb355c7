// A server shutting down ends its subscriptions' streams instead of waiting for them, and an
// instance serves only so many of them.
import { setTimeout } from 'node:timers/promises';
import { expect, test } from 'vitest';
import { createChangeNotifier } from '../../src/db/notifier.js';
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

test('an instance serves a bounded number of subscriptions; the next is told to come back later', async () => {
  const limited = await startTestServer({ changeNotifier: await createChangeNotifier(null, { maxFollowers: 1 }) });
  /** Whether a new subscription is refused: a refusal is an error event that ends the stream at once. */
  const refused = async () => {
    const abort = new AbortController();
    const response = await fetch(limited.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { changes { cursor } }' }),
      signal: abort.signal,
    });
    const ended = response.text().then((text) => text.includes('SUBSCRIPTIONS_EXHAUSTED'));
    const stillOpen = setTimeout(1_000, false);
    const result = await Promise.race([ended, stillOpen]);
    abort.abort();
    await ended.catch(() => {});
    return result;
  };
  try {
    const first = await subscribe(limited.url, 'subscription { changes { cursor } }');
    expect(await refused()).toBe(true);
    first.close();
    // Once the first stream is gone, its place is free again.
    await expect.poll(refused, { timeout: 10_000 }).toBe(false);
  } finally {
    await limited.close();
  }
});
