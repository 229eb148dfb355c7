// What editors send for a contact's channels, addresses and office hours: checked against the
// column rules (src/rules/) and normalised as every write path normalises them (E.164 phones,
// plain e-mail addresses, printed addresses), every problem collected with its path.

import { locationColumns, withPoint } from '../places/location.js';
import { deriveColumns } from '../rules/derived.js';
import { said } from '../rules/issues.js';
import { checkColumns, checkEach, sameNames } from '../writes/checks.js';
import type { Problems } from '../writes/problems.js';
import type { AddressFields, ChannelFields, ContactFields, ExceptionFields, OfficeHoursFields, PersonFields } from './inputs.js';
import { type Interval, weeklyIntervalsFrom } from './officeHours.js';

type CheckedAddress = Omit<AddressFields, 'mapLink'> & { printed: string };
type CheckedException = ExceptionFields & { lastDay: Date };

export interface ContactParts {
  channels?: (ChannelFields & { value: string | null })[];
  addresses?: CheckedAddress[];
  officeHours?: (Omit<OfficeHoursFields, 'location' | 'intervals' | 'exceptions' | 'openingHours'> & {
    location: CheckedAddress | null;
    intervals: Interval[];
    exceptions: CheckedException[];
  })[];
}

const addressFields = sameNames('kind', 'placeName', 'street', 'postOfficeBox', 'postalCode', 'locality', 'room', ...locationColumns);

function checkAddress(given: AddressFields, path: string, problems: Problems): CheckedAddress {
  const address = withPoint(given, path, problems);
  checkColumns('Address', address, addressFields, problems, { at: path, creating: true });
  return deriveColumns('Address', address, (column, message) => problems.add(`${path}.${column}`, message)) as CheckedAddress;
}

/** The weekly intervals as given, or read from OpenStreetMap syntax. */
function weeklyIntervals(hours: OfficeHoursFields, path: string, problems: Problems): Interval[] {
  if (hours.openingHours == null) return hours.intervals ?? [];
  if (hours.intervals?.length) {
    problems.add(`${path}.openingHours`, said('HOURS_TWICE', 'give the weekly hours once: as intervals or as openingHours, not both'));
    return hours.intervals;
  }
  const read = weeklyIntervalsFrom(hours.openingHours);
  if ('problem' in read) {
    problems.add(`${path}.openingHours`, said('OPENING_HOURS_SYNTAX', read.problem, { detail: read.problem }));
    return [];
  }
  return read.intervals;
}

export function checkPerson(person: PersonFields, problems: Problems): void {
  checkColumns('Person', person, sameNames('salutation', 'givenName', 'familyName'), problems, {
    at: 'person',
    creating: true,
  });
}

/** The parts given, checked and normalised; problems are added, never thrown. */
export function checkContactParts(input: Pick<ContactFields, 'channels' | 'addresses' | 'officeHours'>, problems: Problems): ContactParts {
  const parts: ContactParts = {};
  if (input.channels) {
    parts.channels = input.channels.map((channel, index) => ({
      value: null,
      ...(deriveColumns('ContactChannel', channel, (column, message) =>
        problems.add(`channels[${index}].${column}`, message),
      ) as ChannelFields & {
        value?: string;
      }),
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
