// `npm start`: open the database (embedded PGlite unless DATABASE_URL is set), bring it to
// the current migration, load the seed districts, and serve.
import { loadConfig } from './config.js';
import { openDatabaseOrExit, useDatabase } from './db/client.js';
import { applyMigrations, migrationsCurrent } from './db/migrations.js';
import { createChangeNotifier } from './db/notifier.js';
import { startWebhookDelivery } from './feed/delivery.js';
import { keepFeedPruned } from './feed/read.js';
import { allowPrivateWebhookTargets } from './feed/webhooks.js';
import { createReadinessCheck } from './http/health.js';
import { startServer } from './http/server.js';
import { logger } from './logger.js';
import { type SeedOutcome, seed } from './packages/seed.js';

const seedMessages = {
  loaded: 'seed package loaded',
  current: 'seed package already applied',
  adopted: 'seed package recorded as applied (its records were there already)',
  updated: 'new seed release applied where nobody changed the records since',
};

function logSeedOutcome({ file, action, records, kept }: SeedOutcome) {
  logger.info({ file, records, ...(kept.length ? { kept } : {}) }, seedMessages[action]);
}

const config = loadConfig();
logger.level = config.LOG_LEVEL;

const database = await openDatabaseOrExit({
  databaseUrl: config.DATABASE_URL,
  replicaUrls: config.DATABASE_REPLICA_URLS,
  poolSize: config.DATABASE_POOL_SIZE,
  pgliteDataDir: config.pgliteDataDir,
  fromPreparedDatabase: config.SEED_ON_START,
  statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
});
logger.info(
  { database: database.kind, dataDir: database.kind === 'pglite' ? config.pgliteDataDir : undefined },
  database.preparedCopy ? 'database open: a new copy of the one prepared at install, migrated and seeded' : 'database open',
);

await database.exclusively(async () => {
  const applied = (await migrationsCurrent(database.client)) ? [] : await applyMigrations(database.adapterFactory);
  logger.info({ applied }, applied.length ? 'migrations applied' : 'database schema is current');
  if (config.SEED_ON_START) {
    for (const outcome of await seed(database.client)) logSeedOutcome(outcome);
  }
});

useDatabase(database.client);
allowPrivateWebhookTargets(config.WEBHOOK_ALLOW_PRIVATE_TARGETS);
const changeNotifier = await createChangeNotifier(database, { pollMs: config.FEED_POLL_MS, maxFollowers: config.FEED_MAX_SUBSCRIPTIONS });
const webhookDelivery = startWebhookDelivery(database.client, changeNotifier, {
  allowPrivateTargets: config.WEBHOOK_ALLOW_PRIVATE_TARGETS,
});
const feedPruning = keepFeedPruned(database.client, config.FEED_RETENTION_DAYS);
const running = await startServer({
  changeNotifier,
  publicUrl: config.PUBLIC_URL,
  port: config.PORT,
  host: config.HOST,
  corsOrigins: config.CORS_ORIGINS,
  readiness: await createReadinessCheck(database.client),
  drainTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  responseCacheTtlMs: config.RESPONSE_CACHE_TTL_MS,
  responseCacheRedisUrl: config.REDIS_URL,
  jwt: config.jwt,
  editorSignIn: config.editorSignIn,
  hstsMaxAgeSeconds: config.HSTS_MAX_AGE_SECONDS,
  introspection: config.INTROSPECTION,
  fieldSuggestions: config.FIELD_SUGGESTIONS,
  graphiql: config.GRAPHIQL,
  exposeErrorDetails: config.EXPOSE_ERROR_DETAILS,
  bodyLimits: { anonymousBytes: config.REQUEST_BODY_LIMIT_BYTES, authenticatedBytes: config.AUTHENTICATED_BODY_LIMIT_BYTES },
  requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
  admission: config.ADMISSION_COST_IN_FLIGHT > 0 && {
    costInFlight: config.ADMISSION_COST_IN_FLIGHT,
    cheapBelowCost: config.ADMISSION_CHEAP_BELOW_COST,
    queueLength: config.ADMISSION_QUEUE_LENGTH,
    maxWaitMs: config.ADMISSION_MAX_WAIT_MS,
  },
  headersTimeoutMs: config.HEADERS_TIMEOUT_MS,
  keepAliveTimeoutMs: config.KEEP_ALIVE_TIMEOUT_MS,
  maxConnections: config.MAX_CONNECTIONS,
  gatewaySecret: config.GATEWAY_SECRET,
  rateLimits: {
    anonymousPerMinute: config.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
    authenticatedPerMinute: config.RATE_LIMIT_AUTHENTICATED_PER_MINUTE,
    failedAuthenticationsPerMinute: config.RATE_LIMIT_FAILED_AUTH_PER_MINUTE,
    problemReportsPerHour: config.RATE_LIMIT_PROBLEM_REPORTS_PER_HOUR,
    trustedProxyHops: config.TRUSTED_PROXY_HOPS,
    redisUrl: config.REDIS_URL,
  },
});

/** A second after the drain timeout the process is gone, whatever still runs (an import rolls back). */
const databaseCloseMs = 1_000;

async function shutdown(signal: string) {
  logger.info({ signal, timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'shutting down: finishing requests in flight');
  setTimeout(() => {
    logger.warn('shutdown timeout reached: exiting with work unfinished');
    process.exit(1);
  }, config.SHUTDOWN_TIMEOUT_MS + databaseCloseMs).unref();
  clearInterval(feedPruning);
  await webhookDelivery.stop();
  await running.close();
  await database.close();
  logger.info('stopped');
  process.exit(0);
}
// Before announcing the address: a supervisor may signal as soon as it reads it.
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));

logger.info(`GraphQL at ${running.url} (GraphiQL in the browser), health at ${running.url.replace('/graphql', '/health')}`);
