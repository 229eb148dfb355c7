// Editors keep their district's offers current: add, change, withdraw.
import { randomUUID } from 'node:crypto';
import { builder } from '../builder.js';
import type { Issue } from '../common/mutationErrors.js';
import type { Tx } from '../db/client.js';
import { db } from '../db/client.js';
import { checkWebAddress, entityMutations, givenColumns } from '../editing/entityMutations.js';
import { OfferCategory, TargetGroup } from '../generated/prisma/enums.js';
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

/** Checks the fields; returns the municipality ids of the places given. */
async function checkOffer(fields: OfferFieldsInput, districtId: string, issues: Issue[]) {
  (fields.languages ?? []).forEach((language, index) => {
    if (!/^[a-z]{2}$/.test(language))
      issues.push({ path: `fields.languages[${index}]`, message: `"${language}" is not an ISO 639-1 code (two lower-case letters)` });
  });
  checkWebAddress(fields.website, 'fields.website', issues);
  if (!fields.places) return undefined;
  const towns = await db().municipality.findMany({ where: { districtId, name: { in: fields.places } } });
  fields.places.forEach((name, index) => {
    if (!towns.some((town) => town.name === name))
      issues.push({ path: `fields.places[${index}]`, message: `"${name}" is not a town of district ${districtId}` });
  });
  return fields.places.map((name) => towns.find((town) => town.name === name)?.id ?? '');
}

async function writePlaces(tx: Tx, offerId: string, placeIds: string[] | undefined) {
  if (!placeIds) return;
  await tx.offerPlace.deleteMany({ where: { offerId } });
  await tx.offerPlace.createMany({ data: placeIds.map((municipalityId) => ({ id: randomUUID(), offerId, municipalityId })) });
}

entityMutations({
  entity: 'Offer',
  noun: 'offer',
  article: 'an',
  required: ['title', 'category', 'description'],
  ref: Offer,
  fields: OfferFields,
  check: checkOffer,
  load: (tx, id) => tx.offer.findUnique({ where: { id }, include: { places: { include: { municipality: true } } } }),
  async create(tx, { id, districtId, sourceId, fields, checked }) {
    const { title, category, description } = fields;
    await tx.offer.create({
      data: {
        ...givenColumns(fields, ['places']),
        id,
        districtId,
        sourceId,
        title: title!,
        category: category!,
        description: description!,
      },
    });
    await writePlaces(tx, id, checked);
  },
  async update(tx, { id, fields, checked }) {
    await tx.offer.update({ where: { id }, data: { ...givenColumns(fields, ['places']), version: { increment: 1 } } });
    await writePlaces(tx, id, checked);
  },
  archive: (tx, id, now) => tx.offer.update({ where: { id }, data: { archivedAt: now, version: { increment: 1 } } }).then(() => undefined),
});
