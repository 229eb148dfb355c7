// Editors keep their district's offers current: add, change, withdraw.
import { randomUUID } from 'node:crypto';
import { db } from '../db/client.js';
import { OfferCategory, TargetGroup } from '../generated/prisma/enums.js';
import { builder } from '../graphql/builder.js';
import { sameNames } from '../writes/checks.js';
import { entityMutations } from '../writes/entityMutations.js';
import type { Problems } from '../writes/problems.js';
import { Offer } from './types.js';

const OfferFields = builder.inputType('OfferFieldsInput', {
  description: 'What an offer is. In a change, fields left out keep their value.',
  fields: (t) => ({
    title: t.string({ description: 'Title as published.' }),
    category: t.field({ type: OfferCategory, description: 'Kind of offer.' }),
    description: t.string({ description: 'What the offer is (German; translations come separately).' }),
    providerName: t.string({ description: 'Who provides it.' }),
    targetGroups: t.field({ type: [TargetGroup], description: 'Who it is for.' }),
    languages: t.stringList({ description: 'Languages it is available in (ISO 639-1, e.g. "uk").' }),
    online: t.boolean({ description: 'Available online.' }),
    website: t.string({ description: 'Web address (http or https).' }),
    places: t.stringList({ description: 'Towns of the district where it is available, by name (as in `District.municipalities`).' }),
  }),
});

type OfferFieldsInput = typeof OfferFields.$inferInput;

/** The municipality of each place named, by the district's towns. */
async function resolvePlaces(fields: OfferFieldsInput, districtId: string, problems: Problems) {
  if (!fields.places) return { columns: {} };
  const towns = await db().municipality.findMany({ where: { districtId, name: { in: fields.places } } });
  const places = fields.places.map((name, index) => {
    const town = towns.find((candidate) => candidate.name === name);
    if (!town) problems.add(`fields.places[${index}]`, `"${name}" is not a town of district ${districtId}`);
    return town?.id ?? '';
  });
  return { columns: {}, lists: places };
}

entityMutations({
  model: 'Offer',
  noun: 'offer',
  article: 'an',
  ref: Offer,
  fields: OfferFields,
  columns: sameNames('title', 'category', 'description', 'providerName', 'targetGroups', 'languages', 'online', 'website'),
  resolve: resolvePlaces,
  async writeLists(tx, offerId, _fields, { lists: places }) {
    if (!places) return;
    await tx.offerPlace.deleteMany({ where: { offerId } });
    await tx.offerPlace.createMany({ data: places.map((municipalityId) => ({ id: randomUUID(), offerId, municipalityId })) });
  },
  load: (tx, id) => tx.offer.findUnique({ where: { id }, include: { places: { include: { municipality: true } } } }),
});
