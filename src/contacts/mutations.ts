// Editors keep their district's contacts current, through the write path's parts: checked
// first (every problem at once), then written in one audited transaction. A new person in a
// post does not overwrite the old one: the update opens a successor contact.
import { randomUUID } from 'node:crypto';
import { berlinDate, isoDay } from '../common/history.js';
import { db, type Tx } from '../db/client.js';
import type { Translation } from '../generated/prisma/client.js';
import { builder } from '../graphql/builder.js';
import { requiredValue, said } from '../rules/issues.js';
import type { AuditEntry } from '../writes/audit.js';
import { checkColumns, sameNames } from '../writes/checks.js';
import { editorsOfDistrict, editorsOfRecord, givenFields, inputDistrict, recordId, writeMutation } from '../writes/mutation.js';
import type { Problems } from '../writes/problems.js';
import { changeRecord, createRecord } from '../writes/records.js';
import { recordOfDistrict } from '../writes/references.js';
import {
  AddressInput,
  ChannelInput,
  type ContactFields,
  ContactFieldsInput,
  OfficeHoursInput,
  type PersonFields,
  PersonInput,
} from './inputs.js';
import { type ContactParts, checkContactParts, checkPerson } from './parts.js';
import { Contact } from './types.js';

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

/** A contact as the audit log keeps it: with its person and parts. */
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

/**
 * Replaces the parts given (channels, addresses, office hours) of a contact. Office hours given
 * again with the same text keep their id, and with it their translations and the address of
 * their calendar (which residents subscribe to). The translations of a text that is gone
 * translate nothing any more: they are removed, and returned for the audit log.
 */
async function writeParts(tx: Tx, contactId: string, parts: ContactParts, sourceId: string): Promise<Translation[]> {
  let removedTranslations: Translation[] = [];
  if (parts.officeHours) {
    const old = await tx.officeHours.findMany({ where: { contactId }, select: { id: true, locationId: true, printed: true } });
    await tx.officeHourInterval.deleteMany({ where: { officeHoursId: { in: old.map((hours) => hours.id) } } });
    await tx.officeHourException.deleteMany({ where: { officeHoursId: { in: old.map((hours) => hours.id) } } });
    await tx.officeHours.deleteMany({ where: { contactId } });
    await tx.address.deleteMany({ where: { id: { in: old.flatMap((hours) => (hours.locationId ? [hours.locationId] : [])) } } });
    const unclaimed = [...old];
    const idFor = (printed: string) => {
      const same = unclaimed.findIndex((hours) => hours.printed === printed);
      return same < 0 ? randomUUID() : unclaimed.splice(same, 1)[0]!.id;
    };
    const kept = parts.officeHours.map((hours) => idFor(hours.printed));
    removedTranslations = await removeTranslations(
      tx,
      unclaimed.map((hours) => hours.id),
    );
    for (const [index, hours] of parts.officeHours.entries()) {
      const locationId = hours.location ? randomUUID() : null;
      if (hours.location)
        await tx.address.create({ data: { ...hours.location, kind: 'OFFICE_HOURS', id: locationId!, contactId, sourceId } });
      const officeHoursId = kept[index]!;
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
  return removedTranslations;
}

async function removeTranslations(tx: Tx, officeHoursIds: string[]): Promise<Translation[]> {
  if (!officeHoursIds.length) return [];
  const where = { entityType: 'OfficeHours', entityId: { in: officeHoursIds } };
  const removed = await tx.translation.findMany({ where });
  await tx.translation.deleteMany({ where });
  return removed;
}

/** The audit entries of translations removed with the text they translated. */
const removalsOf = (translations: Translation[]): AuditEntry[] =>
  translations.map((translation) => ({
    action: 'ARCHIVE',
    entityType: 'Translation',
    entityId: translation.id,
    districtId: translation.districtId,
    before: translation,
  }));

// ------------------------------------------------------------------ mutations

/** The fields of the older flat form of the inputs (deprecated: they go under `fields`). */
const flatCreateFields = ['position', 'person', 'validFrom', 'channels', 'addresses', 'officeHours', 'internalNote'] as const;
const flatUpdateFields = ['person', 'channels', 'addresses', 'officeHours', 'internalNote'] as const;
const flatForm = 'Give it under `fields` (ContactFieldsInput); the flat form will be removed.';

/** Person, parts and note of a contact, checked: the same for a new contact and a change. */
function checkContact(fields: ContactFields, problems: Problems): ContactParts {
  if (fields.person) checkPerson(fields.person, problems);
  checkColumns('Contact', fields, sameNames('internalNote'), problems, { creating: false });
  return checkContactParts(fields, problems);
}

const CreateContactInput = builder.inputType('CreateContactInput', {
  description: 'A new contact of a district.',
  fields: (f) => ({
    district: f.string({ required: true, description: 'The district (AGS).' }),
    fields: f.field({ type: ContactFieldsInput, description: 'The contact; `position` is required.' }),
    position: f.id({ description: 'The post (global ID of a Position of that district).', deprecationReason: flatForm }),
    person: f.field({ type: PersonInput, description: 'The person.', deprecationReason: flatForm }),
    validFrom: f.field({ type: 'Date', description: 'First day the contact is valid.', deprecationReason: flatForm }),
    channels: f.field({ type: [ChannelInput], description: 'Phone, e-mail … in display order.', deprecationReason: flatForm }),
    addresses: f.field({ type: [AddressInput], description: 'Office, visitor and postal addresses.', deprecationReason: flatForm }),
    officeHours: f.field({ type: [OfficeHoursInput], description: 'Office hours.', deprecationReason: flatForm }),
    internalNote: f.string({ description: 'Not public: a note for editors and the ministry.', deprecationReason: flatForm }),
  }),
});

writeMutation('createContact', {
  ref: Contact,
  noun: 'contact',
  description: 'Add a contact to a post of your district (e.g. a new Integrationslotse). Needs an editor token of that district.',
  inputDescription: 'The new contact.',
  input: CreateContactInput,
  authorise: (input) => editorsOfDistrict(input.district),
  async prepare(input, problems) {
    const districtId = inputDistrict(input.district, 'district', problems);
    const given = givenFields<ContactFields>(input, flatCreateFields, problems);
    const parts = checkContact(given.fields, given.problems);
    const position = given.fields.position;
    if (position == null) given.problems.add('position', requiredValue);
    const positionId =
      position == null
        ? undefined
        : await recordOfDistrict('Position', position, districtId, 'position', given.problems, 'a post', { archivedAt: null });
    return { districtId, positionId: positionId!, fields: given.fields, parts };
  },
  write: (write, _input, { districtId, positionId, fields, parts }) =>
    createRecord(write, {
      model: 'Contact',
      districtId,
      load: contactSnapshot,
      create: async (tx, sourceId) => {
        const id = randomUUID();
        const personId = fields.person ? await createPerson(tx, fields.person, sourceId) : null;
        await tx.contact.create({
          data: {
            id,
            districtId,
            positionId,
            personId,
            validFrom: fields.validFrom ?? berlinDate(write.now),
            validFromStated: true,
            internalNote: fields.internalNote ?? null,
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

const UpdateContactInput = builder.inputType('UpdateContactInput', {
  description: 'A change of a contact.',
  fields: (f) => ({
    id: f.id({ required: true, description: 'The contact (global ID).' }),
    version: f.int({ required: true, description: 'The `version` you read; a stale one returns VersionConflictError.' }),
    changeDate: f.field({ type: 'Date', description: 'When a new person took over; default: today.' }),
    fields: f.field({
      type: ContactFieldsInput,
      description: 'What changes; `position` and `validFrom` are fixed once the contact exists.',
    }),
    person: f.field({ type: PersonInput, description: 'A different person now holds the post.', deprecationReason: flatForm }),
    channels: f.field({ type: [ChannelInput], description: 'The channels, replacing the current ones.', deprecationReason: flatForm }),
    addresses: f.field({ type: [AddressInput], description: 'The addresses, replacing the current ones.', deprecationReason: flatForm }),
    officeHours: f.field({
      type: [OfficeHoursInput],
      description: 'The office hours, replacing the current ones.',
      deprecationReason: flatForm,
    }),
    internalNote: f.string({ description: 'Not public: a note for editors and the ministry.', deprecationReason: flatForm }),
  }),
});

writeMutation('updateContact', {
  ref: Contact,
  noun: 'contact',
  description:
    'Change a contact: channels, addresses and office hours are replaced by what you send (leave a list out to keep it). A new person in the post does not overwrite the old one: the old contact is closed on `changeDate` and its successor opened, so history is kept.',
  inputDescription: 'The change.',
  input: UpdateContactInput,
  authorise: (input) => editorsOfRecord('Contact', input.id),
  async prepare(input, problems, context) {
    const id = recordId('Contact', input.id, 'id', problems);
    const given = givenFields<ContactFields>(input, flatUpdateFields, problems);
    const { fields } = given;
    if (fields.position != null)
      given.problems.add(
        'position',
        said('UNCHANGEABLE', 'cannot change: a contact belongs to its post (end it, and add a contact to the other post)'),
      );
    if (fields.validFrom != null)
      given.problems.add('validFrom', said('UNCHANGEABLE', 'cannot change: it is set when the contact is added'));
    const parts = checkContact(fields, given.problems);
    const changeDate = input.changeDate ?? berlinDate(context.now);
    if (fields.person && id) {
      const contact = await db().contact.findUnique({ where: { id }, select: { validFrom: true } });
      if (contact?.validFrom && changeDate <= contact.validFrom) {
        const start = isoDay(contact.validFrom);
        problems.add('changeDate', said('BEFORE_START', `must be after the contact's start (${start})`, { start }));
      }
    }
    return { id, fields, parts, changeDate };
  },
  write: (write, input, { id, fields, parts, changeDate }) =>
    changeRecord(write, {
      model: 'Contact',
      action: 'UPDATE',
      id,
      expectedVersion: input.version,
      load: contactSnapshot,
      apply: async (tx, before, sourceId) => {
        if (!fields.person) {
          for (const removal of removalsOf(await writeParts(tx, id, parts, sourceId))) write.audit(removal);
          const note = fields.internalNote !== undefined ? { internalNote: fields.internalNote } : {};
          await tx.contact.update({ where: { id }, data: { version: { increment: 1 }, ...note } });
          return id;
        }
        return openSuccessor(tx, before, { person: fields.person, changeDate, internalNote: fields.internalNote, parts }, sourceId);
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

const ArchiveContactInput = builder.inputType('ArchiveContactInput', {
  description: 'Ending a contact.',
  fields: (f) => ({
    id: f.id({ required: true, description: 'The contact (global ID).' }),
    version: f.int({ required: true, description: 'The `version` you read.' }),
    validTo: f.field({ type: 'Date', description: 'First day it no longer holds; default: today.' }),
  }),
});

writeMutation('archiveContact', {
  ref: Contact,
  noun: 'contact',
  description: 'The contact is no longer valid (e.g. the person left): its validity ends, it stays in the history.',
  inputDescription: 'Which contact, and from when it no longer holds.',
  input: ArchiveContactInput,
  authorise: (input) => editorsOfRecord('Contact', input.id),
  prepare: async (input, problems) => recordId('Contact', input.id, 'id', problems),
  write: (write, input, id) =>
    changeRecord(write, {
      model: 'Contact',
      action: 'ARCHIVE',
      id,
      expectedVersion: input.version,
      load: contactSnapshot,
      apply: async (tx) => {
        const validTo = input.validTo ?? berlinDate(write.now);
        await tx.contact.update({
          where: { id },
          data: { archivedAt: write.now, validTo, validToStated: true, version: { increment: 1 } },
        });
        return id;
      },
    }),
});
