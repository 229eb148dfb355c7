// Closures and special hours: set by the editors, honoured by "open now" and "next change",
// excluded from (or added to) the calendar export, carried by the district's data package.
import ICAL from 'ical.js';
import { expect, test } from 'vitest';
import { exportPackages } from '../../src/packages/export.js';
import { currentGuide, updateContact } from '../support/contacts.js';
import { editingServer, issuePaths } from '../support/editing.js';

const editing = editingServer();

const weekly = [
  { weekday: 'MONDAY', opens: '09:00', closes: '12:00' },
  { weekday: 'WEDNESDAY', opens: '14:00', closes: '17:30' },
  { weekday: 'FRIDAY', opens: '09:00', closes: '11:30' },
];
const christmas = [
  { firstDay: '2026-12-24', lastDay: '2027-01-01', note: 'Betriebsferien' },
  { firstDay: '2026-12-23', opens: '09:00', closes: '10:00', note: 'Kurz vor Weihnachten' },
];

async function setHours(exceptions: unknown[]) {
  const guide = await currentGuide(editing);
  const result = await editing.as(editing.tokens.kyffhaeuser, updateContact, {
    input: {
      id: guide.id,
      version: guide.version,
      officeHours: [{ printed: 'Mo 9–12, Mi 14–17:30, Fr 9–11:30 Uhr', intervals: weekly, exceptions }],
    },
  });
  return { guide, result: result.data.updateContact };
}

const hoursQuery = `query ($id: ID!, $at: DateTime) { node(id: $id) { ... on Contact { officeHours {
  isOpen(at: $at) nextChange(at: $at) { at opens } exceptions { firstDay lastDay closed opens closes note } icalUrl } } } }`;

async function hoursAt(id: string, at: string) {
  const { data } = await editing.as(null, hoursQuery, { id, at });
  return data.node.officeHours[0];
}

test('a closure and special hours change "open now" and "next change"; the API lists them', async () => {
  const { guide, result } = await setHours(christmas);
  expect(result.__typename).toBe('MutationUpdateContactSuccess');
  // Wednesday 23 December: only 09:00–10:00 instead of 14:00–17:30.
  expect((await hoursAt(guide.id, '2026-12-23T08:30:00Z')).isOpen).toBe(true);
  const afternoon = await hoursAt(guide.id, '2026-12-23T13:30:00Z');
  expect(afternoon.isOpen).toBe(false);
  // Closed from Christmas Eve to New Year's Day: next opening Monday 4 January, 09:00 CET.
  expect(afternoon.nextChange).toEqual({ at: '2027-01-04T08:00:00.000Z', opens: true });
  expect(afternoon.exceptions).toEqual([
    { firstDay: '2026-12-23', lastDay: '2026-12-23', closed: false, opens: '09:00', closes: '10:00', note: 'Kurz vor Weihnachten' },
    { firstDay: '2026-12-24', lastDay: '2027-01-01', closed: true, opens: null, closes: null, note: 'Betriebsferien' },
  ]);
});

test('the calendar leaves the closed Mondays out and has the special hours as an event of their own', async () => {
  const { guide } = await setHours(christmas);
  const { icalUrl } = await hoursAt(guide.id, '2026-12-01T08:00:00Z');
  const calendar = new ICAL.Component(ICAL.parse(await (await fetch(icalUrl)).text()) as unknown[]);
  ICAL.TimezoneService.register(calendar.getFirstSubcomponent('vtimezone')!);
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  const monday = events.find((event) => event.isRecurring() && event.startDate.dayOfWeek() === ICAL.Time.MONDAY)!;
  const mondays: string[] = [];
  const iterator = monday.iterator();
  for (let next = iterator.next(); next && mondays.length < 2000; next = iterator.next()) {
    const day = next.toJSDate().toISOString().slice(0, 10);
    if (day >= '2026-12-14' && day <= '2027-01-11') mondays.push(day);
    if (day > '2027-01-11') break;
  }
  expect(mondays).toEqual(['2026-12-14', '2026-12-21', '2027-01-04', '2027-01-11']);
  const special = events.filter((event) => !event.isRecurring());
  expect(special.map((event) => [event.startDate.toJSDate().toISOString(), event.endDate.toJSDate().toISOString()])).toEqual([
    ['2026-12-23T08:00:00.000Z', '2026-12-23T09:00:00.000Z'],
  ]);
});

test('a last day before the first, or only one of the two times, is refused with the path', async () => {
  const { result } = await setHours([
    { firstDay: '2026-12-24', lastDay: '2026-12-20' },
    { firstDay: '2026-12-23', opens: '09:00' },
  ]);
  expect(result.__typename).toBe('ValidationError');
  expect(issuePaths(result)).toEqual(['officeHours[0].exceptions[0].lastDay', 'officeHours[0].exceptions[1].closes']);
});

test('the district’s package carries them: exported, and imported again without a change', async () => {
  await setHours(christmas);
  const exported = (await exportPackages(editing.server.database.client)).find((file) => file.file.startsWith('16065'))!.dataPackage;
  const rows = (exported.tables.officeHourExceptions ?? [])
    .map(({ firstDay, lastDay, opens, closes, note }) => ({ firstDay, lastDay, opens: opens ?? null, closes: closes ?? null, note }))
    .sort((a, b) => String(a.firstDay).localeCompare(String(b.firstDay)));
  expect(rows).toEqual([
    { firstDay: '2026-12-23', lastDay: '2026-12-23', opens: '09:00', closes: '10:00', note: 'Kurz vor Weihnachten' },
    { firstDay: '2026-12-24', lastDay: '2027-01-01', opens: null, closes: null, note: 'Betriebsferien' },
  ]);
  const dryRun = await editing.as(
    editing.tokens.kyffhaeuser,
    'mutation ($package: JSONObject!) { importDistrictPackage(package: $package, dryRun: true) { __typename ... on MutationImportDistrictPackageSuccess { data { changed { key } added { key } } } } }',
    { package: exported },
  );
  expect(dryRun.data.importDistrictPackage.data).toEqual({ changed: [], added: [] });
});

test('weekly hours may be given in OpenStreetMap syntax instead of intervals; not both, and not what is not weekly', async () => {
  const guide = await currentGuide(editing);
  const given = (officeHours: unknown) =>
    editing.as(editing.tokens.kyffhaeuser, updateContact, { input: { id: guide.id, version: guide.version, officeHours } });
  const both = await given([{ printed: 'Mo 9–12', openingHours: 'Mo 09:00-12:00', intervals: [weekly[0]] }]);
  expect(issuePaths(both.data.updateContact)).toEqual(['officeHours[0].openingHours']);
  const dated = await given([{ printed: 'Mo 9–12', openingHours: 'Dec 24 off; Mo 09:00-12:00' }]);
  expect(dated.data.updateContact.issues).toEqual([
    {
      path: 'officeHours[0].openingHours',
      message: 'must be the same every week: give dates as exceptions',
      code: 'OPENING_HOURS_SYNTAX',
      params: [{ name: 'detail', value: 'must be the same every week: give dates as exceptions' }],
    },
  ]);
  const read = await given([{ printed: 'Mo–Fr 9–12 Uhr', openingHours: 'Mo-Fr 09:00-12:00; PH off' }]);
  expect(read.data.updateContact.__typename).toBe('MutationUpdateContactSuccess');
  const { data } = await editing.as(
    null,
    `{ node(id: "${guide.id}") { ... on Contact { officeHours { openingHours intervals { weekday opens closes } } } } }`,
  );
  expect(data.node.officeHours[0].openingHours).toBe(
    'Mo 09:00-12:00; Tu 09:00-12:00; We 09:00-12:00; Th 09:00-12:00; Fr 09:00-12:00; PH off',
  );
  expect(data.node.officeHours[0].intervals).toHaveLength(5);
});

test('the district’s JSON-LD says them as schema.org special opening hours (closed: 00:00 to 00:00)', async () => {
  const { guide } = await setHours(christmas);
  const { data } = await editing.as(null, '{ district(ags: "16065") { jsonLdUrl } }');
  const document = await (await fetch(data.district.jsonLdUrl)).json();
  const office = document['@graph'].find((node: { '@id': string }) => node['@id'].endsWith(guide.id));
  expect(office.specialOpeningHoursSpecification).toEqual([
    {
      '@type': 'OpeningHoursSpecification',
      validFrom: '2026-12-23',
      validThrough: '2026-12-23',
      opens: '09:00',
      closes: '10:00',
      description: 'Kurz vor Weihnachten',
    },
    {
      '@type': 'OpeningHoursSpecification',
      validFrom: '2026-12-24',
      validThrough: '2027-01-01',
      opens: '00:00',
      closes: '00:00',
      description: 'Betriebsferien',
    },
  ]);
});
