// Editors keep their district's contacts current. Every change is validated first, then runs
// through the shared mechanics of src/editing/changes.ts (transaction, version, audit).
import { randomUUID } from 'node:crypto';
import { builder } from '../builder.js';
import { berlinDate } from '../common/history.js';
import { type Issue, mutationErrors, ValidationError } from '../common/mutationErrors.js';
import type { Tx } from '../db/client.js';
import { db } from '../db/client.js';
import { districtKeyForScope, parseDistrictAgs } from '../districts/ags.js';
import { changeAudited, createAudited, districtOf, localId } from '../editing/changes.js';
import { AddressKind, ChannelKind } from '../generated/prisma/enums.js';
import { type ContactParts, checkContactParts, checkPerson } from './input.js';
import { Contact, Weekday } from './types.js';

// ------------------------------------------------------------------ GraphQL inputs

const PersonInput = builder.inputType('PersonInput', {
  description: 'A contact person; leave out what is not known.',
  fields: (t) => ({
    salutation: t.string({ description: 'As it should be printed: "Frau", "Herr" …' }),
    givenName: t.string({ description: 'First name, where known.' }),
    familyName: t.string({ required: true, description: 'Surname.' }),
  }),
});

const ChannelInput = builder.inputType('ChannelInput', {
  description: 'A way to reach the contact, as it should be printed; the API normalises it (E.164, plain e-mail).',
  fields: (t) => ({
    kind: t.field({ type: ChannelKind, required: true, description: 'Phone, mobile, fax, e-mail or web form.' }),
    printed: t.string({ required: true, description: 'The value as printed, e.g. "03632 / 741-261"; for a web form its address.' }),
  }),
});

const AddressInput = builder.inputType('AddressInput', {
  description: 'An address.',
  fields: (t) => ({
    kind: t.field({ type: AddressKind, required: true, description: 'What the address is for.' }),
    placeName: t.string({ description: 'Building or institution.' }),
    street: t.string({ description: 'Street and number.' }),
    postOfficeBox: t.string({ description: 'Post-office box number.' }),
    postalCode: t.string({ required: true, description: 'Postleitzahl, 5 digits.' }),
    locality: t.string({ required: true, description: 'Town.' }),
    room: t.string({ description: 'Building and room.' }),
  }),
});

const IntervalInput = builder.inputType('OfficeHourIntervalInput', {
  description: 'A weekly interval in local time.',
  fields: (t) => ({
    weekday: t.field({ type: Weekday, required: true, description: 'Day of the week.' }),
    opens: t.string({ required: true, description: 'Opening time, "HH:MM".' }),
    closes: t.string({ required: true, description: 'Closing time, "HH:MM", after the opening time.' }),
  }),
});

const OfficeHoursInput = builder.inputType('OfficeHoursInput', {
  description: 'Office hours (Sprechzeiten).',
  fields: (t) => ({
    printed: t.string({ required: true, description: 'The office hours as published.' }),
    byAppointment: t.boolean({ description: 'Also by arrangement ("und nach Vereinbarung").' }),
    appointmentRequired: t.boolean({ description: 'Only after making an appointment.' }),
    location: t.field({ type: AddressInput, description: 'Where, if not at the office.' }),
    intervals: t.field({ type: [IntervalInput], description: 'Weekly intervals.' }),
  }),
});

// ------------------------------------------------------------------ persistence

async function contactSnapshot(tx: Tx, id: string) {
  return tx.contact.findUnique({
    where: { id },
    include: { person: true, channels: { orderBy: { ordinal: 'asc' } }, addresses: true, officeHours: { include: { intervals: true } } },
  });
}

type Snapshot = NonNullable<Awaited<ReturnType<typeof contactSnapshot>>>;

/** A stored contact's channels, addresses and office hours, in the shape writeParts takes. */
function partsOf(contact: Snapshot): Required<ContactParts> {
  const address = ({ id: _id, contactId: _contact, sourceId: _source, ...fields }: Snapshot['addresses'][number]) => fields;
  return {
    channels: contact.channels.map(({ kind, printed, value }) => ({ kind, printed, value })),
    addresses: contact.addresses.filter((a) => a.kind !== 'OFFICE_HOURS').map(address),
    officeHours: contact.officeHours.map((hours) => {
      const location = contact.addresses.find((a) => a.id === hours.locationId);
      return {
        printed: hours.printed,
        byAppointment: hours.byAppointment,
        appointmentRequired: hours.appointmentRequired,
        location: location ? address(location) : null,
        intervals: hours.intervals.map(({ weekday, opens, closes }) => ({ weekday, opens, closes })),
      };
    }),
  };
}

const definedParts = (parts: ContactParts): ContactParts =>
  Object.fromEntries(Object.entries(parts).filter(([, value]) => value !== undefined)) as ContactParts;

/** Replaces the parts given (channels, addresses, office hours) of a contact. */
async function writeParts(tx: Tx, contactId: string, parts: ContactParts, sourceId: string) {
  if (parts.officeHours) {
    const old = await tx.officeHours.findMany({ where: { contactId }, select: { id: true, locationId: true } });
    await tx.officeHourInterval.deleteMany({ where: { officeHoursId: { in: old.map((hours) => hours.id) } } });
    await tx.officeHours.deleteMany({ where: { contactId } });
    await tx.address.deleteMany({ where: { id: { in: old.flatMap((hours) => (hours.locationId ? [hours.locationId] : [])) } } });
    for (const hours of parts.officeHours) {
      const locationId = hours.location ? randomUUID() : null;
      if (hours.location)
        await tx.address.create({ data: { ...hours.location, kind: 'OFFICE_HOURS', id: locationId!, contactId, sourceId } });
      const officeHoursId = randomUUID();
      await tx.officeHours.create({
        data: {
          id: officeHoursId,
          contactId,
          locationId,
          printed: hours.printed,
          byAppointment: hours.byAppointment ?? false,
          appointmentRequired: hours.appointmentRequired ?? false,
          sourceId,
        },
      });
      await tx.officeHourInterval.createMany({
        data: hours.intervals.map((interval) => ({ ...interval, id: randomUUID(), officeHoursId })),
      });
    }
  }
  if (parts.addresses) {
    await tx.address.deleteMany({ where: { contactId, kind: { not: 'OFFICE_HOURS' } } });
    await tx.address.createMany({ data: parts.addresses.map((address) => ({ ...address, id: randomUUID(), contactId, sourceId })) });
  }
  if (parts.channels) {
    await tx.contactChannel.deleteMany({ where: { contactId } });
    await tx.contactChannel.createMany({
      data: parts.channels.map((channel, ordinal) => ({ ...channel, id: randomUUID(), contactId, ordinal, sourceId })),
    });
  }
}

// ------------------------------------------------------------------ mutations

builder.mutationFields((t) => ({
  createContact: t.field({
    type: Contact,
    description: 'Add a contact to a post of your district (e.g. a new Integrationslotse). Needs an editor token of that district.',
    errors: mutationErrors('contact'),
    args: {
      input: t.arg({
        required: true,
        description: 'The new contact.',
        type: builder.inputType('CreateContactInput', {
          description: 'A new contact of a district.',
          fields: (f) => ({
            district: f.string({ required: true, description: 'The district (AGS).' }),
            position: f.id({ required: true, description: 'The post (global ID of a Position of that district).' }),
            person: f.field({ type: PersonInput, description: 'The person; leave out for an office without a named person.' }),
            validFrom: f.field({ type: 'Date', description: 'First day the contact is valid; default: today.' }),
            channels: f.field({ type: [ChannelInput], description: 'Phone, e-mail … in display order.' }),
            addresses: f.field({ type: [AddressInput], description: 'Office, visitor and postal addresses.' }),
            officeHours: f.field({ type: [OfficeHoursInput], description: 'Office hours.' }),
            internalNote: f.string({ description: 'Not public: a note for editors and the ministry.' }),
          }),
        }),
      }),
    },
    authScopes: (_parent, { input }) => ({ editorOf: districtKeyForScope(input.district) }),
    resolve: async (_root, { input }, context) => {
      const issues: Issue[] = [];
      const districtId = parseDistrictAgs(input.district, 'input.district');
      const positionId = localId(String(input.position), 'Position', 'position', issues);
      if (input.person) checkPerson(input.person, 'person', issues);
      const parts = checkContactParts(input, issues);
      const position = positionId
        ? await db().position.findFirst({ where: { id: positionId, archivedAt: null }, select: { districtId: true } })
        : null;
      if (positionId && position?.districtId !== districtId)
        issues.push({ path: 'position', message: `is not a post of district ${districtId}` });
      if (issues.length) throw new ValidationError(issues);
      return createAudited({
        context,
        entityType: 'Contact',
        districtId,
        load: contactSnapshot,
        create: async (tx, sourceId) => {
          const id = randomUUID();
          const personId = input.person ? randomUUID() : null;
          if (input.person) await tx.person.create({ data: { ...input.person, id: personId!, sourceId } });
          await tx.contact.create({
            data: {
              id,
              districtId,
              positionId,
              personId,
              validFrom: input.validFrom ?? berlinDate(context.now),
              validFromStated: true,
              internalNote: input.internalNote ?? null,
              sourceId,
            },
          });
          await writeParts(tx, id, parts, sourceId);
          return id;
        },
      });
    },
  }),

  updateContact: t.field({
    type: Contact,
    description:
      'Change a contact: channels, addresses and office hours are replaced by what you send (leave a list out to keep it). A new person in the post does not overwrite the old one: the old contact is closed on `changeDate` and its successor opened, so history is kept.',
    errors: mutationErrors('contact'),
    args: {
      input: t.arg({
        required: true,
        description: 'The change.',
        type: builder.inputType('UpdateContactInput', {
          description: 'A change of a contact.',
          fields: (f) => ({
            id: f.id({ required: true, description: 'The contact (global ID).' }),
            version: f.int({ required: true, description: 'The `version` you read; a stale one returns VersionConflictError.' }),
            person: f.field({ type: PersonInput, description: 'A different person now holds the post (opens a successor contact).' }),
            changeDate: f.field({ type: 'Date', description: 'When a new person took over; default: today.' }),
            channels: f.field({ type: [ChannelInput], description: 'The channels, replacing the current ones.' }),
            addresses: f.field({ type: [AddressInput], description: 'The addresses, replacing the current ones.' }),
            officeHours: f.field({ type: [OfficeHoursInput], description: 'The office hours, replacing the current ones.' }),
            internalNote: f.string({ description: 'Not public: a note for editors and the ministry.' }),
          }),
        }),
      }),
    },
    authScopes: async (_parent, { input }) => ({ editorOf: await districtOf('Contact', String(input.id)) }),
    resolve: async (_root, { input }, context) => {
      const issues: Issue[] = [];
      const id = localId(String(input.id), 'Contact', 'id', issues);
      if (input.person) checkPerson(input.person, 'person', issues);
      const parts = checkContactParts(input, issues);
      return changeAudited({
        context,
        entityType: 'Contact',
        action: 'UPDATE',
        id,
        expectedVersion: input.version,
        load: contactSnapshot,
        apply: async (tx, before, sourceId) => {
          if (!input.person) {
            await writeParts(tx, id, parts, sourceId);
            await tx.contact.update({
              where: { id },
              data: { version: { increment: 1 }, ...(input.internalNote !== undefined ? { internalNote: input.internalNote } : {}) },
            });
            return id;
          }
          const changeDate = input.changeDate ?? berlinDate(context.now);
          if (before.validFrom && changeDate <= before.validFrom) {
            throw new ValidationError([
              { path: 'changeDate', message: `must be after the contact's start (${before.validFrom.toISOString().slice(0, 10)})` },
            ]);
          }
          const successorId = randomUUID();
          const personId = randomUUID();
          await tx.person.create({ data: { ...input.person, id: personId, sourceId } });
          await tx.contact.update({ where: { id }, data: { validTo: changeDate, validToStated: true, version: { increment: 1 } } });
          await tx.contact.create({
            data: {
              id: successorId,
              districtId: before.districtId,
              positionId: before.positionId,
              personId,
              validFrom: changeDate,
              validFromStated: true,
              sourceId,
              internalNote: input.internalNote !== undefined ? input.internalNote : before.internalNote,
            },
          });
          // The post's channels, addresses and office hours carry over unless new ones are given.
          await writeParts(tx, successorId, { ...partsOf(before), ...definedParts(parts) }, sourceId);
          return successorId;
        },
      });
    },
  }),

  archiveContact: t.field({
    type: Contact,
    description: 'The contact is no longer valid (e.g. the person left): its validity ends, it stays in the history.',
    errors: mutationErrors('contact'),
    args: {
      input: t.arg({
        required: true,
        description: 'Which contact, and from when it no longer holds.',
        type: builder.inputType('ArchiveContactInput', {
          description: 'Ending a contact.',
          fields: (f) => ({
            id: f.id({ required: true, description: 'The contact (global ID).' }),
            version: f.int({ required: true, description: 'The `version` you read.' }),
            validTo: f.field({ type: 'Date', description: 'First day it no longer holds; default: today.' }),
          }),
        }),
      }),
    },
    authScopes: async (_parent, { input }) => ({ editorOf: await districtOf('Contact', String(input.id)) }),
    resolve: async (_root, { input }, context) => {
      const issues: Issue[] = [];
      const id = localId(String(input.id), 'Contact', 'id', issues);
      if (issues.length) throw new ValidationError(issues);
      return changeAudited({
        context,
        entityType: 'Contact',
        action: 'ARCHIVE',
        id,
        expectedVersion: input.version,
        load: contactSnapshot,
        apply: async (tx) => {
          const validTo = input.validTo ?? berlinDate(context.now);
          await tx.contact.update({
            where: { id },
            data: { archivedAt: context.now, validTo, validToStated: true, version: { increment: 1 } },
          });
          return id;
        },
      });
    },
  }),
}));
