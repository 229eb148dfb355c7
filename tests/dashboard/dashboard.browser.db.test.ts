// The dashboard in headless Chromium with no network beyond our server: a state's districts on
// the map coloured by the measure chosen, the field-of-action heat map, a district's detail on
// click, the table with its downloads, and the attribution.
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { chromiumPath, haveChromium, launchChromium, onlyOurServer } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

describe.skipIf(!haveChromium)(`the dashboard in headless Chromium (${chromiumPath})`, () => {
  let api: TestServer;
  let browser: Browser;
  let origin: string;
  beforeAll(async () => {
    [api, browser] = await Promise.all([startTestServer(), launchChromium()]);
    origin = new URL(api.url).origin;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  /** A page that may reach our server and nothing else; requests elsewhere are collected. */
  async function openDashboard(
    viewport = { width: 1280, height: 800 },
    address = '/dashboard',
  ): Promise<{ page: Page; elsewhere: string[] }> {
    const page = await browser.newPage({ viewport, acceptDownloads: true });
    const elsewhere = await onlyOurServer(page, origin);
    await page.goto(`${origin}${address}`, { waitUntil: 'load' });
    await page.waitForFunction(() => /^(Stand|As of) /.test(document.getElementById('status')?.textContent ?? ''), undefined, {
      timeout: 20_000,
    });
    return { page, elsewhere };
  }

  const levels = (page: Page) =>
    page.$$eval('#map path.district', (paths) =>
      paths.map((path) => [path.getAttribute('data-ags') ?? '', path.getAttribute('class') ?? ''] as const),
    );

  test('Thüringen: 22 districts on the map coloured by concept, the heat map, the detail, the downloads — all from our server', async () => {
    const { page, elsewhere } = await openDashboard();
    expect(await page.textContent('#status')).toMatch(/22 Kreise, davon 3 mit Daten im Graph/);
    const byConcept = new Map(await levels(page));
    expect(byConcept.size).toBe(22);
    expect(byConcept.get('16066')).toContain('level-high'); // adopted 2019
    expect(byConcept.get('16051')).toContain('level-none'); // Erfurt: nothing in the graph
    const erfurtBox = await page.locator('#map path[data-ags="16051"]').boundingBox();
    expect(erfurtBox!.width).toBeGreaterThan(5);

    // Heat map: a row per district, a column per field of action; unknown rows say so.
    expect(await page.locator('#heatmap tbody tr').count()).toBe(22);
    const schmalkalden = page.locator('#heatmap tbody tr', { hasText: 'Schmalkalden-Meiningen' });
    expect(await schmalkalden.locator('td.heat-FIELD_OF_ACTION').count()).toBe(7);
    expect(await page.locator('#heatmap tbody tr', { hasText: 'Erfurt' }).locator('td.heat-unknown').count()).toBeGreaterThan(0);

    // Another measure recolours the map: filled posts.
    await page.selectOption('#measure', 'posts');
    const byPosts = new Map(await levels(page));
    expect(byPosts.get('16065')).toContain('level-high'); // two roles filled
    expect(byPosts.get('16051')).toContain('level-none');

    // A district's detail on click.
    await page.click('#map path[data-ags="16065"]');
    await page.waitForSelector('#detail h2');
    expect(await page.textContent('#detail h2')).toBe('Kyffhäuserkreis');
    expect(await page.textContent('#detail')).toContain('Besetzte Rollen');

    // The table and its download buttons, which deliver the files.
    expect(await page.locator('#districts tbody tr').count()).toBe(22);
    expect(await page.locator('#downloads a').count()).toBe(12);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#downloads a', { hasText: 'CSV' }).first().click()]);
    expect(download.suggestedFilename()).toMatch(/^integrationsgraph-districts-TH-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = await readFile((await download.path())!, 'utf8');
    expect(file.startsWith('\ufeffAGS;Name;Land;Art;')).toBe(true);
    expect(file.split('\r\n').filter((line) => /^\d{5};/.test(line))).toHaveLength(22);

    expect(await page.textContent('#attribution')).toContain('© GeoBasis-DE / BKG 2022 (Daten verändert)');
    expect(await page.getAttribute('#attribution a', 'href')).toBe('https://www.bkg.bund.de');
    mkdirSync('test-output', { recursive: true });
    await page.screenshot({ path: 'test-output/dashboard-th.png', fullPage: true });
    expect(elsewhere).toEqual([]);
    await page.close();
  }, 60_000);

  test('English on request: labels, legend, table headers and the detail', async () => {
    const { page } = await openDashboard();
    await page.selectOption('#language', 'en');
    expect(await page.textContent('h1')).toBe('Integration management of the districts compared');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('#status')).toMatch(/^As of .*: 22 districts, 3 of them with data in the graph\.$/);
    expect(await page.textContent('#legend')).toContain('no data in the graph');
    expect(await page.locator('#districts thead th').allTextContents()).toContain('Newest fact');
    await page.click('#map path[data-ags="16051"]');
    expect(await page.textContent('#detail')).toContain('The graph holds no integration data of this district yet.');
    mkdirSync('test-output', { recursive: true });
    await page.screenshot({ path: 'test-output/dashboard-en.png', fullPage: true });
    await page.close();
  }, 60_000);

  test('on a phone: the map fits the screen, the tables scroll inside their boxes', async () => {
    const { page } = await openDashboard({ width: 375, height: 812 });
    expect(await page.locator('#map path.district').count()).toBe(22);
    const map = await page.locator('#map').boundingBox();
    expect(map!.width).toBeLessThanOrEqual(375);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.click('#map path[data-ags="16066"]');
    expect(await page.textContent('#detail h2')).toBe('Schmalkalden-Meiningen');
    mkdirSync('test-output', { recursive: true });
    await page.screenshot({ path: 'test-output/dashboard-phone.png', fullPage: true });
    await page.close();
  }, 60_000);

  test('Sachsen by the state picker, a programme measure, and the detail by keyboard', async () => {
    const { page } = await openDashboard();
    await page.selectOption('#state', 'SN');
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('13 Kreise'), undefined, { timeout: 20_000 });
    expect((await levels(page)).every(([ags]) => ags?.startsWith('14'))).toBe(true);
    await page.selectOption('#measure', 'programme');
    expect(await page.isVisible('#programme')).toBe(true);
    await page.selectOption('#measure', 'freshness');
    expect(await page.isVisible('#programme')).toBe(false);
    await page.selectOption('#measure', 'programme');
    await page.focus('#map path[data-ags="14522"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#detail h2');
    expect(await page.textContent('#detail h2')).toBe('Mittelsachsen');
    expect(await page.locator('#map path.district').count()).toBe(13);
    mkdirSync('test-output', { recursive: true });
    await page.screenshot({ path: 'test-output/dashboard-sn.png', fullPage: true });
    await page.close();
  }, 60_000);

  /** Each district's data in the graph as the API answers for the state: the facts the map's colours must agree with. */
  async function apiFacts(state: 'TH' | 'SN') {
    const { data } = await api.graphql(
      `query ($state: StateCode!) { comparison(state: $state) { districts { ags coverage { hasData concept newestFact } }
        roles { rows { district { ags } hasData cells { filled withContact } } } } }`,
      { state },
    );
    const roles = new Map(data.comparison.roles.rows.map((row: { district: { ags: string } }) => [row.district.ags, row]));
    return data.comparison.districts.map((district: { ags: string; coverage: Record<string, unknown> }) => ({
      ...district,
      roles: roles.get(district.ags) as { hasData: boolean; cells: { filled: boolean | null; withContact: boolean | null }[] },
    }));
  }

  describe.each([
    ['TH', 'Thüringen', 22],
    ['SN', 'Sachsen', 13],
  ] as const)('%s: every measure agrees with the API and with the header', (state, _name, count) => {
    test.each(['concept', 'posts', 'programme', 'freshness'])(
      '%s',
      async (measure) => {
        const { page } = await openDashboard();
        await page.selectOption('#state', state);
        await page.waitForFunction((expected) => document.getElementById('status')?.textContent?.includes(`${expected} Kreise`), count, {
          timeout: 20_000,
        });
        await page.selectOption('#measure', measure);
        const shown = new Map(await levels(page));
        const facts = await apiFacts(state);
        const withData = facts.filter((district: { coverage: { hasData: boolean } }) => district.coverage.hasData);
        // Grey ("no data in the graph") is exactly the districts the graph holds nothing of, as the header counts them.
        expect(await page.textContent('#status')).toContain(`davon ${withData.length} mit Daten`);
        for (const district of facts)
          expect(shown.get(district.ags), district.ags).toContain(district.coverage.hasData ? 'level-' : 'level-none');
        for (const district of withData) expect(shown.get(district.ags), district.ags).not.toContain('level-none');
        // What the measure shows for each district with data follows from the API's answer.
        for (const district of withData) {
          const level = shown.get(district.ags)!;
          if (measure === 'concept') expect(level, district.ags).toContain(district.coverage.concept ? 'level-' : 'level-absent');
          if (measure === 'posts') {
            const filled = district.roles.cells.filter((cell: { filled: boolean | null }) => cell.filled).length;
            const reachable = district.roles.cells.some((cell: { withContact: boolean | null }) => cell.withContact);
            const expected = !district.roles.hasData
              ? 'absent'
              : filled >= 2
                ? 'high'
                : filled === 1
                  ? 'mid'
                  : reachable
                    ? 'contact'
                    : 'low';
            expect(level, district.ags).toContain(`level-${expected}`);
          }
          if (measure === 'freshness' && !district.coverage.newestFact) expect(level, district.ags).toContain('level-absent');
        }
        // Every colour on the map has its legend entry.
        const legend = await page.$$eval('#legend .swatch', (swatches) => swatches.map((swatch) => swatch.className));
        for (const level of new Set([...shown.values()].map((classes) => /level-\w+/.exec(classes)![0])))
          expect(legend.some((swatch) => swatch.includes(level))).toBe(true);
        await page.close();
      },
      60_000,
    );
  });

  test('Mittelsachsen: no concept is not "no data", and its KIK post with a contact is not "0 roles filled"', async () => {
    const { page } = await openDashboard();
    await page.selectOption('#state', 'SN');
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('13 Kreise'), undefined, { timeout: 20_000 });
    expect(new Map(await levels(page)).get('14522')).toContain('level-absent');
    // Readable without pointing: every district's name on the map.
    expect(await page.locator('#map text.map-label').allTextContents()).toHaveLength(13);
    expect(await page.locator('#map text.map-label').allTextContents()).toContain('Mittelsachsen');
    expect(await page.getAttribute('#map path[data-ags="14522"]', 'aria-label')).toBe('Mittelsachsen: kein Konzept im Graph');
    await page.selectOption('#measure', 'posts');
    expect(await page.getAttribute('#map path[data-ags="14522"]', 'aria-label')).toBe(
      'Mittelsachsen: Stelle mit Kontakt, ohne genannte Person',
    );
    await page.click('#map path[data-ags="14522"]');
    await page.waitForSelector('#detail h2');
    expect(await page.textContent('#detail')).toContain('Rollen mit Kontakt, ohne genannte Person');
    expect(await page.textContent('#detail')).toContain('KIK');
    // The downloads are named, not keyed.
    expect(await page.textContent('#downloads')).toContain('Handlungsfelder: CSV');
    expect(await page.textContent('#downloads')).not.toContain('fields-of-action');
    await page.close();
  }, 60_000);

  test('a view is shared by its address: state, measure, programme, district and language', async () => {
    const { page } = await openDashboard(undefined, '/dashboard?state=SN&measure=posts&district=14522&lang=en');
    await page.waitForSelector('#detail h2');
    expect(await page.inputValue('#state')).toBe('SN');
    expect(await page.inputValue('#measure')).toBe('posts');
    expect(await page.textContent('#detail h2')).toBe('Mittelsachsen');
    expect(await page.getAttribute('#map path[data-ags="14522"]', 'class')).toContain('selected');
    expect(await page.textContent('#status')).toMatch(/^As of \d{1,2} [A-Z][a-z]+ \d{4}: 13 districts/);
    await page.selectOption('#measure', 'programme');
    const address = new URL(page.url());
    expect(Object.fromEntries(address.searchParams)).toMatchObject({ state: 'SN', measure: 'programme', district: '14522', lang: 'en' });
    expect(address.searchParams.get('programme')).toBeTruthy();
    await page.close();
  }, 60_000);

  test('before a district is chosen the detail says how to choose one; dates read as dates', async () => {
    const { page } = await openDashboard();
    expect(await page.textContent('#detail')).toMatch(/Einen Kreis auf der Karte oder in der Tabelle wählen/);
    expect(await page.textContent('#status')).toMatch(/^Stand \d{1,2}\. [A-ZÄÖÜ][a-zäöü]+ \d{4}: 22 Kreise/);
    await page.click('#map path[data-ags="16066"]');
    expect(await page.textContent('#detail')).toMatch(/beschlossen \d{1,2}\. [A-ZÄÖÜ][a-zäöü]+ \d{4}/);
    expect(await page.textContent('#detail')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await page.close();
  }, 60_000);

  test('an API that does not answer: a sentence and a retry that works', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let refuse = true;
    await page.route('**/graphql', (route) => (refuse ? route.abort() : route.continue()));
    await page.goto(`${origin}/dashboard`, { waitUntil: 'load' });
    await page.waitForSelector('#retry:not([hidden])');
    expect(await page.textContent('#status')).toBe('Die Daten konnten nicht geladen werden: der Server antwortet gerade nicht.');
    refuse = false;
    await page.click('#retry');
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('Stand '), undefined, { timeout: 20_000 });
    expect(await page.isHidden('#retry')).toBe(true);
    await page.close();
  }, 60_000);

  test.each([
    ['de', 1280],
    ['en', 1280],
    ['de', 375],
    ['en', 375],
  ] as const)(
    'no WCAG 2.2 AA violations found by axe-core (%s, %i px wide), a district chosen',
    async (lang, width) => {
      const { page } = await openDashboard({ width, height: 800 }, `/dashboard?district=16066&lang=${lang}`);
      await page.waitForSelector('#detail h2');
      const violations = await axeViolations(page);
      expect(violations).toEqual([]);
      // The scrolling tables are reached by keyboard.
      expect(await page.getAttribute('#heatmap >> xpath=..', 'tabindex')).toBe('0');
      await page.close();
    },
    60_000,
  );

  test('the table counts what the graph holds, marks old data, and tells the two Leipzigs apart', async () => {
    const { page } = await openDashboard();
    const { data } = await api.graphql('{ district(ags: "16065") { coverage { contactCount offerCount newestFact } } }');
    const kyffhaeuser = page.locator('#districts tbody tr[data-ags="16065"] td');
    expect(await kyffhaeuser.nth(1).textContent()).toBe(String(data.district.coverage.contactCount));
    expect(await kyffhaeuser.nth(4).textContent()).toBe(String(data.district.coverage.offerCount));
    // The Kyffhäuserkreis' newest source is from 2016: old, and marked so.
    expect(await kyffhaeuser.nth(6).textContent()).toMatch(/\d{4} \(älter als 5 Jahre\)$/);
    await page.selectOption('#state', 'SN');
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('13 Kreise'), undefined, { timeout: 20_000 });
    const leipzigs = await page.locator('#districts tbody th', { hasText: 'Leipzig' }).allTextContents();
    expect(leipzigs.sort()).toEqual(['Leipzig (Kreisfreie Stadt)', 'Leipzig (Landkreis)']);
    await page.close();
  }, 60_000);

  test('a district found by typing its name; the detail names the pages its figures come from', async () => {
    const { page } = await openDashboard();
    await page.fill('#search', 'Schmalkalden-Meiningen');
    await page.press('#search', 'Enter');
    await page.locator('#search').dispatchEvent('change');
    await page.waitForSelector('#detail h2');
    expect(await page.textContent('#detail h2')).toBe('Schmalkalden-Meiningen');
    // The seed's pages have no address of their own (transcribed from files): their titles stand as text.
    const { data } = await api.graphql('{ district(ags: "16066") { concepts { source { title } } } }');
    expect(await page.locator('#detail ul.sources li').allTextContents()).toContain(data.district.concepts[0].source.title);
    await page.close();
  }, 60_000);

  test('on a phone the wide tables say that they scroll', async () => {
    const { page } = await openDashboard({ width: 375, height: 800 });
    expect(await page.isVisible('.scroll + .scroll-cue')).toBe(true);
    const { page: wide } = await openDashboard({ width: 1280, height: 800 });
    // At 1280 px the table of districts fits: no cue under it.
    expect(await wide.isHidden('#districts >> xpath=../following-sibling::p[1]')).toBe(true);
    await page.close();
    await wide.close();
  }, 60_000);

  test('the heat map has a legend entry for every kind of cell it shows', async () => {
    const { page } = await openDashboard();
    const kinds = await page.$$eval('#heatmap td', (cells) => [...new Set(cells.map((cell) => cell.className))]);
    const legend = await page.$$eval('#heat-legend .swatch', (swatches) => swatches.map((swatch) => swatch.className));
    for (const kind of kinds)
      expect(
        legend.some((swatch) => swatch.includes(kind)),
        kind,
      ).toBe(true);
    expect(await page.textContent('#heat-legend')).toContain('kein Konzept im Graph');
    await page.close();
  }, 60_000);

  test('text from the graph is shown as text: a source titled with markup does not run', async () => {
    const client = api.database.client;
    const sources = await client.source.findMany({ where: { districtId: '16065' } });
    const hostile = '<img src=x onerror="window.pwned = true">';
    try {
      for (const source of sources) await client.source.update({ where: { id: source.id }, data: { title: `${hostile}${source.title}` } });
      const { page } = await openDashboard(undefined, '/dashboard?district=16065');
      await page.waitForSelector('#detail ul.sources li');
      expect(await page.locator('#detail ul.sources li').first().textContent()).toContain(hostile);
      expect(await page.locator('#detail img').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
      await page.close();
    } finally {
      for (const source of sources) await client.source.update({ where: { id: source.id }, data: { title: source.title } });
    }
  }, 60_000);
});
