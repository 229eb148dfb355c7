// A new embedded database is a copy of the one `npm ci` prepared (scripts/prepare-database.ts,
// run here as postinstall runs it): migrated and seeded without initdb, its own from then on,
// and an existing database is never replaced. (PGlite only: PostgreSQL has no data directory of ours.)
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { preparedDatabaseExists } from '../../src/db/embeddedTemplate.js';
import { migrationsCurrent } from '../../src/db/migrations.js';
import { rootDir } from '../../src/paths.js';
import { postgresUrl } from '../support/database.js';

const scratch = await mkdtemp(join(tmpdir(), 'integrationsgraph-prepared-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe.skipIf(postgresUrl)('the prepared embedded database', () => {
  test('a new data directory starts as a migrated and seeded copy, kept as its own', async () => {
    await promisify(execFile)(process.execPath, ['--import', 'tsx', join('scripts', 'prepare-database.ts')], { cwd: rootDir });
    expect(await preparedDatabaseExists()).toBe(true);

    const dataDir = join(scratch, 'new', 'pglite');
    const first = await openDatabase({ pgliteDataDir: dataDir, fromPreparedDatabase: true });
    try {
      expect(first.preparedCopy).toBe(true);
      expect(await migrationsCurrent(first.client)).toBe(true);
      expect(await first.client.district.count({ where: { sources: { some: {} } } })).toBe(4);
      expect((await first.client.seedRelease.findMany()).length).toBeGreaterThan(0);
      // Its shared buffers are the embedded size, not PostgreSQL's 128 MB (they stay resident).
      expect(await first.client.$queryRawUnsafe('SHOW shared_buffers')).toEqual([{ shared_buffers: '32MB' }]);
      await first.client.state.update({ where: { id: 'TH' }, data: { name: 'Thüringen (edited here)' } });
    } finally {
      await first.close();
    }
    // The copy was renamed into place whole: nothing of it is left beside (nor the lock, once closed).
    expect(await readdir(join(scratch, 'new'))).toEqual(['pglite']);

    const again = await openDatabase({ pgliteDataDir: dataDir, fromPreparedDatabase: true });
    try {
      expect(again.preparedCopy).toBe(false);
      expect((await again.client.state.findUniqueOrThrow({ where: { id: 'TH' } })).name).toBe('Thüringen (edited here)');
    } finally {
      await again.close();
    }
  }, 120_000);

  test('a script that opens a new data directory without asking for the prepared database gets an empty one', async () => {
    await promisify(execFile)(process.execPath, ['--import', 'tsx', join('scripts', 'prepare-database.ts')], { cwd: rootDir });
    const database = await openDatabase({ pgliteDataDir: join(scratch, 'empty', 'pglite') });
    try {
      expect(database.preparedCopy).toBe(false);
      expect(await migrationsCurrent(database.client)).toBe(false);
    } finally {
      await database.close();
    }
  }, 120_000);

  test('a directory that already holds something is neither emptied nor filled with the copy', async () => {
    await promisify(execFile)(process.execPath, ['--import', 'tsx', join('scripts', 'prepare-database.ts')], { cwd: rootDir });
    const dataDir = join(scratch, 'occupied');
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, 'notes.txt'), 'mine');
    const database = await openDatabase({ pgliteDataDir: dataDir, fromPreparedDatabase: true }).catch(() => null);
    await database?.close();
    expect(database?.preparedCopy ?? false).toBe(false);
    expect(await readFile(join(dataDir, 'notes.txt'), 'utf8')).toBe('mine');
  }, 120_000);
});
