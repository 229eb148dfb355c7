// A fresh, empty database for one test file: in-memory PGlite, or — in the PostgreSQL suite
// (TEST_DATABASE_URL set) — a new scratch database on that server, dropped afterwards. Only test
// files named *.db.test.ts (both databases) or *.pg.test.ts (PostgreSQL only) may open one: that
// name is how vitest.config.ts runs them on PostgreSQL too, so a database test under any other
// name would silently run on PGlite alone.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { expect } from 'vitest';
import { embeddedStartParams, type OpenDatabase, openDatabase } from '../../src/db/client.js';
import { templateCacheDir as cacheDir, keyOfContent } from '../../src/db/embeddedTemplate.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { seed } from '../../src/packages/seed.js';
import { createScratchDatabase, preparedTemplate } from './postgres.js';

export const postgresUrl = process.env.TEST_DATABASE_URL || undefined;
export const databaseKind = postgresUrl ? 'postgresql' : 'pglite';

/** Refuses to open a database from a test file whose name does not say it needs one. */
export function assertDatabaseTestFile(): void {
  const file = expect.getState().testPath ?? '';
  if (!/\.(db|pg)\.test\.ts$/.test(file)) {
    throw new Error(`${file} opens a database: name it *.db.test.ts (runs on PGlite and PostgreSQL) or *.pg.test.ts (PostgreSQL only)`);
  }
}

/**
 * An empty database, or (`migratedAndSeeded`) one with every migration and the seed applied,
 * as a server starts from.
 */
export async function openTestDatabase(onQuery?: (sql: string) => void, { migratedAndSeeded = false } = {}): Promise<OpenDatabase> {
  assertDatabaseTestFile();
  if (!postgresUrl) return openPGliteCopy(migratedAndSeeded ? 'seeded' : 'empty', onQuery);
  const template = migratedAndSeeded ? await postgresTemplate(postgresUrl) : undefined;
  const scratch = await createScratchDatabase(postgresUrl, template);
  const database = await openDatabase({ databaseUrl: scratch.url, poolSize: 5, onQuery });
  return {
    ...database,
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}

// PGlite's initdb takes 1–2 s of WebAssembly per database; a copy of a prepared data directory
// opens in a third of a second. The copies are built once per content (the key new embedded
// databases of `npm start` use too) and kept in node_modules/.cache, shared by the test workers.
// On PostgreSQL a migrated and seeded template database plays that part (CREATE DATABASE …
// TEMPLATE).
async function dataDirTemplate(kind: 'empty' | 'seeded'): Promise<Blob> {
  const file = join(cacheDir, `pglite-${kind}-${await keyOfContent()}.tar`);
  const cached = await readFile(file).catch(() => null);
  if (cached) return new Blob([cached]);
  const pglite = await PGlite.create('memory://', { startParams: embeddedStartParams });
  if (kind === 'seeded') {
    const database = await openDatabase({ pglite });
    await applyMigrations(database.adapterFactory);
    await seed(database.client);
    await database.close();
  }
  const template = await pglite.dumpDataDir('none');
  await pglite.close();
  // Written aside and renamed: a worker never reads a half-written copy.
  await mkdir(cacheDir, { recursive: true });
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(partial, Buffer.from(await template.arrayBuffer()));
  await rename(partial, file);
  return template;
}

/** A PostgreSQL database migrated and seeded once per content, copied for each server. */
async function postgresTemplate(adminUrl: string): Promise<string> {
  return preparedTemplate(adminUrl, await keyOfContent(), async (url) => {
    const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
    await applyMigrations(database.adapterFactory);
    await seed(database.client);
    await database.close();
  });
}

async function openPGliteCopy(kind: 'empty' | 'seeded', onQuery?: (sql: string) => void): Promise<OpenDatabase> {
  const pglite = await PGlite.create('memory://', { loadDataDir: await dataDirTemplate(kind), startParams: embeddedStartParams });
  const database = await openDatabase({ pglite, onQuery });
  return {
    ...database,
    async close() {
      await database.close();
      await pglite.close();
    },
  };
}
