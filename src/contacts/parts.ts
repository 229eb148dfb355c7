// What editors send for a contact's channels, addresses and office hours: checked against the
// column rules (src/rules/) and normalised (E.164 phones, plain e-mail addresses, printed
// addresses), every problem collected with its path.
import type { Problems } from '../common/problems.js';
import { checkColumns, checkEach, sameNames } from '../editing/checks.js';
import type { AddressKind, ChannelKind } from '../generated/prisma/enums.js';
import { ChannelFormatError, normaliseEmail, normalisePhone } from './normalise.js';
import { weeklyIntervalsFrom } from './officeHours.js';

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
export interface ExceptionInput {
  firstDay: Date;
  lastDay?: Date | null;
  opens?: string | null;
  closes?: string | null;
  note?: string | null;
}
export interface OfficeHoursInput {
  printed: string;
  byAppointment?: boolean | null;
  appointmentRequired?: boolean | null;
  location?: AddressInput | null;
  intervals?: IntervalInput[] | null;
  /** The weekly intervals in OpenStreetMap syntax, instead of `intervals`. */
  openingHours?: string | null;
  exceptions?: ExceptionInput[] | null;
}
export type CheckedException = ExceptionInput & { lastDay: Date };
export interface PersonInput {
  salutation?: string | null;
  givenName?: string | null;
  familyName: string;
}

export type CheckedAddress = AddressInput & { printed: string };

export interface ContactParts {
  channels?: (ChannelInput & { value: string | null })[];
  addresses?: CheckedAddress[];
  officeHours?: (Omit<OfficeHoursInput, 'location' | 'intervals' | 'exceptions' | 'openingHours'> & {
    location: CheckedAddress | null;
    intervals: IntervalInput[];
    exceptions: CheckedException[];
  })[];
}

const addressFields = sameNames('kind', 'placeName', 'street', 'postOfficeBox', 'postalCode', 'locality', 'room');

function webFormAddress(printed: string): string {
  try {
    return new URL(printed).toString();
  } catch {
    throw new ChannelFormatError(printed, 'is not a web address');
  }
}

/** The normalised value of a channel as printed; a problem at its path where it cannot be read. */
function channelValue(channel: ChannelInput, path: string, problems: Problems): string | null {
  try {
    if (channel.kind === 'EMAIL') return normaliseEmail(channel.printed);
    if (channel.kind === 'WEB_FORM') return /^https?:\/\//.test(channel.printed) ? webFormAddress(channel.printed) : null;
    return normalisePhone(channel.printed);
  } catch (error) {
    problems.add(path, error instanceof ChannelFormatError ? error.message : 'is not valid');
    return null;
  }
}

function checkAddress(address: AddressInput, path: string, problems: Problems): CheckedAddress {
  checkColumns('Address', address, addressFields, problems, { at: path, creating: true });
  const street = address.street ?? (address.postOfficeBox ? `Postfach ${address.postOfficeBox}` : null);
  const lines = [address.placeName, street, `${address.postalCode} ${address.locality}`, address.room];
  return { ...address, printed: lines.filter(Boolean).join(', ') };
}

/** The weekly intervals as given, or read from OpenStreetMap syntax. */
function weeklyIntervals(hours: OfficeHoursInput, path: string, problems: Problems): IntervalInput[] {
  if (hours.openingHours == null) return hours.intervals ?? [];
  if (hours.intervals?.length) {
    problems.add(`${path}.openingHours`, 'give the weekly hours once: as intervals or as openingHours, not both');
    return hours.intervals;
  }
  const read = weeklyIntervalsFrom(hours.openingHours);
  if ('problem' in read) {
    problems.add(`${path}.openingHours`, read.problem);
    return [];
  }
  return read.intervals;
}

export function checkPerson(person: PersonInput, problems: Problems): void {
  checkColumns('Person', person, sameNames('salutation', 'givenName', 'familyName'), problems, {
    at: 'person',
    creating: true,
  });
}

/** The parts given, checked and normalised; problems are added, never thrown. */
export function checkContactParts(
  input: { channels?: ChannelInput[] | null; addresses?: AddressInput[] | null; officeHours?: OfficeHoursInput[] | null },
  problems: Problems,
): ContactParts {
  const parts: ContactParts = {};
  if (input.channels) {
    parts.channels = input.channels.map((channel, index) => ({
      ...channel,
      value: channelValue(channel, `channels[${index}].printed`, problems),
    }));
    checkEach('ContactChannel', parts.channels, sameNames('kind', 'printed', 'value'), problems, 'channels');
  }
  if (input.addresses) parts.addresses = input.addresses.map((address, index) => checkAddress(address, `addresses[${index}]`, problems));
  if (input.officeHours) {
    parts.officeHours = input.officeHours.map((hours, index) => {
      const path = `officeHours[${index}]`;
      checkColumns('OfficeHours', hours, sameNames('printed'), problems, { at: path, creating: true });
      const intervals = weeklyIntervals(hours, path, problems);
      checkEach('OfficeHourInterval', intervals, sameNames('weekday', 'opens', 'closes'), problems, `${path}.intervals`);
      // A single day needs no last day; a closure no times.
      const exceptions = (hours.exceptions ?? []).map((exception) => ({
        ...exception,
        lastDay: exception.lastDay ?? exception.firstDay,
        opens: exception.opens ?? null,
        closes: exception.closes ?? null,
      }));
      checkEach(
        'OfficeHourException',
        exceptions,
        sameNames('firstDay', 'lastDay', 'opens', 'closes', 'note'),
        problems,
        `${path}.exceptions`,
      );
      return {
        ...hours,
        intervals,
        exceptions,
        location: hours.location ? checkAddress(hours.location, `${path}.location`, problems) : null,
      };
    });
  }
  return parts;
}
