// The editors' app keeps a district's integration concept and fundings, in headless Chromium with
// no network beyond our server, as an integration manager of the Kyffhäuserkreis uses it: the
// concept's status, fields of action and milestones; a funding added, changed and archived; a
// refused value said at its field; a second writer's change; the history; axe; the keyboard.
import { mkdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { chromiumPath, haveChromium } from '../support/browser.js';
import { editorSuite, globalId } from '../support/editor.js';

const concept = globalId('IntegrationConcept', '16065/concept');
const esfFunding = globalId('Funding', '16065/funding/integration-guide-esf');
const integrationGuide = globalId('Position', '16065/position/integration-guide');

describe.skipIf(!haveChromium)(`the concept and funding forms in headless Chromium (${chromiumPath})`, () => {
  const suite = editorSuite({ district: '#concepts-heading', tabPresses: 80 });
  const { openEditor, signIn, openDistrict, save, tabTo, changeThroughApi } = suite;

  /** What anonymous readers get of the district's concepts and fundings. */
  const published = async () =>
    (
      await suite.api.graphql(`{ district(ags: "16065") {
        concepts { id version status adoptedOn adoptedBy fieldsOfAction { fieldOfAction { key } label emphasis } milestones { kind title periodStart periodEnd items } }
        fundings { id version description sharePercent periodStart periodEnd programme { key } funder { name } position { id } }
      } }`)
    ).data.district;

  test('the concept’s title and summary are translated on its page; readers asking in that language get them', async () => {
    const { page, errors } = await openEditor();
    await signIn(page, suite.tokens.kyffhaeuser);
    await page.goto(`${suite.origin}/editor/#/d/16065/k/${encodeURIComponent(concept)}`);
    await page.waitForSelector('#translations-heading');
    const ukrainian = page.locator('.translation[data-lang="uk"]');
    await ukrainian.locator('input').fill('Концепція інтеграції');
    await ukrainian.locator('button').click();
    await page.waitForFunction(
      () => document.getElementById('translation-uk-status')?.textContent === 'Gespeichert. Die Änderung ist sofort öffentlich sichtbar.',
    );
    const { data } = await suite.api.graphql('{ district(ags: "16065") { concepts { uk: title(lang: "uk") de: title(lang: "de") } } }');
    expect(data.district.concepts[0].uk).toBe('Концепція інтеграції');
    expect(data.district.concepts[0].de).not.toBe('Концепція інтеграції');

    // Emptied and saved, the translation is gone: Ukrainian readers get the German title again.
    await page.reload();
    await page.waitForSelector('#translations-heading');
    expect(await ukrainian.locator('input').inputValue()).toBe('Концепція інтеграції');
    await ukrainian.locator('input').fill('');
    await ukrainian.locator('button').click();
    await page.waitForFunction(
      () => document.getElementById('translation-uk-status')?.textContent === 'Gespeichert. Die Änderung ist sofort öffentlich sichtbar.',
    );
    const removed = await suite.api.graphql('{ district(ags: "16065") { concepts { uk: title(lang: "uk") de: title(lang: "de") } } }');
    expect(removed.data.district.concepts[0].uk).toBe(removed.data.district.concepts[0].de);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test('a field emptied in the form is emptied for readers: the concept’s summary', async () => {
    const { page, errors } = await openEditor();
    await openDistrict(page);
    await page.click('.concept-list a');
    await page.waitForSelector('.concept-form');
    expect(await page.inputValue('#f-summary')).not.toBe('');
    await page.fill('#f-summary', '');
    await save(page);
    expect(await page.textContent('#concept-status')).toBe('Gespeichert. Die Änderung ist sofort öffentlich sichtbar.');
    expect(await page.inputValue('#f-summary')).toBe('');
    const { data } = await suite.api.graphql('{ district(ags: "16065") { concepts { summary } } }');
    expect(data.district.concepts[0].summary).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test('the concept: its status, adoption, a field of action and a milestone are changed; the public API shows them, the history each step', async () => {
    const { page, elsewhere, errors } = await openEditor();
    await openDistrict(page);
    expect(await page.textContent('.concept-list')).toContain('Integrationskonzept des Kyffhäuserkreises · wird fortgeschrieben');
    await page.click('.concept-list a');
    await page.waitForSelector('.concept-form');
    expect(await page.textContent('h1')).toBe('Integrationskonzept des Kyffhäuserkreises bearbeiten');
    // The form holds what the API holds; the schema explains the fields.
    expect(await page.inputValue('#f-status')).toBe('BEING_UPDATED');
    expect(await page.inputValue('#f-fieldsOfAction-0-label')).toBe('Bildung');
    expect(await page.textContent('#f-adoptedBy-help')).toBe('Das beschließende Gremium, z. B. „Kreistag“.');
    // The statuses are the schema's, in German.
    expect(await page.locator('#f-status option').allTextContents()).toEqual(['beschlossen', 'wird fortgeschrieben', 'in Vorbereitung']);

    await page.selectOption('#f-status', 'ADOPTED');
    await page.fill('#f-adoptedOn', '2025-03-27');
    await page.fill('#f-adoptedBy', 'Kreistag');
    await page.selectOption('#f-fieldsOfAction-new', 'health');
    await page.click('text=Handlungsfeld hinzufügen');
    expect(await page.inputValue('#f-fieldsOfAction-5-label')).toBe('Gesundheit');
    await page.fill('#f-fieldsOfAction-5-label', 'Gesundheit und Pflege');
    await page.click('text=Meilenstein hinzufügen');
    await page.selectOption('#f-milestones-0-kind', 'ACHIEVED');
    await page.fill('#f-milestones-0-title', 'Fortschreibung beschlossen');
    await page.fill('#f-milestones-0-periodStart', '2025-03');
    await page.fill('#f-milestones-0-items', 'Bedarfe erhoben\nLeitbild beschlossen');
    await save(page);
    expect(await page.textContent('#concept-status')).toBe('Gespeichert. Die Änderung ist sofort öffentlich sichtbar.');
    let [public1] = (await published()).concepts;
    expect(public1).toMatchObject({ status: 'ADOPTED', adoptedOn: '2025-03-27', adoptedBy: 'Kreistag', version: 2 });
    expect(public1.fieldsOfAction).toContainEqual({
      fieldOfAction: { key: 'health' },
      label: 'Gesundheit und Pflege',
      emphasis: 'FIELD_OF_ACTION',
    });
    expect(public1.milestones).toEqual([
      {
        kind: 'ACHIEVED',
        title: 'Fortschreibung beschlossen',
        periodStart: '2025-03',
        periodEnd: null,
        items: ['Bedarfe erhoben', 'Leitbild beschlossen'],
      },
    ]);

    // The milestone changed again, a theme dropped: the lists given replace the stored ones.
    await page.fill('#f-milestones-0-title', 'Fortschreibung im Kreistag beschlossen');
    await page.fill('#f-milestones-0-periodEnd', '2025-04');
    await page.click('text=Partizipation entfernen');
    await save(page);
    expect(await page.textContent('#concept-status')).toBe('Gespeichert. Die Änderung ist sofort öffentlich sichtbar.');
    [public1] = (await published()).concepts;
    expect(public1.version).toBe(3);
    expect(public1.milestones).toMatchObject([
      { title: 'Fortschreibung im Kreistag beschlossen', periodStart: '2025-03', periodEnd: '2025-04' },
    ]);
    expect(public1.fieldsOfAction.map((field: { label: string }) => field.label)).not.toContain('Partizipation');

    // The history names both changes, newest first, with the status before and after.
    await page.waitForFunction(() => document.querySelectorAll('.history > li').length === 2);
    expect(await page.locator('.history > li > p').allTextContents()).toEqual([
      expect.stringMatching(/· Redaktion Kyffhäuserkreis · geändert$/),
      expect.stringMatching(/· Redaktion Kyffhäuserkreis · geändert$/),
    ]);
    expect(await page.locator('.history > li').last().textContent()).toContain('status: BEING_UPDATED → ADOPTED');
    // Lists are said by their parts' values, not as records with IDs.
    expect(await page.locator('.history > li').last().textContent()).toContain('milestones: — → ACHIEVED · ');
    const newest = await page.locator('.history > li').first().locator('.changes').innerText();
    expect(newest).toMatch(/^milestones: .*Fortschreibung beschlossen.* → .*Fortschreibung im Kreistag beschlossen/m);
    expect(newest).toMatch(/^fieldsOfAction: .*Partizipation · THEME.* → /m);
    expect(await page.textContent('.history')).not.toMatch(/"id"|sourceId|16065\/concept/);
    mkdirSync('test-output', { recursive: true });
    await page.screenshot({ path: 'test-output/editor-concept-de.png', fullPage: true });
    // Back on the district page, the list says the new status.
    await page.click(`a[href="#/d/16065"]`);
    await page.waitForSelector('.concept-list');
    expect(await page.textContent('.concept-list')).toContain('beschlossen');
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  test('refused concept values are said at their fields, in German and English, and what was typed stays', async () => {
    const { page, errors } = await openEditor();
    await openDistrict(page);
    await page.click(`a[href$="${encodeURIComponent(concept)}"]`);
    await page.waitForSelector('.concept-form');
    // A date the API's scalar would refuse as a whole request: said at its field before anything is sent.
    await page.fill('#f-versionAsOf', '2025-13');
    await save(page);
    expect(await page.textContent('#f-versionAsOf-error')).toBe(
      'muss ein Jahr, ein Monat oder ein Tag sein: 2026, 2026-12 oder 2026-12-31',
    );
    expect(await page.getAttribute('#f-versionAsOf', 'aria-invalid')).toBe('true');
    // The server's own rules: an empty label, and a milestone ending before it starts.
    await page.fill('#f-versionAsOf', '2025-12');
    await page.fill('#f-fieldsOfAction-1-label', '');
    await page.click('text=Meilenstein hinzufügen');
    await page.fill('#f-milestones-0-title', 'Beteiligung');
    await page.fill('#f-milestones-0-periodStart', '2026');
    await page.fill('#f-milestones-0-periodEnd', '2025');
    await save(page);
    expect(await page.textContent('#f-fieldsOfAction-1-label-error')).toBe('darf nicht leer sein');
    expect(await page.textContent('#f-milestones-0-periodEnd-error')).toBe('darf nicht vor dem Beginn liegen (2026)');
    expect(await page.locator('#problems li').count()).toBe(2);
    await page.waitForFunction(() => document.activeElement?.id === 'problems');
    await page.click('#problems a:has-text("vor dem Beginn")');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-milestones-0-periodEnd');
    expect(await page.inputValue('#f-milestones-0-periodEnd')).toBe('2025');
    expect(await page.inputValue('#f-versionAsOf')).toBe('2025-12');
    // Nothing was saved.
    expect((await published()).concepts[0]).toMatchObject({ version: 1, milestones: [] });
    // In English, the same problems in English.
    await page.selectOption('#language', 'en');
    await page.waitForFunction(
      () => document.getElementById('f-milestones-0-periodEnd-error')?.textContent === 'must not be before the start (2026)',
    );
    expect(await page.textContent('#f-fieldsOfAction-1-label-error')).toBe('must not be empty');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test('a funding is added, changed and archived; a refused share is said at its field; the public API and the history follow', async () => {
    const { page, elsewhere, errors } = await openEditor();
    await openDistrict(page);
    expect(await page.locator('.funding-list li').count()).toBe(2);
    await page.click('text=Förderung hinzufügen');
    await page.waitForSelector('.funding-form');
    expect(await page.textContent('h1')).toBe('Neue Förderung');
    // Nothing filled in: what is required is named at once.
    await save(page);
    expect(await page.textContent('#f-description-error')).toBe('darf nicht leer sein');
    expect(await page.textContent('#f-programme-error')).toBe('bitte ein Förderprogramm oder einen Fördermittelgeber angeben');
    // The programmes are the API's, each with its funder.
    // Chosen from lists, without the API's words for clients (keys, global IDs).
    expect(await page.locator('#f-programme-help, #f-position-help').count()).toBe(0);
    expect(await page.locator('#f-programme option').allTextContents()).toContain(
      'ThILIK – Thüringer Initiative für lokales Integrationsmanagement in den Kommunen (Freistaat Thüringen)',
    );

    await page.fill('#f-description', 'Stelle der Integrationsmanagerin im Landratsamt');
    await page.selectOption('#f-programme', 'thilik');
    await page.selectOption('#f-position', integrationGuide);
    await page.fill('#f-sharePercent', '150');
    await page.fill('#f-periodStart', '2024-01');
    await save(page);
    expect(await page.textContent('#f-sharePercent-error')).toBe('muss mehr als 0 und höchstens 100 (Prozent) sein');
    expect(await page.locator('#problems li').count()).toBe(1);
    expect(await page.inputValue('#f-sharePercent')).toBe('150');
    expect(await page.inputValue('#f-description')).toBe('Stelle der Integrationsmanagerin im Landratsamt');
    expect((await published()).fundings).toHaveLength(2);

    await page.fill('#f-sharePercent', '90');
    // Created, the funding's own page opens (a new form: its count of saves starts again).
    await page.click('text=Förderung anlegen');
    await page.waitForSelector('#history-heading');
    expect(await page.textContent('h1')).toBe('ThILIK: Integrationslotse (m/w/d) bearbeiten');
    const added = (await published()).fundings.find(
      (funding: { programme: { key: string } | null }) => funding.programme?.key === 'thilik',
    );
    expect(added).toMatchObject({
      description: 'Stelle der Integrationsmanagerin im Landratsamt',
      sharePercent: 90,
      periodStart: '2024-01',
      funder: { name: 'Freistaat Thüringen' },
      position: { id: integrationGuide },
    });

    // Changed: a share with a decimal comma, and the end of the period.
    await page.fill('#f-sharePercent', '87,5');
    await page.fill('#f-periodEnd', '2026-12');
    await save(page);
    expect(await page.textContent('#funding-status')).toBe('Gespeichert. Die Änderung ist sofort öffentlich sichtbar.');
    expect((await published()).fundings.find((funding: { id: string }) => funding.id === added.id)).toMatchObject({
      sharePercent: 87.5,
      periodEnd: '2026-12',
      version: 2,
    });
    await page.waitForFunction(() => document.querySelectorAll('.history > li').length === 2);
    expect(await page.locator('.history > li > p').allTextContents()).toEqual([
      expect.stringMatching(/· Redaktion Kyffhäuserkreis · geändert$/),
      expect.stringMatching(/· Redaktion Kyffhäuserkreis · angelegt$/),
    ]);
    expect(await page.locator('.history > li').first().textContent()).toContain('periodEnd: — → 2026-12');

    // Archived, after the question: gone from the public API and the district's list.
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await page.click('#archive-heading ~ button');
    await page.waitForSelector('.funding-list');
    expect(asked).toBe('„ThILIK: Integrationslotse (m/w/d)“ jetzt archivieren? Sie erscheint dann nicht mehr öffentlich.');
    expect((await published()).fundings.map((funding: { id: string }) => funding.id)).not.toContain(added.id);
    expect(await page.locator('.funding-list li').count()).toBe(2);
    const history = await suite.api.graphql('query ($of: ID!) { history(of: $of) { action } }', { of: added.id }, suite.tokens.kyffhaeuser);
    expect(history.data.history.map((event: { action: string }) => event.action)).toEqual(['ARCHIVE', 'UPDATE', 'CREATE']);
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  test('a second writer’s change of a funding is shown beside the editor’s; the editor keeps their own and saves', async () => {
    const { page, errors } = await openEditor();
    await openDistrict(page);
    await page.click(`a[href$="${encodeURIComponent(esfFunding)}"]`);
    await page.waitForSelector('.funding-form');
    expect(await page.inputValue('#f-programme')).toBe('esf');
    await page.fill('#f-sharePercent', '50');
    // Meanwhile a colleague changes the same funding.
    await changeThroughApi('updateFunding', { id: esfFunding, version: 1, fields: { periodEnd: '2019-12', sharePercent: 95 } });
    await save(page);
    const conflict = page.locator('#conflict');
    await page.waitForFunction(() => document.activeElement?.id === 'conflict');
    expect(await conflict.locator('section').first().textContent()).toContain('Zeitraum: 2016-06–2019-12');
    expect(await conflict.locator('section').first().textContent()).toContain('Förderquote in Prozent: 95');
    expect(await conflict.locator('section').last().textContent()).toContain('Förderquote in Prozent: 50');
    // Nothing of the editor's was saved over the colleague's change.
    expect((await published()).fundings.find((funding: { id: string }) => funding.id === esfFunding)).toMatchObject({
      sharePercent: 95,
      version: 2,
    });
    await page.click('text=Meine Fassung behalten');
    expect(await page.locator('#conflict').count()).toBe(0);
    await save(page);
    expect(await page.textContent('#funding-status')).toBe('Gespeichert. Die Änderung ist sofort öffentlich sichtbar.');
    // The editor's version as it was shown beside the colleague's: their share, and their period without an end.
    expect((await published()).fundings.find((funding: { id: string }) => funding.id === esfFunding)).toMatchObject({
      sharePercent: 50,
      periodEnd: null,
      version: 3,
    });
    expect(await page.inputValue('#f-periodEnd')).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test('taking the other writer’s version of the concept replaces the draft with it', async () => {
    const { page } = await openEditor();
    await openDistrict(page);
    await page.click(`a[href$="${encodeURIComponent(concept)}"]`);
    await page.waitForSelector('.concept-form');
    await page.selectOption('#f-status', 'IN_PREPARATION');
    await changeThroughApi('updateIntegrationConcept', {
      id: concept,
      version: 1,
      fields: { status: 'ADOPTED', adoptedOn: '2024-11-05', milestones: [{ kind: 'ACHIEVED', title: 'Kreistagsbeschluss' }] },
    });
    await save(page);
    await page.waitForSelector('#conflict');
    expect(await page.locator('#conflict section').first().textContent()).toContain('Meilensteine: Kreistagsbeschluss');
    expect(await page.locator('#conflict section').last().textContent()).toContain('Stand des Konzepts: in Vorbereitung');
    await page.click('text=Fassung der anderen Person übernehmen');
    expect(await page.inputValue('#f-status')).toBe('ADOPTED');
    expect(await page.inputValue('#f-adoptedOn')).toBe('2024-11-05');
    expect(await page.inputValue('#f-milestones-0-title')).toBe('Kreistagsbeschluss');
    await page.fill('#f-adoptedBy', 'Kreistag');
    await save(page);
    expect(await page.textContent('#concept-status')).toBe('Gespeichert. Die Änderung ist sofort öffentlich sichtbar.');
    expect((await published()).concepts[0]).toMatchObject({ status: 'ADOPTED', adoptedBy: 'Kreistag', version: 3 });
    await page.close();
  }, 60_000);

  test('a new funding’s input waits in the tab over a reload and is then saved; once made, the new form starts empty', async () => {
    const { page, errors } = await openEditor();
    await openDistrict(page);
    await page.click('text=Förderung hinzufügen');
    await page.waitForSelector('.funding-form');
    await page.fill('#f-description', 'Sprachmittlung im Jobcenter');
    await page.selectOption('#f-programme', 'esf');
    await page.fill('#f-sharePercent', '75');
    await page.reload();
    await page.waitForSelector('.funding-form');
    expect(await page.inputValue('#f-description')).toBe('Sprachmittlung im Jobcenter');
    expect(await page.inputValue('#f-programme')).toBe('esf');
    expect(await page.inputValue('#f-sharePercent')).toBe('75');
    await page.click('text=Förderung anlegen');
    await page.waitForSelector('#history-heading');
    expect((await published()).fundings).toContainEqual(
      expect.objectContaining({ description: 'Sprachmittlung im Jobcenter', sharePercent: 75, programme: { key: 'esf' } }),
    );
    await page.goto(`${suite.origin}/editor#/d/16065/f/new`);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Neue Förderung');
    expect(await page.inputValue('#f-description')).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test('the concept’s version date is changed by keyboard alone', async () => {
    const { page } = await openEditor();
    await tabTo(page, '', 'token');
    await page.keyboard.type(suite.tokens.kyffhaeuser);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.district-list');
    await tabTo(page, 'Kyffhäuserkreis');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.concept-list');
    await tabTo(page, 'Integrationskonzept des Kyffhäuserkreises');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.concept-form');
    await tabTo(page, '', 'f-versionAsOf');
    await page.keyboard.type('2025-06');
    await page.keyboard.press('Enter'); // submits the form
    await page.waitForFunction(() => document.getElementById('concept-status')?.textContent?.startsWith('Gespeichert'));
    expect((await suite.api.graphql('{ district(ags: "16065") { concepts { versionAsOf } } }')).data.district.concepts).toEqual([
      { versionAsOf: '2025-06' },
    ]);
    await page.close();
  }, 60_000);

  test.each([
    ['de', 1280],
    ['en', 1280],
    ['de', 375],
    ['en', 375],
  ] as const)(
    'no WCAG 2.2 AA violations or best-practice problems found by axe-core on the concept and funding pages (%s, %i px)',
    async (language, width) => {
      const { page } = await openEditor({ width, height: 800 });
      if (language === 'en') await page.selectOption('#language', 'en');
      await openDistrict(page);
      const pages: Record<string, string[]> = { district: await axeViolations(page, { bestPractice: true }) };
      await page.click(`a[href$="${encodeURIComponent(concept)}"]`);
      await page.waitForSelector('.concept-form');
      await page.click('.concept-form button.kern-btn--tertiary'); // a milestone
      await page.fill('#f-milestones-0-periodStart', 'nächstes Jahr');
      await page.waitForSelector('#history-heading');
      pages.concept = await axeViolations(page, { bestPractice: true });
      await save(page);
      await page.waitForSelector('#problems');
      pages.conceptProblems = await axeViolations(page, { bestPractice: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.goto(`${suite.origin}/editor#/d/16065/f/${encodeURIComponent(esfFunding)}`);
      await page.waitForSelector('.funding-form');
      await page.waitForSelector('.history', { state: 'attached' });
      pages.funding = await axeViolations(page, { bestPractice: true });
      await page.goto(`${suite.origin}/editor#/d/16065/f/new`);
      await page.waitForSelector('.funding-form');
      await save(page);
      await page.waitForSelector('#problems');
      pages.newFunding = await axeViolations(page, { bestPractice: true });
      expect(pages).toEqual({ district: [], concept: [], conceptProblems: [], funding: [], newFunding: [] });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      mkdirSync('test-output', { recursive: true });
      await page.screenshot({ path: `test-output/editor-funding-problems-${language}-${width}.png`, fullPage: true });
      await page.close();
    },
    90_000,
  );
});
