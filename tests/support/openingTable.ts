// Prints "open now" and "next change" of Frau Weise's office hours for fixed moments, as JSON:
// run by tests/contacts/officeHoursTimeZones.test.ts in processes with other time zones.
import { instantAt, isOpenAt, nextChangeAfter } from '../../src/contacts/officeHours.js';

const intervals = [
  { weekday: 1, opens: '09:00', closes: '11:00' },
  { weekday: 1, opens: '13:00', closes: '20:00' },
  { weekday: 3, opens: '14:00', closes: '17:30' },
  { weekday: 5, opens: '09:00', closes: '11:30' },
];

export const moments = [
  '2026-11-23T08:30:00Z', // Monday 09:30 CET
  '2026-11-23T19:30:00Z', // Monday 20:30 CET
  '2026-03-16T08:30:00Z', // Monday 09:30 CET, New York already on summer time, Berlin not yet
  '2026-03-27T12:00:00Z', // Friday before Berlin's change to summer time
  '2026-10-23T08:30:00Z', // Friday 10:30 CEST, the week before Berlin's change back
  '2025-10-29T17:00:00Z', // Wednesday night before Reformationstag (a Friday)
];

export function table() {
  return moments.map((moment) => {
    const question = { intervals, timeZone: 'Europe/Berlin', state: 'TH', at: new Date(moment) };
    const next = nextChangeAfter(question);
    return { moment, open: isOpenAt(question), next: next && `${next.opens ? 'opens' : 'closes'} ${next.at.toISOString()}` };
  });
}

/** Berlin wall-clock times as instants (the calendar export's UNTIL), across both changes of time. */
export const instants = () =>
  [
    instantAt('2019-12-31', '00:00', 'Europe/Berlin'),
    instantAt('2026-03-29', '03:00', 'Europe/Berlin'),
    instantAt('2026-10-25', '12:00', 'Europe/Berlin'),
  ].map((each) => each.toISOString());

if (process.argv[1]?.endsWith('openingTable.ts')) console.log(JSON.stringify({ table: table(), instants: instants() }));
