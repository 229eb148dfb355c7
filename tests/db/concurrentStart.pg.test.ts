// Two instances started at the same moment against one empty PostgreSQL database: migrations
// and seeding must happen once, and both instances must come up and serve the same answers.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type OpenDatabase, openDatabase } from '../../src/db/client.js';
import { readMigrationList } from '../../src/db/migrations.js';
import { rowsOf } from '../../src/packages/seed.js';

const seedData = rowsOf();

import { createScratchDatabase } from '../support/postgres.js';
import { type ServerProcess, startServerProcess } from '../support/serverProcess.js';

let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let database: OpenDatabase;
beforeAll(async () => {
  scratch = await createScratchDatabase();
  database = await openDatabase({ databaseUrl: scratch.url, poolSize: 2 });
});
afterAll(async () => {
  await database?.close();
  await scratch?.drop();
});

test('two instances starting together migrate and seed exactly once', async () => {
  const instances: ServerProcess[] = await Promise.all([
    startServerProcess({ DATABASE_URL: scratch.url }),
    startServerProcess({ DATABASE_URL: scratch.url }),
  ]);
  try {
    const answers = await Promise.all(
      instances.map(async ({ url }) => {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ districts { totalCount } contacts(first: 100) { totalCount } }' }),
        });
        return response.json();
      }),
    );
    expect(answers[0]).toEqual({ data: { districts: { totalCount: 35 }, contacts: { totalCount: 5 } } });
    expect(answers[1]).toEqual(answers[0]);

    const migrations = await database.client.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations`;
    expect(migrations.map((row) => row.migration_name).sort()).toEqual((await readMigrationList()).migrationDirectories.map((m) => m.path));
    expect(await database.client.contact.count()).toBe(seedData.contacts.length);
    expect(await database.client.contactChannel.count()).toBe(seedData.channels.length);
    // One of the two loaded the seed; the other found it there.
    const logs = instances.map((instance) => instance.log.join('\n'));
    expect(logs.filter((log) => log.includes('seed package loaded'))).toHaveLength(1);
    expect(logs.filter((log) => log.includes('seed package already applied') && !log.includes('seed package loaded'))).toHaveLength(1);
  } finally {
    await Promise.all(instances.map((instance) => instance.stop()));
  }
}, 120_000);
