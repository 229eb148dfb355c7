// Per-client limits: anonymous clients by address, token holders by token, failed
// authentications by address (stricter); 429 with Retry-After beyond them; shared between
// instances through Redis. Two "addresses" come from X-Forwarded-For behind one trusted proxy.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decodeGlobalId } from '../../src/common/globalId.js';
import { useDatabase } from '../../src/db/client.js';
import type { RateLimits } from '../../src/http/rateLimit.js';
import { type RunningServer, startServer } from '../../src/http/server.js';
import { type RedisServer, redisServerInstalled, startRedisServer } from '../support/redis.js';
import { startTestServer, type TestServer } from '../support/testServer.js';
import { createTestTokens, type TestTokens } from '../support/tokens.js';

let server: TestServer;
let tokens: TestTokens;
const extraServers: RunningServer[] = [];
beforeAll(async () => {
  server = await startTestServer();
  tokens = await createTestTokens(server.database.client);
});
afterAll(async () => {
  await Promise.all(extraServers.map((each) => each.close()));
  await server.close();
});

const limits: RateLimits = { anonymousPerMinute: 4, authenticatedPerMinute: 3, failedAuthenticationsPerMinute: 2, trustedProxyHops: 1 };

const gatewaySecret = 'a-gateway-secret-of-at-least-32-characters';

async function limitedServer(overrides: Partial<RateLimits> = {}): Promise<RunningServer> {
  useDatabase(server.database.client);
  const running = await startServer({ port: 0, host: '127.0.0.1', rateLimits: { ...limits, ...overrides }, gatewaySecret });
  extraServers.push(running);
  return running;
}

let address = 0;
/** A client address no other test uses. */
const newClient = () => `198.51.100.${++address}`;

const query = JSON.stringify({ query: '{ states { code } }' });
/** A body past the anonymous limit (100 KiB by default): a query padded with spaces. */
const largeQuery = JSON.stringify({ query: `{ states { code } }${' '.repeat(101 * 1024)}` });

const ask = (url: string, client: string, token?: string, extraHeaders: Record<string, string> = {}, body = query) =>
  fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': client,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...extraHeaders,
    },
    body,
  });

async function statuses(
  url: string,
  client: string,
  count: number,
  token?: string,
  extraHeaders?: Record<string, string>,
  body?: string,
): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < count; i++) result.push((await ask(url, client, token, extraHeaders, body)).status);
  return result;
}

describe('in one instance', () => {
  let running: RunningServer;
  beforeAll(async () => {
    running = await limitedServer();
  });

  test('an anonymous client over its limit gets 429 with Retry-After; another client does not', async () => {
    const client = newClient();
    expect(await statuses(running.url, client, 4)).toEqual([200, 200, 200, 200]);
    const refused = await ask(running.url, client);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).errors[0].extensions.code).toBe('RATE_LIMITED');
    expect((await ask(running.url, newClient())).status).toBe(200);
    expect((await fetch(running.url.replace('/graphql', '/health'), { headers: { 'x-forwarded-for': client } })).status).toBe(200);
  });

  test('a token is counted by itself, apart from the anonymous requests of its address', async () => {
    const client = newClient();
    expect(await statuses(running.url, client, 4, tokens.ministryTH)).toEqual([200, 200, 200, 429]);
    expect((await ask(running.url, client)).status).toBe(200);
  });

  test('failed authentications block tokens from that address, not its anonymous reads', async () => {
    const client = newClient();
    expect(await statuses(running.url, client, 3, 'igt_guessed')).toEqual([401, 401, 401]);
    expect((await ask(running.url, client, 'igt_guessed')).status).toBe(429);
    expect((await ask(running.url, client, tokens.wartburg)).status).toBe(429);
    expect((await ask(running.url, client)).status).toBe(200);
    expect((await ask(running.url, newClient(), tokens.wartburg)).status).toBe(200);
  });

  test('bodies over the size limit are counted like any request', async () => {
    const client = newClient();
    expect(await statuses(running.url, client, 5, undefined, {}, largeQuery)).toEqual([413, 413, 413, 413, 429]);
  });

  test('a guessed token sent with a large body is a failed authentication, not a quiet answer about its size', async () => {
    const client = newClient();
    expect(await statuses(running.url, client, 3, 'igt_guessed_with_a_large_body', {}, largeQuery)).toEqual([401, 401, 401]);
    expect((await ask(running.url, client, tokens.wartburg, {}, largeQuery)).status).toBe(429);
    expect((await ask(running.url, newClient(), tokens.wartburg, {}, largeQuery)).status).toBe(200);
  });

  test('the trusted gateway, all users behind one address, is not limited per address: one user’s wrong tokens block nobody', async () => {
    const gateway = newClient();
    const fromGateway = { 'x-gateway-secret': gatewaySecret };
    expect(await statuses(running.url, gateway, 6, undefined, fromGateway)).toEqual([200, 200, 200, 200, 200, 200]);
    // Tokens are counted per token (3 a minute): three different wrong ones.
    const wrong = ['igt_wrong_1', 'igt_wrong_2', 'igt_wrong_3'];
    for (const token of wrong) expect((await ask(running.url, gateway, token, fromGateway)).status).toBe(401);
    expect((await ask(running.url, gateway, tokens.ministrySN, fromGateway)).status).toBe(200);
    // Without the secret the same address is an ordinary client, counted from zero.
    expect(await statuses(running.url, gateway, 5)).toEqual([200, 200, 200, 200, 429]);
  });
});

describe.skipIf(!redisServerInstalled && !process.env.CI)('across instances, through Redis', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(() => redis?.stop());

  test('two instances share one count', async () => {
    const [first, second] = [await limitedServer({ redisUrl: redis.url }), await limitedServer({ redisUrl: redis.url })];
    const client = newClient();
    expect(await statuses(first.url, client, 2)).toEqual([200, 200]);
    expect(await statuses(second.url, client, 2)).toEqual([200, 200]);
    expect((await ask(first.url, client)).status).toBe(429);
    expect((await ask(second.url, client)).status).toBe(429);
  });

  test('when Redis stops, the API answers and each instance counts by itself', async () => {
    const own = await startRedisServer();
    const running = await limitedServer({ redisUrl: own.url });
    const client = newClient();
    expect((await ask(running.url, client)).status).toBe(200);
    await own.stop();
    expect(await statuses(running.url, client, 5)).toEqual([200, 200, 200, 200, 429]);
  });
});

describe('problem reports', () => {
  test('an address sends a few reports an hour; more are refused with 429 and Retry-After, other queries go on', async () => {
    const limited = await limitedServer({ anonymousPerMinute: 100, problemReportsPerHour: 2 });
    const { data } = await server.graphql('{ offers(first: 1) { edges { node { id } } } }');
    const subject = data.offers.edges[0].node.id;
    const client = newClient();
    const report = (message: string) =>
      fetch(limited.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
        body: JSON.stringify({
          query: 'mutation ($input: ReportProblemInput!) { reportProblem(input: $input) { reference } }',
          variables: { input: { subject, message } },
        }),
      });
    expect((await report('Die Telefonnummer ist nicht mehr aktuell.')).status).toBe(200);
    expect((await report('Die Adresse stimmt nicht mehr, bitte prüfen.')).status).toBe(200);
    const refused = await report('Auch die Sprechzeiten sind falsch angegeben.');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).errors[0].extensions.code).toBe('RATE_LIMITED');
    expect((await ask(limited.url, client)).status).toBe(200);
    expect(await server.database.client.problemReport.count({ where: { subjectId: decodeGlobalId(subject).id } })).toBe(2);
  });
});
