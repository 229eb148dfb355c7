// Editors keep their district's offers current: add, change, withdraw.
import { randomUUID } from 'node:crypto';
import { db, type Tx } from '../db/client.js';
import { OfferCategory, TargetGroup } from '../generated/prisma/enums.js';
import { builder } from '../graphql/builder.js';
import { referenceSourceId } from '../places/referenceKeys.js';
import { sameNames } from '../writes/checks.js';
import { entityMutations } from '../writes/entityMutations.js';
import type { Problems } from '../writes/problems.js';
import { unknownEntry } from '../writes/references.js';
import { Offer } from './types.js';

const OfferFields = builder.inputType('OfferFieldsInput', {
  description: 'What an offer is. In a change, fields left out keep their value.',
  fields: (t) => ({
    title: t.string({ description: 'Title as published.' }),
    nominativeTitle: t.string({
      description: 'The title in the nominative, where the published one is in the grammar of its sentence (an editorial normalisation).',
    }),
    category: t.field({ type: OfferCategory, description: 'Kind of offer.' }),
    description: t.string({ description: 'What the offer is (German; translations come separately).' }),
    providerName: t.string({ description: 'Who provides it.' }),
    nominativeProviderName: t.string({
      description:
        'The provider’s name in the nominative, where the published one is in the grammar of its sentence (an editorial normalisation).',
    }),
    targetGroups: t.field({ type: [TargetGroup], description: 'Who it is for.' }),
    languages: t.stringList({ description: 'Languages it is available in (ISO 639-1, e.g. "uk").' }),
    online: t.boolean({ description: 'Available online.' }),
    website: t.string({ description: 'Web address (http or https).' }),
    places: t.stringList({ description: 'Towns of the district where it is available, by name (as in `District.municipalities`).' }),
  }),
});

type OfferFieldsInput = typeof OfferFields.$inferInput;

/** Where an offer is: a town the district's data names, or one of the official list not named yet. */
type OfferTown = { municipalityId: string } | { official: { ags: string; name: string; districtId: string } };

/**
 * The town of each place named: among the district's towns, else among the official list's
 * municipalities of the district (BKG), so that a district without data of its own can name
 * its towns at once.
 */
async function resolvePlaces(fields: OfferFieldsInput, districtId: string, problems: Problems) {
  if (!fields.places) return { columns: {} };
  const names = fields.places;
  const towns = await db().municipality.findMany({ where: { districtId, name: { in: names } } });
  const unknown = names.filter((name) => !towns.some((town) => town.name === name));
  // Only for names the district's towns do not have: offers naming its own towns ask once.
  const official = unknown.length ? await db().place.findMany({ where: { districtId, name: { in: unknown } } }) : [];
  const places = names.map((name, index): OfferTown => {
    const town = towns.find((candidate) => candidate.name === name);
    if (town) return { municipalityId: town.id };
    const listed = official.find((place) => place.name === name);
    if (listed) return { official: { ags: listed.id, name, districtId } };
    problems.add(`fields.places[${index}]`, unknownEntry('Municipality', name, `a town of district ${districtId}`));
    return { municipalityId: '' };
  });
  return { columns: {}, lists: places };
}

/** The district's town for a place: a town of the official list becomes one of the district's, citing the list. */
async function townOf(tx: Tx, place: OfferTown): Promise<string> {
  if ('municipalityId' in place) return place.municipalityId;
  const { ags, name, districtId } = place.official;
  // The district may know the town already under another name (by its AGS), or a second writer
  // may be adding it this moment: either way there is one town, and it is reused.
  await tx.municipality.createMany({
    data: [{ id: `${districtId}/${ags}`, name, ags, districtId, sourceId: referenceSourceId }],
    skipDuplicates: true,
  });
  const town =
    (await tx.municipality.findUnique({ where: { ags } })) ??
    (await tx.municipality.findUniqueOrThrow({ where: { districtId_name: { districtId, name } } }));
  return town.id;
}

entityMutations({
  model: 'Offer',
  noun: 'offer',
  article: 'an',
  ref: Offer,
  fields: OfferFields,
  columns: sameNames(
    'title',
    'nominativeTitle',
    'category',
    'description',
    'providerName',
    'nominativeProviderName',
    'targetGroups',
    'languages',
    'online',
    'website',
  ),
  resolve: resolvePlaces,
  async writeLists(tx, offerId, _fields, { lists: places }) {
    if (!places) return;
    const towns: string[] = [];
    for (const place of places) towns.push(await townOf(tx, place));
    // A town named again keeps what the input cannot say of it (its label, "Geschäftsstelle", from a package).
    const kept = await tx.offerPlace.findMany({ where: { offerId }, select: { municipalityId: true, label: true } });
    const labels = new Map(kept.map((place) => [place.municipalityId, place.label]));
    await tx.offerPlace.deleteMany({ where: { offerId } });
    await tx.offerPlace.createMany({
      data: towns.map((municipalityId) => ({ id: randomUUID(), offerId, municipalityId, label: labels.get(municipalityId) ?? null })),
    });
  },
  load: (tx, id) => tx.offer.findUnique({ where: { id }, include: { places: { include: { municipality: true } } } }),
});
