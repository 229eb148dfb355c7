// npm run data:import -- <file or directory>… [--dry-run] [--overwrite <Type>:<key>]…
// Imports data packages into the configured database (DATABASE_URL, or the embedded one: stop
// the server first, PGlite serves one process). A directory means every package in it, imported
// together — the catalogue with the districts, as data:export writes them. Records changed in
// the database since a package was exported are kept; a conflict is settled with the
// package's version only where --overwrite names it.
import { readdir, readFile, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename, join } from 'node:path';
import type { TokenViewer } from '../src/auth/viewer.js';
import { loadConfig } from '../src/config.js';
import { openDatabaseOrExit } from '../src/db/client.js';
import { applyMigrations } from '../src/db/migrations.js';
import { importPackages, type PackageInput, type RecordChange } from '../src/packages/import.js';
import { ValidationError } from '../src/writes/problems.js';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const overwrite = args.flatMap((arg, index) => (args[index - 1] === '--overwrite' ? [arg] : []));
const paths = args.filter((arg, index) => arg !== '--dry-run' && arg !== '--overwrite' && args[index - 1] !== '--overwrite');
if (paths.length === 0 || overwrite.some((record) => !record.includes(':'))) {
  console.error('Usage: npm run data:import -- <package.json or directory>… [--dry-run] [--overwrite <Type>:<key>]…');
  process.exit(2);
}

/** The reason a file could not be read, as a sentence (a missing file is not a stack trace). */
function unreadable(path: string, error: NodeJS.ErrnoException): never {
  const reason = error.code === 'ENOENT' ? 'no such file or directory' : error.code === 'EACCES' ? 'not allowed to read it' : error.message;
  console.error(`${path}: ${reason}`);
  process.exit(1);
}

/** JSON.parse's complaint with the line and column it points at (Node names only the character's position). */
function jsonProblem(text: string, error: Error): string {
  const position = Number(/at position (\d+)/.exec(error.message)?.[1]);
  if (Number.isNaN(position)) return error.message;
  const before = text.slice(0, position).split('\n');
  const where = `line ${before.length}, column ${before.at(-1)!.length + 1}`;
  return `not valid JSON at ${where}: ${error.message.replace(/ in JSON at position \d+.*$/, '')}`;
}

async function packageFiles(path: string): Promise<string[]> {
  const found = await stat(path).catch((error: NodeJS.ErrnoException) => unreadable(path, error));
  if (!found.isDirectory()) return [path];
  return (await readdir(path))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(path, name));
}

async function readPackages(): Promise<PackageInput[]> {
  const inputs: PackageInput[] = [];
  for (const file of (await Promise.all(paths.map(packageFiles))).flat()) {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => unreadable(file, error));
    try {
      inputs.push({ label: basename(file), content: JSON.parse(text) });
    } catch (error) {
      console.error(`${file}: ${jsonProblem(text, error as Error)}`);
      process.exit(1);
    }
  }
  return inputs;
}

function progress(table: string, done: number, total: number) {
  if (!process.stderr.isTTY) return;
  process.stderr.write(`\r\u001b[2KWriting ${done}/${total} tables (${table})`);
  if (done === total) process.stderr.write('\n');
}

function list(heading: string, changes: RecordChange[]) {
  if (!changes.length) return;
  console.log(`${heading}: ${changes.length}`);
  for (const change of changes) {
    const where = change.district ?? 'catalogue';
    console.log(`  ${where} ${change.entityType} ${change.key}${change.fields.length ? ` (${change.fields.join(', ')})` : ''}`);
  }
}

const inputs = await readPackages();
const config = loadConfig();
const database = await openDatabaseOrExit({ databaseUrl: config.DATABASE_URL, pgliteDataDir: config.pgliteDataDir, poolSize: 2 });
const actor: TokenViewer = {
  tokenId: null,
  name: `data:import by ${userInfo().username}`,
  role: 'ADMIN',
  districtIds: [],
  stateId: null,
  stateRegionalKey: null,
};
let exitCode = 0;
try {
  await database.exclusively(() => applyMigrations(database.adapterFactory));
  console.error(`Checking ${inputs.length} package${inputs.length === 1 ? '' : 's'}${dryRun ? ' (dry run)' : ''}…`);
  const summary = await importPackages(database.client, inputs, {
    dryRun,
    overwrite: overwrite.map((record) => ({
      entityType: record.slice(0, record.indexOf(':')),
      key: record.slice(record.indexOf(':') + 1),
    })),
    actor,
    now: new Date(),
    onProgress: progress,
  });
  list('Added', summary.added);
  list('Changed', summary.changed);
  list('Archived', summary.archived);
  list('Kept (left out, but cannot be archived)', summary.kept);
  list('Kept (changed or added in the database after the package was exported)', summary.newerInDatabase);
  if (summary.conflicts.length) {
    console.log(
      `Conflicts (changed in the database since the export and in the package; kept as the database has them): ${summary.conflicts.length}`,
    );
    for (const conflict of summary.conflicts) {
      console.log(`  ${conflict.district ?? 'catalogue'} ${conflict.entityType} ${conflict.key} "${conflict.name}"`);
      for (const { field, database, package: given } of conflict.values)
        console.log(`    ${field}: database ${database} · package ${given}`);
    }
    console.log("  To take the package's version of one: --overwrite <Type>:<key>");
  }
  console.log(`Unchanged: ${summary.unchanged}`);
  console.log(dryRun ? 'Dry run: nothing was written.' : 'Imported.');
} catch (error) {
  if (!(error instanceof ValidationError)) throw error;
  console.error(`Refused, nothing was written. ${error.issues.length} problem${error.issues.length === 1 ? '' : 's'}:`);
  for (const issue of error.issues) console.error(`  ${issue.path}: ${issue.message}`);
  exitCode = 1;
} finally {
  await database.close();
}
// The WebAssembly schema engine leaves a timer of about ten seconds behind; nothing is pending.
process.exit(exitCode);
