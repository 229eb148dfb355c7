// The official list of districts and municipalities (BKG, prisma/reference/regions-sn-th.json)
// loaded as dated reference data: every district of both states becomes a District (those the
// seed holds keep their records and gain the list's facts), every municipality a Place, all
// citing one Source with the licence and the attribution it requires. A release of the list is
// applied once (recorded like a seed release); a changed file is applied again.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bulkInsert } from '../db/bulkInsert.js';
import { prismaDir } from '../paths.js';
import type { Announcement } from '../writes/announce.js';
import type { Write } from '../writes/transaction.js';
import { referenceReleaseId, referenceSourceId } from './referenceKeys.js';

export { referenceReleaseId };

const referenceFile = join(prismaDir, 'reference', 'regions-sn-th.json');

interface RegionsFile {
  source: string;
  licence: string;
  attribution: string;
  changes: string;
  states: { code: string; ags: string; name: string }[];
  districts: { ags: string; name: string; kind: 'Landkreis' | 'Kreisfreie Stadt'; nuts3: string }[];
  municipalities: { ags: string; ars: string; name: string; kind: 'Stadt' | 'Gemeinde'; districtAgs: string; effectiveSince: string }[];
}

/**
 * Districts the list no longer holds, as its own notes state them: on 2021-07-01 the city of
 * Eisenach (until then the district-free city 16056) became part of the Wartburgkreis.
 */
const formerDistricts = [
  {
    id: '16056',
    name: 'Eisenach',
    kind: 'DISTRICT_FREE_CITY' as const,
    stateId: 'TH',
    validTo: new Date('2021-07-01T00:00:00Z'),
    successorId: '16063',
  },
];

const districtKind = { Landkreis: 'RURAL_DISTRICT', 'Kreisfreie Stadt': 'DISTRICT_FREE_CITY' } as const;
const placeKind = { Stadt: 'TOWN', Gemeinde: 'MUNICIPALITY' } as const;

export function readRegionsFile(): { text: string; sha256: string; regions: RegionsFile } {
  const text = readFileSync(referenceFile, 'utf8');
  return { text, sha256: createHash('sha256').update(text).digest('hex'), regions: JSON.parse(text) as RegionsFile };
}

export interface ReferenceOutcome {
  action: 'current' | 'loaded';
  districtsAdded: number;
  districtsUpdated: number;
  places: number;
}

/**
 * Applies the list unless this release of it is recorded; call within the seeding transaction
 * (which holds the data lock alone). `loadedWith`: districts the seed created in the same transaction,
 * which get the list's facts as part of their creation (no new version, no second feed event).
 */
export async function loadReferenceRegions(write: Write, loadedWith: ReadonlySet<string> = new Set()): Promise<ReferenceOutcome> {
  const { tx, now } = write;
  const { sha256, regions } = readRegionsFile();
  const recorded = await tx.seedRelease.findUnique({ where: { id: referenceReleaseId } });
  if (recorded?.sha256 === sha256) return { action: 'current', districtsAdded: 0, districtsUpdated: 0, places: 0 };

  const changes: Announcement[] = [];
  const source = {
    title: regions.source,
    kind: 'REFERENCE_DATA' as const,
    url: 'https://www.bkg.bund.de',
    asOf: new Date('2022-01-01T00:00:00Z'),
    asOfBasis: `Stand of the municipality list (VG250, 01.01.2022); the districts are as of 01.01.2021 (VG5000). ${regions.changes}`,
    licence: regions.licence,
    attribution: regions.attribution,
  };
  const existingSource = await tx.source.findUnique({ where: { id: referenceSourceId } });
  if (existingSource) await tx.source.update({ where: { id: referenceSourceId }, data: { ...source, version: { increment: 1 } } });
  else await tx.source.create({ data: { id: referenceSourceId, ...source } });
  changes.push({ action: existingSource ? 'UPDATE' : 'CREATE', entityType: 'Source', entityId: referenceSourceId });

  const held = new Map((await tx.district.findMany({ select: { id: true, nuts3: true, referenceSourceId: true } })).map((d) => [d.id, d]));
  const stateOf = new Map(regions.states.map((state) => [state.ags, state.code]));
  const listed = regions.districts.map((district) => ({
    id: district.ags,
    name: district.name,
    kind: districtKind[district.kind],
    stateId: stateOf.get(district.ags.slice(0, 2))!,
    nuts3: district.nuts3,
  }));
  // bulkInsert takes its columns from the first row: every row names them all.
  const asRow = (district: {
    id: string;
    name: string;
    kind: string;
    stateId: string;
    nuts3?: string;
    validTo?: Date;
    successorId?: string;
  }) => ({
    nuts3: null,
    validTo: null,
    successorId: null,
    ...district,
    sourceId: referenceSourceId,
    referenceSourceId,
    createdAt: now,
  });
  const toAdd = [
    ...listed.filter((district) => !held.has(district.id)),
    ...formerDistricts.filter((district) => !held.has(district.id)),
  ].map(asRow);
  // Former districts name their successors: those first.
  await bulkInsert(tx, 'District', toAdd, now);
  changes.push(...toAdd.map((district) => ({ action: 'CREATE' as const, entityType: 'District', entityId: district.id })));

  // A district the seed or an editor holds keeps its name and kind; it gains the list's key facts.
  let districtsUpdated = 0;
  for (const district of listed) {
    const mine = held.get(district.id);
    if (!mine || (mine.nuts3 === district.nuts3 && mine.referenceSourceId === referenceSourceId)) continue;
    const createdNow = loadedWith.has(district.id);
    await tx.district.update({
      where: { id: district.id },
      data: { nuts3: district.nuts3, referenceSourceId, ...(createdNow ? {} : { version: { increment: 1 } }) },
    });
    if (!createdNow) changes.push({ action: 'UPDATE', entityType: 'District', entityId: district.id });
    districtsUpdated++;
  }

  await tx.place.deleteMany({});
  const places = await bulkInsert(
    tx,
    'Place',
    regions.municipalities.map((place) => ({
      id: place.ags,
      ars: place.ars,
      name: place.name,
      kind: placeKind[place.kind],
      districtId: place.districtAgs,
      validFrom: new Date(`${place.effectiveSince}T00:00:00Z`),
      sourceId: referenceSourceId,
    })),
    now,
  );

  const release = { sha256, content: { districts: listed.length, places }, appliedAt: now };
  await tx.seedRelease.upsert({ where: { id: referenceReleaseId }, create: { id: referenceReleaseId, ...release }, update: release });
  write.announce(changes);
  return { action: 'loaded', districtsAdded: toAdd.length, districtsUpdated, places };
}
