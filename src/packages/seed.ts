// The seed districts ship as data packages in prisma/seed (the catalogue and one per district).
// What "already seeded" means is decided per package release, not per row: each applied release
// is recorded (SeedRelease: file, SHA-256, content). On start, for each seed package:
// - the same release is recorded: nothing happens (an editor's change is never undone, a part
//   an editor removed is never re-created);
// - nothing is recorded and the database holds none of the package's records: it is loaded;
// - nothing is recorded but the records are there (a database seeded before releases were
//   recorded, or filled by an import): the release is recorded as adopted, nothing is written;
// - another release is recorded: the new one is merged in three ways — a record that the new
//   release changes, adds or drops is taken from it only where the database still holds what the
//   recorded release put there; a record an editor or an import changed since stays as it is.
// All of it in one write, alone as imports are (src/writes/transaction.ts).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bulkInsert } from '../db/bulkInsert.js';
import type { Tx } from '../db/client.js';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { prismaDir } from '../paths.js';
import { loadReferenceRegions, readRegionsFile, referenceReleaseId } from '../places/referenceLoad.js';
import { type Announcement, isFeedType } from '../writes/announce.js';
import { type Actor, type Write, write } from '../writes/transaction.js';
import { type DataPackage, packageSchema } from './format.js';
import { type Aggregate, aggregates, importWithin, importWrite, snapshot } from './import.js';
import { canonicalRow, databaseRow, type Row, readPackage } from './rows.js';
import { type PackageKind, tableByKey, tablesOf, writeSteps } from './tables.js';

export const seedDir = join(prismaDir, 'seed');

export interface SeedPackage {
  /** File name, e.g. `catalogue.json`. */
  file: string;
  sha256: string;
  content: DataPackage;
}

interface SeedFile {
  /** File name, e.g. `catalogue.json`. */
  file: string;
  sha256: string;
  text: string;
}

/** The seed packages' files as they are, the catalogue first (the districts refer to it). */
function readSeedFiles(dir: string): SeedFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort((a, b) => Number(b === 'catalogue.json') - Number(a === 'catalogue.json') || a.localeCompare(b))
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      return { file, sha256: createHash('sha256').update(text).digest('hex'), text };
    });
}

/** A package that does not follow the format stops the start. */
const parsed = ({ file, sha256, text }: SeedFile): SeedPackage => ({
  file,
  sha256,
  content: packageSchema.parse(JSON.parse(text)) as DataPackage,
});

/** The seed packages, the catalogue first (the districts refer to it). */
export function readSeedPackages(dir = seedDir): SeedPackage[] {
  return readSeedFiles(dir).map(parsed);
}

type SeedAction = 'loaded' | 'current' | 'adopted' | 'updated';

export interface SeedOutcome {
  file: string;
  action: SeedAction;
  /** Records written (loaded: rows inserted; updated: records added, changed or archived). */
  records: number;
  /** For an update: records the new release changes that an editor or import changed since; they stay. */
  kept: string[];
}

const seedActor: Actor = { tokenId: null, name: 'seed release' };

/**
 * Applies the seed packages as described above (by default the ones in prisma/seed); returns
 * what happened to each.
 */
export async function seed(client: PrismaClient, packages?: SeedPackage[], now = new Date()): Promise<SeedOutcome[]> {
  if (packages) return applySeed(client, packages, now);
  const files = readSeedFiles(seedDir);
  // The usual start: every release recorded as it is on disk. Nothing to parse, lock or write.
  const unchanged = await releasesRecorded(client, [...files, { file: referenceReleaseId, sha256: readRegionsFile().sha256 }]);
  if (unchanged) return [...files.map((file) => outcome(file, 'current')), outcome({ file: referenceReleaseId }, 'current')];
  return applySeed(client, files.map(parsed), now);
}

async function releasesRecorded(client: PrismaClient, releases: { file: string; sha256: string }[]): Promise<boolean> {
  const recorded = await client.seedRelease.findMany({ select: { id: true, sha256: true } });
  const shaOf = new Map(recorded.map((release) => [release.id, release.sha256]));
  return releases.every(({ file, sha256 }) => shaOf.get(file) === sha256);
}

async function applySeed(client: PrismaClient, packages: SeedPackage[], now: Date): Promise<SeedOutcome[]> {
  return write({ ...importWrite, client, actor: seedActor, now }, async (handle) => {
    const { tx } = handle;
    const outcomes: SeedOutcome[] = [];
    const toLoad: SeedPackage[] = [];
    for (const seedPackage of packages) {
      const recorded = await tx.seedRelease.findUnique({ where: { id: seedPackage.file } });
      if (recorded?.sha256 === seedPackage.sha256) outcomes.push(outcome(seedPackage, 'current'));
      else if (recorded) outcomes.push(await applyNewRelease(handle, seedPackage, recorded.content as unknown as DataPackage));
      else if (await holdsRecordsOf(tx, seedPackage.content)) outcomes.push(outcome(seedPackage, 'adopted'));
      else toLoad.push(seedPackage);
      if (!recorded) await tx.seedRelease.create({ data: { id: seedPackage.file, ...releaseRecord(seedPackage, now) } });
    }
    // Packages refer to each other (the catalogue's funders cite district pages): loaded together, table by table.
    const contents = toLoad.map(({ content }) => content);
    for (const [index, records] of (await insertRows(tx, ...contents)).entries()) {
      outcomes.push(outcome(toLoad[index]!, 'loaded', records));
    }
    handle.announce(loadedNodes(contents));
    // The official list of districts and municipalities, after the catalogue's states.
    const loadedDistricts = new Set(toLoad.flatMap(({ content }) => (content.tables.districts ?? []).map((row) => String(row.id))));
    const reference = await loadReferenceRegions(handle, loadedDistricts);
    outcomes.push(
      outcome({ file: referenceReleaseId }, reference.action, reference.districtsAdded + reference.districtsUpdated + reference.places),
    );
    return outcomes;
  });
}

const outcome = ({ file }: Pick<SeedPackage, 'file'>, action: SeedAction, records = 0, kept: string[] = []): SeedOutcome => ({
  file,
  action,
  records,
  kept,
});

const releaseRecord = ({ sha256, content }: SeedPackage, now: Date) => ({
  sha256,
  content: content as unknown as Prisma.InputJsonValue,
  appliedAt: now,
});

async function applyNewRelease(handle: Write, seedPackage: SeedPackage, previous: DataPackage): Promise<SeedOutcome> {
  const { content } = seedPackage;
  const current = await readPackage(handle.tx, content.kind, content.district ?? null);
  const { merged, kept } = mergeRelease(previous, content, current);
  const summary = await importWithin(handle, [{ label: seedPackage.file, content: merged }], {});
  await handle.tx.seedRelease.update({ where: { id: seedPackage.file }, data: releaseRecord(seedPackage, handle.now) });
  return outcome(seedPackage, 'updated', summary.added.length + summary.changed.length + summary.archived.length, kept);
}

/** Whether the database already holds records of the package: the catalogue's states, a district's sources. */
async function holdsRecordsOf(tx: Tx, content: DataPackage): Promise<boolean> {
  if (content.kind === 'catalogue') return (await tx.state.count()) > 0;
  return (await tx.source.count({ where: { districtId: content.district } })) > 0;
}

/** The rows of packages, table by table (`contacts`, `channels` …). */
export function rowsOf(packages: SeedPackage[] = readSeedPackages()): Record<string, Row[]> {
  const rows: Record<string, Row[]> = {};
  for (const { content } of packages)
    for (const [table, tableRows] of Object.entries(content.tables)) rows[table] = [...(rows[table] ?? []), ...tableRows];
  return rows;
}

/** A first load into an empty database: the packages' rows as they are, table by table; the rows written per package (not announced: the caller's write announces them). */
export async function insertRows(tx: Tx, ...contents: Pick<DataPackage, 'tables'>[]): Promise<number[]> {
  const counts = contents.map(() => 0);
  for (const { table, takes } of writeSteps) {
    for (const [index, content] of contents.entries()) {
      const rows = (content.tables[table.key] ?? []).filter(takes);
      counts[index]! += await bulkInsert(
        tx,
        table.model,
        rows.map((row) => databaseRow(table, row)),
      );
    }
  }
  return counts;
}

/** The feed names the nodes a first load created (their parts come with them). */
function loadedNodes(contents: Pick<DataPackage, 'tables'>[]): Announcement[] {
  return contents.flatMap((content) =>
    Object.entries(content.tables)
      .filter(([key]) => isFeedType(tableByKey.get(key)!.model))
      .flatMap(([key, rows]) =>
        (rows ?? []).map((row) => ({ action: 'CREATE' as const, entityType: tableByKey.get(key)!.model, entityId: String(row.id) })),
      ),
  );
}

const same = (a: Aggregate | undefined, b: Aggregate | undefined) => JSON.stringify(a && snapshot(a)) === JSON.stringify(b && snapshot(b));

/**
 * The package to import for a new seed release: the database's current state, with each record
 * that the release changes (against the recorded one) taken from the release — where the
 * database still holds the recorded version. Records changed since are kept and named.
 */
function mergeRelease(previous: DataPackage, next: DataPackage, current: DataPackage): { merged: DataPackage; kept: string[] } {
  const kind: PackageKind = next.kind;
  const canonical = (dataPackage: DataPackage) =>
    aggregates(
      kind,
      Object.fromEntries(
        tablesOf(kind).map((table) => [table.key, (dataPackage.tables[table.key] ?? []).map((row) => canonicalRow(table, row))]),
      ),
    );
  const [before, after, now] = [canonical(previous), canonical(next), canonical(current)];
  const result = new Map(now);
  const kept: string[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    if (same(before.get(key), after.get(key))) continue;
    if (!same(now.get(key), before.get(key))) {
      kept.push(key);
      continue;
    }
    const taken = after.get(key);
    if (taken) result.set(key, taken);
    else result.delete(key);
  }
  const tables: Record<string, Row[]> = Object.fromEntries(tablesOf(kind).map((table) => [table.key, [] as Row[]]));
  for (const aggregate of result.values()) {
    tables[aggregate.table.key]!.push(aggregate.root);
    for (const [part, rows] of Object.entries(aggregate.parts)) tables[part]!.push(...rows);
  }
  return { merged: { ...current, tables }, kept };
}
