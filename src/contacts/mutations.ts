// Editors keep their district's contacts current, through the editing kit's parts: checked
// first (every problem at once), then written in one audited transaction. A new person in a
// post does not overwrite the old one: the update opens a successor contact.
import { randomUUID } from 'node:crypto';
import { builder } from '../builder.js';
import { berlinDate } from '../common/history.js';
import type { Problems } from '../common/problems.js';
import { db, type Tx } from '../db/client.js';
import { parseDistrictAgs } from '../districts/ags.js';
import { changeAudited, createAudited } from '../editing/changes.js';
import { checkColumns, sameNames } from '../editing/checks.js';
import { editingMutation, editorsOfDistrict, editorsOfRecord, recordId } from '../editing/mutation.js';
import { recordOfDistrict } from '../editing/references.js';
import { AddressKind, ChannelKind } from '../generated/prisma/enums.js';
import {
  type AddressInput as AddressFields,
  type ChannelInput as ChannelFields,
  type ContactParts,
  checkContactParts,
  checkPerson,
  type OfficeHoursInput as OfficeHoursFields,
  type PersonInput as PersonFields,
} from './parts.js';
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

const ExceptionInput = builder.inputType('OfficeHourExceptionInput', {
  description: 'Days on which the office hours differ: closed (no times), or special hours.',
  fields: (t) => ({
    firstDay: t.field({ type: 'Date', required: true, description: 'The first day.' }),
    lastDay: t.field({ type: 'Date', description: 'The last day (default: the first: a single day).' }),
    opens: t.string({ description: 'Opening time on those days, "HH:MM"; left out with closes: closed.' }),
    closes: t.string({ description: 'Closing time on those days, "HH:MM".' }),
    note: t.string({ description: 'Why, e.g. "Betriebsferien".' }),
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
    openingHours: t.string({
      description:
        'Instead of intervals: the weekly hours in OpenStreetMap opening_hours syntax, e.g. "Mo-Fr 09:00-12:00; We 14:00-17:30; PH off" (public holidays are closed in any case; dates go into exceptions).',
    }),
    exceptions: t.field({ type: [ExceptionInput], description: 'Closures and special hours (dates in the office’s time zone).' }),
  }),
});

// ------------------------------------------------------------------ persistence

async function contactSnapshot(tx: Tx, id: string) {
  return tx.contact.findUnique({
    where: { id },
    include: {
      person: true,
      channels: { orderBy: { ordinal: 'asc' } },
      addresses: true,
      officeHours: { include: { intervals: true, exceptions: true } },
    },
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
        exceptions: hours.exceptions.map(({ firstDay, lastDay, opens, closes, note }) => ({ firstDay, lastDay, opens, closes, note })),
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
    await tx.officeHourException.deleteMany({ where: { officeHoursId: { in: old.map((hours) => hours.id) } } });
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
      await tx.officeHourException.createMany({
        data: hours.exceptions.map((exception) => ({ ...exception, id: randomUUID(), officeHoursId })),
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

interface PartsInput {
  channels?: ChannelFields[] | null;
  addresses?: AddressFields[] | null;
  officeHours?: OfficeHoursFields[] | null;
}

interface CreateContact extends PartsInput {
  district: string;
  position: string | number;
  person?: PersonFields | null;
  validFrom?: Date | null;
  internalNote?: string | null;
}

interface UpdateContact extends PartsInput {
  id: string | number;
  version: number;
  person?: PersonFields | null;
  changeDate?: Date | null;
  internalNote?: string | null;
}

interface ArchiveContact {
  id: string | number;
  version: number;
  validTo?: Date | null;
}

/** Parts and notes of a contact, checked: the same for a new contact and a change. */
function checkContact(input: (CreateContact | UpdateContact) & PartsInput, problems: Problems): ContactParts {
  if (input.person) checkPerson(input.person, problems);
  checkColumns('Contact', input, sameNames('internalNote'), problems, { creating: false });
  return checkContactParts(input, problems);
}

editingMutation('createContact', {
  ref: Contact,
  noun: 'contact',
  description: 'Add a contact to a post of your district (e.g. a new Integrationslotse). Needs an editor token of that district.',
  inputDescription: 'The new contact.',
  input: builder.inputRef<CreateContact>('CreateContactInput').implement({
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
  authorise: (input) => editorsOfDistrict(input.district),
  async prepare(input, problems) {
    const districtId = parseDistrictAgs(input.district, 'input.district');
    const parts = checkContact(input, problems);
    const positionId = await recordOfDistrict('Position', input.position, districtId, 'position', problems, 'a post', { archivedAt: null });
    return { districtId, positionId: positionId!, parts };
  },
  write: (input, { districtId, positionId, parts }, context) =>
    createAudited({
      context,
      entityType: 'Contact',
      districtId,
      load: contactSnapshot,
      create: async (tx, sourceId) => {
        const id = randomUUID();
        const personId = input.person ? await createPerson(tx, input.person, sourceId) : null;
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
    }),
});

async function createPerson(tx: Tx, person: PersonFields, sourceId: string): Promise<string> {
  const id = randomUUID();
  await tx.person.create({ data: { ...person, id, sourceId } });
  return id;
}

editingMutation('updateContact', {
  ref: Contact,
  noun: 'contact',
  description:
    'Change a contact: channels, addresses and office hours are replaced by what you send (leave a list out to keep it). A new person in the post does not overwrite the old one: the old contact is closed on `changeDate` and its successor opened, so history is kept.',
  inputDescription: 'The change.',
  input: builder.inputRef<UpdateContact>('UpdateContactInput').implement({
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
  authorise: (input) => editorsOfRecord('Contact', input.id),
  async prepare(input, problems, context) {
    const id = recordId('Contact', input.id, 'id', problems);
    const parts = checkContact(input, problems);
    const changeDate = input.changeDate ?? berlinDate(context.now);
    if (input.person && id) {
      const contact = await db().contact.findUnique({ where: { id }, select: { validFrom: true } });
      if (contact?.validFrom && changeDate <= contact.validFrom) {
        problems.add('changeDate', `must be after the contact's start (${contact.validFrom.toISOString().slice(0, 10)})`);
      }
    }
    return { id, parts, changeDate };
  },
  write: (input, { id, parts, changeDate }, context) =>
    changeAudited({
      context,
      entityType: 'Contact',
      action: 'UPDATE',
      id,
      expectedVersion: input.version,
      load: contactSnapshot,
      apply: async (tx, before, sourceId) => {
        if (!input.person) {
          await writeParts(tx, id, parts, sourceId);
          const note = input.internalNote !== undefined ? { internalNote: input.internalNote } : {};
          await tx.contact.update({ where: { id }, data: { version: { increment: 1 }, ...note } });
          return id;
        }
        return openSuccessor(tx, before, { person: input.person, changeDate, internalNote: input.internalNote, parts }, sourceId);
      },
    }),
});

/** Closes a contact on the change date and opens its successor with the new person; the post's parts carry over unless new ones are given. */
async function openSuccessor(
  tx: Tx,
  before: Snapshot,
  change: { person: PersonFields; changeDate: Date; internalNote?: string | null; parts: ContactParts },
  sourceId: string,
): Promise<string> {
  const successorId = randomUUID();
  const personId = await createPerson(tx, change.person, sourceId);
  await tx.contact.update({
    where: { id: before.id },
    data: { validTo: change.changeDate, validToStated: true, version: { increment: 1 } },
  });
  await tx.contact.create({
    data: {
      id: successorId,
      districtId: before.districtId,
      positionId: before.positionId,
      personId,
      validFrom: change.changeDate,
      validFromStated: true,
      sourceId,
      internalNote: change.internalNote !== undefined ? change.internalNote : before.internalNote,
    },
  });
  await writeParts(tx, successorId, { ...partsOf(before), ...definedParts(change.parts) }, sourceId);
  return successorId;
}

editingMutation('archiveContact', {
  ref: Contact,
  noun: 'contact',
  description: 'The contact is no longer valid (e.g. the person left): its validity ends, it stays in the history.',
  inputDescription: 'Which contact, and from when it no longer holds.',
  input: builder.inputRef<ArchiveContact>('ArchiveContactInput').implement({
    description: 'Ending a contact.',
    fields: (f) => ({
      id: f.id({ required: true, description: 'The contact (global ID).' }),
      version: f.int({ required: true, description: 'The `version` you read.' }),
      validTo: f.field({ type: 'Date', description: 'First day it no longer holds; default: today.' }),
    }),
  }),
  authorise: (input) => editorsOfRecord('Contact', input.id),
  prepare: async (input, problems) => recordId('Contact', input.id, 'id', problems),
  write: (input, id, context) =>
    changeAudited({
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
    }),
});
