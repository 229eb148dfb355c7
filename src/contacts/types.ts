import { encodeGlobalId } from '../common/globalId.js';
import { asOfDescription, effectiveDate, isValidOn, validOn } from '../common/history.js';
import { db } from '../db/client.js';
import { AreaFilter, inArea } from '../districts/scope.js';
import { exportLink } from '../exports/formats.js';
import { AddressKind, ChannelKind } from '../generated/prisma/enums.js';
import { builder } from '../graphql/builder.js';
import { ChangeTracked, currentOrModifiedSince, modifiedSinceDescription } from '../graphql/changeTracked.js';
import { entityByGlobalId } from '../graphql/entities.js';
import { describedEnum } from '../graphql/enums.js';
import { Accessibility, GeoCoordinates } from '../places/location.js';
import { pointOf } from '../rules/mapLinks.js';
import { translatedString, translationFields } from '../translations/types.js';
import {
  holidayAt,
  type Interval,
  isOpenAt,
  nextChangeAfter,
  type OpeningChange,
  type OpeningException,
  type OpeningQuestion,
  osmOpeningHours,
} from './officeHours.js';

describedEnum('ChannelKind', ChannelKind, 'How a contact can be reached.', {
  PHONE: 'Landline telephone.',
  MOBILE: 'Mobile telephone.',
  FAX: 'Fax.',
  EMAIL: 'E-mail.',
  WEB_FORM: 'A contact form on the district’s website ("E-Mail senden").',
});

describedEnum('AddressKind', AddressKind, 'What an address is for.', {
  OFFICE: 'The office address ("Anschrift"), not said to be only for visitors or only for post.',
  VISITOR: 'Visitor address (Besucheranschrift).',
  POSTAL: 'Postal address (Postanschrift), e.g. a post-office box.',
  OFFICE_HOURS: 'Where office hours (Sprechzeiten) are held, when not at the office.',
});

export const Weekday = builder.enumType('Weekday', {
  description: 'Day of the week.',
  values: {
    MONDAY: { value: 1, description: 'Montag.' },
    TUESDAY: { value: 2, description: 'Dienstag.' },
    WEDNESDAY: { value: 3, description: 'Mittwoch.' },
    THURSDAY: { value: 4, description: 'Donnerstag.' },
    FRIDAY: { value: 5, description: 'Freitag.' },
    SATURDAY: { value: 6, description: 'Samstag.' },
    SUNDAY: { value: 7, description: 'Sonntag.' },
  } as const,
});

builder.prismaObject('Person', {
  description: 'A person named as a contact. Only what the source states is known: a missing first name stays null.',
  fields: (t) => ({
    salutation: t.exposeString('salutation', { nullable: true }),
    givenName: t.exposeString('givenName', { nullable: true }),
    familyName: t.exposeString('familyName', { description: 'Surname.' }),
    displayName: t.string({
      description: 'The name as a contact card shows it, e.g. "Frau Christin Weise" or "Herr Pilavskij".',
      resolve: (person) => [person.salutation, person.givenName, person.familyName].filter(Boolean).join(' '),
    }),
  }),
});

const hrefSchemes: Partial<Record<ChannelKind, string>> = { PHONE: 'tel:', MOBILE: 'tel:', FAX: 'fax:', EMAIL: 'mailto:' };

builder.prismaObject('ContactChannel', {
  description: 'One way to reach a contact, normalised and as printed.',
  fields: (t) => ({
    kind: t.expose('kind', { type: ChannelKind }),
    value: t.exposeString('value', { nullable: true }),
    printed: t.exposeString('printed'),
    href: t.string({
      nullable: true,
      description: 'A link for the value: "tel:+493632741273", "mailto:…"; null where there is no value.',
      resolve: (channel) => (channel.value ? `${hrefSchemes[channel.kind] ?? ''}${channel.value}` : null),
    }),
  }),
});

builder.prismaObject('Address', {
  description: 'An address of a contact: office, visitor, postal, or where office hours are held.',
  fields: (t) => ({
    kind: t.expose('kind', { type: AddressKind }),
    placeName: t.exposeString('placeName', { nullable: true }),
    street: t.exposeString('street', { nullable: true }),
    postOfficeBox: t.exposeString('postOfficeBox', { nullable: true }),
    postalCode: t.exposeString('postalCode', { description: 'Postleitzahl, 5 digits.' }),
    locality: t.exposeString('locality', { description: 'Town, e.g. "Sondershausen".' }),
    room: t.exposeString('room', { nullable: true }),
    printed: t.exposeString('printed'),
    coordinates: t.field({
      type: GeoCoordinates,
      nullable: true,
      description: 'Where the entrance is, where the editors entered it.',
      resolve: pointOf,
    }),
    accessibility: t.field({ type: Accessibility, description: 'How the place can be reached and used.', resolve: (address) => address }),
  }),
});

builder.prismaObject('OfficeHourInterval', {
  description: 'A weekly opening interval in local time (see `OfficeHours.timeZone`).',
  fields: (t) => ({
    weekday: t.field({
      type: Weekday,
      description: 'Day of the week.',
      resolve: (interval) => interval.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7,
    }),
    opens: t.exposeString('opens'),
    closes: t.exposeString('closes'),
  }),
});

const openingSelection = {
  timeZone: true,
  intervals: { select: { weekday: true, opens: true, closes: true } },
  exceptions: { select: { firstDay: true, lastDay: true, opens: true, closes: true } },
  contact: { select: { district: { select: { stateId: true } } } },
} as const;

function openingQuestion(
  hours: { timeZone: string; intervals: Interval[]; exceptions: OpeningException[]; contact: { district: { stateId: string } } },
  at: Date,
): OpeningQuestion {
  return { intervals: hours.intervals, exceptions: hours.exceptions, timeZone: hours.timeZone, state: hours.contact.district.stateId, at };
}

builder.prismaObject('OfficeHourException', {
  description: 'Days on which office hours differ from the weekly intervals: closed, or special hours.',
  fields: (t) => ({
    firstDay: t.expose('firstDay', { type: 'Date', description: 'The first day.' }),
    lastDay: t.expose('lastDay', { type: 'Date', description: 'The last day (the first, for a single day).' }),
    closed: t.boolean({ description: 'Closed on those days.', resolve: (exception) => !exception.opens }),
    opens: t.exposeString('opens', { nullable: true, description: 'Special opening time; null when closed.' }),
    closes: t.exposeString('closes', { nullable: true, description: 'Special closing time; null when closed.' }),
    note: t.exposeString('note', { nullable: true, description: 'Why, as the district says it.' }),
  }),
});

const OpeningChangeRef = builder.objectRef<OpeningChange>('OpeningChange').implement({
  description: 'When office hours open or close next.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: 'The moment of the change.' }),
    opens: t.exposeBoolean('opens', { description: 'True if they open then, false if they close.' }),
  }),
});

builder.prismaObject('OfficeHours', {
  description: 'Office hours (Sprechzeiten) of a contact: structured weekly intervals plus the text as printed.',
  fields: (t) => ({
    id: t.id({
      description:
        'Global ID of these office hours, e.g. to translate their text with `translate` (not a node: read them through their contact).',
      resolve: (hours) => encodeGlobalId('OfficeHours', hours.id),
    }),
    timeZone: t.exposeString('timeZone'),
    byAppointment: t.exposeBoolean('byAppointment'),
    appointmentRequired: t.exposeBoolean('appointmentRequired'),
    printed: translatedString(t, 'OfficeHours', 'printed'),
    location: t.relation('location', { nullable: true, description: 'Where the hours are held, if not at the contact’s office.' }),
    intervals: t.relation('intervals', {
      description: 'Weekly intervals, Monday first.',
      query: { orderBy: [{ weekday: 'asc' }, { opens: 'asc' }] },
    }),
    exceptions: t.relation('exceptions', {
      description: 'Closures and special hours, by date; `isOpen` and `nextChange` take them into account.',
      query: { orderBy: { firstDay: 'asc' } },
    }),
    isOpen: t.boolean({
      nullable: true,
      description:
        'Whether the office hours are running at that moment ("open now"), closed on the public holidays of the district’s state; null where there are no weekly intervals (by appointment only).',
      args: { at: t.arg({ type: 'DateTime', description: 'The moment to ask about; default: now.' }) },
      select: openingSelection,
      resolve: (hours, { at }, context) => isOpenAt(openingQuestion(hours, at ?? context.now)),
    }),
    nextChange: t.field({
      type: OpeningChangeRef,
      nullable: true,
      description:
        'When the office hours next open or close after that moment ("opens Wednesday 14:00"), across days and the public holidays of the district’s state, in the office’s time zone; null where there are no weekly intervals (by appointment only).',
      args: { at: t.arg({ type: 'DateTime', description: 'The moment to ask from; default: now.' }) },
      select: openingSelection,
      resolve: (hours, { at }, context) => nextChangeAfter(openingQuestion(hours, at ?? context.now)),
    }),
    openingHours: t.string({
      nullable: true,
      description:
        'The weekly intervals in OpenStreetMap `opening_hours` syntax, e.g. "Mo 09:00-11:00,13:00-20:00; We 14:00-17:30; PH off"; null where there are none.',
      select: { intervals: { select: { weekday: true, opens: true, closes: true } } },
      resolve: (hours) => osmOpeningHours(hours.intervals),
    }),
    icalUrl: t.string({
      nullable: true,
      description:
        'The office hours as an iCalendar file ("add to calendar"): weekly events, public holidays excluded; null without weekly intervals.',
      select: { id: true, intervals: { select: { weekday: true } } },
      resolve: (hours, _args, context) =>
        hours.intervals.length ? exportLink(context.origin, 'officeHoursCalendar', { officeHours: hours.id }) : null,
    }),
    holiday: t.string({
      nullable: true,
      description: 'The state-wide public holiday on that day, if any (e.g. "Buß- und Bettag" in Sachsen).',
      args: { at: t.arg({ type: 'DateTime', description: 'The moment to ask about; default: now.' }) },
      select: openingSelection,
      resolve: (hours, { at }, context) => holidayAt(openingQuestion(hours, at ?? context.now)),
    }),
    ...translationFields(t, 'OfficeHours'),
  }),
});

export const Contact = builder.prismaNode('Contact', {
  description:
    'Someone reachable in a position of a district during a period, e.g. Frau Christin Weise as Integrationslotsin of the Kyffhäuserkreis from June 2016. History is kept: a successor is a new contact.',
  interfaces: [ChangeTracked],
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    person: t.relation('person', { nullable: true, description: 'The person; null where the source names only the office.' }),
    position: t.relation('position', { description: 'The post held, with its role and tasks.' }),
    district: t.relation('district', { description: 'The district whose contact this is.' }),
    validFrom: t.expose('validFrom', { type: 'Date', nullable: true }),
    validTo: t.expose('validTo', { type: 'Date', nullable: true }),
    validFromStated: t.exposeBoolean('validFromStated'),
    validToStated: t.exposeBoolean('validToStated'),
    validityNote: t.exposeString('validityNote', { nullable: true }),
    isCurrent: t.boolean({
      description: 'Whether the contact is valid today (Europe/Berlin).',
      resolve: (contact, _args, context) => isValidOn(contact, effectiveDate(null, context)),
    }),
    channels: t.relation('channels', {
      description: 'Phone, mobile, fax, e-mail, web form, in the source’s order.',
      query: { orderBy: { ordinal: 'asc' } },
      complexity: { multiplier: 6 },
    }),
    addresses: t.relation('addresses', {
      description: 'Office, visitor and postal addresses, in that order (then where office hours are held).',
      // By kind: an address has no place in a list of its own, and its ID is random once an editor saves it.
      query: { orderBy: [{ kind: 'asc' }, { id: 'asc' }] },
      complexity: { multiplier: 3 },
    }),
    officeHours: t.relation('officeHours', {
      description: 'Office hours (Sprechzeiten), if the source gives any.',
      complexity: { multiplier: 3 },
    }),
    source: t.relation('source', { description: 'The page this contact was taken from.' }),
    vcardUrl: t.string({
      description: 'The contact as a vCard 4.0 ("save contact"); add `?version=3.0` for older phones.',
      resolve: (contact, _args, context) => exportLink(context.origin, 'vcard', { contact: encodeGlobalId('Contact', contact.id) }),
    }),
    internalNote: t.exposeString('internalNote', {
      nullable: true,
      authScopes: (contact) => ({ readerOf: contact.districtId }),
    }),
  }),
});

const ContactFilter = builder.inputType('ContactFilter', {
  description: 'Which contacts to list.',
  fields: (t) => ({
    area: t.field({ type: AreaFilter, description: 'Only contacts of this state or district.' }),
    role: t.string({ description: 'Only contacts in a position of this role, by key (see `roles`), e.g. "integration-guide".' }),
    fundingProgramme: t.string({
      description: 'Only contacts whose position is funded by this programme, by key (see `fundingProgrammes`), e.g. "esf".',
    }),
    modifiedSince: t.field({ type: 'DateTime', description: modifiedSinceDescription }),
  }),
});

function contactWhere(filter: typeof ContactFilter.$inferInput | null | undefined, date: Date) {
  return {
    ...currentOrModifiedSince(filter?.modifiedSince, { ...validOn(date), archivedAt: null }),
    ...inArea(filter?.area),
    position: {
      ...(filter?.role ? { roleId: filter.role } : {}),
      ...(filter?.fundingProgramme ? { fundings: { some: { programmeId: filter.fundingProgramme, archivedAt: null } } } : {}),
    },
  };
}

const contactOrder = [{ districtId: 'asc' as const }, { positionId: 'asc' as const }, { id: 'asc' as const }];

builder.queryFields((t) => ({
  contacts: t.prismaConnection({
    type: 'Contact',
    cursor: 'id',
    description: 'Integration contacts across districts; current ones unless `asOf` asks for another day.',
    args: {
      filter: t.arg({ type: ContactFilter, description: 'Narrow the list; all conditions must hold.' }),
      asOf: t.arg({ type: 'Date', description: asOfDescription }),
    },
    resolve: (query, _root, args, context) =>
      db().contact.findMany({ ...query, where: contactWhere(args.filter, effectiveDate(args.asOf, context)), orderBy: contactOrder }),
    totalCount: (_connection, args, context) => db().contact.count({ where: contactWhere(args.filter, effectiveDate(args.asOf, context)) }),
  }),
}));

builder.prismaObjectField('District', 'contacts', (t) =>
  t.relatedConnection('contacts', {
    description: 'The district’s integration contacts; current ones unless `asOf` asks for another day.',
    cursor: 'id',
    totalCount: true,
    args: {
      asOf: t.arg({ type: 'Date', description: asOfDescription }),
      role: t.arg.string({ description: 'Only contacts in a position of this role, by key, e.g. "integration-guide".' }),
    },
    query: (args, context) => ({
      where: { ...validOn(effectiveDate(args.asOf, context)), archivedAt: null, ...(args.role ? { position: { roleId: args.role } } : {}) },
      orderBy: [{ positionId: 'asc' }, { id: 'asc' }],
    }),
  }),
);

entityByGlobalId(Contact, (id) => db().contact.findUnique({ where: { id } }));
