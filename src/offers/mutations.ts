// Editors keep their district's offers current: add, change, withdraw.
import { randomUUID } from 'node:crypto';
import { builder } from '../builder.js';
import { mutationErrors, ValidationError, type Issue } from '../common/mutationErrors.js';
import { db } from '../db/client.js';
import { parseDistrictAgs } from '../districts/ags.js';
import { changeAudited, createAudited, districtOf, localId, type Tx } from '../editing/changes.js';
import { OfferCategory, TargetGroup } from '../generated/prisma/enums.js';
import { Offer } from './schema.js';

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

/** Checks the fields given; every problem is collected with its path. */
async function checkOfferFields(fields: OfferFieldsInput, districtId: string, issues: Issue[], creating: boolean) {
  for (const name of ['title', 'description'] as const) {
    if (creating && !fields[name]) issues.push({ path: `fields.${name}`, message: 'is required' });
    if (fields[name] !== undefined && fields[name] !== null && !fields[name]!.trim()) issues.push({ path: `fields.${name}`, message: 'must not be empty' });
  }
  if (creating && !fields.category) issues.push({ path: 'fields.category', message: 'is required' });
  (fields.languages ?? []).forEach((language, index) => {
    if (!/^[a-z]{2}$/.test(language)) issues.push({ path: `fields.languages[${index}]`, message: `"${language}" is not an ISO 639-1 code (two lower-case letters)` });
  });
  if (fields.website) {
    try {
      if (!/^https?:$/.test(new URL(fields.website).protocol)) throw new Error();
    } catch {
      issues.push({ path: 'fields.website', message: `"${fields.website}" is not an http(s) address` });
    }
  }
  if (!fields.places) return undefined;
  const towns = await db().municipality.findMany({ where: { districtId, name: { in: fields.places } } });
  fields.places.forEach((name, index) => {
    if (!towns.some((town) => town.name === name)) issues.push({ path: `fields.places[${index}]`, message: `"${name}" is not a town of district ${districtId}` });
  });
  return fields.places.map((name) => towns.find((town) => town.name === name)?.id ?? '');
}

function offerSnapshot(tx: Tx, id: string) {
  return tx.offer.findUnique({ where: { id }, include: { places: { include: { municipality: true } } } });
}

/** The columns given (left-out fields keep their value). */
function offerColumns({ places: _places, ...columns }: OfferFieldsInput) {
  return Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined && value !== null));
}

async function writePlaces(tx: Tx, offerId: string, placeIds: string[] | undefined) {
  if (!placeIds) return;
  await tx.offerPlace.deleteMany({ where: { offerId } });
  await tx.offerPlace.createMany({ data: placeIds.map((municipalityId) => ({ id: randomUUID(), offerId, municipalityId })) });
}

builder.mutationFields((t) => ({
  createOffer: t.field({
    type: Offer,
    description: 'Add an offer of your district. Needs an editor token of that district.',
    errors: mutationErrors('offer'),
    args: {
      input: t.arg({
        required: true,
        description: 'The new offer.',
        type: builder.inputType('CreateOfferInput', {
          description: 'A new offer of a district.',
          fields: (f) => ({
            district: f.string({ required: true, description: 'The district (AGS).' }),
            fields: f.field({ type: OfferFields, required: true, description: 'The offer; title, category and description are required.' }),
          }),
        }),
      }),
    },
    authScopes: (_parent, { input }) => ({ editorOf: /^\d{5}$/.test(input.district) ? input.district : '' }),
    resolve: async (_root, { input }, context) => {
      const districtId = parseDistrictAgs(input.district, 'input.district');
      const issues: Issue[] = [];
      const placeIds = await checkOfferFields(input.fields, districtId, issues, true);
      if (issues.length) throw new ValidationError(issues);
      return createAudited({
        context,
        entityType: 'Offer',
        districtId,
        load: offerSnapshot,
        create: async (tx, sourceId) => {
          const id = randomUUID();
          const { title, category, description } = input.fields;
          await tx.offer.create({ data: { ...offerColumns(input.fields), id, districtId, sourceId, title: title!, category: category!, description: description! } });
          await writePlaces(tx, id, placeIds);
          return id;
        },
      });
    },
  }),

  updateOffer: t.field({
    type: Offer,
    description: 'Change an offer of your district; fields left out keep their value.',
    errors: mutationErrors('offer'),
    args: {
      input: t.arg({
        required: true,
        description: 'The change.',
        type: builder.inputType('UpdateOfferInput', {
          description: 'A change of an offer.',
          fields: (f) => ({
            id: f.id({ required: true, description: 'The offer (global ID).' }),
            version: f.int({ required: true, description: 'The `version` you read; a stale one returns VersionConflictError.' }),
            fields: f.field({ type: OfferFields, required: true, description: 'The fields to change.' }),
          }),
        }),
      }),
    },
    authScopes: async (_parent, { input }) => ({ editorOf: await districtOf('Offer', String(input.id)) }),
    resolve: async (_root, { input }, context) => {
      const issues: Issue[] = [];
      const id = localId(String(input.id), 'Offer', 'id', issues);
      const districtId = await districtOf('Offer', String(input.id));
      const placeIds = await checkOfferFields(input.fields, districtId, issues, false);
      if (issues.length) throw new ValidationError(issues);
      return changeAudited({
        context,
        entityType: 'Offer',
        action: 'UPDATE',
        id,
        expectedVersion: input.version,
        load: offerSnapshot,
        apply: async (tx) => {
          await tx.offer.update({ where: { id }, data: { ...offerColumns(input.fields), version: { increment: 1 } } });
          await writePlaces(tx, id, placeIds);
          return id;
        },
      });
    },
  }),

  archiveOffer: t.field({
    type: Offer,
    description: 'Withdraw an offer: it is no longer listed, and stays in the audit log.',
    errors: mutationErrors('offer'),
    args: {
      input: t.arg({
        required: true,
        description: 'Which offer.',
        type: builder.inputType('ArchiveOfferInput', {
          description: 'Withdrawing an offer.',
          fields: (f) => ({
            id: f.id({ required: true, description: 'The offer (global ID).' }),
            version: f.int({ required: true, description: 'The `version` you read.' }),
          }),
        }),
      }),
    },
    authScopes: async (_parent, { input }) => ({ editorOf: await districtOf('Offer', String(input.id)) }),
    resolve: async (_root, { input }, context) => {
      const issues: Issue[] = [];
      const id = localId(String(input.id), 'Offer', 'id', issues);
      if (issues.length) throw new ValidationError(issues);
      return changeAudited({
        context,
        entityType: 'Offer',
        action: 'ARCHIVE',
        id,
        expectedVersion: input.version,
        load: offerSnapshot,
        apply: async (tx) => {
          await tx.offer.update({ where: { id }, data: { archivedAt: context.now, version: { increment: 1 } } });
          return id;
        },
      });
    },
  }),
}));
