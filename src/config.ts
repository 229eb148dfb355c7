// All configuration comes from the environment, parsed and checked once at start.
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { rootDir } from './paths.js';

const booleanSetting = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false'])
    .default(fallback)
    .transform((value) => value === 'true');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  /** PostgreSQL connection string; when unset the embedded PGlite database is used. */
  DATABASE_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection string')
      .optional(),
  ),
  /** PostgreSQL read replicas, comma-separated; reads are spread over them. */
  DATABASE_REPLICA_URLS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((url) => url.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^postgres(ql)?:\/\//, 'must be postgresql:// connection strings separated by commas'))),
  /** Maximum connections in the PostgreSQL pool. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  /** PostgreSQL: longest a statement may run; a second more is the longest we wait for an answer or a connection. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Data directory of the embedded database; `memory://` keeps it in memory. */
  PGLITE_DATA_DIR: z.string().default('.data/pglite'),
  /** Load the seed districts on start (idempotent). */
  SEED_ON_START: booleanSetting('true'),
  /** Origins allowed to call the API from a browser: "*" (any) or a comma-separated list. */
  CORS_ORIGINS: z
    .string()
    .default('*')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(z.union([z.literal('*'), z.url({ protocol: /^https?$/, error: 'must be * or http(s) origins separated by commas' })])).min(1),
    ),
  /** The state's identity provider: JWKS address, issuer and audience (all three, or none). */
  JWT_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
  /**
   * The editors' app's client at that identity provider (a public client: authorization code with
   * PKCE, its redirect address PUBLIC_URL's /editor/): editors sign in there instead of pasting a token.
   */
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** The scopes the editors' app asks the identity provider for. */
  OIDC_SCOPE: z.string().min(1).default('openid profile'),
  /** How long identical anonymous queries are answered from memory; 0 turns the cache off. */
  RESPONSE_CACHE_TTL_MS: z.coerce.number().int().min(0).default(60_000),
  /** Strict-Transport-Security max-age (seconds) where the API is served over TLS (behind a TLS proxy); 0: none. */
  HSTS_MAX_AGE_SECONDS: z.coerce.number().int().min(0).default(0),
  /** Largest request body without a valid token (a query and its variables). */
  REQUEST_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .default(100 * 1024),
  /** Largest request body with a valid token (a district's data package). */
  AUTHENTICATED_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .default(32 * 1024 * 1024),
  /** A request not answered within this time gets a 503; 0: no limit. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  /** The cost of expensive queries executing at once (see src/http/admission.ts); 0 turns admission off. */
  ADMISSION_COST_IN_FLIGHT: z.coerce.number().int().min(0).default(40_000),
  /** Queries costing less run at once, never queued: the widget's reads (its district page 12,245), not the comparisons (18,400 and more). */
  ADMISSION_CHEAP_BELOW_COST: z.coerce.number().int().min(1).default(15_000),
  /** Expensive queries waiting for their turn at most; the next one gets 503 OVERLOADED. */
  ADMISSION_QUEUE_LENGTH: z.coerce.number().int().min(0).default(16),
  /** How long an expensive query may wait for its turn before it gets 503 OVERLOADED. */
  ADMISSION_MAX_WAIT_MS: z.coerce.number().int().min(1).default(5_000),
  /** A client that has not sent a request's headers within this time loses its connection. */
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(10_000),
  /** How long an idle connection is kept open for the client's next request. */
  KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(72_000),
  /** Open connections at most; beyond, new ones are closed at once. */
  MAX_CONNECTIONS: z.coerce.number().int().min(1).default(2_000),
  /** Requests per minute from one address without a token; 0: no limit. */
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  /** Requests per minute with one token; 0: no limit. */
  RATE_LIMIT_AUTHENTICATED_PER_MINUTE: z.coerce.number().int().min(0).default(1_200),
  /** Failed authentications per minute from one address before its token requests are refused for 15 minutes. */
  RATE_LIMIT_FAILED_AUTH_PER_MINUTE: z.coerce.number().int().min(0).default(10),
  /** Problem reports (reportProblem) per address and hour; 0: no limit. */
  RATE_LIMIT_PROBLEM_REPORTS_PER_HOUR: z.coerce.number().int().min(0).default(10),
  /** Proxies in front of the API whose X-Forwarded-For is trusted for the client address. */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Redis that shares rate-limit counters between instances (redis://…); without it each instance counts alone. */
  REDIS_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// address')
      .optional(),
  ),
  /** The secret a trusted federation gateway sends in X-Gateway-Secret; its requests get plan-sized limits. */
  GATEWAY_SECRET: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)').optional(),
  ),
  /** The API's address as clients see it (behind a proxy), for links to exports; default: each request's own. */
  PUBLIC_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s):// address' })
      .transform((value) => value.replace(/\/+$/, ''))
      .optional(),
  ),
  /** How long the change feed keeps tombstones and superseded events (days). */
  FEED_RETENTION_DAYS: z.coerce.number().int().min(1).default(400),
  /** How often subscriptions and webhook delivery look at the feed without being woken (ms). */
  FEED_POLL_MS: z.coerce.number().int().min(100).default(5_000),
  /** Subscriptions (change feed streams) one instance serves at most. */
  FEED_MAX_SUBSCRIPTIONS: z.coerce.number().int().min(1).default(1_000),
  /** Let webhooks POST to private and loopback addresses (for a portal in the same network; off: no SSRF into it). */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: booleanSetting('false'),
  /** On SIGTERM, how long requests in flight may take before connections are cut. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(25_000),
  /** Answer introspection queries (GraphiQL and code generators need them). */
  INTROSPECTION: booleanSetting('true'),
  /** Suggest similar field names in validation errors. */
  FIELD_SUGGESTIONS: booleanSetting('true'),
  /** Serve GraphiQL to browsers at /graphql. */
  GRAPHIQL: booleanSetting('true'),
  /** Send the message and stack of unexpected errors to clients: for development only. */
  EXPOSE_ERROR_DETAILS: booleanSetting('false'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof schema> & {
  pgliteDataDir: string;
  jwt?: { jwksUrl: string; issuer: string; audience: string };
  editorSignIn?: EditorSignIn;
};

/** Where the editors' app sends editors to sign in: the identity provider (its issuer) and the app's client there. */
export interface EditorSignIn {
  issuer: string;
  clientId: string;
  scope: string;
}

/** The identity provider's sign-in for the editors' app, when OIDC_CLIENT_ID names its client. */
function editorSignInOf({
  OIDC_CLIENT_ID: clientId,
  OIDC_SCOPE: scope,
  JWT_ISSUER: issuer,
}: z.infer<typeof schema>): EditorSignIn | undefined {
  if (!clientId) return undefined;
  if (!issuer)
    throw new Error(
      'Invalid configuration:\n  OIDC_CLIENT_ID: the sign-in needs the identity provider (JWT_JWKS_URL, JWT_ISSUER, JWT_AUDIENCE)',
    );
  if (!URL.canParse(issuer) || !/^https?:$/.test(new URL(issuer).protocol)) {
    throw new Error("Invalid configuration:\n  JWT_ISSUER: for OIDC_CLIENT_ID, the issuer must be the provider's http(s) address");
  }
  return { issuer, clientId, scope };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
  }
  if (parsed.data.DATABASE_REPLICA_URLS.length && !parsed.data.DATABASE_URL) {
    throw new Error('Invalid configuration:\n  DATABASE_REPLICA_URLS: read replicas need DATABASE_URL (the primary)');
  }
  const { JWT_JWKS_URL: jwksUrl, JWT_ISSUER: issuer, JWT_AUDIENCE: audience } = parsed.data;
  const jwtSettings = [jwksUrl, issuer, audience].filter(Boolean).length;
  if (jwtSettings !== 0 && jwtSettings !== 3) {
    throw new Error(
      'Invalid configuration:\n  JWT_JWKS_URL, JWT_ISSUER, JWT_AUDIENCE: give all three to accept identity-provider tokens, or none',
    );
  }
  const dir = parsed.data.PGLITE_DATA_DIR;
  const pgliteDataDir = dir.startsWith('memory://') || isAbsolute(dir) ? dir : join(rootDir, dir);
  return {
    ...parsed.data,
    pgliteDataDir,
    jwt: jwksUrl && issuer && audience ? { jwksUrl, issuer, audience } : undefined,
    editorSignIn: editorSignInOf(parsed.data),
  };
}
