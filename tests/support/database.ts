// A fresh, empty database for one test file: in-memory PGlite, or — in the PostgreSQL suite
// (TEST_DATABASE_URL set) — a new scratch database on that server, dropped afterwards. Only test
// files named *.db.test.ts (both databases) or *.pg.test.ts (PostgreSQL only) may open one: that
// name is how vitest.config.ts runs them on PostgreSQL too, so a database test under any other
// name would silently run on PGlite alone.
import { expect } from 'vitest';
import { type OpenDatabase, openDatabase } from '../../src/db/client.js';
import { createScratchDatabase } from './postgres.js';

export const postgresUrl = process.env.TEST_DATABASE_URL || undefined;
export const databaseKind = postgresUrl ? 'postgresql' : 'pglite';

/** Refuses to open a database from a test file whose name does not say it needs one. */
export function assertDatabaseTestFile(): void {
  const file = expect.getState().testPath ?? '';
  if (!/\.(db|pg)\.test\.ts$/.test(file)) {
    throw new Error(`${file} opens a database: name it *.db.test.ts (runs on PGlite and PostgreSQL) or *.pg.test.ts (PostgreSQL only)`);
  }
}

export async function openTestDatabase(onQuery?: (sql: string) => void): Promise<OpenDatabase> {
  assertDatabaseTestFile();
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
