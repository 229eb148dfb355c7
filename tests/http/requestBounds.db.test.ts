// A request's size and time are bounded: big bodies only with a valid token, a request that
// takes too long is answered 503 and the server goes on serving.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sqlTable } from '../../src/db/datamodel.js';
import { Prisma } from '../../src/generated/prisma/client.js';
import { startServer } from '../../src/http/server.js';
import { startTestServer, type TestServer } from '../support/testServer.js';
import { createTestTokens, type TestTokens } from '../support/tokens.js';

const bodyLimits = { anonymousBytes: 2_000, authenticatedBytes: 20_000 };
let server: TestServer;
let tokens: TestTokens;
beforeAll(async () => {
  server = await startTestServer({ bodyLimits, requestTimeoutMs: 1_000 });
  tokens = await createTestTokens(server.database.client);
});
afterAll(() => server.close());

/** A valid query padded with a comment to `bytes`. */
const paddedBody = (bytes: number) => {
  const body = JSON.stringify({ query: '{ states { code } }\n# ' });
  return `${body.slice(0, -2)}${'x'.repeat(bytes - body.length)}"}`;
};

const post = (body: string, token?: string) =>
  fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });

describe('request bodies', () => {
  test('with the default limits a valid token may send a 26 MB package (Yoga’s own 25 MB limit is off)', async () => {
    const defaults = await startServer({ port: 0, host: '127.0.0.1' });
    try {
      const response = await fetch(defaults.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.kyffhaeuser}` },
        body: paddedBody(26 * 1024 * 1024),
      });
      expect(response.status).toBe(200);
      expect((await response.json()).data.states.length).toBe(2);
    } finally {
      await defaults.close();
    }
  }, 60_000);

  test('an anonymous body over the limit is a 413, read no further', async () => {
    server.resetQueryLog();
    const response = await post(paddedBody(bodyLimits.anonymousBytes + 1));
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0]).toMatchObject({
      extensions: { code: 'BODY_TOO_LARGE' },
      message: `The request body has ${bodyLimits.anonymousBytes + 1} bytes; without a valid token at most ${bodyLimits.anonymousBytes} are accepted.`,
    });
    expect(server.queries.filter((sql) => !/ApiToken|api_token/i.test(sql))).toEqual([]);
  });

  test('a wrong token does not buy a bigger body: it is refused as the API refuses it', async () => {
    const response = await post(paddedBody(5_000), 'igt_wrong');
    expect(response.status).toBe(401);
    expect((await response.json()).errors[0]).toEqual({ message: 'Unknown API token.', extensions: { code: 'UNAUTHENTICATED' } });
  });

  test('a valid token may send up to its own limit, and no more', async () => {
    const accepted = await post(paddedBody(5_000), tokens.kyffhaeuser);
    expect(accepted.status).toBe(200);
    expect((await accepted.json()).data.states).toHaveLength(2);
    expect((await post(paddedBody(bodyLimits.authenticatedBytes + 1), tokens.kyffhaeuser)).status).toBe(413);
  });

  test('a body under the limit is answered', async () => {
    expect((await post(paddedBody(bodyLimits.anonymousBytes))).status).toBe(200);
  });

  test('a POST without Content-Length (chunked) is a 411', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(server.url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.write('{"query":"{ states { code } }"}');
      request.end();
    });
    expect(status).toBe(411);
  });
});

test('a request not answered within the time limit gets a 503; the server goes on', async () => {
  // A transaction that locks the table the query reads holds the query up past the limit.
  const table = Prisma.raw(sqlTable('State'));
  const blocker = server.database.client.$transaction(async (tx) => {
    await tx.$executeRaw`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const response = await post('{"query":"{ states { code } }"}');
  expect(response.status).toBe(503);
  expect((await response.json()).errors[0].extensions.code).toBe('REQUEST_TIMEOUT');
  await blocker;
  const after = await post('{"query":"{ states { code } }"}');
  expect((await after.json()).data.states).toHaveLength(2);
});
