// A contact as other software reads it: a vCard (4.0, or 3.0 for older phones) for the address
// book, and its office hours as an iCalendar (a weekly event per interval, the state's public
// holidays excluded). Built with `vcf` and `ical-generator`; the time zone block comes from
// `timezones-ical-library`. Both are stable for unchanged data (stamped with `updatedAt`), so
// their ETags are too.
import ical, { ICalEventRepeatingFreq, ICalWeekday } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import VCard from 'vcf';
import { isHolidayState, publicHolidays } from '../calendar/holidays.js';
import { berlinDate, isoDay } from '../common/history.js';
import { db } from '../db/client.js';
import type { Prisma } from '../generated/prisma/client.js';
import { pointOf } from '../rules/mapLinks.js';
import { instantAt } from './officeHours.js';

const contactForExport = {
  person: true,
  position: { include: { unit: true } },
  district: true,
  channels: { orderBy: { ordinal: 'asc' } },
  addresses: true,
  officeHours: { include: { intervals: true, location: true, exceptions: true } },
} satisfies Prisma.ContactInclude;

type ExportedContact = Prisma.ContactGetPayload<{ include: typeof contactForExport }>;

export function loadContactForExport(id: string): Promise<ExportedContact | null> {
  return db().contact.findUnique({ where: { id }, include: contactForExport });
}

const displayName = (contact: ExportedContact) =>
  contact.person
    ? [contact.person.salutation, contact.person.givenName, contact.person.familyName].filter(Boolean).join(' ')
    : contact.position.title;

const telephoneTypes = { PHONE: ['work', 'voice'], MOBILE: ['work', 'cell'], FAX: ['work', 'fax'] } as const;

/** The contact's card; `version` 3.0 writes numbers as text, as older phones expect. */
export function contactVCard(contact: ExportedContact, version: '4.0' | '3.0'): string {
  const properties: [string, Record<string, string | string[]>, string, ...unknown[]][] = [
    ['uid', {}, 'uri', `urn:integrationsgraph:contact:${contact.id}`],
    ['fn', {}, 'text', displayName(contact)],
    [
      'n',
      {},
      'text',
      contact.person
        ? [contact.person.familyName, contact.person.givenName ?? '', '', contact.person.salutation ?? '', '']
        : ['', '', '', '', ''],
    ],
    ['title', {}, 'text', contact.position.title],
    ['org', {}, 'text', contact.position.unit ? [contact.district.name, contact.position.unit.name] : contact.district.name],
    ['rev', {}, 'timestamp', contact.updatedAt.toISOString().replace(/[-:]|\.\d{3}/g, '')],
  ];
  for (const channel of contact.channels) {
    if (!channel.value) continue;
    if (channel.kind === 'EMAIL') properties.push(['email', { type: 'work' }, 'text', channel.value]);
    else if (channel.kind === 'WEB_FORM') properties.push(['url', { type: 'work' }, 'uri', channel.value]);
    else if (version === '4.0')
      properties.push(['tel', { type: [...telephoneTypes[channel.kind]], value: 'uri' }, 'uri', `tel:${channel.value}`]);
    else properties.push(['tel', { type: telephoneTypes[channel.kind].map((type) => type.toUpperCase()) }, 'text', channel.value]);
  }
  for (const address of contact.addresses.filter((each) => each.kind !== 'OFFICE_HOURS')) {
    const street = [address.placeName, address.street].filter(Boolean).join(', ');
    properties.push([
      'adr',
      { type: 'work' },
      'text',
      [address.postOfficeBox ?? '', address.room ?? '', street, address.locality, '', address.postalCode, 'Deutschland'],
    ]);
  }
  // The entrance where the editors placed it: of the office or visitor address (vCard has one GEO per card).
  const entrance = contact.addresses.find((each) => (each.kind === 'OFFICE' || each.kind === 'VISITOR') && pointOf(each));
  const point = entrance && pointOf(entrance);
  if (point)
    properties.push(
      version === '4.0'
        ? ['geo', {}, 'uri', `geo:${point.latitude},${point.longitude}`]
        : ['geo', {}, 'text', [String(point.latitude), String(point.longitude)]],
    );
  const hours = contact.officeHours.map((each) => each.printed).join('; ');
  if (hours) properties.push(['note', {}, 'text', `Sprechzeiten: ${hours}`]);
  return VCard.fromJSON([
    'vcard',
    properties.map(([name, parameters, type, value]) => [name, parameters, type, type === 'text' ? cardText(value) : value]),
  ]).toString(version);
}

/**
 * A TEXT value as iCalendar (RFC 5545) and vCard (RFC 6350, 2426) write it: backslash and comma
 * escaped, a line break as \n (and the semicolon, which separates the components of a structured
 * value). Unescaped, a line break would end the property and could start a calendar event or a
 * card of its own; a semicolon in a family name would shift the given name into the next component.
 */
const escapedText = (text: string, separators = /[\\;,]/g) => text.replace(separators, (char) => `\\${char}`).replace(/\r\n|\r|\n/g, '\\n');

/**
 * A card's text value, or each component of a structured one (N, ADR, ORG): the vcf library writes
 * them as given. In a single value a semicolon stays as typed (RFC 6350 allows it, and readers such
 * as ical.js would otherwise show the backslash).
 */
function cardText(value: unknown): unknown {
  if (typeof value === 'string') return escapedText(value, /[\\,]/g);
  return Array.isArray(value) ? value.map((component) => (typeof component === 'string' ? escapedText(component) : component)) : value;
}

const icalWeekdays = [
  ICalWeekday.MO,
  ICalWeekday.MO,
  ICalWeekday.TU,
  ICalWeekday.WE,
  ICalWeekday.TH,
  ICalWeekday.FR,
  ICalWeekday.SA,
  ICalWeekday.SU,
];

const plusDays = (day: string, days: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));
const weekdayOf = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** The days of an exception, "YYYY-MM-DD" (at most a year of them). */
function daysOf(exception: { firstDay: Date; lastDay: Date }): string[] {
  const days: string[] = [];
  for (let day = isoDay(exception.firstDay); day <= isoDay(exception.lastDay) && days.length < 366; day = plusDays(day, 1)) days.push(day);
  return days;
}

/** The first day on or after `from` that falls on the ISO weekday. */
const firstOnOrAfter = (from: string, weekday: number) => plusDays(from, (weekday - weekdayOf(from) + 7) % 7);

/**
 * The office hours as a calendar: one weekly event per interval from the contact's first day
 * (or the day it was entered), until its last; public holidays of the district's state are excluded (up to
 * two years ahead while the contact is current). Null where there are no weekly intervals.
 */
export function officeHoursCalendar(contact: ExportedContact, officeHoursId: string, now: Date): string | null {
  const hours = contact.officeHours.find((each) => each.id === officeHoursId);
  if (!hours || hours.intervals.length === 0) return null;
  const today = isoDay(berlinDate(now));
  // Without a known first day, from the day the contact was entered: never weeks before it.
  const from = isoDay(contact.validFrom ?? berlinDate(contact.createdAt));
  // Holidays from the first week to the last (or two years ahead while the contact is current).
  const lastYear = contact.validTo ? contact.validTo.getUTCFullYear() : Number(today.slice(0, 4)) + 2;
  const years = Array.from(
    { length: Math.max(0, Math.min(lastYear - Number(from.slice(0, 4)) + 1, 30)) },
    (_, index) => Number(from.slice(0, 4)) + index,
  );
  const state = contact.district.stateId;
  const holidays = isHolidayState(state) ? years.flatMap((each) => publicHolidays(state, each)) : [];
  // Closures and special hours replace the weekly times on their days.
  const exceptionDays = hours.exceptions.flatMap(daysOf);
  // Wall-clock times of the office's zone, as strings: ical-generator writes them as given.
  const at = (day: string, time: string) => `${day}T${time}:00`;
  const place = hours.location?.printed ?? contact.addresses.find((address) => address.kind !== 'POSTAL')?.printed;
  const calendar = ical({
    // ical-generator escapes the texts of events, not the calendar's name (NAME, X-WR-CALNAME).
    name: escapedText(`Sprechzeiten ${displayName(contact)}`),
    prodId: { company: 'Integrationsgraph', product: 'office-hours', language: 'DE' },
    // No calendar-wide zone (ical-generator would then write stamps in it, without "Z"); each
    // event names its zone, and the generator adds the VTIMEZONE block for it.
    timezone: { name: null, generator: (zone) => tzlib_get_ical_block(zone)[0] ?? null },
  });
  for (const interval of hours.intervals) {
    const first = firstOnOrAfter(from, interval.weekday);
    calendar.createEvent({
      id: `${hours.id}/${interval.weekday}/${interval.opens}@integrationsgraph`,
      stamp: contact.updatedAt,
      start: at(first, interval.opens),
      end: at(first, interval.closes),
      timezone: hours.timeZone,
      summary: `Sprechzeit ${displayName(contact)} (${contact.position.title})`,
      location: place ?? null,
      description: `${hours.printed}\nAn gesetzlichen Feiertagen geschlossen.`,
      repeating: {
        freq: ICalEventRepeatingFreq.WEEKLY,
        byDay: [icalWeekdays[interval.weekday]!],
        ...(contact.validTo ? { until: instantAt(isoDay(contact.validTo), '00:00', hours.timeZone) } : {}),
        exclude: [...holidays.map((holiday) => holiday.date), ...exceptionDays]
          .filter((day) => day >= first && weekdayOf(day) === interval.weekday)
          .map((day) => at(day, interval.opens)),
      },
    });
  }
  // Special hours: an event of their own on each of their days.
  for (const exception of hours.exceptions.filter((each) => each.opens && each.closes)) {
    for (const day of daysOf(exception)) {
      calendar.createEvent({
        id: `${exception.id}/${day}@integrationsgraph`,
        stamp: contact.updatedAt,
        start: at(day, exception.opens!),
        end: at(day, exception.closes!),
        timezone: hours.timeZone,
        summary: `Sprechzeit ${displayName(contact)} (${contact.position.title})${exception.note ? `: ${exception.note}` : ''}`,
        location: place ?? null,
      });
    }
  }
  return calendar.toString();
}
