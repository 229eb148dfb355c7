// Checks and normalises what editors send for a contact, collecting every problem with its
// path (so the editor can fix them all at once).

import { type Issue, ValidationError } from '../common/mutationErrors.js';
import type { AddressKind, ChannelKind } from '../generated/prisma/enums.js';
import { ChannelFormatError, normaliseEmail, normalisePhone } from './normalise.js';

export interface ChannelInput {
  kind: ChannelKind;
  printed: string;
}
export interface AddressInput {
  kind: AddressKind;
  placeName?: string | null;
  street?: string | null;
  postOfficeBox?: string | null;
  postalCode: string;
  locality: string;
  room?: string | null;
}
export interface IntervalInput {
  weekday: number;
  opens: string;
  closes: string;
}
export interface OfficeHoursInput {
  printed: string;
  byAppointment?: boolean | null;
  appointmentRequired?: boolean | null;
  location?: AddressInput | null;
  intervals?: IntervalInput[] | null;
}
export interface PersonInput {
  salutation?: string | null;
  givenName?: string | null;
  familyName: string;
}

export interface ContactParts {
  channels?: (ChannelInput & { value: string | null })[];
  addresses?: (AddressInput & { printed: string })[];
  officeHours?: (OfficeHoursInput & { location: (AddressInput & { printed: string }) | null; intervals: IntervalInput[] })[];
}

const time = /^([01]\d|2[0-3]):[0-5]\d$/;

function channelValue(channel: ChannelInput): string | null {
  if (channel.kind === 'EMAIL') return normaliseEmail(channel.printed);
  if (channel.kind === 'WEB_FORM') {
    if (!/^https?:\/\//.test(channel.printed)) return null;
    try {
      return new URL(channel.printed).toString();
    } catch {
      throw new ChannelFormatError(channel.printed, 'is not a web address');
    }
  }
  return normalisePhone(channel.printed);
}

function checkAddress(address: AddressInput, path: string, issues: Issue[]) {
  if (!/^\d{5}$/.test(address.postalCode))
    issues.push({ path: `${path}.postalCode`, message: `"${address.postalCode}" is not a German postal code (5 digits)` });
  if (!address.locality.trim()) issues.push({ path: `${path}.locality`, message: 'must not be empty' });
  if (!address.street && !address.postOfficeBox) issues.push({ path: path, message: 'needs a street or a post-office box' });
  const lines = [
    address.placeName,
    address.street ?? (address.postOfficeBox ? `Postfach ${address.postOfficeBox}` : null),
    `${address.postalCode} ${address.locality}`,
    address.room,
  ];
  return { ...address, printed: lines.filter(Boolean).join(', ') };
}

export function checkPerson(person: PersonInput, path: string, issues: Issue[]): void {
  if (!person.familyName.trim()) issues.push({ path: `${path}.familyName`, message: 'must not be empty' });
}

/** Normalised parts, or a ValidationError listing every problem. */
export function checkContactParts(
  input: { channels?: ChannelInput[] | null; addresses?: AddressInput[] | null; officeHours?: OfficeHoursInput[] | null },
  issues: Issue[] = [],
): ContactParts {
  const parts: ContactParts = {};
  if (input.channels) {
    parts.channels = input.channels.map((channel, index) => {
      try {
        return { ...channel, value: channelValue(channel) };
      } catch (error) {
        issues.push({ path: `channels[${index}].printed`, message: error instanceof ChannelFormatError ? error.message : 'is not valid' });
        return { ...channel, value: null };
      }
    });
  }
  if (input.addresses) parts.addresses = input.addresses.map((address, index) => checkAddress(address, `addresses[${index}]`, issues));
  if (input.officeHours) {
    parts.officeHours = input.officeHours.map((hours, index) => {
      const path = `officeHours[${index}]`;
      if (!hours.printed.trim()) issues.push({ path: `${path}.printed`, message: 'must give the office hours as they are published' });
      const intervals = hours.intervals ?? [];
      intervals.forEach((interval, i) => {
        const at = `${path}.intervals[${i}]`;
        if (!time.test(interval.opens)) issues.push({ path: `${at}.opens`, message: `"${interval.opens}" is not a time "HH:MM"` });
        if (!time.test(interval.closes)) issues.push({ path: `${at}.closes`, message: `"${interval.closes}" is not a time "HH:MM"` });
        if (time.test(interval.opens) && time.test(interval.closes) && interval.opens >= interval.closes) {
          issues.push({ path: at, message: `opens (${interval.opens}) must be before closes (${interval.closes})` });
        }
      });
      return { ...hours, intervals, location: hours.location ? checkAddress(hours.location, `${path}.location`, issues) : null };
    });
  }
  if (issues.length) throw new ValidationError(issues);
  return parts;
}
