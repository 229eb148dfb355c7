// A fresh, empty database for one test file: in-memory PGlite, or — in the PostgreSQL suite
// (TEST_DATABASE_URL set) — a new scratch database on that server, dropped afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type OpenDatabase, openDatabase } from '../../src/db/client.js';

export const postgresUrl = process.env.TEST_DATABASE_URL || undefined;
export const databaseKind = postgresUrl ? 'postgresql' : 'pglite';

async function onAdminConnection<T>(adminUrl: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** A new empty database on the PostgreSQL server; its URL, and how to drop it. */
export async function createScratchDatabase(adminUrl = postgresUrl): Promise<{ url: string; drop(): Promise<void> }> {
  if (!adminUrl) throw new Error('createScratchDatabase needs TEST_DATABASE_URL');
  const name = `ig_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onAdminConnection(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      onAdminConnection(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

export async function openTestDatabase(onQuery?: (sql: string) => void): Promise<OpenDatabase> {
  if (!postgresUrl) return openDatabase({ pgliteDataDir: 'memory://', onQuery });
  const scratch = await createScratchDatabase();
  const database = await openDatabase({ databaseUrl: scratch.url, poolSize: 5, onQuery });
  return {
    ...database,
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}
