// Security headers on every answer; Vary: Origin where the answer depends on the origin; an
// "Origin: null" (a sandboxed frame, a file) is never an allowed origin of an allow-list.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningServer, startServer } from '../../src/http/server.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

let server: TestServer;
let guarded: RunningServer;
beforeAll(async () => {
  server = await startTestServer({ responseCacheTtlMs: 60_000 });
  // A second HTTP server on the same database: an allow-list, and TLS said to be in front.
  guarded = await startServer({
    port: 0,
    host: '127.0.0.1',
    corsOrigins: ['https://www.kyffhaeuser.de'],
    hstsMaxAgeSeconds: 31_536_000,
    responseCacheTtlMs: 60_000,
  });
});
afterAll(async () => {
  await guarded.close();
  await server.close();
});

const query = `?query=${encodeURIComponent('{ districts { totalCount } }')}`;

test('every answer says nosniff and no-referrer; HTML pages carry a Content Security Policy', async () => {
  for (const response of [
    await fetch(`${server.url}${query}`),
    await fetch(server.url.replace('/graphql', '/health')),
    await fetch(server.url, { headers: { accept: 'text/html' } }),
  ]) {
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  }
  const page = await fetch(server.url, { headers: { accept: 'text/html' } });
  expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(page.headers.get('strict-transport-security')).toBeNull();
});

test('with an allow-list, every answer varies by Origin — listed or not — and a null origin is not allowed', async () => {
  for (const origin of ['https://www.kyffhaeuser.de', 'https://elsewhere.example', 'null']) {
    const response = await fetch(`${guarded.url}${query}`, { headers: { origin } });
    expect(response.headers.get('vary') ?? '', origin).toMatch(/\bOrigin\b/i);
    const allowed = response.headers.get('access-control-allow-origin');
    expect(allowed, origin).toBe(origin === 'https://www.kyffhaeuser.de' ? origin : null);
  }
  const tls = await fetch(`${guarded.url}${query}`);
  expect(tls.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
});
