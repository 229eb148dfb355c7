// The HTTP server: GraphQL at /graphql (GraphiQL included), /health (the process runs) and
// /ready (it can serve: database, migrations, not shutting down).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError, NoSchemaIntrospectionCustomRule } from 'graphql';
import { createYoga, type MaskError, maskError, type Plugin } from 'graphql-yoga';
import { createAuthenticator, type JwtOptions } from '../auth/viewer.js';
import { useDashboard } from '../dashboard/page.js';
import { type ChangeNotifier, createChangeNotifier } from '../db/notifier.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { contextFactory } from '../graphql/context.js';
import { logger } from '../logger.js';
import { schema } from '../schema.js';
import { useCursorCheck } from './cursorArguments.js';
import { useExports } from './exports.js';
import { useGatewayRecognition } from './gateway.js';
import { graphiqlOptions, renderGraphiQL } from './graphiql.js';
import type { ReadinessCheck } from './health.js';
import { usePersistedDocuments } from './persistedOperations.js';
import { queryLimitPlugins } from './queryLimits.js';
import { createRateLimiter, type RateLimiter, type RateLimits } from './rateLimit.js';
import { connectRedis } from './redis.js';
import { type BodyLimits, useBodyLimit, withRequestTimeout } from './requestBounds.js';
import { useQueryStringCheck, useTextCheck } from './requestChecks.js';
import { createResponseCaching, type ResponseCaching } from './responseCache.js';
import { useSecurityHeaders } from './securityHeaders.js';
import { useSpreadsheetExports } from './spreadsheets.js';

export interface ServerOptions {
  port: number;
  host?: string;
  /** Browser origins allowed to call the API; ["*"] lets any website embed it. */
  corsOrigins?: string[];
  /** What /ready checks besides "not shutting down"; without it /ready follows /health. */
  readiness?: ReadinessCheck;
  /** How long SIGTERM waits for requests in flight before cutting connections. */
  drainTimeoutMs?: number;
  /** How long an anonymous answer is reused (and may be cached by browsers); 0 turns caching off. */
  responseCacheTtlMs?: number;
  /** Redis that holds the response cache for every instance (redis://…); without it each instance caches in memory. */
  responseCacheRedisUrl?: string;
  /** The state's identity provider, whose JWTs are accepted besides API tokens. */
  jwt?: JwtOptions;
  /** Strict-Transport-Security max-age in seconds, where the API is served over TLS; 0: none. */
  hstsMaxAgeSeconds?: number;
  /** Whether the schema answers introspection queries (client developers' tools need it). */
  introspection?: boolean;
  /** Whether validation errors suggest similar field names ("Did you mean …?"). */
  fieldSuggestions?: boolean;
  /** Whether browsers get GraphiQL at /graphql. */
  graphiql?: boolean;
  /** Whether unexpected errors carry their message and stack to the client (development only). */
  exposeErrorDetails?: boolean;
  /** Largest request bodies, anonymous and with a valid token. */
  bodyLimits?: BodyLimits;
  /** How long a request may take before it is answered 503; 0: no limit. */
  requestTimeoutMs?: number;
  /** Requests per client and minute; without them, none are counted. */
  rateLimits?: RateLimits;
  /** The secret a trusted federation gateway sends in X-Gateway-Secret (see gateway.ts). */
  gatewaySecret?: string;
  /** The API's address as clients see it, e.g. "https://integrationsgraph.thueringen.de" (links to exports); default: the request's. */
  publicUrl?: string;
  /** Wakes subscriptions when the change feed grows; the server closes it when it closes. Without it, they poll. */
  changeNotifier?: ChangeNotifier;
}

export const defaultBodyLimits: BodyLimits = { anonymousBytes: 100 * 1024, authenticatedBytes: 32 * 1024 * 1024 };

type HandlerOptions = Omit<
  ServerOptions,
  'port' | 'host' | 'drainTimeoutMs' | 'requestTimeoutMs' | 'rateLimits' | 'changeNotifier' | 'responseCacheTtlMs' | 'responseCacheRedisUrl'
> & {
  changeNotifier: ChangeNotifier;
  rateLimiter?: RateLimiter;
  responseCaching?: ResponseCaching;
  /** True once the server is shutting down. */
  draining?: () => boolean;
};

const databaseUnavailable = () =>
  new GraphQLError('The database did not answer in time; try again in a few seconds.', {
    extensions: { code: 'DATABASE_UNAVAILABLE', http: { status: 503, headers: { 'retry-after': '5' } } },
  });

/** A database that does not answer is a 503 the client may retry; anything else unexpected is masked. */
const maskUnexpectedError: MaskError = (error, message, isDev) =>
  isDatabaseUnavailable(error) ? databaseUnavailable() : maskError(error, message, isDev);

/** Refuses __schema and __type: for deployments that publish the schema file instead. */
function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

/** While draining, every answer closes its connection: keep-alive clients move to another instance. */
function closingConnections(draining: () => boolean): Plugin {
  return {
    onResponse({ response }) {
      if (draining()) response.headers.set('connection', 'close');
    },
  };
}

function readinessEndpoint(check: () => Promise<{ ready: boolean; reason?: string }>): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== '/ready') return;
      const { ready, reason } = await check();
      endResponse(fetchAPI.Response.json({ status: ready ? 'ready' : 'unavailable', reason }, { status: ready ? 200 : 503 }));
    },
  };
}

export function createGraphQLHandler({
  corsOrigins = ['*'],
  readiness = async () => ({ ready: true }),
  responseCaching,
  jwt,
  hstsMaxAgeSeconds = 0,
  introspection = true,
  fieldSuggestions = true,
  graphiql = true,
  exposeErrorDetails = false,
  bodyLimits = defaultBodyLimits,
  rateLimiter,
  draining = () => false,
  gatewaySecret,
  changeNotifier,
  publicUrl,
}: HandlerOptions) {
  const authenticate = createAuthenticator(jwt);
  return createYoga({
    schema,
    context: contextFactory(authenticate, changeNotifier, publicUrl),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    // Bodies are bounded by useBodyLimit from their Content-Length, which every POST must send
    // and Node's parser holds the body to. Yoga's own limit streamed every body through a
    // transform with an abort signal (8 % of the CPU of a cached POST), and at 25 MB it cut our
    // 32 MB limit for district packages short.
    maxRequestBodySize: false,
    graphiql: graphiql && graphiqlOptions(),
    renderGraphiQL,
    logging: logger,
    // Unexpected errors reach the client as "Unexpected error." (Yoga logs them in full). Yoga
    // would add the message and stack whenever NODE_ENV is "development"; only an explicit
    // setting does that here.
    maskedErrors: { isDev: exposeErrorDetails, maskError: maskUnexpectedError },
    // Anonymous reads need no cookies: no credentials. With an allow-list, an origin not on it
    // (including "null": sandboxed frames, files) gets no CORS headers at all.
    cors: (request) => {
      const origin = request.headers.get('origin');
      const anyOrigin = corsOrigins.includes('*');
      if (!anyOrigin && (!origin || !corsOrigins.includes(origin))) return false;
      return {
        origin: anyOrigin ? '*' : origin!,
        credentials: false,
        methods: ['GET', 'POST'],
        allowedHeaders: ['content-type', 'accept', 'authorization'],
        maxAge: 86_400,
      };
    },
    plugins: [
      readinessEndpoint(readiness),
      useGatewayRecognition(gatewaySecret),
      closingConnections(draining),
      ...(rateLimiter ? [rateLimiter.plugin] : []),
      useBodyLimit(bodyLimits, authenticate),
      useSecurityHeaders({ hstsMaxAgeSeconds, originDependent: !corsOrigins.includes('*') }),
      useSpreadsheetExports(),
      useExports(publicUrl),
      useDashboard(),
      useQueryStringCheck(),
      usePersistedDocuments(),
      useCursorCheck(),
      useTextCheck(),
      ...queryLimitPlugins({ fieldSuggestions }),
      ...(introspection ? [] : [useNoIntrospection()]),
      ...(responseCaching?.plugins ?? []),
    ],
  });
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function startServer({
  port,
  host = '0.0.0.0',
  readiness,
  drainTimeoutMs = 25_000,
  requestTimeoutMs = 30_000,
  rateLimits,
  changeNotifier: givenNotifier,
  responseCacheTtlMs = 0,
  responseCacheRedisUrl,
  ...options
}: ServerOptions): Promise<RunningServer> {
  let draining = false;
  const rateLimiter = rateLimits && (await createRateLimiter(rateLimits));
  const changeNotifier = givenNotifier ?? (await createChangeNotifier(null));
  const cacheRedis =
    responseCacheTtlMs > 0 && responseCacheRedisUrl
      ? await connectRedis(responseCacheRedisUrl, 'response cache; answering uncached until it is back')
      : null;
  const responseCaching = createResponseCaching({ ttlMs: responseCacheTtlMs, redis: cacheRedis, changeNotifier });
  const handler = createGraphQLHandler({
    ...options,
    changeNotifier,
    rateLimiter,
    responseCaching,
    draining: () => draining,
    readiness: async () => (draining ? { ready: false, reason: 'shutting down' } : (readiness?.() ?? { ready: true })),
  });
  const server = createServer(
    withRequestTimeout(
      responseCaching.wrap(handler, () => draining),
      requestTimeoutMs,
    ),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: boundPort } = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    server,
    url: `http://${shownHost}:${boundPort}/graphql`,
    // Stop accepting connections, let requests in flight finish, then close; connections
    // still busy after the timeout are cut.
    close: () =>
      new Promise<void>((resolve, reject) => {
        draining = true;
        void rateLimiter?.close();
        void responseCaching.close().then(() => cacheRedis?.disconnect());
        void changeNotifier.close(); // ends the subscriptions' streams
        const deadline = setTimeout(() => server.closeAllConnections(), drainTimeoutMs).unref();
        // Connections that finish a request (an ended event stream too) close as soon as they are idle.
        const idle = setInterval(() => server.closeIdleConnections(), 100).unref();
        server.close((error) => {
          clearTimeout(deadline);
          clearInterval(idle);
          if (error) reject(error);
          else resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
