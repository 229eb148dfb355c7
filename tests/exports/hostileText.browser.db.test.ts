// Text an editor typed, on its way to other people's software: markup in a title, quotes, line
// breaks that would start a calendar event or a second card. It stays text wherever we write it
// into markup or a file format: the JSON-LD a website inlines, the widget, the dashboard, the
// vCard and the iCalendar. Run in Debian's Chromium; a page that runs anything sets a flag.
import { join } from 'node:path';
import ICAL from 'ical.js';
import jsonld from 'jsonld';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeGlobalId } from '../../src/common/globalId.js';
import { exportPackages } from '../../src/packages/export.js';
import { rootDir } from '../../src/paths.js';
import { chromiumPath, haveChromium, launchChromium } from '../support/browser.js';
import { serveFolder } from '../support/staticServer.js';
import { startTestServer, type TestServer } from '../support/testServer.js';
import { createTestTokens } from '../support/tokens.js';

/** Ends a script block, opens another, and tries an attribute: each sets a flag if it runs. */
const markup = `Beratung</script><script>window.__ran = 'script'</script><img src=x onerror="window.__ran = 'img'">"'&amp;`;
const lines = 'Dienstag 9–12 Uhr\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:untergeschoben';
const name = 'Muster; Mann, \\n\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Untergeschoben';

describe.skipIf(!haveChromium)(`editors' text stays text (${chromiumPath})`, () => {
  let api: TestServer;
  let site: Awaited<ReturnType<typeof serveFolder>>;
  let browser: Browser;
  let origin: string;
  beforeAll(async () => {
    [api, site, browser] = await Promise.all([
      startTestServer(),
      serveFolder(join(rootDir, 'examples', 'district-widget')),
      launchChromium(),
    ]);
    origin = new URL(api.url).origin;
    const files = await exportPackages(api.database.client);
    const dataPackage = structuredClone(files.find((file) => file.dataPackage.district === '16065')!.dataPackage);
    const { tables } = dataPackage;
    for (const offer of tables.offers!) offer.title = markup;
    for (const concept of tables.concepts!) concept.title = markup;
    for (const hours of tables.officeHours!) hours.printed = lines;
    for (const person of tables.persons!) person.familyName = name;
    // What editors write of a place's access reaches the widget and the JSON-LD too.
    for (const address of tables.addresses!) address.accessibilityNote = markup;
    for (const place of tables.offerPlaces!) place.accessibilityNote = markup;
    const tokens = await createTestTokens(api.database.client);
    const imported = await api.graphql(
      'mutation ($input: ImportDataPackageInput!) { importDataPackage(input: $input) { __typename ... on ValidationError { issues { path message } } } }',
      { input: { package: dataPackage } },
      tokens.kyffhaeuser,
    );
    expect(imported.data.importDataPackage.__typename).toBe('MutationImportDataPackageSuccess');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await api?.close();
  });

  const ran = (page: Page) => page.evaluate(() => (window as { __ran?: string }).__ran ?? null);

  test('JSON-LD inlined in a page cannot end its script block, and reads back unchanged, also for jsonld.js', async () => {
    const text = await (await fetch(`${origin}/export/districts/16065.jsonld`)).text();
    expect(text).not.toMatch(/[<>]/);
    const titles = (JSON.parse(text)['@graph'] as { name?: string; '@type'?: string }[])
      .filter((node) => node['@type'] === 'Service')
      .map((node) => node.name);
    expect(titles.length).toBeGreaterThan(0);
    expect(new Set(titles)).toEqual(new Set([markup]));
    const notes = (JSON.parse(text)['@graph'] as { amenityFeature?: { value: unknown }[] }[]).flatMap((node) =>
      (node.amenityFeature ?? []).map((feature) => feature.value),
    );
    expect(notes.length).toBeGreaterThan(0);
    expect(new Set(notes)).toEqual(new Set([markup]));
    // As a district website uses it: pasted into a script block of its page.
    const page = await browser.newPage();
    await page.setContent(
      `<!doctype html><title>Landratsamt</title><script type="application/ld+json">${text}</script><p id="after">Impressum</p>`,
    );
    expect(await ran(page)).toBeNull();
    expect(await page.textContent('#after')).toBe('Impressum');
    const inlined = await page.evaluate(() => JSON.parse(document.querySelector('script')!.textContent!));
    expect(inlined).toEqual(JSON.parse(text));
    await page.close();
    const documentLoader = async (url: string) => ({ documentUrl: url, document: { '@context': { '@vocab': 'https://schema.org/' } } });
    const expanded = JSON.stringify(await jsonld.expand(JSON.parse(text), { documentLoader: documentLoader as never }));
    expect(expanded).toContain(JSON.stringify(markup).slice(1, -1));
  });

  test('the widget shows the offer’s title and the access notes as text and runs nothing of them', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/index.html?${new URLSearchParams({ api: api.url, ags: '16065' })}`);
    await page.waitForSelector('#integration-widget[data-state="ready"]');
    expect(await ran(page)).toBeNull();
    expect(await page.locator('.ig-offer').first().textContent()).toContain(markup);
    // An access note, of an office and of an offer's town, as text as well.
    const notes = await page.locator('.ig-access').allTextContents();
    expect(notes.length).toBeGreaterThan(1);
    for (const note of notes) expect(note).toContain(markup);
    await page.close();
  });

  test('the dashboard shows the concept’s title as text and runs nothing of it', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/dashboard`);
    await page.waitForFunction(() => /^(Stand|As of) /.test(document.getElementById('status')?.textContent ?? ''));
    await page.click('button.link[data-ags="16065"]');
    await page.waitForSelector('#detail h2');
    expect(await ran(page)).toBeNull();
    expect(await page.textContent('#detail')).toContain(markup);
    await page.close();
  });

  test('a line break cannot start a calendar event or a second card, nor a semicolon a component: iCalendar and vCard read back as written', async () => {
    const hours = await api.database.client.officeHours.findFirstOrThrow({
      where: { intervals: { some: {} }, contact: { districtId: '16065' } },
    });
    const { data } = await api.graphql('query ($id: ID!) { node(id: $id) { ... on Contact { vcardUrl officeHours { icalUrl } } } }', {
      id: encodeGlobalId('Contact', hours.contactId),
    });
    const withHours: { vcardUrl: string; officeHours: { icalUrl: string | null }[] } = data.node;
    const calendar = await (await fetch(withHours.officeHours.find((each) => each.icalUrl)!.icalUrl!)).text();
    const events = new ICAL.Component(ICAL.parse(calendar)).getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) expect(String(event.getFirstPropertyValue('summary'))).not.toBe('untergeschoben');
    expect(calendar).not.toMatch(/^SUMMARY:untergeschoben/m);
    expect(calendar.split(/\r\n/).filter((line) => line === 'BEGIN:VEVENT').length).toBe(events.length);
    // A card as an address book reads it (ical.js reads vCards too): one card, the name as typed.
    const cardText = await (await fetch(withHours.vcardUrl)).text();
    const cards = ICAL.parse(cardText);
    expect(cards[0]).toBe('vcard');
    const card = new ICAL.Component(cards);
    const typed = name.replace(/\r\n/g, '\n');
    expect(card.getFirstPropertyValue('fn')).toBe(`Frau Christin ${typed}`);
    expect(card.getFirstProperty('n')!.getFirstValue()).toEqual([typed, 'Christin', '', 'Frau', '']);
    const lines = cardText.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(lines.filter((line) => line === 'BEGIN:VCARD' || line === 'END:VCARD')).toEqual(['BEGIN:VCARD', 'END:VCARD']);
  });
});
