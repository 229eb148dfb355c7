// Per-client request limits (@fastify/rate-limit): anonymous clients by address, token holders
// by token, and a stricter budget for failed authentication by address (guessing tokens gets
// slow fast). Over the limit the answer is 429 with Retry-After. With Redis configured the
// counters are shared by every instance; if Redis stops answering, each instance counts in
// memory until it is back (the API stays up, the limit per instance still holds).
// Fields may declare a budget of their own per address and hour (fieldDeclarations.ts):
// problem reports come without an account.
import { createHash } from 'node:crypto';
import rateLimit, { type FastifyRateLimitStore } from '@fastify/rate-limit';
import LocalStore from '@fastify/rate-limit/store/LocalStore.js';
import RedisStore from '@fastify/rate-limit/store/RedisStore.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import { selectedDeclarations } from './fieldDeclarations.js';
import { isGatewayRequest } from './gateway.js';
import { HttpProblem } from './problem.js';
import { connectRedis } from './redis.js';

export interface RateLimits {
  /** Requests per minute from one address without a token; 0: no limit. */
  anonymousPerMinute: number;
  /** Requests per minute with one token; 0: no limit. */
  authenticatedPerMinute: number;
  /** Failed authentications per address; past it, requests with a token are refused for 15 minutes. */
  failedAuthenticationsPerMinute: number;
  /** Problem reports (`createProblemReport`) per address and hour; 0: no limit. */
  problemReportsPerHour?: number;
  /** Shares the counters between instances. */
  redisUrl?: string;
  /** Proxies in front of the API whose X-Forwarded-For is trusted; 0: the peer address is the client. */
  trustedProxyHops?: number;
}

export interface RateLimiter {
  /** Yoga's plugin for the budgets fields declare. */
  plugin: Plugin;
  close(): Promise<void>;
}

const minute = 60_000;
const failedAuthenticationBlockMs = 15 * minute;

/**
 * Counts in Redis, shared by every instance; while Redis does not answer (the connection fails
 * fast, without queueing), in this instance's memory. The counting itself is the library's
 * (its Redis script and its in-memory store); every limiter of the server shares this store,
 * each with keys of its own.
 */
function fallingBackStore(redis: Redis | null) {
  const local = new LocalStore(false, false, 10_000);
  const shared = redis && new RedisStore(false, false, redis, 'integrationsgraph:rate-limit:');
  const sharedOrLocal =
    (method: 'incr' | 'read'): FastifyRateLimitStore['incr'] =>
    (key, callback, timeWindow, max) => {
      if (!shared) return local[method](key, callback, timeWindow, max);
      shared[method](
        key,
        (error, result) => (error ? local[method](key, callback, timeWindow, max) : callback(null, result)),
        timeWindow,
        max,
      );
    };
  const store = { incr: sharedOrLocal('incr'), read: sharedOrLocal('read'), child: () => store };
  return function FallingBackStore() {
    return store;
  } as unknown as new () => FastifyRateLimitStore;
}

const tokenKey = (authorization: string) => createHash('sha256').update(authorization).digest('base64url');

const tooMany = (message: string, ttlMs: number) => {
  const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
  return new HttpProblem(
    429,
    'RATE_LIMITED',
    `${message} Try again in ${seconds} s.`,
    { 'retry-after': String(seconds) },
    { retryAfterSeconds: seconds },
  );
};

type Check = ReturnType<FastifyInstance['createRateLimit']>;

/**
 * Registers the limits on `app` (before its routes: every route but those that say
 * `config: { rateLimit: false }` is counted). The client's address is the router's
 * (`trustProxy`: the address `trustedProxyHops` from the end of X-Forwarded-For).
 */
export async function useRateLimits(app: FastifyInstance, limits: RateLimits, schema: GraphQLSchema): Promise<RateLimiter> {
  const redis = limits.redisUrl ? await connectRedis(limits.redisUrl, 'rate limits; counting in memory until it is back') : null;
  await app.register(rateLimit, {
    store: fallingBackStore(redis),
    timeWindow: minute,
    keyGenerator: (request) =>
      request.headers.authorization ? `token:${tokenKey(request.headers.authorization)}` : `address:${request.ip}`,
    max: (_request, key) => (key.startsWith('token:') ? limits.authenticatedPerMinute : limits.anonymousPerMinute),
    // The trusted gateway carries every user from one address: its per-address limits (for
    // anonymous requests and failed authentications) are the gateway's to enforce.
    allowList: (request, key) =>
      key.startsWith('token:') ? limits.authenticatedPerMinute <= 0 : limits.anonymousPerMinute <= 0 || isGatewayRequest(request),
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    addHeaders: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false, 'retry-after': false },
    errorResponseBuilder: (_request, { ttl }) => tooMany('Too many requests.', ttl),
  });
  if (limits.failedAuthenticationsPerMinute > 0) limitFailedAuthentications(app, limits.failedAuthenticationsPerMinute);
  return { plugin: useFieldBudgets(app, limits, schema), close: async () => void redis?.disconnect() };
}

/** Past `perMinute` failed authentications, an address's requests with a token are refused for 15 minutes. */
function limitFailedAuthentications(app: FastifyInstance, perMinute: number) {
  const failures = app.createRateLimit({
    max: perMinute,
    timeWindow: minute,
    keyGenerator: (request) => `failed-auth:${request.ip}`,
    allowList: () => false,
  });
  const blocked = app.createRateLimit({
    max: 0,
    timeWindow: failedAuthenticationBlockMs,
    keyGenerator: (request) => `blocked:${request.ip}`,
    allowList: () => false,
  });
  const perAddress = (request: FastifyRequest) => !!request.headers.authorization && !isGatewayRequest(request);
  app.addHook('onRequest', (request, _reply, done) => {
    if (!perAddress(request)) return done();
    blocked(request, { increment: false }).then(
      (block) =>
        done(!block.isAllowed && block.isExceeded ? tooMany('Too many failed authentications from this address.', block.ttl) : undefined),
      done,
    );
  });
  // Counted as the refusal is sent, so that the address's next request already finds it.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (reply.statusCode !== 401 || !perAddress(request)) return done(null, payload);
    failures(request)
      .then((counted) => (!counted.isAllowed && counted.isExceeded ? blocked(request) : null))
      .then(() => done(null, payload), done);
  });
}

/** Each request selecting a field that declares `limitPerAddressAndHour` draws on that budget. */
function useFieldBudgets(app: FastifyInstance, limits: RateLimits, schema: GraphQLSchema): Plugin {
  const declared = selectedDeclarations(schema, 'limitPerAddressAndHour');
  const checks = new Map<string, Check>();
  const checkOf = (budget: keyof RateLimits) => {
    const perHour = Number(limits[budget] ?? 0);
    if (perHour <= 0) return null;
    if (!checks.has(budget))
      checks.set(
        budget,
        app.createRateLimit({
          max: perHour,
          timeWindow: 60 * minute,
          keyGenerator: (request) => `${budget}:${request.ip}`,
          allowList: () => false,
        }),
      );
    return checks.get(budget)!;
  };
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const request = (args.contextValue as { reply?: FastifyReply }).reply?.request;
      if (!request) return;
      for (const { field, value: budget } of declared(args.document, args.operationName)) {
        const check = checkOf(budget);
        const counted = check && (await check(request));
        if (!counted || counted.isAllowed || !counted.isExceeded) continue;
        const refusal = tooMany(`Too many requests with ${field} from this address.`, counted.ttl);
        setResultAndStopExecution({
          errors: [
            new GraphQLError(refusal.message, {
              extensions: { code: refusal.code, ...refusal.extensions, http: { status: 429, headers: refusal.headers } },
            }),
          ],
        });
        return;
      }
    },
  };
}
