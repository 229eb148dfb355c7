// npm run data:export -- <dir> — writes the catalogue and every district's package into <dir>.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { openDatabaseOrExit } from '../src/db/client.js';
import { applyMigrations } from '../src/db/migrations.js';
import { exportPackages } from '../src/packages/export.js';
import { packageText } from '../src/packages/rows.js';

const [directory] = process.argv.slice(2);
if (!directory) {
  console.error('Usage: npm run data:export -- <directory>');
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabaseOrExit({ databaseUrl: config.DATABASE_URL, pgliteDataDir: config.pgliteDataDir, poolSize: 2 });
try {
  await database.exclusively(() => applyMigrations(database.adapterFactory));
  await mkdir(directory, { recursive: true });
  for (const { file, dataPackage } of await exportPackages(database.client)) {
    await writeFile(join(directory, file), packageText(dataPackage));
    const rows = Object.values(dataPackage.tables).reduce((sum, table) => sum + table.length, 0);
    console.log(`${file}: ${rows} records`);
  }
} finally {
  await database.close();
}
// The WebAssembly schema engine leaves a timer of about ten seconds behind; nothing is pending.
process.exit(0);
