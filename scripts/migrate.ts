// npm run db:migrate — applies pending migrations to DATABASE_URL (PostgreSQL) or, when it is
// unset, to the embedded database in PGLITE_DATA_DIR. No engine download involved.
import { loadConfig } from '../src/config.js';
import { openDatabaseOrExit } from '../src/db/client.js';
import { applyMigrations } from '../src/db/migrations.js';

const config = loadConfig();
const database = await openDatabaseOrExit({ databaseUrl: config.DATABASE_URL, pgliteDataDir: config.pgliteDataDir, poolSize: 2 });
try {
  const applied = await database.exclusively(() => applyMigrations(database.adapterFactory));
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database schema is current.');
} finally {
  await database.close();
}
// The WebAssembly schema engine leaves a timer of about ten seconds behind; nothing is pending.
process.exit(0);
