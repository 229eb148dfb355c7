// What editors send for a contact: the GraphQL input types, and the TypeScript types inferred
// from them (written once, here).

import { AddressKind, ChannelKind } from '../generated/prisma/enums.js';
import { builder } from '../graphql/builder.js';
import { locationInputFields } from '../places/location.js';
import { Weekday } from './types.js';

export const PersonInput = builder.inputType('PersonInput', {
  description: 'A contact person; leave out what is not known.',
  fields: (t) => ({
    salutation: t.string({ description: 'As it should be printed: "Frau", "Herr" …' }),
    givenName: t.string({ description: 'First name, where known.' }),
    familyName: t.string({ required: true, description: 'Surname.' }),
  }),
});

export const ChannelInput = builder.inputType('ChannelInput', {
  description: 'A way to reach the contact, as it should be printed; the API normalises it (E.164, plain e-mail).',
  fields: (t) => ({
    kind: t.field({ type: ChannelKind, required: true, description: 'Phone, mobile, fax, e-mail or web form.' }),
    printed: t.string({ required: true, description: 'The value as printed, e.g. "03632 / 741-261"; for a web form its address.' }),
  }),
});

export const AddressInput = builder.inputType('AddressInput', {
  description: 'An address.',
  fields: (t) => ({
    kind: t.field({ type: AddressKind, required: true, description: 'What the address is for.' }),
    placeName: t.string({ description: 'Building or institution.' }),
    street: t.string({ description: 'Street and number.' }),
    postOfficeBox: t.string({ description: 'Post-office box number.' }),
    postalCode: t.string({ required: true, description: 'Postleitzahl, 5 digits.' }),
    locality: t.string({ required: true, description: 'Town.' }),
    room: t.string({ description: 'Building and room.' }),
    ...locationInputFields(t),
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

export const OfficeHoursInput = builder.inputType('OfficeHoursInput', {
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

export const ContactFieldsInput = builder.inputType('ContactFieldsInput', {
  description: 'What a contact is. In a change, fields left out keep their value; lists given replace the current ones.',
  fields: (t) => ({
    position: t.id({ description: 'The post (global ID of a Position of the district); required for a new contact, fixed afterwards.' }),
    person: t.field({
      type: PersonInput,
      description:
        'The person; leave out for an office without a named person. In a change: a different person now holds the post (opens a successor contact).',
    }),
    validFrom: t.field({ type: 'Date', description: 'First day a new contact is valid; default: today.' }),
    channels: t.field({ type: [ChannelInput], description: 'Phone, e-mail … in display order.' }),
    addresses: t.field({ type: [AddressInput], description: 'Office, visitor and postal addresses.' }),
    officeHours: t.field({ type: [OfficeHoursInput], description: 'Office hours.' }),
    internalNote: t.string({ description: 'Not public: a note for editors and the ministry; null empties it in a change.' }),
  }),
});

export type PersonFields = typeof PersonInput.$inferInput;
export type ChannelFields = typeof ChannelInput.$inferInput;
export type AddressFields = typeof AddressInput.$inferInput;
export type ExceptionFields = typeof ExceptionInput.$inferInput;
export type OfficeHoursFields = typeof OfficeHoursInput.$inferInput;
export type ContactFields = typeof ContactFieldsInput.$inferInput;
