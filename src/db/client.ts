// The one place that opens the database: embedded PGlite by default, PostgreSQL when
// DATABASE_URL is set. The Prisma client is a module-level binding that resolvers import
// (Pothos' advice: keeping it out of the context keeps type-checking fast).
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { readReplicas } from '@prisma/extension-read-replicas';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { type Prisma, PrismaClient } from '../generated/prisma/client.js';
import { copyPreparedDatabase, isNewDataDir } from './embeddedTemplate.js';
import { DatabaseInUseError, lockDataDir } from './processLock.js';

export type Database = PrismaClient;

/** A client inside a transaction. */
export type Tx = Prisma.TransactionClient;

export interface OpenDatabase {
  client: PrismaClient;
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  kind: 'pglite' | 'postgresql';
  /** A new embedded database made as a copy of the prepared one (src/db/embeddedTemplate.ts), not by initdb. */
  preparedCopy?: boolean;
  /**
   * Runs `work` while no other instance runs its own: start-up work (migrations, seeding)
   * happens once even when several instances start together against one database.
   */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` for every NOTIFY on `channel` (sent by any instance, on commit) and once
   * more after each reconnection, when notifications may have been missed. Resolves to the
   * function that stops listening.
   */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** An arbitrary but fixed key for pg_advisory_lock: "IGSTART" in ASCII. */
const startupLockKey = '20626096521302612';

/** Holds a session-level advisory lock on a connection of its own while `work` runs. */
async function withAdvisoryLock<T>(connectionString: string, work: () => Promise<T>): Promise<T> {
  const connection = new pg.Client({ connectionString });
  await connection.connect();
  try {
    await connection.query('SELECT pg_advisory_lock($1)', [startupLockKey]);
    return await work();
  } finally {
    await connection.end(); // ending the session releases the lock, even after a failure
  }
}

const reconnectDelayMs = 2_000;

/** LISTEN on a connection of its own, connecting again whenever it is lost (a restarted server). */
async function listenOnConnection(connectionString: string, channel: string, onNotify: () => void): Promise<() => Promise<void>> {
  let connection: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const again = () => {
    if (!stopped) retry = setTimeout(connect, reconnectDelayMs).unref();
  };
  async function connect() {
    const candidate = new pg.Client({ connectionString, keepAlive: true });
    candidate.on('notification', (message) => message.channel === channel && onNotify());
    candidate.on('error', () => {}); // 'end' follows and reconnects
    candidate.once('end', () => {
      if (connection === candidate) connection = undefined;
      again();
    });
    try {
      await candidate.connect();
      await candidate.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      connection = candidate;
      onNotify();
    } catch {
      candidate.removeAllListeners('end');
      await candidate.end().catch(() => {});
      again();
    }
  }
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await connection?.end().catch(() => {});
  };
}

export interface DatabaseOptions {
  databaseUrl?: string;
  /** PostgreSQL read replicas: reads go to one of them, writes and transactions to databaseUrl. */
  replicaUrls?: string[];
  poolSize?: number;
  pgliteDataDir?: string;
  /**
   * A new embedded data directory starts as a copy of the database prepared at install, migrated
   * and seeded (src/db/embeddedTemplate.ts): for a server that seeds at start, not for a script
   * that wants an empty database.
   */
  fromPreparedDatabase?: boolean;
  /** An already open PGlite instance (tests share one). */
  pglite?: PGlite;
  /** Called with every SQL statement sent (for query counting and tracing). */
  onQuery?: (sql: string) => void;
  /**
   * PostgreSQL: the longest a statement may run (the server cancels it) and, a second more,
   * the longest we wait for an answer or a connection (for a database that has gone silent).
   */
  statementTimeoutMs?: number;
}

/**
 * How the embedded PostgreSQL starts. Its default shared buffers (128 MB) live in PGlite's
 * WebAssembly memory, which never shrinks, and are mostly resident after the first queries,
 * although the embedded data take a few dozen MB and the operating system caches the files
 * anyway: 32 MB keep ~110 MB less resident at the same throughput (bench/FINDINGS.md).
 */
export const embeddedStartParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

/** Distinct statements an instance prepares; beyond, statements go unnamed (each connection keeps what it prepared). */
const maxPreparedStatements = 1_000;

/**
 * PostgreSQL parses and plans a named statement once per connection and reuses the plan; an
 * unnamed one every time. Prisma sends the same few statement texts again and again, so each
 * text gets a name (a hash of it), up to a bound that keeps the server's memory in check.
 */
function preparedStatements() {
  const names = new Map<string, string>();
  return {
    statementNameGenerator: ({ sql }: { sql: string }) => {
      const known = names.get(sql);
      if (known !== undefined) return known;
      if (names.size >= maxPreparedStatements) return '';
      const name = `ig_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
      names.set(sql, name);
      return name;
    },
  };
}

function poolConfig(connectionString: string, options: DatabaseOptions): pg.PoolConfig {
  const statementTimeoutMs = options.statementTimeoutMs ?? 10_000;
  return {
    connectionString,
    max: options.poolSize ?? 10,
    statement_timeout: statementTimeoutMs,
    query_timeout: statementTimeoutMs + 1_000,
    connectionTimeoutMillis: statementTimeoutMs + 1_000,
  };
}

function createClient(adapter: SqlMigrationAwareDriverAdapterFactory, onQuery?: (sql: string) => void): PrismaClient {
  // Minimal messages: without the source lines Prisma otherwise quotes (from our files).
  if (!onQuery) return new PrismaClient({ adapter, errorFormat: 'minimal' });
  const client = new PrismaClient({ adapter, errorFormat: 'minimal', log: [{ emit: 'event', level: 'query' }] });
  client.$on('query', (event) => onQuery(event.query));
  return client;
}

export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  if (options.databaseUrl) {
    const adapterFactory = new PrismaPg(poolConfig(options.databaseUrl, options), preparedStatements());
    const primary = createClient(adapterFactory, options.onQuery);
    const replicas = (options.replicaUrls ?? []).map((url) =>
      createClient(new PrismaPg(poolConfig(url, options), preparedStatements()), options.onQuery),
    );
    // The extension keeps the client's API (and adds $primary/$replica); Pothos and our code
    // use it as a PrismaClient.
    const client = replicas.length ? (primary.$extends(readReplicas({ replicas })) as unknown as PrismaClient) : primary;
    const { databaseUrl } = options;
    return {
      client,
      adapterFactory,
      kind: 'postgresql',
      exclusively: (work) => withAdvisoryLock(databaseUrl, work),
      listen: (channel, onNotify) => listenOnConnection(databaseUrl, channel, onNotify),
      close: async () => {
        await Promise.all([primary, ...replicas].map((each) => each.$disconnect()));
      },
    };
  }
  const dataDir = options.pgliteDataDir ?? 'memory://';
  const onDisk = !options.pglite && !dataDir.startsWith('memory://');
  // PGlite creates the data directory itself but not its parents (.data/ on a fresh clone).
  if (onDisk) await mkdir(dirname(dataDir), { recursive: true });
  // Before anything touches the directory: it belongs to one process.
  const unlock = onDisk ? lockDataDir(dataDir) : () => {};
  let preparedCopy = false;
  const open = async () => {
    if (onDisk && options.fromPreparedDatabase && isNewDataDir(dataDir)) preparedCopy = await copyPreparedDatabase(dataDir);
    return PGlite.create(dataDir, { startParams: embeddedStartParams });
  };
  const pglite =
    options.pglite ??
    (await open().catch((error) => {
      unlock();
      throw error;
    }));
  const adapterFactory = new PrismaPGlite(pglite);
  const client = createClient(adapterFactory, options.onQuery);
  embeddedClients.add(client);
  return {
    client,
    adapterFactory,
    kind: 'pglite',
    preparedCopy,
    // PGlite belongs to this process alone: nobody else can start against it.
    exclusively: (work) => work(),
    listen: (channel, onNotify) => pglite.listen(channel, onNotify),
    async close() {
      await client.$disconnect();
      if (!options.pglite) await pglite.close();
      unlock();
    },
  };
}

/**
 * openDatabase for the server and the npm scripts: an embedded database held by another
 * process ends the command with the reason (who holds it, what to do), not a stack trace.
 */
export async function openDatabaseOrExit(
  options: DatabaseOptions,
  report: (message: string) => void = console.error,
): Promise<OpenDatabase> {
  try {
    return await openDatabase(options);
  } catch (error) {
    if (!(error instanceof DatabaseInUseError)) throw error;
    report(error.message);
    process.exit(1);
  }
}

let current: PrismaClient | undefined;

/** The clients of embedded databases: one connection, where a long transaction holds every reader. */
const embeddedClients = new WeakSet<PrismaClient>();

/** Whether the server's database is the embedded one. */
export const isEmbedded = (): boolean => embeddedClients.has(db());

/** Makes `client` the one that resolvers use. */
export function useDatabase(client: PrismaClient): void {
  current = client;
}

/** The Prisma client of the running server. */
export function db(): PrismaClient {
  if (!current) throw new Error('The database is not open yet: call useDatabase() at start.');
  return current;
}
