// Exporting: every district's package and the catalogue, as files named by AGS and name.
import type { PrismaClient } from '../generated/prisma/client.js';
import type { DataPackage } from './format.js';
import { readPackage } from './rows.js';

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

/** The catalogue and every district's package, with their file names. */
export async function exportPackages(client: PrismaClient): Promise<{ file: string; dataPackage: DataPackage }[]> {
  // A district of which the installation holds nothing (no source of its own) has no package.
  const districts = await client.district.findMany({
    where: { sources: { some: {} } },
    orderBy: { id: 'asc' },
    select: { id: true, name: true },
  });
  const files = [{ file: catalogueFile, dataPackage: await readPackage(client, 'catalogue', null) }];
  for (const district of districts)
    files.push({ file: districtFile(district.id, district.name), dataPackage: await readPackage(client, 'district', district.id) });
  return files;
}
