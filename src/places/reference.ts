// The official list of the districts and municipalities of Sachsen and Thüringen (BKG, in
// prisma/reference/ with its licence): which district a town belongs to, by AGS, ARS or name.
// Whoever shows these facts shows the attribution with them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prismaDir } from '../paths.js';

export interface ReferenceMunicipality {
  ags: string;
  ars: string;
  name: string;
  kind: string;
  districtAgs: string;
  effectiveSince: string;
}

export interface ReferenceDistrict {
  ags: string;
  name: string;
  kind: string;
}

interface ReferenceFile {
  attribution: string;
  licence: string;
  source: string;
  districts: ReferenceDistrict[];
  municipalities: ReferenceMunicipality[];
}

/** Lower case without diacritics or punctuation: "Bad Salzungen" and "bad-salzungen" match. */
export const searchKey = (name: string) =>
  name
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

let loaded: (ReferenceFile & { districtByAgs: Map<string, ReferenceDistrict> }) | undefined;

export function referenceData() {
  if (!loaded) {
    const file = JSON.parse(readFileSync(join(prismaDir, 'reference', 'regions-sn-th.json'), 'utf8')) as ReferenceFile;
    loaded = { ...file, districtByAgs: new Map(file.districts.map((district) => [district.ags, district])) };
  }
  return loaded;
}

const maxMatches = 20;

/** Municipalities by 8-digit AGS, 12-digit ARS, or (the start of) their name; at most twenty. */
export function findMunicipalities(search: string): ReferenceMunicipality[] {
  const { municipalities } = referenceData();
  const text = search.trim();
  if (/^\d{8}$/.test(text)) return municipalities.filter((municipality) => municipality.ags === text);
  if (/^\d{12}$/.test(text)) return municipalities.filter((municipality) => municipality.ars === text);
  const key = searchKey(text);
  if (!key) return [];
  const exact = municipalities.filter((municipality) => searchKey(municipality.name) === key);
  const starting = municipalities.filter((municipality) => searchKey(municipality.name).startsWith(key) && !exact.includes(municipality));
  return [...exact, ...starting].slice(0, maxMatches);
}
