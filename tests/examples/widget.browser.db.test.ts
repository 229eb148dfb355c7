// The district widget, end to end: a page from one origin, the API on another, rendered by a
// real headless Chromium (Debian's package, driven by playwright-core; nothing is downloaded).
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer } from '../../src/http/server.js';
import { rootDir } from '../../src/paths.js';
import { createToken } from '../../src/tokens/issue.js';
import { axeViolations } from '../support/axe.js';
import { chromiumPath, haveChromium, launchChromium } from '../support/browser.js';
import { serveFolder } from '../support/staticServer.js';
import { startTestServer, type TestServer } from '../support/testServer.js';
import { addOfferTitleTranslation } from '../support/translations.js';

describe.skipIf(!haveChromium)(`district widget in headless Chromium (${chromiumPath})`, () => {
  let api: TestServer;
  let site: Awaited<ReturnType<typeof serveFolder>>;
  let browser: Browser;

  beforeAll(async () => {
    [api, site, browser] = await Promise.all([
      startTestServer(),
      serveFolder(join(rootDir, 'examples', 'district-widget')),
      launchChromium(),
    ]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await api?.close();
  });

  async function openWidget(apiUrl: string, params: Record<string, string>): Promise<Page> {
    const page = await browser.newPage();
    const query = new URLSearchParams({ api: apiUrl, ...params });
    await page.goto(`${site.origin}/index.html?${query}`);
    await page.waitForSelector('#integration-widget[data-state]');
    return page;
  }

  test('renders the Wartburgkreis contact with phone link and appointment note', async () => {
    const page = await openWidget(api.url, { ags: '16063' });
    expect(await page.getAttribute('#integration-widget', 'data-state')).toBe('ready');
    expect(await page.textContent('.ig-contact-name')).toBe('Herr Rodeck');
    expect(await page.getAttribute('a.ig-phone', 'href')).toBe('tel:+493695615803');
    expect(await page.textContent('.ig-hours-note')).toBe('Für Besuchervorsprachen ist vorab ein Termin zu vereinbaren');
    expect(await page.textContent('.ig-offers, .ig-status')).toContain('keine Angebote');
    await page.close();
  });

  test('renders structured office hours and offers (Kyffhäuserkreis as of 2016)', async () => {
    const page = await openWidget(api.url, { ags: '16065', asOf: '2016-07-01' });
    expect(await page.textContent('.ig-contact-name')).toBe('Frau Christin Weise');
    expect(await page.getAttribute('a.ig-phone', 'href')).toBe('tel:+493632741273');
    expect(await page.getAttribute('a.ig-email', 'href')).toBe('mailto:integrationslotse@kyffhaeuser.de');
    expect(await page.locator('.ig-hours-day').allTextContents()).toEqual([
      'Montag 09:00–11:00, 13:00–20:00',
      'Mittwoch 14:00–17:30',
      'Freitag 09:00–11:30',
    ]);
    expect(await page.textContent('.ig-hours-location')).toBe('Streetworker-Büro, Crucisstr. 16, 99706 Sondershausen');
    // Open or not, and when that changes, as the API says for this moment (Berlin time).
    expect(await page.textContent('.ig-open')).toMatch(
      /^(Jetzt geöffnet – schließt|Geschlossen – öffnet) (heute|morgen|Montag|Mittwoch|Freitag) \d\d:\d\d Uhr$/,
    );
    expect(await page.locator('.ig-address').allTextContents()).toEqual([
      'Landratsamt Kyffhäuserkreis, Fachbereich Innere Verwaltung, Schulverwaltung/ Sport/ VHS, Markt 8, 99706 Sondershausen',
    ]);
    expect(await page.textContent('a.ig-email')).toBe('integrationslotse@kyffhaeuser.de');
    expect(await page.locator('.ig-offer').count()).toBe(8);
    // "Save contact" and "add to calendar" lead to the API's vCard and iCalendar.
    const vcard = await fetch((await page.getAttribute('a.ig-vcard', 'href'))!);
    expect(vcard.headers.get('content-type')).toBe('text/vcard; charset=utf-8');
    expect(await vcard.text()).toContain('FN:Frau Christin Weise');
    const calendar = await fetch((await page.getAttribute('a.ig-calendar', 'href'))!);
    expect(await calendar.text()).toContain('RRULE:FREQ=WEEKLY');
    await page.close();
  });

  test('a visitors’ and a postal address say which is which; a card with no phone or e-mail offers no vCard', async () => {
    const wartburg = await openWidget(api.url, { ags: '16063' });
    expect(await wartburg.locator('.ig-address-kind').allTextContents()).toEqual(['Besucheranschrift: ', 'Postanschrift: ']);
    expect(await wartburg.locator('a.ig-vcard').count()).toBe(1);
    await wartburg.close();
    const mittelsachsen = await openWidget(api.url, { ags: '14522' });
    expect(await mittelsachsen.locator('.ig-contact').count()).toBe(1);
    expect(await mittelsachsen.locator('a.ig-vcard').count()).toBe(0);
    await mittelsachsen.close();
  });

  test('an address the editors placed on the map links to it, and says what is known of its access', async () => {
    const { token } = await createToken(api.database.client, { name: 'Redaktion', role: 'EDITOR', districtIds: ['16065'] });
    const read = await api.graphql(
      `{ contacts(filter: { area: { district: "16065" }, role: "integration-guide" }) { edges { node { id version
        person { displayName } addresses { kind placeName street postOfficeBox postalCode locality room } } } } }`,
    );
    const guide = read.data.contacts.edges[0].node;
    const update = (addresses: object[], version: number) =>
      api.graphql(
        'mutation ($input: UpdateContactInput!) { updateContact(input: $input) { ... on MutationUpdateContactSuccess { data { version } } } }',
        { input: { id: guide.id, version, fields: { addresses } } },
        token,
      );
    const placed = guide.addresses.map((address: object) => ({
      ...address,
      latitude: 51.37021,
      longitude: 10.87203,
      stepFreeEntrance: true,
      lift: false,
      accessibilityNote: 'Klingel am Seiteneingang',
    }));
    const edited = await update(placed, guide.version);
    try {
      for (const [lang, access] of [
        ['de', 'Barrierefreiheit: stufenloser Zugang, kein Aufzug. Klingel am Seiteneingang'],
        ['en', 'Access: step-free entrance, no lift. Klingel am Seiteneingang'],
      ]) {
        const page = await openWidget(api.url, { ags: '16065', lang: lang! });
        const card = page.locator('.ig-contact', { hasText: guide.person.displayName });
        expect(await card.locator('a.ig-map').getAttribute('href')).toBe(
          'https://www.openstreetmap.org/?mlat=51.37021&mlon=10.87203#map=19/51.37021/10.87203',
        );
        expect(await card.locator('.ig-access').textContent()).toBe(access);
        // The editors' note is German content, marked so in another language.
        if (lang === 'en') expect(await card.locator('.ig-access [lang="de"]').textContent()).toBe('Klingel am Seiteneingang');
        await page.close();
      }
    } finally {
      await update(guide.addresses, edited.data.updateContact.data.version);
    }
  });

  test('an offer’s town the editors placed on the map links to it, with what is known of its access', async () => {
    const { token } = await createToken(api.database.client, { name: 'Redaktion', role: 'EDITOR', districtIds: ['16065'] });
    const read = await api.graphql(
      '{ district(ags: "16065") { offers(first: 50) { edges { node { id version places { label municipality { name } } } } } } }',
    );
    const vhs = read.data.district.offers.edges
      .map(({ node }: { node: any }) => node)
      .find((offer: any) => offer.places.some((place: any) => place.label === 'Geschäftsstelle'));
    const update = (placeDetails: object[], version: number) =>
      api.graphql(
        'mutation ($input: UpdateOfferInput!) { updateOffer(input: $input) { ... on MutationUpdateOfferSuccess { data { version } } } }',
        { input: { id: vhs.id, version, fields: { placeDetails } } },
        token,
      );
    const original = vhs.places.map((place: any) => ({ town: place.municipality.name, label: place.label }));
    const placed = original.map((place: any) =>
      place.town === 'Artern' ? { ...place, latitude: 51.36421, longitude: 11.29145, stepFreeEntrance: true } : place,
    );
    const edited = await update(placed, vhs.version);
    try {
      const page = await openWidget(api.url, { ags: '16065' });
      const card = page.locator('.ig-offer', { has: page.locator('a.ig-map') });
      expect(await card.locator('a.ig-map').textContent()).toBe('Artern');
      expect(await card.locator('a.ig-map').getAttribute('href')).toBe(
        'https://www.openstreetmap.org/?mlat=51.36421&mlon=11.29145#map=19/51.36421/11.29145',
      );
      expect(await card.locator('.ig-access').textContent()).toBe('Barrierefreiheit (Artern): stufenloser Zugang');
      await page.close();
    } finally {
      await update(original, edited.data.updateOffer.data.version);
    }
  });

  test('times are on the 24-hour clock in every language, with today and tomorrow named', async () => {
    const expected = {
      en: /^(Open now – closes|Closed – opens) (today|tomorrow|Monday|Wednesday|Friday) \d\d:\d\d$/,
      uk: /^(Зараз відчинено – зачиняється|Зачинено – відчиняється) (сьогодні|завтра|понеділок|середа|пʼятниця|п’ятниця) \d\d:\d\d$/,
    };
    for (const [lang, pattern] of Object.entries(expected)) {
      const page = await openWidget(api.url, { ags: '16065', asOf: '2016-07-01', lang });
      expect(await page.textContent('.ig-open'), lang).toMatch(pattern);
      await page.close();
    }
  });

  test('an offer names its provider once, whatever quotation marks title and provider use', async () => {
    const page = await openWidget(api.url, { ags: '16065' });
    const vhs = (await page.locator('.ig-offer-title').allTextContents()).filter((text) => text.includes('VHS'));
    expect(vhs).toEqual(['Integrationsangebote VHS "Kyffhäuserkreis"']);
    await page.close();
  });

  test('titles and providers printed in the grammar of their sentence read as names (nominative)', async () => {
    const page = await openWidget(api.url, { ags: '16065' });
    const titles = await page.locator('.ig-offer-title').allTextContents();
    expect(titles).toContain('Allgemeiner Sozialer Dienst');
    expect(titles).toContain(
      'Integrationskurse und weitere Sprachkurse – Sprachkursträger und verschiedene Organisationen der Bildungs- und Integrationsarbeit',
    );
    expect(titles.join(' ')).not.toMatch(/Allgemeinen Sozialen Dienst|Sprachkursträgern/);
    // The API keeps the printed text beside the editorial name.
    const { data } = await api.graphql(
      '{ district(ags: "16065") { offers(first: 20) { edges { node { title nominativeTitle providerName nominativeProviderName } } } } }',
    );
    expect(data.district.offers.edges.map(({ node }: { node: unknown }) => node)).toContainEqual({
      title: 'Allgemeinen Sozialen Dienst',
      nominativeTitle: 'Allgemeiner Sozialer Dienst',
      providerName: 'Allgemeinen Sozialen Dienst',
      nominativeProviderName: 'Allgemeiner Sozialer Dienst',
    });
    await page.close();
  });

  test('an offer is a card with what the graph knows: description, places, online', async () => {
    const page = await openWidget(api.url, { ags: '16065', lang: 'en' });
    const vhs = page.locator('.ig-offer', { hasText: 'Integrationsangebote VHS' });
    expect(await vhs.locator('.ig-offer-description').textContent()).toMatch(/^Non-formale \(außerschulische\)/);
    expect(await vhs.locator('.ig-offer-places').textContent()).toBe('Places: Artern, Sondershausen');
    const online = page.locator('.ig-offer', { hasText: 'Deutschland von A-Z' });
    expect(await online.locator('.ig-offer-places').textContent()).toBe('Places: also online');
    // The description is German until the district translates it, and says so.
    expect(await vhs.locator('.ig-offer-description bdi').getAttribute('lang')).toBe('de');
    await page.close();
  });

  test('a reader reports an error in the office hours; the district’s editors find it, with the address they may answer', async () => {
    const page = await openWidget(api.url, { ags: '16063' });
    await page.click('.ig-contact .ig-report summary');
    // Room to write: KERN's field, several lines high.
    expect(
      await page
        .locator('.ig-contact .ig-report textarea')
        .first()
        .evaluate((field) => field.getBoundingClientRect().height),
    ).toBeGreaterThan(90);
    await page.selectOption('.ig-contact .ig-report select', 'OFFICE_HOURS');
    await page.fill('.ig-contact .ig-report textarea', 'Dienstags ist das Büro geschlossen.');
    await page.fill('.ig-contact .ig-report input[type=email]', 'leserin@example.org');
    await page.click('.ig-contact .ig-report button');
    await page.waitForSelector('.ig-contact .ig-report-status:has-text("Danke")');
    const stored = await api.database.client.problemReport.findFirstOrThrow({ where: { message: 'Dienstags ist das Büro geschlossen.' } });
    expect(stored).toMatchObject({
      districtId: '16063',
      subjectType: 'Contact',
      topic: 'OFFICE_HOURS',
      contactEmail: 'leserin@example.org',
      status: 'OPEN',
    });
    expect(await page.textContent('.ig-contact .ig-report-status')).toContain(stored.id);
    await page.close();
  });

  test('a report the API refuses says why in the reader’s language, and keeps what the reader wrote', async () => {
    const refusals = {
      de: 'Die Meldung konnte nicht gesendet werden: Bitte beschreiben Sie in Worten, was falsch ist: 10 bis 2.000 Zeichen, höchstens 2 Links.',
      ar: 'تعذّر إرسال البلاغ: يرجى وصف الخطأ بالكلمات: من 10 إلى 2000 حرف، ورابطان على الأكثر.',
    };
    for (const [lang, refusal] of Object.entries(refusals)) {
      const page = await openWidget(api.url, { ags: '16063', lang });
      await page.click('.ig-contact .ig-report summary');
      await page.fill('.ig-contact .ig-report textarea', 'Siehe https://a.example https://b.example https://c.example');
      await page.click('.ig-contact .ig-report button');
      await page.locator('.ig-contact .ig-report-status').filter({ hasText: /.{21}/ }).waitFor();
      // In the reader's language only: no English reason inside (an Arabic line stays right to left).
      expect(await page.textContent('.ig-contact .ig-report-status'), lang).toBe(refusal);
      expect(await page.inputValue('.ig-contact .ig-report textarea')).toContain('https://c.example');
      await page.close();
    }
  });

  test('offers filtered by kind, in the reader’s language', async () => {
    const page = await openWidget(api.url, { ags: '16065', lang: 'ar' });
    expect(await page.locator('.ig-offer').count()).toBe(8);
    expect(await page.locator('[id$="-filter-category"] option[value="LANGUAGE_COURSE"]').textContent()).toBe('دورة لغة');
    await page.selectOption('[id$="-filter-category"]', 'LANGUAGE_COURSE');
    expect(await page.locator('.ig-offer').allTextContents()).toEqual([
      expect.stringContaining('Integrationskurse und weitere Sprachkurse'),
    ]);
    await page.selectOption('[id$="-filter-category"]', '');
    expect(await page.locator('.ig-offer').count()).toBe(8);
    // No offer names a language: a language filter would offer only "all".
    expect(await page.locator('[id$="-filter-language"]').count()).toBe(0);
    await page.close();
  });

  test('translated texts come in the reader’s language and say so; the others stay German', async () => {
    const client = api.database.client;
    const offer = await client.offer.findFirstOrThrow({ where: { districtId: '16065', category: 'CHILDCARE' } });
    await addOfferTitleTranslation(client, offer, 'en', 'Childcare');
    const page = await openWidget(api.url, { ags: '16065', lang: 'en' });
    const translated = page.locator('.ig-offer-title bdi[lang="en"]');
    expect(await translated.allTextContents()).toEqual(['Childcare']);
    expect(await page.locator('.ig-offer-title bdi[lang="de"]').count()).toBe(7);
    await page.close();
  });

  test('usable by keyboard alone: Tab reaches the language switch, the links and "Fehler melden", Enter opens the form', async () => {
    const page = await openWidget(api.url, { ags: '16063' });
    const reached: string[] = [];
    for (let step = 0; step < 12; step++) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(() => {
          // Focus inside the widget's own tree (shadow DOM) is that tree's active element.
          let active = document.activeElement;
          while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
          return `${active?.tagName.toLowerCase()}:${active?.textContent?.trim().slice(0, 20)}`;
        }),
      );
    }
    expect(reached[0]).toMatch(/^select:/); // the language switch
    expect(reached.some((entry) => entry.startsWith('a:'))).toBe(true); // the phone link, among others
    expect(reached.indexOf('summary:Fehler melden')).toBeGreaterThan(0);
    // Back to it, and open the form with Enter.
    await page.focus('.ig-contact .ig-report summary');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('.ig-contact .ig-report', 'open')).toBe('');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('name'))).toBe('topic');
    await page.close();
  });

  test('German names the kind where the name does not: im Kyffhäuserkreis, im Landkreis Schmalkalden-Meiningen', async () => {
    const headings: string[] = [];
    for (const ags of ['16065', '16066', '14522']) {
      const page = await openWidget(api.url, { ags });
      headings.push((await page.textContent('h2'))!);
      await page.close();
    }
    expect(headings).toEqual([
      'Integration im Kyffhäuserkreis',
      'Integration im Landkreis Schmalkalden-Meiningen',
      'Integration im Landkreis Mittelsachsen',
    ]);
  });

  test('in Arabic the widget runs right to left, says the content is German and marks it so; the switch goes back to German', async () => {
    const page = await openWidget(api.url, { ags: '16065', asOf: '2016-07-01', lang: 'ar' });
    expect(await page.getAttribute('#integration-widget', 'dir')).toBe('rtl');
    expect(await page.getAttribute('#integration-widget', 'lang')).toBe('ar');
    expect(await page.textContent('h2')).toBe('الاندماج في Kyffhäuserkreis');
    expect(await page.textContent('.ig-content-language')).toContain('الألمانية');
    expect(await page.getAttribute('.ig-contact-name bdi', 'lang')).toBe('de');
    expect(await page.locator('.ig-hours-day').first().textContent()).toBe('الاثنين 09:00–11:00, 13:00–20:00');
    await page.selectOption('.ig-language', 'de');
    await page.waitForSelector('#integration-widget[lang="de"]');
    expect(await page.getAttribute('#integration-widget', 'dir')).toBe('ltr');
    expect(await page.textContent('h2')).toBe('Integration im Kyffhäuserkreis');
    await page.selectOption('.ig-language', 'uk');
    await page.waitForSelector('#integration-widget[lang="uk"]');
    expect(await page.textContent('h3')).toBe('Контактні особи');
    await page.close();
  });

  test.each(['de', 'en', 'ar', 'uk'])(
    'no WCAG 2.2 AA violations found by axe-core (%s), on a phone and a desktop screen; screenshots in test-output/',
    async (lang) => {
      const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
      await page.goto(`${site.origin}/index.html?${new URLSearchParams({ api: api.url, ags: '16065', asOf: '2016-07-01', lang })}`);
      await page.waitForSelector('#integration-widget[data-state="ready"]');
      // axe's rules for WCAG 2.0 to 2.2, A and AA (target sizes among them), and its best practices.
      const violations = () => axeViolations(page, { bestPractice: true });
      expect(await violations()).toEqual([]);
      // Nothing wider than the phone's screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await mkdir(join(rootDir, 'test-output'), { recursive: true });
      await page.screenshot({ path: join(rootDir, 'test-output', `widget-${lang}.png`), fullPage: true });
      // And on a desktop screen.
      await page.setViewportSize({ width: 1280, height: 900 });
      expect(await violations()).toEqual([]);
      await page.close();
    },
  );

  test('an API that cannot be reached is named in a sentence, in the reader’s language', async () => {
    const page = await openWidget('http://127.0.0.1:9/graphql', { ags: '16065', lang: 'en' });
    expect(await page.getAttribute('#integration-widget', 'data-state')).toBe('error');
    expect(await page.textContent('.ig-error')).toBe(
      'The data could not be loaded: 127.0.0.1:9 cannot be reached or does not allow this website.',
    );
    await page.close();
  });

  test('an API that answers something else than GraphQL gives residents a sentence and the way to the district’s page', async () => {
    const page = await browser.newPage();
    // A proxy's error page instead of the API's answer.
    await page.route(`${api.url}**`, (route) => route.fulfill({ status: 502, contentType: 'text/html', body: '<h1>Bad Gateway</h1>' }));
    const districtPage = 'https://www.kyffhaeuser.example/integration';
    await page.goto(`${site.origin}/index.html?${new URLSearchParams({ api: api.url, ags: '16065', lang: 'de', page: districtPage })}`);
    await page.waitForSelector('#integration-widget[data-state]');
    expect(await page.textContent('.ig-error')).toBe(
      'Die Ansprechpersonen und Angebote können gerade nicht angezeigt werden. Bitte versuchen Sie es später noch einmal. Zur Website des Landkreises',
    );
    expect(await page.getAttribute('.ig-error a', 'href')).toBe(districtPage);
    await page.close();
  });

  test('opened from disk (file://), it says what is wrong instead of loading forever', async () => {
    const page = await browser.newPage();
    await page.goto(`file://${join(rootDir, 'examples', 'district-widget', 'index.html')}`);
    await page.waitForSelector('#integration-widget[data-state]');
    expect(await page.getAttribute('#integration-widget', 'data-state')).toBe('error');
    expect(await page.textContent('.ig-error')).toContain('muss über einen Webserver geöffnet werden');
    await page.close();
  });

  /** The README's widget section: its embed snippet (pointing at the test's API) and its theme. */
  async function readmeWidget() {
    const readme = await readFile(join(rootDir, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### The district widget'));
    const snippet = /```html\n([\s\S]*?)```/.exec(section)![1]!.replace('https://integrationsgraph.example/graphql', api.url);
    return { snippet, theming: /```css\n([\s\S]*?)```/.exec(section)![1]! };
  }

  /** A district's site: a page and the two files the README says to copy, served over HTTP. */
  async function districtSite(html: string) {
    const folder = await mkdtemp(join(tmpdir(), 'ig-site-'));
    for (const file of ['widget.js', 'widget.css', 'kern.css'])
      await copyFile(join(rootDir, 'examples', 'district-widget', file), join(folder, file));
    await writeFile(join(folder, 'page.html'), html);
    const site = await serveFolder(folder);
    return {
      page: `${site.origin}/page.html`,
      close: async () => {
        await site.close();
        await rm(folder, { recursive: true, force: true });
      },
    };
  }

  /** A computed style of the first element a selector finds (inside the widget's own tree too). */
  const styleOf = (page: Page) => (selector: string, property: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);

  test('the README’s embed snippet, pasted twice into an English page, starts both widgets by itself', async () => {
    const { snippet } = await readmeWidget();
    const second = snippet.replace('data-ags="16065"', 'data-ags="14522"').replace('data-heading-level="2"', 'data-heading-level="3"');
    const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>District</title></head>
      <body><main><h1>Integration</h1>${snippet}<section><h2>Mittelsachsen</h2>${second}</section></main></body></html>`;
    const site = await districtSite(body);
    const page = await browser.newPage();
    // The API answers late: meanwhile each widget says it is loading, in the page's language.
    let answer!: () => void;
    const answering = new Promise<void>((resolve) => {
      answer = resolve;
    });
    await page.route(`${api.url}**`, async (route) => {
      await answering;
      await route.continue();
    });
    await page.goto(site.page);
    await page.waitForSelector('.ig-widget .ig-status');
    expect(await page.locator('.ig-widget .ig-status').allTextContents()).toEqual([
      'Loading contacts and offers …',
      'Loading contacts and offers …',
    ]);
    answer();
    await page.waitForFunction(() => [...document.querySelectorAll('.ig-widget')].every((widget) => widget.getAttribute('data-state')));
    expect(
      await page.locator('.ig-widget').evaluateAll((widgets) => widgets.map((widget) => widget.getAttribute('data-state'))),
      String(await page.locator('.ig-widget').first().textContent()),
    ).toEqual(['ready', 'ready']);
    expect(await page.locator('.ig-widget h2').allTextContents()).toEqual(['Integration in Kyffhäuserkreis']);
    const mittelsachsen = page.locator('.ig-widget').nth(1);
    expect(await mittelsachsen.locator('h3').allTextContents()).toEqual(['Integration in Mittelsachsen']);
    expect(await mittelsachsen.locator('h4').allTextContents()).toEqual(['Contacts', 'Offers']);
    // Filters only where they filter something: kind and group of the Kyffhäuserkreis' offers
    // (which name no languages); none for Mittelsachsen's one offer.
    expect(await page.locator('.ig-filter').evaluateAll((selects) => selects.map((select) => select.id))).toEqual([
      'ig-widget-1-filter-category',
      'ig-widget-1-filter-group',
    ]);
    const ids = await page.locator('[id]').evaluateAll((elements) => elements.map((element) => element.id));
    expect(new Set(ids).size).toBe(ids.length);
    // Each language switch changes its own widget only.
    await page.locator('.ig-language').nth(1).selectOption('de');
    await page.waitForFunction(() => document.querySelectorAll('.ig-widget')[1]?.getAttribute('lang') === 'de');
    expect(await page.locator('.ig-widget').evaluateAll((widgets) => widgets.map((widget) => widget.getAttribute('lang')))).toEqual([
      'en',
      'de',
    ]);
    await page.close();
    await site.close();
  });

  test('in the district’s own colours and font; the host page’s styles do not reach in, and the widget’s do not leak out', async () => {
    const { snippet, theming } = await readmeWidget();
    // A host page with the worst a site's styles might do, and an element of its own named like the widget's.
    const hostile = `body * { font-size: 40px !important; color: rgb(255, 0, 0) !important; font-family: "Comic Sans MS" !important; }
      a { color: rgb(255, 105, 180) !important; } li { display: inline !important; }`;
    const body = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Landkreis</title>
      <style>${hostile}</style><style>${theming}</style></head>
      <body><main><h1>Integration</h1><p class="ig-contact" id="outside">Eigener Text der Website</p>${snippet}</main></body></html>`;
    const site = await districtSite(body);
    const page = await browser.newPage();
    await page.goto(site.page);
    await page.waitForSelector('.ig-widget[data-state="ready"]');
    const style = styleOf(page);
    // The README's theme: the district's blue for links, its font, square corners.
    expect(await style('.ig-channels a', 'color')).toBe('rgb(0, 75, 135)');
    expect(await style('.ig-contact-name', 'font-family')).toBe('Georgia, serif');
    expect(await style('.ig-contact', 'border-top-left-radius')).toBe('0px');
    // The host's rules do not reach in.
    expect(await style('.ig-contact-name', 'font-size')).toBe('16px');
    expect(await style('.ig-contact-name', 'color')).toBe('oklch(0.2023 0.0321 277.67)'); // KERN's text colour
    expect(await style('.ig-channels li', 'display')).toBe('list-item');
    // The widget's rules do not reach out: the site's own .ig-contact has no card border.
    expect(await style('#outside', 'border-top-style')).toBe('none');
    await page.close();
    await site.close();
  });

  test('drawn with KERN UX’s tokens and fields on a page without KERN, and in the district’s colours there too', async () => {
    const { snippet, theming } = await readmeWidget();
    const page = await browser.newPage();
    for (const theme of ['', theming]) {
      const site = await districtSite(
        `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Landkreis</title><style>${theme}</style></head><body><main>${snippet}</main></body></html>`,
      );
      await page.goto(site.page);
      await page.waitForSelector('.ig-widget[data-state="ready"]');
      const style = styleOf(page);
      // KERN's select: 48 px high (WCAG 2.2's target size with room), its underline, its surface.
      expect(await style('.ig-language-switch .kern-form-input__select-wrapper', 'height')).toBe('48px');
      expect(await style('.ig-language-switch .kern-form-input__select-wrapper', 'border-bottom-width')).toBe('2px');
      // KERN's action colour (dark blue) in links and the report button, or the district's where it sets one.
      const accent = theme
        ? 'rgb(0, 75, 135)'
        : await page.evaluate(() => {
            const probe = document.createElement('span');
            probe.style.color = 'oklch(42.84% 0.1689 265.02)';
            document.body.append(probe);
            return getComputedStyle(probe).color;
          });
      expect(await style('.ig-channels a', 'color')).toBe(accent);
      expect(await style('.ig-report-form .kern-btn', 'border-top-color')).toBe(accent);
      expect(await style('.ig-contact-name', 'font-family')).toBe(theme ? 'Georgia, serif' : '"Fira Sans", sans-serif');
      await site.close();
    }
    await page.close();
  });

  test('a reader whose system prefers dark colours gets the same readable, light widget', async () => {
    const page = await browser.newPage({ colorScheme: 'dark' });
    await page.goto(`${site.origin}/index.html?${new URLSearchParams({ api: api.url, ags: '16065' })}`);
    await page.waitForSelector('#integration-widget[data-state="ready"]');
    const style = styleOf(page);
    expect(await style('.ig-contact-name', 'color')).toBe('oklch(0.2023 0.0321 277.67)'); // KERN's text colour
    expect(await style('.ig-body', 'color-scheme')).toBe('light');
    await page.close();
  });

  test('a site outside the CORS allow-list cannot read the API', async () => {
    // A second HTTP server on the same database, with an allow-list that leaves the widget's site out.
    const guarded = await startServer({
      port: 0,
      host: '127.0.0.1',
      corsOrigins: ['https://www.kyffhaeuser.de', 'https://www.wartburgkreis.de'],
    });
    try {
      const page = await openWidget(guarded.url, { ags: '16063' });
      expect(await page.getAttribute('#integration-widget', 'data-state')).toBe('error');
      expect(await page.textContent('.ig-error')).toBe(
        `Die Daten konnten nicht geladen werden: ${new URL(guarded.url).host} ist nicht erreichbar oder lässt diese Website nicht zu.`,
      );
      await page.close();
    } finally {
      await guarded.close();
    }
  });
});
