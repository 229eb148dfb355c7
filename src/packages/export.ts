// Exporting: every district's package and the catalogue, as files named by AGS and name.
import type { PrismaClient } from '../generated/prisma/client.js';
import type { DataPackage } from './format.js';
import { fingerprints } from './import.js';
import { readPackage } from './rows.js';
import type { PackageKind } from './tables.js';

const catalogueFile = 'catalogue.json';

/** "16065-kyffhaeuserkreis.json": the AGS sorts the files, the name tells them apart. */
function districtFile(ags: string, name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${ags}-${slug}.json`;
}

/**
 * A package as stored now, naming what it was made from (`madeFrom`), so that importing it after
 * later edits does not undo them. The seed's packages are written without (they are made by hand).
 */
async function exported(client: PrismaClient, kind: PackageKind, ags: string | null, madeFrom: boolean): Promise<DataPackage> {
  const dataPackage = await readPackage(client, kind, ags);
  if (!madeFrom) return dataPackage;
  const { tables, ...head } = dataPackage;
  return { ...head, madeFrom: fingerprints(kind, tables), tables };
}

/** The catalogue and every district's package, with their file names. */
export async function exportPackages(
  client: PrismaClient,
  { madeFrom = true }: { madeFrom?: boolean } = {},
): Promise<{ file: string; dataPackage: DataPackage }[]> {
  // A district of which the installation holds nothing (no source of its own) has no package.
  const districts = await client.district.findMany({
    where: { sources: { some: {} } },
    orderBy: { id: 'asc' },
    select: { id: true, name: true },
  });
  const files = [{ file: catalogueFile, dataPackage: await exported(client, 'catalogue', null, madeFrom) }];
  for (const district of districts)
    files.push({ file: districtFile(district.id, district.name), dataPackage: await exported(client, 'district', district.id, madeFrom) });
  return files;
}
