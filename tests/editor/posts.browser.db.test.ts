// The editors' app keeps a district's posts with their tasks, its published documents and its
// indicator values, in headless Chromium with no network beyond our server, as an integration
// manager of the Kyffhäuserkreis uses it: a post's title and tasks changed; a document added,
// changed and archived; a new indicator value recorded; refused values said at their fields; a
// second writer's change; the history; axe; the keyboard.
import { mkdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { chromiumPath, haveChromium } from '../support/browser.js';
import { editorSuite, globalId } from '../support/editor.js';

const integrationGuide = globalId('Position', '16065/position/integration-guide');
const concept = globalId('IntegrationConcept', '16065/concept');
const migration = 'population-migration-background';

describe.skipIf(!haveChromium)(`the post, document and indicator forms in headless Chromium (${chromiumPath})`, () => {
  const suite = editorSuite({ district: '#posts-heading', tabPresses: 150 });
  const { openEditor, signIn, openDistrict, save, tabTo, changeThroughApi } = suite;

  /** What anonymous readers get of the district's posts, documents and current indicator values. */
  const published = async () =>
    (
      await suite.api.graphql(`{ district(ags: "16065") {
        positions { id version title headcount since role { key } tasks { task { key } wording } }
        documents { id version title kind url format issued concept { id } programme { key } }
        indicators { version value printed qualifier referenceDate validFrom indicator { key } }
      } }`)
    ).data.district;

  const saved = 'Gespeichert. Die Änderung ist sofort öffentlich sichtbar.';

  test('a post’s title is translated on its page; readers asking in that language get it', async () => {
    const { page, errors } = await openEditor();
    await openDistrict(page);
    await page.goto(`${suite.origin}/editor/#/d/16065/p/${encodeURIComponent(integrationGuide)}`);
    await page.waitForSelector('#translations-heading');
    const arabic = page.locator('.translation[data-lang="ar"]');
    await arabic.locator('input').fill('مرشد الاندماج');
    await arabic.locator('button').click();
    await page.waitForFunction(
      () => document.getElementById('translation-ar-status')?.textContent === 'Gespeichert. Die Änderung ist sofort öffentlich sichtbar.',
    );
    const { data } = await suite.api.graphql('query ($id: ID!) { node(id: $id) { ... on Position { ar: title(lang: "ar") } } }', {
      id: integrationGuide,
    });
    expect(data.node.ar).toBe('مرشد الاندماج');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test('a post’s title and tasks are changed: a wording, one removed, one added from the catalogue; the public API and the history follow', async () => {
    const { page, elsewhere, errors } = await openEditor();
    await openDistrict(page);
    expect(await page.textContent('.post-list')).toContain('Integrationslotse (m/w/d) · Integrationslotse/-lotsin · 12 Aufgaben');
    await page.click(`.post-list a[href$="${encodeURIComponent(integrationGuide)}"]`);
    await page.waitForSelector('.post-form');
    expect(await page.textContent('h1')).toBe('Integrationslotse (m/w/d) bearbeiten');
    // The form holds what the API holds, the tasks in their order; the schema explains the fields.
    expect(await page.inputValue('#f-role')).toBe('integration-guide');
    expect(await page.inputValue('#f-since')).toBe('2016-06');
    expect(await page.inputValue('#f-tasks-0-wording')).toMatch(/^Integration als ressortübergreifende Aufgabe/);
    expect(await page.textContent('#f-title-help')).toBe('Die Bezeichnung, wie sie veröffentlicht ist, z. B. „Integrationslotse (m/w/d)“.');
    expect(await page.textContent('#f-tasks-0-wording-help')).toBe('Die Aufgabe in den Worten des Kreises.');
    // The role is chosen from the catalogue, without the API's words for clients (keys).
    expect(await page.locator('#f-role-help').count()).toBe(0);
    expect(await page.locator('#f-role option').allTextContents()).toContain('Integrationsmanager/-in');

    await page.fill('#f-title', 'Integrationslotsin (m/w/d)');
    await page.fill('#f-headcount', '2');
    await page.fill('#f-tasks-1-wording', 'Kommunale Gesamtstrategien entwickeln und fortschreiben');
    await page.click('text=Aufgabe 12 entfernen');
    await page.selectOption('#f-tasks-new', 'information-on-funding');
    await page.click('text=Aufgabe hinzufügen');
    expect(await page.inputValue('#f-tasks-11-wording')).toBe('Information zu relevanten Fördermöglichkeiten (EU, Bund, Land)');
    await page.fill('#f-tasks-11-wording', 'Information über Fördermittel der EU, des Bundes und des Landes');
    await save(page);
    expect(await page.textContent('#post-status')).toBe(saved);
    const post = (await published()).positions.find((candidate: { id: string }) => candidate.id === integrationGuide);
    expect(post).toMatchObject({ title: 'Integrationslotsin (m/w/d)', headcount: 2, since: '2016-06', version: 2 });
    expect(post.tasks).toHaveLength(12);
    expect(post.tasks[1]).toEqual({
      task: { key: 'municipal-strategies' },
      wording: 'Kommunale Gesamtstrategien entwickeln und fortschreiben',
    });
    expect(post.tasks.map((task: { task: { key: string } }) => task.task.key)).not.toContain('public-relations');
    expect(post.tasks[11]).toEqual({
      task: { key: 'information-on-funding' },
      wording: 'Information über Fördermittel der EU, des Bundes und des Landes',
    });

    // The history names the change, with the title and headcount before and after, the tasks by their words.
    await page.waitForFunction(() => document.querySelectorAll('.history > li').length === 1);
    const change = await page.locator('.history > li').first().innerText();
    expect(change).toMatch(/· Redaktion Kyffhäuserkreis · geändert/);
    expect(change).toContain('title: Integrationslotse (m/w/d) → Integrationslotsin (m/w/d)');
    expect(change).toContain('headcount: — → 2');
    // (Long lists are shortened.)
    expect(change).toMatch(
      /^tasks: Integration als ressortübergreifende .*; kommunale Gesamtstrategien, d.* → .*; Kommunale Gesamtstrategien en/m,
    );
    expect(await page.textContent('.history')).not.toMatch(/"id"|sourceId|16065\/position/);
    mkdirSync('test-output', { recursive: true });
    await page.screenshot({ path: 'test-output/editor-post-de.png', fullPage: true });
    await page.click('a[href="#/d/16065"]');
    await page.waitForSelector('.post-list');
    expect(await page.textContent('.post-list')).toContain('Integrationslotsin (m/w/d)');
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  test('a new post: what is missing and a refused headcount are said at their fields, what was typed stays; then it is made and archived', async () => {
    const { page, errors } = await openEditor();
    await openDistrict(page);
    await page.click('text=Stelle hinzufügen');
    await page.waitForSelector('.post-form');
    expect(await page.textContent('h1')).toBe('Neue Stelle');
    await page.fill('#f-headcount', 'zwei');
    await save(page);
    // A number the API's Int would refuse with the whole request: said at its field before anything is sent.
    expect(await page.textContent('#f-headcount-error')).toBe('muss eine ganze Zahl sein');
    await page.fill('#f-headcount', '0');
    await page.fill('#f-since', '2025-07');
    await save(page);
    expect(await page.textContent('#f-title-error')).toBe('darf nicht leer sein');
    expect(await page.textContent('#f-role-error')).toBe('Pflichtfeld: bitte ausfüllen');
    expect(await page.textContent('#f-headcount-error')).toBe('muss mindestens 1 sein');
    expect(await page.getAttribute('#f-headcount', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#f-since')).toBe('2025-07');
    await page.waitForFunction(() => document.activeElement?.id === 'problems');
    // In English, the same problems in English.
    await page.selectOption('#language', 'en');
    await page.waitForFunction(() => document.getElementById('f-headcount-error')?.textContent === 'must be 1 or more');
    await page.selectOption('#language', 'de');
    expect((await published()).positions).toHaveLength(2);

    await page.fill('#f-title', 'Bildungskoordinatorin für Neuzugewanderte');
    await page.selectOption('#f-role', 'education-coordinator');
    await page.fill('#f-headcount', '1');
    await page.click('text=Aufgabe hinzufügen');
    await page.click('text=Stelle anlegen');
    await page.waitForSelector('#history-heading');
    expect(await page.textContent('h1')).toBe('Bildungskoordinatorin für Neuzugewanderte bearbeiten');
    const made = (await published()).positions.find(
      (candidate: { title: string }) => candidate.title === 'Bildungskoordinatorin für Neuzugewanderte',
    );
    expect(made).toMatchObject({ role: { key: 'education-coordinator' }, headcount: 1, since: '2025-07', version: 1 });
    expect(made.tasks).toEqual([
      { task: { key: 'anchor-across-departments' }, wording: expect.stringMatching(/^Integration als ressortübergreifende/) },
    ]);

    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await page.click('#archive-heading ~ button');
    await page.waitForSelector('.post-list');
    expect(asked).toBe('„Bildungskoordinatorin für Neuzugewanderte“ jetzt archivieren? Sie erscheint dann nicht mehr öffentlich.');
    expect((await published()).positions.map((candidate: { id: string }) => candidate.id)).not.toContain(made.id);
    expect(await page.locator('.post-list li').count()).toBe(2);
    // Once made, the new form starts empty.
    await page.click('text=Stelle hinzufügen');
    await page.waitForSelector('.post-form');
    expect(await page.inputValue('#f-title')).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  test('a second writer’s change of a post is shown beside the editor’s; the editor keeps their own and saves', async () => {
    const { page, errors } = await openEditor();
    await openDistrict(page);
    await page.click(`.post-list a[href$="${encodeURIComponent(integrationGuide)}"]`);
    await page.waitForSelector('.post-form');
    await page.fill('#f-title', 'Integrationslotse/-lotsin');
    // Meanwhile a colleague changes the same post.
    await changeThroughApi('updatePosition', { id: integrationGuide, version: 1, fields: { headcount: 3, since: '2016-07' } });
    await save(page);
    await page.waitForFunction(() => document.activeElement?.id === 'conflict');
    const [theirs, yours] = [page.locator('#conflict section').first(), page.locator('#conflict section').last()];
    expect(await theirs.textContent()).toContain('Anzahl der Personen auf der Stelle: 3');
    expect(await theirs.textContent()).toContain('Besteht seit (Jahr, Monat oder Tag): 2016-07');
    expect(await theirs.textContent()).toContain('Bezeichnung der Stelle: Integrationslotse (m/w/d)');
    expect(await yours.textContent()).toContain('Bezeichnung der Stelle: Integrationslotse/-lotsin');
    // Nothing of the editor's was saved over the colleague's change.
    expect((await published()).positions.find((post: { id: string }) => post.id === integrationGuide)).toMatchObject({
      title: 'Integrationslotse (m/w/d)',
      version: 2,
    });
    await page.click('text=Meine Fassung behalten');
    expect(await page.locator('#conflict').count()).toBe(0);
    await save(page);
    expect(await page.textContent('#post-status')).toBe(saved);
    // The editor's version as it was shown beside the colleague's: their title and start, and no headcount (theirs left it empty).
    expect((await published()).positions.find((post: { id: string }) => post.id === integrationGuide)).toMatchObject({
      title: 'Integrationslotse/-lotsin',
      since: '2016-06',
      headcount: null,
      version: 3,
    });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test('a document is added, changed and archived; a refused address is said at its field; the public API and the history follow', async () => {
    const { page, elsewhere, errors } = await openEditor();
    await openDistrict(page);
    expect(await page.textContent('.document-list')).toContain('Integrationskonzept des Kyffhäuserkreises · Integrationskonzept');
    await page.click('text=Dokument hinzufügen');
    await page.waitForSelector('.document-form');
    expect(await page.textContent('h1')).toBe('Neues Dokument');
    // Chosen from lists, without the API's words for clients (keys, global IDs).
    expect(await page.locator('#f-programme-help, #f-concept-help').count()).toBe(0);
    expect(await page.locator('#f-kind option').allTextContents()).toEqual([
      'Förderrichtlinie',
      'Integrationskonzept',
      'Newsletter',
      'Sonstiges',
    ]);
    await page.fill('#f-title', 'Richtlinie Integrationsmanagement');
    await page.selectOption('#f-kind', 'GUIDELINE');
    await page.fill('#f-url', 'www.kyffhaeuser.de/richtlinie.pdf');
    await page.fill('#f-issued', '2024-13');
    await save(page);
    expect(await page.textContent('#f-issued-error')).toBe('muss ein Jahr, ein Monat oder ein Tag sein: 2026, 2026-12 oder 2026-12-31');
    await page.fill('#f-issued', '2024-01');
    await save(page);
    expect(await page.textContent('#f-url-error')).toMatch(/http/);
    expect(await page.locator('#problems li').count()).toBe(1);
    expect(await page.inputValue('#f-title')).toBe('Richtlinie Integrationsmanagement');
    expect((await published()).documents).toHaveLength(1);

    await page.fill('#f-url', 'https://www.kyffhaeuser.de/richtlinie.pdf');
    await page.selectOption('#f-programme', 'thilik');
    await page.click('text=Dokument anlegen');
    await page.waitForSelector('#history-heading');
    expect(await page.textContent('h1')).toBe('Richtlinie Integrationsmanagement bearbeiten');
    const added = (await published()).documents.find((document: { kind: string }) => document.kind === 'GUIDELINE');
    expect(added).toMatchObject({
      title: 'Richtlinie Integrationsmanagement',
      url: 'https://www.kyffhaeuser.de/richtlinie.pdf',
      issued: '2024-01',
      programme: { key: 'thilik' },
      concept: null,
      version: 1,
    });
    expect(await page.inputValue('#f-programme')).toBe('thilik');

    // Changed: its format, and the concept it belongs to.
    await page.fill('#f-format', 'PDF');
    await page.selectOption('#f-concept', concept);
    await save(page);
    expect(await page.textContent('#document-status')).toBe(saved);
    expect((await published()).documents.find((document: { id: string }) => document.id === added.id)).toMatchObject({
      format: 'PDF',
      concept: { id: concept },
      version: 2,
    });
    await page.waitForFunction(() => document.querySelectorAll('.history > li').length === 2);
    expect(await page.locator('.history > li > p').allTextContents()).toEqual([
      expect.stringMatching(/· Redaktion Kyffhäuserkreis · geändert$/),
      expect.stringMatching(/· Redaktion Kyffhäuserkreis · angelegt$/),
    ]);
    expect(await page.locator('.history > li').first().textContent()).toContain('format: — → PDF');

    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await page.click('#archive-heading ~ button');
    await page.waitForSelector('.document-list');
    expect(asked).toBe('„Richtlinie Integrationsmanagement“ jetzt archivieren? Es erscheint dann nicht mehr öffentlich.');
    expect((await published()).documents.map((document: { id: string }) => document.id)).not.toContain(added.id);
    expect(await page.locator('.document-list li').count()).toBe(1);
    const history = await suite.api.graphql('query ($of: ID!) { history(of: $of) { action } }', { of: added.id }, suite.tokens.kyffhaeuser);
    expect(history.data.history.map((event: { action: string }) => event.action)).toEqual(['ARCHIVE', 'UPDATE', 'CREATE']);
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  test('a new indicator value is recorded; the public API shows it as current, the earlier one stays in the time series', async () => {
    const { page, elsewhere, errors } = await openEditor();
    await openDistrict(page);
    expect(await page.textContent('.indicator-list')).toContain('Bürgerinnen und Bürger mit Migrationshintergrund · mehr als 3.900');
    expect(await page.textContent('.indicator-list')).toContain('Integrationsmanager im Netzwerk · noch kein Wert');
    await page.click(`.indicator-list a[href$="/i/${migration}"]`);
    await page.waitForSelector('.value-form');
    expect(await page.textContent('h1')).toBe('Bürgerinnen und Bürger mit Migrationshintergrund: neuen Wert eintragen');
    expect(await page.textContent('.current-value')).toContain('gültig ab 2019-12-31');
    expect(await page.textContent('.earlier-values')).toContain('mehr als 1.800 · gültig seit jeher bis 2019-12-31');
    expect(await page.textContent('#f-printed-help')).toBe(
      'Der Wert, wie er veröffentlicht ist, z. B. „mehr als 4.100“. Bleibt es leer, wird die Zahl veröffentlicht.',
    );
    expect(await page.textContent('label[for=f-value]')).toContain('Wert in Personen');

    await page.fill('#f-value', '4100');
    await page.selectOption('#f-qualifier', 'MORE_THAN');
    await page.fill('#f-printed', 'mehr als 4.100');
    await page.fill('#f-referenceDate', '2025-12-31');
    await save(page);
    expect(await page.textContent('#value-status')).toBe(
      'Eingetragen. Der neue Wert ist sofort öffentlich sichtbar; der bisherige bleibt in der Zeitreihe.',
    );
    const current = (await published()).indicators.filter((value: { indicator: { key: string } }) => value.indicator.key === migration);
    expect(current).toEqual([
      {
        version: 1,
        value: 4100,
        printed: 'mehr als 4.100',
        qualifier: 'MORE_THAN',
        referenceDate: '2025-12-31',
        validFrom: '2025-12-31',
        indicator: { key: migration },
      },
    ]);
    // The form is empty again, the page shows the new value and the earlier ones.
    expect(await page.inputValue('#f-value')).toBe('');
    expect(await page.textContent('.current-value')).toContain('mehr als 4.100');
    expect(await page.textContent('.earlier-values')).toContain('mehr als 3.900 · gültig ab 2019-12-31 bis 2025-12-31');
    // The history: the value it follows, changed to the new one by the editor.
    await page.waitForFunction(() => document.querySelectorAll('.history > li').length === 1);
    expect(await page.locator('.history > li > p').first().textContent()).toMatch(/· Redaktion Kyffhäuserkreis · geändert$/);
    expect(await page.locator('.history .changes').innerText()).toContain('printed: mehr als 3.900 → mehr als 4.100');
    // A second value after it, with a decimal comma, in the currency of the fees.
    await page.click('a[href="#/d/16065"]');
    await page.click('.indicator-list a[href$="/i/childcare-average-parental-fee"]');
    await page.waitForSelector('.value-form');
    await page.fill('#f-value', '142,5');
    await page.fill('#f-referenceDate', '2024-12-31');
    await save(page);
    expect(await page.textContent('#value-status')).toMatch(/^Eingetragen/);
    expect(
      (await published()).indicators.find(
        (value: { indicator: { key: string } }) => value.indicator.key === 'childcare-average-parental-fee',
      ),
    ).toMatchObject({ value: 142.5, printed: '142.5', qualifier: 'EXACT' });
    await page.click('a[href="#/d/16065"]');
    await page.waitForSelector('.indicator-list');
    expect(await page.textContent('.indicator-list')).toContain('mehr als 4.100 (Stand 2025-12-31)');
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  test('refused indicator values are said at their fields, in German and English, and what was typed stays', async () => {
    const { page, errors } = await openEditor();
    await page.goto(`${suite.origin}/editor#/d/16065/i/${migration}`);
    await signIn(page, suite.tokens.kyffhaeuser, '.value-form');
    // Not a number: said at its field before anything is sent.
    await page.fill('#f-value', 'viele');
    await save(page);
    expect(await page.textContent('#f-value-error')).toBe('muss eine Zahl sein');
    // The server's rules: no negative value, and no start before the current value's.
    await page.fill('#f-value', '-5');
    await page.fill('#f-validFrom', '2019-01-01');
    await save(page);
    expect(await page.textContent('#f-value-error')).toBe('muss mindestens 0 sein');
    expect(await page.textContent('#f-validFrom-error')).toBe('muss nach dem Beginn liegen (2019-12-31)');
    expect(await page.getAttribute('#f-value', 'aria-invalid')).toBe('true');
    expect(await page.locator('#problems li').count()).toBe(2);
    await page.waitForFunction(() => document.activeElement?.id === 'problems');
    await page.click('#problems a:has-text("nach dem Beginn")');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-validFrom');
    expect(await page.inputValue('#f-value')).toBe('-5');
    expect(await page.inputValue('#f-validFrom')).toBe('2019-01-01');
    await page.selectOption('#language', 'en');
    await page.waitForFunction(() => document.getElementById('f-validFrom-error')?.textContent === 'must be after the start (2019-12-31)');
    expect(await page.textContent('#f-value-error')).toBe('must be 0 or more');
    // Nothing was recorded.
    expect((await published()).indicators.find((value: { indicator: { key: string } }) => value.indicator.key === migration)).toMatchObject(
      { value: 3900, version: 1 },
    );
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test('a value recorded meanwhile by someone else is shown beside the editor’s; taking theirs records nothing', async () => {
    const { page, errors } = await openEditor();
    await page.goto(`${suite.origin}/editor#/d/16065/i/integration-managers-in-network`);
    await signIn(page, suite.tokens.kyffhaeuser, '.value-form');
    expect(await page.textContent('.current-value, #current-heading ~ p')).toBe('noch kein Wert');
    await page.fill('#f-value', '2');
    await changeThroughApi('recordIndicatorValue', {
      district: '16065',
      indicator: 'integration-managers-in-network',
      fields: { value: 3, referenceDate: '2026-06-30' },
    });
    await save(page);
    await page.waitForFunction(() => document.activeElement?.id === 'conflict');
    expect(await page.locator('#conflict section').first().textContent()).toContain('Wert wie veröffentlicht: 3');
    expect(await page.locator('#conflict section').last().textContent()).toContain('Wert wie veröffentlicht: 2');
    await page.click('text=Fassung der anderen Person übernehmen');
    expect(await page.inputValue('#f-value')).toBe('');
    const values = await suite.api.graphql(`{ district(ags: "16065") { indicators(history: true) { value indicator { key } } } }`);
    expect(
      values.data.district.indicators.filter(
        (value: { indicator: { key: string } }) => value.indicator.key === 'integration-managers-in-network',
      ),
    ).toEqual([{ value: 3, indicator: { key: 'integration-managers-in-network' } }]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test('an indicator value is recorded by keyboard alone', async () => {
    const { page } = await openEditor();
    await tabTo(page, '', 'token');
    await page.keyboard.type(suite.tokens.kyffhaeuser);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.district-list');
    await tabTo(page, 'Kyffhäuserkreis');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.indicator-list');
    await tabTo(page, 'Kindertagesstätten');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.value-form');
    await tabTo(page, '', 'f-value');
    await page.keyboard.type('54');
    await page.keyboard.press('Enter'); // submits the form
    await page.waitForFunction(() => document.getElementById('value-status')?.textContent?.startsWith('Eingetragen'));
    const values = (await published()).indicators.filter(
      (value: { indicator: { key: string } }) => value.indicator.key === 'childcare-centres',
    );
    expect(values).toMatchObject([{ value: 54, printed: '54' }]);
    await page.close();
  }, 60_000);

  test.each([
    ['de', 1280],
    ['en', 1280],
    ['de', 375],
    ['en', 375],
  ] as const)(
    'no WCAG 2.2 AA violations or best-practice problems found by axe-core on the post, document and indicator pages (%s, %i px)',
    async (language, width) => {
      const { page } = await openEditor({ width, height: 800 });
      if (language === 'en') await page.selectOption('#language', 'en');
      await openDistrict(page);
      const pages: Record<string, string[]> = { district: await axeViolations(page, { bestPractice: true }) };
      await page.click(`.post-list a[href$="${encodeURIComponent(integrationGuide)}"]`);
      await page.waitForSelector('.post-form');
      await page.waitForSelector('.history', { state: 'attached' });
      pages.post = await axeViolations(page, { bestPractice: true });
      await page.fill('#f-headcount', '0');
      await save(page);
      await page.waitForSelector('#problems');
      pages.postProblems = await axeViolations(page, { bestPractice: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.goto(`${suite.origin}/editor#/d/16065/doc/new`);
      await page.waitForSelector('.document-form');
      await save(page);
      await page.waitForSelector('#problems');
      pages.newDocument = await axeViolations(page, { bestPractice: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.goto(`${suite.origin}/editor#/d/16065/i/${migration}`);
      await page.waitForSelector('.value-form');
      await page.waitForSelector('.history', { state: 'attached' });
      pages.indicator = await axeViolations(page, { bestPractice: true });
      await page.fill('#f-value', '-1');
      await save(page);
      await page.waitForSelector('#problems');
      pages.indicatorProblems = await axeViolations(page, { bestPractice: true });
      expect(pages).toEqual({ district: [], post: [], postProblems: [], newDocument: [], indicator: [], indicatorProblems: [] });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      mkdirSync('test-output', { recursive: true });
      await page.screenshot({ path: `test-output/editor-indicator-problems-${language}-${width}.png`, fullPage: true });
      await page.close();
    },
    90_000,
  );
});
