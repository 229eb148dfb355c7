// Synthetic districts for the growth series: copies of the Kyffhäuserkreis (the seed district
// with the most of everything: contacts with office hours, a concept, fundings, offers,
// indicators) as data packages of their own, each with new keys, loaded as the seed is.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PrismaClient } from '../src/generated/prisma/client.js';
import type { Row } from '../src/packages/rows.js';
import { insertRows } from '../src/packages/seed.js';
import { rootDir } from '../src/paths.js';

const template = '16065';
const templateFile = join(rootDir, 'prisma', 'seed', '16065-kyffhaeuserkreis.json');

/**
 * Keys 16100, 16101, … (Thüringen's real districts are 16051–16077): every key the template's
 * package gives its own records is renamed, references to shared records (roles, programmes,
 * fields of action, indicators) are kept.
 */
function copyOf(tables: Record<string, Row[]>, districtRow: Row, ags: string): Record<string, Row[]> {
  const renamed = new Map<string, string>([[template, ags]]);
  for (const rows of Object.values(tables))
    for (const row of rows)
      if (typeof row.id === 'string')
        renamed.set(row.id, row.id.startsWith(`${template}/`) ? `${ags}${row.id.slice(template.length)}` : `${row.id}@${ags}`);
  const rename = (row: Row): Row =>
    Object.fromEntries(
      Object.entries(row).map(([column, value]) => [column, typeof value === 'string' ? (renamed.get(value) ?? value) : value]),
    );
  return {
    districts: [{ ...rename(districtRow), name: `Synthetischer Kreis ${ags}` }],
    ...Object.fromEntries(Object.entries(tables).map(([table, rows]) => [table, rows.map(rename)])),
  };
}

/** Adds districts copied from the template until the database holds `total` districts with data (the seed has four). */
export async function addSyntheticDistricts(client: PrismaClient, total: number): Promise<void> {
  const count = total - 4;
  if (count <= 0) return;
  const { tables } = JSON.parse(await readFile(templateFile, 'utf8')) as { tables: Record<string, Row[]> };
  const catalogue = JSON.parse(await readFile(join(rootDir, 'prisma', 'seed', 'catalogue.json'), 'utf8')) as {
    tables: { districts: Row[] };
  };
  const districtRow = catalogue.tables.districts.find((row) => row.id === template)!;
  const copies = Array.from({ length: count }, (_, n) => copyOf(tables, districtRow, String(16100 + n)));
  await client.$transaction((tx) => insertRows(tx, ...copies.map((copy) => ({ tables: copy }))), { timeout: 300_000 });
}
