// Editors keep their district's offers current: add, change, withdraw.
import { randomUUID } from 'node:crypto';
import { db, type Tx } from '../db/client.js';
import { OfferCategory, TargetGroup } from '../generated/prisma/enums.js';
import { builder } from '../graphql/builder.js';
import { locationColumns, locationInputFields, withPoint } from '../places/location.js';
import { referenceSourceId } from '../places/referenceKeys.js';
import { said } from '../rules/issues.js';
import { checkColumns, sameNames } from '../writes/checks.js';
import { entityMutations } from '../writes/entityMutations.js';
import type { Problems } from '../writes/problems.js';
import { unknownEntry } from '../writes/references.js';
import { Offer } from './types.js';

const OfferPlaceInput = builder.inputType('OfferPlaceInput', {
  description: 'A town where an offer is available, with what is there and how it can be reached.',
  fields: (t) => ({
    town: t.string({ required: true, description: 'The town, by name (as in `District.municipalities`).' }),
    label: t.string({ description: 'What is there, e.g. "Geschäftsstelle".' }),
    ...locationInputFields(t),
  }),
});

const OfferFields = builder.inputType('OfferFieldsInput', {
  description: 'What an offer is. In a change, fields left out keep their value; null empties an optional one.',
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
    places: t.stringList({
      description:
        'Towns of the district where it is available, by name (as in `District.municipalities`). A town named again keeps its label, point and access.',
    }),
    placeDetails: t.field({
      type: [OfferPlaceInput],
      description: 'Instead of `places`: the towns with what is there, their point and access, replacing all that is known of them.',
    }),
  }),
});

type OfferFieldsInput = typeof OfferFields.$inferInput;

/** Where an offer is: a town the district's data names, or one of the official list not named yet. */
type OfferTown = { municipalityId: string } | { official: { ags: string; name: string; districtId: string } };

/** A town of the offer, and what the input says of it there (nothing where only its name is given). */
interface OfferPlaceGiven {
  town: OfferTown;
  details?: Record<string, unknown>;
}

const placeColumns = sameNames('label', ...locationColumns);

/** The towns by name, and what each input place says of its town. */
function placesGiven(fields: OfferFieldsInput, problems: Problems): { names: string[]; details?: Record<string, unknown>[] } | null {
  if (fields.places && fields.placeDetails) {
    problems.add('fields.placeDetails', said('PLACES_TWICE', 'give the places once: as places (names) or as placeDetails, not both'));
    return null;
  }
  if (fields.places) return { names: fields.places };
  if (!fields.placeDetails) return null;
  const details = fields.placeDetails.map(({ town: _town, ...place }, index) => {
    const at = `fields.placeDetails[${index}]`;
    const located = withPoint(place, at, problems);
    return checkColumns('OfferPlace', located, placeColumns, problems, { at, creating: true });
  });
  return { names: fields.placeDetails.map((place) => place.town), details };
}

/**
 * The town of each place named: among the district's towns, else among the official list's
 * municipalities of the district (BKG), so that a district without data of its own can name
 * its towns at once.
 */
async function resolvePlaces(fields: OfferFieldsInput, districtId: string, problems: Problems) {
  const given = placesGiven(fields, problems);
  if (!given) return { columns: {} };
  const { names } = given;
  const towns = await db().municipality.findMany({ where: { districtId, name: { in: names } } });
  const unknown = names.filter((name) => !towns.some((town) => town.name === name));
  // Only for names the district's towns do not have: offers naming its own towns ask once.
  const official = unknown.length ? await db().place.findMany({ where: { districtId, name: { in: unknown } } }) : [];
  const townOfName = (name: string, index: number): OfferTown => {
    const town = towns.find((candidate) => candidate.name === name);
    if (town) return { municipalityId: town.id };
    const listed = official.find((place) => place.name === name);
    if (listed) return { official: { ags: listed.id, name, districtId } };
    const at = given.details ? `fields.placeDetails[${index}].town` : `fields.places[${index}]`;
    problems.add(at, unknownEntry('Municipality', name, `a town of district ${districtId}`));
    return { municipalityId: '' };
  };
  const places = names.map((name, index): OfferPlaceGiven => ({ town: townOfName(name, index), details: given.details?.[index] }));
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
    // A town named again by name alone keeps what a name cannot say: its label ("Geschäftsstelle"), point and access.
    const kept = new Map(
      (await tx.offerPlace.findMany({ where: { offerId } })).map(({ id: _id, offerId: _offer, ...place }) => [place.municipalityId, place]),
    );
    const rows = [];
    for (const { town, details } of places) {
      const municipalityId = await townOf(tx, town);
      rows.push({ ...(details ?? kept.get(municipalityId)), id: randomUUID(), offerId, municipalityId });
    }
    await tx.offerPlace.deleteMany({ where: { offerId } });
    await tx.offerPlace.createMany({ data: rows });
  },
  load: (tx, id) => tx.offer.findUnique({ where: { id }, include: { places: { include: { municipality: true } } } }),
});
