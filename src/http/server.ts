// The HTTP edge: a Fastify router with every address a route of its own — GraphQL at /graphql
// (Yoga as one route, GraphiQL included), the exports (/export/…, src/exports/), the dashboard,
// the editors' app (/editor),
// /health and /ready — and the router's plugins for what every route shares: CORS and security
// headers, rate limits, one error body, the request timeout, draining on shutdown.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, Server as NetServer, type Socket } from 'node:net';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { createAuthenticator, type JwtOptions } from '../auth/viewer.js';
import type { EditorSignIn } from '../config.js';
import { dashboardRoutes } from '../dashboard/page.js';
import { type ChangeNotifier, createChangeNotifier } from '../db/notifier.js';
import { editorRoutes } from '../editor/page.js';
import { exportRoutes } from '../exports/routes.js';
import { workbookRoutes } from '../exports/workbookRoute.js';
import { logger } from '../logger.js';
import { schema } from '../schema.js';
import { type AdmissionLimits, useAdmission } from './admission.js';
import { recogniseGateway } from './gateway.js';
import { createGraphQLYoga, graphqlRoute } from './graphqlRoute.js';
import { healthRoutes, type ReadinessCheck } from './health.js';
import { lazyQuery } from './lazyQuery.js';
import { answerProblems } from './problem.js';
import { type RateLimiter, type RateLimits, useRateLimits } from './rateLimit.js';
import { connectRedis } from './redis.js';
import { type BodyLimits, limitRequestTime } from './requestBounds.js';
import { createResponseCaching } from './responseCache.js';
import { useSecurityHeaders } from './securityHeaders.js';

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
  /** The editors' app signs in at the identity provider (OpenID Connect); without it, with a token only. */
  editorSignIn?: EditorSignIn;
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
  /** Expensive queries share a cost budget and queue (admission.ts); without it (false), none is queued. */
  admission?: AdmissionLimits | false;
  /** How long a client may take to send a request's headers before its connection is closed. */
  headersTimeoutMs?: number;
  /** How long an idle connection is kept open; longer than the idle timeout of the proxy in front. */
  keepAliveTimeoutMs?: number;
  /** Open connections at most; beyond, new ones are closed at once. */
  maxConnections?: number;
  /** Requests per client and minute; without them, none are counted. */
  rateLimits?: RateLimits;
  /** The secret a trusted federation gateway sends in X-Gateway-Secret (see gateway.ts). */
  gatewaySecret?: string;
  /** The API's address as clients see it, e.g. "https://integrationsgraph.thueringen.de" (links to exports); default: the request's. */
  publicUrl?: string;
  /** Wakes subscriptions when the change feed grows; the server closes it when it closes. Without it, they poll. */
  changeNotifier?: ChangeNotifier;
}

const defaultBodyLimits: BodyLimits = { anonymousBytes: 100 * 1024, authenticatedBytes: 32 * 1024 * 1024 };

export interface RunningServer {
  server: Server;
  url: string;
  /** Brings the response cache up to date with the change feed now, rather than when the next notification arrives. */
  catchUp(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A Node server that bounds slow clients: at most `maxConnections` open at once, and a request's
 * headers within `headersTimeoutMs`; an idle connection is kept `keepAliveTimeoutMs` for reuse. Node applies its own headers timeout (checked every second
 * here instead of every 30) to connections whose request started in a later packet; the first
 * request of a connection whose headers began in its very first packet escapes that check, so
 * a connection that has not delivered a whole first request in time is closed here.
 */
function boundedServer(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
  bounds: { headersTimeoutMs: number; keepAliveTimeoutMs: number; maxConnections: number },
): BoundedServer {
  const firstRequestDue = new WeakMap<Socket, NodeJS.Timeout>();
  /** Per connection: requests under way, and since when it has been idle. */
  const activity = new Map<Socket, { busy: number; idleSince: number }>();
  const server = createServer({ headersTimeout: bounds.headersTimeoutMs, connectionsCheckingInterval: 1_000 }, (request, response) => {
    clearTimeout(firstRequestDue.get(request.socket));
    const connection = activity.get(request.socket);
    if (connection) {
      connection.busy++;
      response.once('close', () => {
        connection.busy--;
        connection.idleSince = Date.now();
      });
    }
    handler(request, response);
  });
  server.maxConnections = bounds.maxConnections;
  server.keepAliveTimeout = bounds.keepAliveTimeoutMs;
  server.on('connection', (socket: Socket) => {
    const timer = setTimeout(() => socket.destroy(), bounds.headersTimeoutMs).unref();
    firstRequestDue.set(socket, timer);
    activity.set(socket, { busy: 0, idleSince: Date.now() });
    socket.once('close', () => {
      clearTimeout(timer);
      activity.delete(socket);
    });
  });
  return Object.assign(server, {
    closeIdleFor(ms: number) {
      const now = Date.now();
      for (const [socket, connection] of activity) if (!connection.busy && now - connection.idleSince >= ms) socket.destroy();
    },
  });
}

/** A Node server that also closes the connections idle for a while (see drainServer). */
type BoundedServer = Server & { closeIdleFor(ms: number): void };

/**
 * How long a connection must have been idle before a draining server closes it. A client that
 * reuses its connection within this time gets an answer with `Connection: close` instead of a
 * reset: closing a connection idle at the very moment its client sends on it is what resets it.
 */
const idleBeforeClosing = 1_000;

/**
 * Stops listening, answers what arrives on open connections (with `Connection: close`, see
 * closeConnectionsWhile), closes connections idle for a while, and resolves when none is left,
 * or cuts them after `timeoutMs`. Node's own close() would close every idle connection at once.
 */
async function drainServer(server: BoundedServer, timeoutMs: number): Promise<void> {
  const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs).unref();
  const idle = setInterval(() => server.closeIdleFor(idleBeforeClosing), 100).unref();
  try {
    await new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
  } finally {
    clearTimeout(deadline);
    clearInterval(idle);
  }
}

/** While draining, every answer closes its connection: keep-alive clients move to another instance. */
function closeConnectionsWhile(app: FastifyInstance, draining: () => boolean) {
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (draining()) reply.header('connection', 'close');
    done(null, payload);
  });
}

export async function startServer({
  port,
  host = '0.0.0.0',
  corsOrigins = ['*'],
  readiness,
  drainTimeoutMs = 25_000,
  requestTimeoutMs = 30_000,
  admission = false,
  headersTimeoutMs = 10_000,
  keepAliveTimeoutMs = 72_000,
  maxConnections = 2_000,
  rateLimits,
  changeNotifier: givenNotifier,
  responseCacheTtlMs = 0,
  responseCacheRedisUrl,
  jwt,
  editorSignIn,
  hstsMaxAgeSeconds = 0,
  introspection = true,
  fieldSuggestions = true,
  graphiql = true,
  exposeErrorDetails = false,
  bodyLimits = defaultBodyLimits,
  gatewaySecret,
  publicUrl,
}: ServerOptions): Promise<RunningServer> {
  let draining = false;
  const isDraining = () => draining;
  const changeNotifier = givenNotifier ?? (await createChangeNotifier(null));
  const cacheRedis =
    responseCacheTtlMs > 0 && responseCacheRedisUrl
      ? await connectRedis(responseCacheRedisUrl, 'response cache; answering uncached until it is back')
      : null;
  const responseCaching = createResponseCaching({ schema, ttlMs: responseCacheTtlMs, redis: cacheRedis, changeNotifier, publicUrl });
  // The cache follows the feed from its head, read before the first request is served.
  await responseCaching.catchUp();
  const authenticate = createAuthenticator(jwt);

  const app = Fastify({
    // Errors are logged (problem.ts, Yoga); a line per request is the proxy's to write.
    loggerInstance: logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    // Routes log through the server's logger; a child logger per request cost 1 % of a kept GET.
    childLoggerFactory: (parent) => parent,
    routerOptions: { querystringParser: lazyQuery },
    // The client's address is the one `trustedProxyHops` from the end of X-Forwarded-For.
    trustProxy: (_address: string, hop: number) => hop < (rateLimits?.trustedProxyHops ?? 0),
    // Draining answers requests with `Connection: close` (closeConnectionsWhile), not with 503.
    return503OnClosing: false,
    forceCloseConnections: false,
    // Slow clients are bounded: headers sent within headersTimeoutMs (Node checks every second
    // instead of its default 30 s), and at most maxConnections open at once, so that connections
    // that never finish their headers cannot exhaust the process.
    // Fastify's keep-alive default (72 s) is not applied to a factory's server: it is set there.
    serverFactory: (handler) => boundedServer(handler, { headersTimeoutMs, keepAliveTimeoutMs, maxConnections }),
  });
  answerProblems(app);
  app.addHook('onRequest', recogniseGateway(gatewaySecret));
  closeConnectionsWhile(app, isDraining);
  limitRequestTime(app, requestTimeoutMs);
  await useSecurityHeaders(app, { hstsMaxAgeSeconds, corsOrigins });
  const rateLimiter: RateLimiter | undefined = rateLimits && (await useRateLimits(app, rateLimits, schema));
  const yoga = createGraphQLYoga({
    authenticate,
    changeNotifier,
    publicUrl,
    introspection,
    fieldSuggestions,
    graphiql,
    exposeErrorDetails,
    plugins: [...(rateLimiter ? [rateLimiter.plugin] : []), ...(admission ? [useAdmission(admission)] : []), ...responseCaching.plugins],
  });
  await app.register(graphqlRoute({ yoga, bodyLimits, authenticate, keptAnswer: responseCaching.answer(isDraining) }));
  await app.register(exportRoutes(publicUrl));
  await app.register(workbookRoutes(authenticate));
  await app.register(dashboardRoutes());
  await app.register(editorRoutes(editorSignIn));
  await app.register(healthRoutes(async () => (draining ? { ready: false, reason: 'shutting down' } : (readiness?.() ?? { ready: true }))));
  await app.listen({ port, host });

  const server = app.server as BoundedServer;
  const { port: boundPort } = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    server,
    url: `http://${shownHost}:${boundPort}/graphql`,
    catchUp: responseCaching.catchUp,
    // Stop accepting connections, let requests in flight finish, then close; connections
    // still busy after the timeout are cut.
    close: async () => {
      draining = true;
      void rateLimiter?.close();
      void responseCaching.close().then(() => cacheRedis?.disconnect());
      void changeNotifier.close(); // ends the subscriptions' streams
      await drainServer(server, drainTimeoutMs);
      await app.close();
    },
  };
}
