// Migrations on a real database (PGlite, or PostgreSQL in that suite).
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../../src/db/client.js';
import { applyMigrations, draftMigration, migrationsCurrent, pendingMigrations, readMigrationList } from '../../src/db/migrations.js';
import { createReadinessCheck } from '../../src/http/health.js';
import { openTestDatabase } from '../support/database.js';

describe('migrations', () => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  test('a new database gets every migration once, and is then current (and ready)', async () => {
    const readiness = await createReadinessCheck(database.client);
    const names = (await readMigrationList()).migrationDirectories.map((m) => m.path);
    expect(await readiness()).toEqual({ ready: false, reason: `migrations not applied: ${names.join(', ')}` });
    const { migrationDirectories } = await readMigrationList();
    expect(await pendingMigrations(database.adapterFactory)).toEqual(migrationDirectories.map((m) => m.path));
    expect(await applyMigrations(database.adapterFactory)).toEqual(migrationDirectories.map((m) => m.path));
    expect(await applyMigrations(database.adapterFactory)).toEqual([]);
    expect(await pendingMigrations(database.adapterFactory)).toEqual([]);
    expect(await readiness()).toEqual({ ready: true });

    // Recorded where `prisma migrate deploy` looks for them.
    const rows = await database.client.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations`;
    expect(rows.length).toBe((await readMigrationList()).migrationDirectories.length);
    expect(rows.every((row) => row.finished_at !== null)).toBe(true);
  });

  test('schema.prisma and prisma/migrations agree (a schema change without a migration fails here)', async () => {
    const scratch = await PGlite.create('memory://');
    try {
      expect(await draftMigration(new PrismaPGlite(scratch), 'check')).toBeNull();
    } finally {
      await scratch.close();
    }
  });

  test('a start skips the schema engine only when every migration is applied exactly as it is in the folder', async () => {
    const fresh = await openTestDatabase();
    try {
      expect(await migrationsCurrent(fresh.client)).toBe(false); // no record at all
      await applyMigrations(fresh.adapterFactory);
      expect(await migrationsCurrent(fresh.client)).toBe(true);
      const [last] = (await readMigrationList()).migrationDirectories.slice(-1);
      // A migration whose file changed since it was applied: the engine must judge it.
      await fresh.client.$executeRaw`UPDATE _prisma_migrations SET checksum = 'changed' WHERE migration_name = ${last!.path}`;
      expect(await migrationsCurrent(fresh.client)).toBe(false);
      // One that failed halfway (not finished): likewise.
      await fresh.client.$executeRaw`UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = ${last!.path}`;
      expect(await migrationsCurrent(fresh.client)).toBe(false);
    } finally {
      await fresh.close();
    }
  });
});
