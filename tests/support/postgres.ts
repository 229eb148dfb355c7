// Scratch databases on a PostgreSQL server, for the PostgreSQL suite and the benchmark.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

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
export async function createScratchDatabase(
  adminUrl = process.env.TEST_DATABASE_URL || undefined,
): Promise<{ url: string; drop(): Promise<void> }> {
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
