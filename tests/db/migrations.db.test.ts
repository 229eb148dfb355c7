// Migrations and seeding on a real PGlite database.
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../../src/db/client.js';
import { modelNames, sqlTable } from '../../src/db/datamodel.js';
import { applyMigrations, draftMigration, pendingMigrations, readMigrationList } from '../../src/db/migrations.js';
import { Prisma } from '../../src/generated/prisma/client.js';
import { createReadinessCheck } from '../../src/http/health.js';
import { seed, seedData } from '../../src/packages/seed.js';
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
});

describe('seeding', () => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
    await applyMigrations(database.adapterFactory);
  });
  afterAll(() => database.close());
  beforeEach(() => database.client.$executeRaw`TRUNCATE ${Prisma.raw(modelNames.map(sqlTable).join(', '))} CASCADE`);

  test('the first run loads every row of the seed data', async () => {
    const added = await seed(database.client);
    for (const [table, rows] of Object.entries(seedData)) expect(added[table], table).toBe(rows.length);
    expect(await database.client.district.count()).toBe(4);
  });

  test('a second run changes nothing', async () => {
    await seed(database.client);
    const snapshot = () =>
      Promise.all([
        database.client.contact.findMany({ orderBy: { id: 'asc' } }),
        database.client.district.findMany({ orderBy: { id: 'asc' } }),
        database.client.contactChannel.count(),
        database.client.indicatorValue.count(),
      ]);
    const before = await snapshot();
    const added = await seed(database.client);
    expect(Object.values(added).every((count) => count === 0)).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  test('a seed that breaks a rule is rolled back whole', async () => {
    await seed(database.client);
    const before = await database.client.contact.count();
    const broken = {
      contacts: [{ ...seedData.contacts[0]!, id: 'new-contact' }],
      channels: [{ ...seedData.channels[0]!, id: 'orphan-channel', contactId: 'no-such-contact' }],
    };
    await expect(seed(database.client, broken)).rejects.toThrow(/foreign key/i);
    expect(await database.client.contact.count()).toBe(before);
  });
});
