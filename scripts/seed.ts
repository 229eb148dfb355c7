// npm run db:seed — loads the seed districts into a migrated database (idempotent).
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { seed } from '../src/packages/seed.js';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDataDir: config.pgliteDataDir, poolSize: 2 });
try {
  const added = await database.exclusively(() => seed(database.client));
  for (const [table, count] of Object.entries(added)) if (count) console.log(`${table}: ${count} added`);
  console.log('Seed districts are loaded.');
} finally {
  await database.close();
}
