// Per-client request limits: anonymous clients by address, token holders by token, and a
// stricter budget for failed authentication by address (guessing tokens gets slow fast).
// Over the limit the answer is 429 with Retry-After. With Redis configured the counters are
// shared by every instance; if Redis stops answering, each instance counts in memory until
// it is back (the API stays up, the limit per instance still holds).
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type DocumentNode, GraphQLError, getOperationAST, Kind } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { logger } from '../logger.js';
import { isFromGateway } from './gateway.js';
import { connectRedis } from './redis.js';

export interface RateLimits {
  /** Requests per minute from one address without a token; 0: no limit. */
  anonymousPerMinute: number;
  /** Requests per minute with one token; 0: no limit. */
  authenticatedPerMinute: number;
  /** Failed authentications per address; past it, requests with a token are refused for 15 minutes. */
  failedAuthenticationsPerMinute: number;
  /** Problem reports (`reportProblem`) per address and hour; 0: no limit. */
  problemReportsPerHour?: number;
  /** Shares the counters between instances. */
  redisUrl?: string;
  /** Proxies in front of the API whose X-Forwarded-For is trusted; 0: the peer address is the client. */
  trustedProxyHops?: number;
}

export interface RateLimiter {
  plugin: Plugin;
  close(): Promise<void>;
}

const failedAuthenticationBlockSeconds = 15 * 60;

function clientAddress(request: Request, nodeRequest: IncomingMessage | undefined, hops: number): string {
  const peer = nodeRequest?.socket.remoteAddress ?? 'unknown';
  if (hops <= 0) return peer;
  const forwarded = (request.headers.get('x-forwarded-for') ?? '').split(',').map((entry) => entry.trim());
  // Each trusted proxy appends the address it saw; the one `hops` from the end is the client.
  return forwarded[forwarded.length - hops] || peer;
}

const tokenKey = (authorization: string) => createHash('sha256').update(authorization).digest('base64url');

function limiter(name: string, points: number, redis: Redis | null, blockDuration = 0, duration = 60): RateLimiterAbstract {
  const options = { keyPrefix: `integrationsgraph:${name}`, points, duration, blockDuration };
  if (!redis) return new RateLimiterMemory(options);
  return new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) });
}

function tooManyRequests(fetchAPI: { Response: typeof Response }, refusal: RateLimiterRes, message: string): Response {
  const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
  return fetchAPI.Response.json(
    { errors: [{ message: `${message} Try again in ${seconds} s.`, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: seconds } }] },
    { status: 429, headers: { 'retry-after': String(seconds) } },
  );
}

/** Resolves to the refusal when the limiter has no points left, to null otherwise. */
async function consume(limiter: RateLimiterAbstract, key: string): Promise<RateLimiterRes | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return rejection;
    logger.warn({ err: rejection }, 'rate limiter failed; request let through');
    return null;
  }
}

/** Whether the operation to run is a mutation that reports a problem. */
function reportsProblem(document: DocumentNode, operationName: string | null | undefined): boolean {
  const operation = getOperationAST(document, operationName);
  return (
    operation?.operation === 'mutation' &&
    operation.selectionSet.selections.some((selection) => selection.kind === Kind.FIELD && selection.name.value === 'reportProblem')
  );
}

export async function createRateLimiter(limits: RateLimits): Promise<RateLimiter> {
  const redis = limits.redisUrl ? await connectRedis(limits.redisUrl, 'rate limits; counting in memory until it is back') : null;
  const anonymous = limits.anonymousPerMinute > 0 ? limiter('anonymous', limits.anonymousPerMinute, redis) : null;
  const authenticated = limits.authenticatedPerMinute > 0 ? limiter('token', limits.authenticatedPerMinute, redis) : null;
  const failed =
    limits.failedAuthenticationsPerMinute > 0
      ? limiter('failed-auth', limits.failedAuthenticationsPerMinute, redis, failedAuthenticationBlockSeconds)
      : null;
  const reports = limits.problemReportsPerHour ? limiter('problem-reports', limits.problemReportsPerHour, redis, 0, 3_600) : null;
  const hops = limits.trustedProxyHops ?? 0;
  const addressOf = (request: Request, serverContext: unknown) =>
    clientAddress(request, (serverContext as { req?: IncomingMessage }).req, hops);

  const plugin: Plugin = {
    async onRequest({ request, url, serverContext, fetchAPI, endResponse }) {
      if (url.pathname === '/health' || url.pathname === '/ready') return;
      const address = addressOf(request, serverContext);
      const authorization = request.headers.get('authorization');
      // The trusted gateway carries every user from one address: its per-address limits (for
      // anonymous requests and failed authentications) are the gateway's to enforce.
      const perAddress = !isFromGateway(request);
      if (authorization && failed && perAddress) {
        const blocked = await failed.get(address).catch(() => null);
        if (blocked && blocked.consumedPoints > limits.failedAuthenticationsPerMinute) {
          endResponse(tooManyRequests(fetchAPI, blocked, 'Too many failed authentications from this address.'));
          return;
        }
      }
      if (!authorization && !perAddress) return;
      const [bucket, key] = authorization ? [authenticated, tokenKey(authorization)] : [anonymous, address];
      const refusal = bucket && (await consume(bucket, key));
      if (refusal) endResponse(tooManyRequests(fetchAPI, refusal, 'Too many requests.'));
    },
    // Reports come without an account: beyond the request budget, few per address and hour.
    async onExecute({ args, setResultAndStopExecution }) {
      if (!reports || !reportsProblem(args.document, args.operationName)) return;
      const context = args.contextValue as { request: Request; req?: IncomingMessage };
      const refusal = await consume(reports, addressOf(context.request, context));
      if (!refusal) return;
      const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      setResultAndStopExecution({
        errors: [
          new GraphQLError(`Too many problem reports from this address. Try again in ${seconds} s.`, {
            extensions: {
              code: 'RATE_LIMITED',
              retryAfterSeconds: seconds,
              http: { status: 429, headers: { 'retry-after': String(seconds) } },
            },
          }),
        ],
      });
    },
    async onResponse({ request, response, serverContext }) {
      if (response.status === 401 && failed && !isFromGateway(request)) await consume(failed, addressOf(request, serverContext));
    },
  };
  return { plugin, close: async () => void redis?.disconnect() };
}
