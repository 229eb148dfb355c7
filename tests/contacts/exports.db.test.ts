// A contact for the address book and its office hours for the calendar, read back with an
// independent parser (Mozilla's ical.js, which reads both vCard and iCalendar).
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const links = `query ($ags: String!, $asOf: Date) { district(ags: $ags) { contacts(asOf: $asOf) { edges { node {
  vcardUrl person { displayName } officeHours { icalUrl openingHours } } } } } }`;

async function firstContact(ags: string, asOf?: string) {
  const { data, errors } = await server.graphql(links, { ags, asOf });
  expect(errors).toBeUndefined();
  return data.district.contacts.edges[0].node;
}

const parsed = (text: string) => new ICAL.Component(ICAL.parse(text) as unknown[]);
const values = (card: ICAL.Component, name: string) => card.getAllProperties(name).map((property) => property.getFirstValue());

describe('vCard', () => {
  test('4.0: name, title, organisation, phone as a tel: URI, e-mail, office address; cacheable with an ETag', async () => {
    const contact = await firstContact('16065', '2016-07-01');
    expect(contact.vcardUrl.startsWith(`${new URL(server.url).origin}/export/contacts/`)).toBe(true);
    const response = await fetch(contact.vcardUrl);
    expect(response.headers.get('content-type')).toBe('text/vcard; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const card = parsed(await response.text());
    expect(card.getFirstPropertyValue('version')).toBe('4.0');
    expect(card.getFirstPropertyValue('fn')).toBe('Frau Christin Weise');
    expect(card.getFirstPropertyValue('n')).toEqual(['Weise', 'Christin', '', 'Frau', '']);
    expect(card.getFirstPropertyValue('title')).toBe('Integrationslotse (m/w/d)');
    expect(values(card, 'tel')).toContain('tel:+493632741273');
    expect(values(card, 'email')).toContain('integrationslotse@kyffhaeuser.de');
    const [address] = values(card, 'adr') as string[][];
    expect(address).toContain('Sondershausen');
    expect(address).toContain('99706');
    const again = await fetch(contact.vcardUrl, { headers: { 'if-none-match': response.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  test('3.0 for older phones: numbers as text with upper-case types', async () => {
    const contact = await firstContact('16065', '2016-07-01');
    const text = await (await fetch(`${contact.vcardUrl}?version=3.0`)).text();
    const card = parsed(text);
    expect(card.getFirstPropertyValue('version')).toBe('3.0');
    expect(values(card, 'tel')).toContain('+493632741273');
    expect(text).toMatch(/^TEL;TYPE=WORK,VOICE:\+493632741273\r?$/m);
    expect((await fetch(`${contact.vcardUrl}?version=2.1`)).status).toBe(400);
  });

  test('an unknown contact is 404, a POST 405', async () => {
    expect((await fetch(`${new URL(server.url).origin}/export/contacts/Q29udGFjdDpub25l.vcf`)).status).toBe(404);
    expect((await fetch(`${new URL(server.url).origin}/export/contacts/not-an-id.vcf`)).status).toBe(404);
    expect((await fetch(`${new URL(server.url).origin}/export/contacts/x.vcf`, { method: 'POST' })).status).toBe(405);
  });
});

describe('iCalendar', () => {
  test('weekly events in Europe/Berlin, ending with the contact, public holidays left out', async () => {
    const contact = await firstContact('16065', '2016-07-01');
    const [hours] = contact.officeHours;
    const response = await fetch(hours.icalUrl);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await response.text();
    expect(text).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r?$/m); // UTC, as RFC 5545 requires
    expect(text).toMatch(/^RRULE:FREQ=WEEKLY;UNTIL=\d{8}T\d{6}Z;BYDAY=MO\r?$/m);
    const calendar = parsed(text);
    ICAL.TimezoneService.register(calendar.getFirstSubcomponent('vtimezone')!);
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events).toHaveLength(4); // Monday twice, Wednesday, Friday
    const mondayMorning = events.find(
      (event) => event.startDate.toString().endsWith('T09:00:00') && event.startDate.dayOfWeek() === ICAL.Time.MONDAY,
    )!;
    expect(mondayMorning.startDate.zone?.tzid).toBe('Europe/Berlin');
    const occurrences: string[] = [];
    const iterator = mondayMorning.iterator();
    for (let next = iterator.next(); next && occurrences.length < 200; next = iterator.next()) {
      const utc = next.toJSDate().toISOString();
      if (utc >= '2016-09-26' && utc < '2016-11-08') occurrences.push(utc);
    }
    // Tag der Deutschen Einheit (3 October) and Reformationstag (31 October) are left out;
    // winter time starts on 30 October.
    expect(occurrences).toEqual([
      '2016-09-26T07:00:00.000Z',
      '2016-10-10T07:00:00.000Z',
      '2016-10-17T07:00:00.000Z',
      '2016-10-24T07:00:00.000Z',
      '2016-11-07T08:00:00.000Z',
    ]);
    // Her last Monday: the contact ends on 31 December 2019.
    const last = mondayMorning.iterator();
    let final: string | undefined;
    for (let next = last.next(); next; next = last.next()) final = next.toJSDate().toISOString();
    expect(final).toBe('2019-12-30T08:00:00.000Z');
  });

  test('without a known first day, the weekly events start on the day the contact was entered, not on 1 January', async () => {
    const client = server.database.client;
    try {
      await client.contact.update({
        where: { id: '16065/contact/weise' },
        data: { validFrom: null, validTo: null, createdAt: new Date('2026-12-02T10:00:00Z') },
      });
      const hours = await client.officeHours.findFirstOrThrow({ where: { contactId: '16065/contact/weise' } });
      const text = await (await fetch(`${new URL(server.url).origin}/export/office-hours/${encodeURIComponent(hours.id)}.ics`)).text();
      const starts = parsed(text)
        .getAllSubcomponents('vevent')
        .map((vevent) => String(vevent.getFirstPropertyValue('dtstart')).slice(0, 10));
      // Entered on Wednesday 2 December 2026: Wednesday that day, Friday the 4th, Monday the 7th.
      expect([...new Set(starts)].sort()).toEqual(['2026-12-02', '2026-12-04', '2026-12-07']);
    } finally {
      await server.reset();
    }
  });

  test('appointment-only office hours have no calendar', async () => {
    const contact = await firstContact('16063');
    expect(contact.officeHours[0].icalUrl).toBeNull();
    expect((await fetch(`${new URL(server.url).origin}/export/office-hours/none.ics`)).status).toBe(404);
  });
});
