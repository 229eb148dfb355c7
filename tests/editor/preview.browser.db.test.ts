// The preview on the district's page of the editors' app is the district widget itself, served
// from our own server under the app's strict Content Security Policy: the district's contacts and
// offers as residents see them, in the widget's languages, drawn again after a change is saved.
import { describe, expect, test } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { chromiumPath, haveChromium } from '../support/browser.js';
import { editorSuite, pilavskij } from '../support/editor.js';

describe.skipIf(!haveChromium)(`the widget's preview in the editors' app (${chromiumPath})`, () => {
  // With the response cache on, as `npm start` runs: its answers may be kept by the browser for a minute.
  const suite = editorSuite({ server: { responseCacheTtlMs: 60_000 } });

  test('shows the contacts and offers as the widget does, in its languages, and again after a save', async () => {
    // Console errors are collected too: a script or style the page's policy refused would be said there.
    const { page, elsewhere, errors } = await suite.loadEditor();
    await page.fill('#token', suite.tokens.kyffhaeuser);
    await page.click('button[type=submit]');
    await page.click('.district-list a');
    await page.waitForSelector('.preview .ig-preview[data-state="ready"]');
    expect(await page.textContent('.preview .ig-preview .ig-title')).toContain('Kyffhäuserkreis');
    expect(await page.locator('.preview .ig-contact').first().textContent()).toContain('03632 / 741-261');
    expect(errors).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    // axe's own probes set inline styles, which the page's policy refuses (and says so): not the page's doing.
    errors.length = 0;

    // The widget's own switch: English labels; texts not translated say they are in German.
    await page.selectOption('.preview .ig-language', 'en');
    await page.waitForSelector('.preview .ig-preview[lang="en"][data-state="ready"]');
    expect(await page.textContent('.preview .ig-preview .ig-section')).toBe('Contacts');

    // A saved change is in the preview when the editor comes back to the district.
    await page.goto(`${suite.origin}/editor/#/d/16065/c/${encodeURIComponent(pilavskij)}`);
    await page.waitForSelector('#f-channels-0-printed');
    await page.fill('#f-channels-0-printed', '03632 741-777');
    await page.click('button[type=submit]');
    await page.waitForSelector('#save-status:has-text("Gespeichert")');
    await page.click('text=Zurück zu Kyffhäuserkreis');
    await page.waitForFunction(() => document.querySelector('.preview .ig-preview')?.shadowRoot?.textContent?.includes('03632 741-777'));
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
