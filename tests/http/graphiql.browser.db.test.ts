// GraphiQL works with no network beyond our server: every request the page makes to another
// host is refused, and still it renders, opens the example operations as tabs and runs one.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumPath, haveChromium, launchChromium, onlyOurServer } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

describe.skipIf(!haveChromium)(`GraphiQL in headless Chromium (${chromiumPath})`, () => {
  let api: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    [api, browser] = await Promise.all([startTestServer(), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  test('renders from our own server alone and runs the contact card', async () => {
    const page = await browser.newPage();
    const origin = new URL(api.url).origin;
    const elsewhere = await onlyOurServer(page, origin);
    await page.goto(api.url, { waitUntil: 'load' });
    await page.waitForSelector('.graphiql-execute-button', { timeout: 20_000 });
    expect(await page.title()).toBe('Integrationsgraph');
    const tabs = await page.locator('.graphiql-tab').allTextContents();
    expect(tabs.join(' ')).toMatch(/KyffhaeuserContacts[\s\S]*ContactCard[\s\S]*Offers[\s\S]*CompareDistricts[\s\S]*CompareState/);
    await page.locator('.graphiql-tab').first().click();
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => document.body.innerText.includes('Kyffhäuserkreis'), undefined, { timeout: 20_000 });
    expect(elsewhere).toEqual([]);
    await page.close();
  }, 60_000);
});
