// Run by `npm ci`/`npm install`: prepares the embedded database that a new `npm start` copies
// instead of running initdb, the migrations and the seed (src/db/embeddedTemplate.ts).
import { PGlite } from '@electric-sql/pglite';
import { embeddedStartParams, openDatabase } from '../src/db/client.js';
import { prepareDatabaseTemplate } from '../src/db/embeddedTemplate.js';
import { applyMigrations } from '../src/db/migrations.js';
import { seed } from '../src/packages/seed.js';

const started = performance.now();
const { dir, made } = await prepareDatabaseTemplate(async (dataDir) => {
  const pglite = await PGlite.create(dataDir, { startParams: embeddedStartParams });
  const database = await openDatabase({ pglite });
  await applyMigrations(database.adapterFactory);
  await seed(database.client);
  await database.close();
  await pglite.close();
});
if (made) console.log(`Prepared the embedded database for new data directories in ${Math.round(performance.now() - started)} ms: ${dir}`);
