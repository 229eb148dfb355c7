// Migrations in Prisma Migrate's own folder format (prisma/migrations/<timestamp>_<name>/migration.sql),
// applied through the WebAssembly schema engine. The engine records them in `_prisma_migrations`
// exactly as `prisma migrate deploy` does, so either tool can take over a database.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import type { PrismaClient } from '../generated/prisma/client.js';
import { prismaDir } from '../paths.js';
import { openSchemaEngine, type SchemaFile } from './migrationEngine.js';

export const migrationsDir = join(prismaDir, 'migrations');
const schemaPath = join(prismaDir, 'schema.prisma');
const noFilter = { externalTables: [], externalEnums: [] };

async function readSchemaFile(): Promise<SchemaFile> {
  return { path: schemaPath, content: await readFile(schemaPath, 'utf8') };
}

export async function readMigrationList(): Promise<MigrationList> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const lockPath = join(migrationsDir, 'migration_lock.toml');
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: await readFile(lockPath, 'utf8').catch(() => null) },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      folders.map(async (folder) => ({
        path: folder,
        migrationFile: {
          path: 'migration.sql',
          content: await readFile(join(migrationsDir, folder, 'migration.sql'), 'utf8').then(
            (sql) => ({ tag: 'ok' as const, value: sql }),
            (error: Error) => ({ tag: 'error' as const, value: error.message }),
          ),
        },
      })),
    ),
  };
}

/** The migrations the database records as applied (finished, not rolled back) and their checksums; none before the first. */
export async function appliedMigrations(client: PrismaClient): Promise<Map<string, string>> {
  const [{ table }] = await client.$queryRaw<{ table: string | null }[]>`SELECT to_regclass('_prisma_migrations')::text AS "table"`;
  if (!table) return new Map();
  const rows = await client.$queryRaw<{ migration_name: string; checksum: string }[]>`
    SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  return new Map(rows.map((row) => [row.migration_name, row.checksum]));
}

/**
 * Whether the database has applied every migration of the folder as it is (Prisma's checksum:
 * the SHA-256 of migration.sql). Then a start need not load the schema engine, which costs
 * 0.3 s and 45 MB that WebAssembly never gives back; anything else is the engine's to judge.
 */
export async function migrationsCurrent(client: PrismaClient): Promise<boolean> {
  const [applied, { migrationDirectories }] = await Promise.all([appliedMigrations(client), readMigrationList()]);
  return migrationDirectories.every(
    ({ path, migrationFile: { content } }) =>
      content.tag === 'ok' && applied.get(path) === createHash('sha256').update(content.value).digest('hex'),
  );
}

/** Applies every migration the database has not seen yet; returns the names applied. */
export async function applyMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const engine = await openSchemaEngine(await readSchemaFile(), adapterFactory);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await readMigrationList(),
      filters: noFilter,
    });
    return appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/** Migrations in the folder that the database has not applied (empty when it is current). */
export async function pendingMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const engine = await openSchemaEngine(await readSchemaFile(), adapterFactory);
  try {
    const { history, failedMigrationNames } = await engine.diagnoseMigrationHistory({
      migrationsList: await readMigrationList(),
      optInToShadowDatabase: false,
      filters: noFilter,
    });
    const behind = history?.diagnostic === 'databaseIsBehind' ? history.unappliedMigrationNames : [];
    return [...failedMigrationNames, ...behind];
  } finally {
    engine.free();
  }
}

/**
 * The SQL that takes the migrations folder to the current schema.prisma: the migrations are
 * applied to `scratch` (an empty database), which is then compared with the schema. Returns
 * null when they already agree. (The engine's own createMigration wants a shadow-database
 * factory that the WebAssembly build does not take; this needs none.)
 */
export async function draftMigration(
  scratch: SqlMigrationAwareDriverAdapterFactory,
  name: string,
  now = new Date(),
): Promise<{ folder: string; sql: string } | null> {
  await applyMigrations(scratch);
  const schema = await readSchemaFile();
  const engine = await openSchemaEngine(schema, scratch);
  try {
    const { exitCode, stdout } = await engine.diff({
      from: { tag: 'schemaDatasource', files: [schema], configDir: prismaDir },
      to: { tag: 'schemaDatamodel', files: [schema] },
      script: true,
      exitCode: true,
      filters: noFilter,
    });
    if (exitCode !== 2 || !stdout) return null;
    const timestamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
    return { folder: `${timestamp}_${name}`, sql: stdout };
  } finally {
    engine.free();
  }
}
