// npm run db:seed — loads the seed districts into a migrated database (idempotent).
import { loadConfig } from '../src/config.js';
import { openDatabaseOrExit } from '../src/db/client.js';
import { seed } from '../src/packages/seed.js';

const config = loadConfig();
const database = await openDatabaseOrExit({ databaseUrl: config.DATABASE_URL, pgliteDataDir: config.pgliteDataDir, poolSize: 2 });
try {
  for (const { file, action, records, kept } of await database.exclusively(() => seed(database.client))) {
    console.log(
      `${file}: ${action}${records ? ` (${records} records)` : ''}${kept.length ? `; kept as changed since: ${kept.join(', ')}` : ''}`,
    );
  }
} finally {
  await database.close();
}
