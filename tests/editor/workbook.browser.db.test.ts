// The district's workbook in the editors' app, in Chromium with no network beyond our server: an
// editor downloads it, fills it in as in Excel, has it checked (nothing changes yet), and applies
// it; a workbook with mistakes names each cell; one made before a colleague's edit shows the
// conflict and keeps the colleague's version unless the editor ticks it; a change made between
// the check and the applying is not undone unseen: the workbook is checked again.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { ContactCardDocument } from '../../schema/generated/graphql.js';
import { axeViolations } from '../support/axe.js';
import { chromiumPath, haveChromium } from '../support/browser.js';
import { editorSuite, globalId, pilavskij } from '../support/editor.js';
import { appendRow, columnOf, edited, rowWhere, workbookOf, workbookType } from '../support/workbooks.js';

const ziegner = globalId('Contact', '16065/contact/ziegner');

describe.skipIf(!haveChromium)(`the workbook in the editors' app (${chromiumPath})`, () => {
  const suite = editorSuite({ consoleErrors: false });

  /** Kyffhäuserkreis' page, its editor signed in, in a browser that reaches our server only. */
  async function openDistrict() {
    const { page, errors, elsewhere } = await suite.loadEditor();
    await page.fill('#token', suite.tokens.kyffhaeuser);
    await page.click('button[type=submit]');
    await page.click('.district-list a');
    await page.waitForSelector('#workbook-heading');
    return { page, errors, elsewhere };
  }

  /** Chooses the file and presses "Arbeitsmappe prüfen"; waits for the check's result or its problems. */
  async function check(page: Page, bytes: Buffer) {
    await page.setInputFiles('#workbook-file', { name: 'Kyffhäuserkreis.xlsx', mimeType: workbookType, buffer: bytes });
    await page.click('text=Arbeitsmappe prüfen');
    await page.waitForSelector('.workbook-check, .workbook-outcome .kern-alert, .workbook-outcome p');
  }

  const contact = async (id: string) =>
    (
      await suite.api.graphql(
        `query ($id: ID!) { node(id: $id) { ... on Contact { version internalNote } } }`,
        { id },
        suite.tokens.kyffhaeuser,
      )
    ).data.node;

  test('an editor downloads the workbook, fills it in, has it checked and applies it; the public answers show it', async () => {
    const { page, errors, elsewhere } = await openDistrict();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Arbeitsmappe herunterladen')]);
    const bytes = await edited(await readFile((await download.path())!), (workbook) => {
      const channels = workbook.getWorksheet('Kontaktwege')!;
      rowWhere(channels, 'id', '16065/contact/pilavskij/channel/0').getCell(columnOf(channels, 'printed')).value = '03632 741-999';
      appendRow(workbook.getWorksheet('Angebote')!, {
        id: 'sprachcafe',
        title: 'Sprachcafé',
        category: 'LANGUAGE_COURSE',
        description: 'Deutsch üben bei Kaffee und Kuchen.',
        languages: 'de',
        targetGroups: 'NEWCOMERS',
        online: false,
        sourceId: '001_abe3dd58ee3e23c3.txt',
      });
    });
    await check(page, bytes);
    const result = await page.textContent('.workbook-check');
    expect(result).toContain('Ergebnis der Prüfung (noch nichts übernommen)');
    expect(result).toContain('Neu (1)Angebot: Sprachcafé');
    expect(result).toMatch(/Geändert \(1\)Ansprechperson: .*Pilavskij/);
    // The check changes nothing.
    expect(await suite.api.database.client.offer.count({ where: { id: 'sprachcafe' } })).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.click('text=Änderungen übernehmen');
    await page.waitForSelector('.workbook-outcome:has-text("Übernommen")');
    expect(await page.textContent('.workbook-outcome')).toBe(
      'Übernommen: 1 neu, 1 geändert, 0 archiviert. Die Änderungen sind sofort öffentlich sichtbar.',
    );
    expect(await page.textContent('.offer-list')).toContain('Sprachcafé');
    const { data } = await suite.api.graphql(ContactCardDocument, { ags: '16065' });
    expect(data!.district!.contacts.edges.find((edge) => edge.node.id === pilavskij)!.node.channels[0]!.printed).toBe('03632 741-999');
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test('mistakes are named by their cell and nothing is applied', async () => {
    const { page } = await openDistrict();
    const bytes = await edited(await workbookOf(suite.api, suite.tokens.kyffhaeuser, '16065'), (workbook) => {
      const channels = workbook.getWorksheet('Kontaktwege')!;
      rowWhere(channels, 'id', '16065/contact/pilavskij/channel/0').getCell(columnOf(channels, 'printed')).value = 'bitte anrufen';
    });
    await check(page, bytes);
    const said = await page.textContent('.workbook-outcome');
    expect(said).toContain('Die Arbeitsmappe enthält einen Fehler. Es wurde nichts übernommen.');
    expect(said).toMatch(/Kontaktwege![A-Z]+\d+: /);
    expect(await page.locator('text=Änderungen übernehmen').count()).toBe(0);
    await page.close();
  }, 60_000);

  test('a colleague’s edit since the download is kept unless ticked, and one made between check and applying makes the page check again', async () => {
    const downloaded = await workbookOf(suite.api, suite.tokens.kyffhaeuser, '16065');
    const update = async (id: string, internalNote: string) => {
      const { version } = await contact(id);
      const { data } = await suite.api.graphql(
        'mutation ($input: UpdateContactInput!) { updateContact(input: $input) { __typename } }',
        { input: { id, version, fields: { internalNote } } },
        suite.tokens.kyffhaeuser,
      );
      expect(data.updateContact.__typename).toBe('MutationUpdateContactSuccess');
    };
    await update(pilavskij, 'Vertretung bis März');
    const bytes = await edited(downloaded, (workbook) => {
      const contacts = workbook.getWorksheet('Kontakte')!;
      rowWhere(contacts, 'id', '16065/contact/pilavskij').getCell(columnOf(contacts, 'internalNote')).value = 'Urlaub im Januar';
    });
    const { page } = await openDistrict();
    await check(page, bytes);
    expect(await page.textContent('.workbook-check fieldset')).toContain('Hier und in der Mappe geändert (1)');
    await page.check('#overwrite-0');
    // Meanwhile another colleague changes something else of the district.
    await update(ziegner, 'Neue Durchwahl ab Februar');
    await page.click('text=Änderungen übernehmen');
    await page.waitForSelector('.workbook-check [role=alert]');
    expect(await page.textContent('.workbook-check [role=alert]')).toContain('Die Mappe wurde erneut geprüft');
    // Nothing was applied; the choice is made again on what the check says now.
    expect((await contact(pilavskij)).internalNote).toBe('Vertretung bis März');
    expect(await page.isChecked('#overwrite-0')).toBe(false);
    await page.check('#overwrite-0');
    await page.click('text=Änderungen übernehmen');
    await page.waitForSelector('.workbook-outcome:has-text("Übernommen")');
    expect((await contact(pilavskij)).internalNote).toBe('Urlaub im Januar');
    expect((await contact(ziegner)).internalNote).toBe('Neue Durchwahl ab Februar');
    await page.close();
  }, 60_000);
});
