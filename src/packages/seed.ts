// Loads the seed districts: the data packages in prisma/seed (the catalogue and one package per
// district). Seeding only adds what is missing — rows carry stable ids and are inserted with
// "skip duplicates" — so it never undoes an editor's change and a second run changes nothing.
// All of it happens in one transaction, under the advisory lock imports take too, so that
// instances starting together against one database do not interleave.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { genericDelegate } from '../db/datamodel.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { prismaDir } from '../paths.js';
import { packageSchema } from './format.js';
import { databaseRow, dataLockKey, type Row } from './rows.js';
import { writeSteps } from './tables.js';

export const seedDir = join(prismaDir, 'seed');

/** Rows by package table (`contacts`, `channels` …), as packages hold them. */
export type SeedRows = Record<string, Row[]>;

/** The rows of all seed packages, table by table. A seed package that does not follow the format stops the start. */
function readSeedPackages(): SeedRows {
  const rows: SeedRows = {};
  for (const file of readdirSync(seedDir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const dataPackage = packageSchema.parse(JSON.parse(readFileSync(join(seedDir, file), 'utf8')));
    for (const [table, tableRows] of Object.entries(dataPackage.tables as SeedRows)) rows[table] = [...(rows[table] ?? []), ...tableRows];
  }
  return rows;
}

export const seedData: SeedRows = readSeedPackages();

/** Inserts whatever of `data` is missing; returns the number of rows added per table. */
export async function seed(client: PrismaClient, data: SeedRows = seedData): Promise<Record<string, number>> {
  return client.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${dataLockKey})`;
      const added: Record<string, number> = {};
      for (const { table, takes } of writeSteps) {
        const rows = (data[table.key] ?? []).filter(takes);
        if (rows.length === 0) continue;
        const { count } = await genericDelegate(tx, table.model).createMany({
          data: rows.map((row) => databaseRow(table, row)),
          skipDuplicates: true,
        });
        added[table.key] = (added[table.key] ?? 0) + count;
      }
      return added;
    },
    { timeout: 60_000 },
  );
}
