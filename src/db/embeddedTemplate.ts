// PGlite's initdb runs PostgreSQL's bootstrap in WebAssembly (3.3 s here); the migrations and
// the seed districts take a second more. A new embedded database therefore starts as a copy of
// one prepared in advance — by `npm ci`/`npm install` for `npm start`, by the first test worker
// for the tests — kept in node_modules/.cache and named by the content it was made from: the
// schema, the migrations, the seed, the code that writes them and PGlite's version. Where no
// copy for the current content exists, a new database is made as before; a copy made from older
// content is never used.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { packageDir, rootDir } from '../paths.js';

export const templateCacheDir = join(rootDir, 'node_modules', '.cache', 'integrationsgraph');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

let contentKey: Promise<string> | undefined;

/** Changes whenever the schema, the migrations, the seed, the code that writes them or PGlite changes. */
export function keyOfContent(): Promise<string> {
  contentKey ??= (async () => {
    const pgliteManifest = join(packageDir('@electric-sql/pglite'), 'package.json');
    const hash = createHash('sha256').update(await readFile(pgliteManifest));
    const files = [...(await filesUnder(join(rootDir, 'src'))), ...(await filesUnder(join(rootDir, 'prisma')))].sort();
    for (const file of files) hash.update(file.slice(rootDir.length)).update(await readFile(file));
    return hash.digest('hex').slice(0, 16);
  })();
  return contentKey;
}

/** Where the prepared data directory for the current content is (or would be). */
async function templateDir(): Promise<string> {
  return join(templateCacheDir, `pglite-seeded-${await keyOfContent()}`);
}

/** Whether a prepared database for the current content exists. */
export async function preparedDatabaseExists(): Promise<boolean> {
  return existsSync(join(await templateDir(), 'PG_VERSION'));
}

/** Whether `dataDir` holds no database yet (PGlite would run initdb there). */
export const isNewDataDir = (dataDir: string): boolean => !existsSync(join(dataDir, 'PG_VERSION'));

/**
 * Fills the new data directory `dataDir` with a copy of the prepared database, if there is one
 * for the current content; returns whether it did. Copied aside and renamed: a start that stops
 * half-way leaves no half database behind.
 */
export async function copyPreparedDatabase(dataDir: string): Promise<boolean> {
  // Without the sources (a bundle deployed alone) there is no content to name a copy by.
  const template = await templateDir().catch(() => null);
  if (!template || !existsSync(join(template, 'PG_VERSION'))) return false;
  // A directory that holds anything already is not ours to fill (nor to empty): PGlite decides.
  if ((await readdir(dataDir).catch(() => [])).length > 0) return false;
  const partial = `${dataDir}.copying-${process.pid}`;
  await rm(partial, { recursive: true, force: true }); // a copy an earlier process of this pid left half-way
  await cp(template, partial, { recursive: true });
  await rename(partial, dataDir); // onto nothing, or onto an empty directory
  return true;
}

/**
 * Prepares the database new data directories are copied from, unless the one for the current
 * content exists: `prepare` is given the path of an empty directory to make the database in
 * (migrated and seeded, then closed). Made aside and renamed into place, so that two installs
 * at once never copy half a database.
 */
export async function prepareDatabaseTemplate(prepare: (dataDir: string) => Promise<void>): Promise<{ dir: string; made: boolean }> {
  const dir = await templateDir();
  if (await preparedDatabaseExists()) return { dir, made: false };
  await mkdir(templateCacheDir, { recursive: true });
  const partial = `${dir}.${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await prepare(partial);
    await rename(partial, dir).catch(async (error: NodeJS.ErrnoException) => {
      // Another install finished first: theirs is as good as ours.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  return { dir, made: true };
}
