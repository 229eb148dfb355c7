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

/**
 * A new database on the PostgreSQL server — empty, or a copy of `template` — its URL, and how
 * to drop it.
 */
export async function createScratchDatabase(
  adminUrl = process.env.TEST_DATABASE_URL || undefined,
  template?: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  if (!adminUrl) throw new Error('createScratchDatabase needs TEST_DATABASE_URL');
  const name = `ig_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onAdminConnection(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      onAdminConnection(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** "IGTMPL" in ASCII: one worker builds a template while the others wait for it. */
const templateLockKey = '77742330080588';

/**
 * The name of a database on the server that `prepare` has filled (migrated and seeded), built
 * once per `key` by whichever test worker comes first; copies of it are cheap.
 */
export async function preparedTemplate(adminUrl: string, key: string, prepare: (url: string) => Promise<void>): Promise<string> {
  const name = `ig_template_${key}`;
  return onAdminConnection(adminUrl, async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [templateLockKey]);
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (rowCount) return name;
      // Templates of older content are of no use any more.
      const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'ig_template_%'");
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      const building = `${name}_building`;
      await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${building}"`);
      const url = new URL(adminUrl);
      url.pathname = `/${building}`;
      await prepare(url.toString());
      // Renamed only when complete. A template must have no connections: the migration
      // engine's may outlive its client by a moment.
      await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [
        building,
      ]);
      await client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
      return name;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [templateLockKey]);
    }
  });
}
