// What the browser tests of the editors' app share: our server and one Chromium per file, the
// database back at the seed (with fresh tokens) before every test, pages at /editor that reach
// our server and nothing else, and the steps every editor takes: sign in, open the district,
// save a form, find a control by keyboard.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { launchChromium, onlyOurServer } from './browser.js';
import { startTestServer, type TestServer } from './testServer.js';
import { createTestTokens, type TestTokens } from './tokens.js';

/** A node's global ID as the API makes it. */
export const globalId = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString('base64');

/** The Kyffhäuserkreis' contact the tests edit: its phone number is on the first line of the form. */
export const pilavskij = globalId('Contact', '16065/contact/pilavskij');

/** A page of the editors' app, with what it tried to reach elsewhere and the script errors it met. */
export interface EditorPage {
  page: Page;
  elsewhere: string[];
  errors: string[];
}

/**
 * Takes the page to the editors' app at `origins[0]`, letting it reach those origins only. Console
 * errors are collected with uncaught ones unless `consoleErrors` is false: a script or style the
 * app's Content Security Policy refused is said only there.
 */
export async function loadEditorIn(page: Page, origins: string[], { consoleErrors = true } = {}): Promise<EditorPage> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  if (consoleErrors) page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  const elsewhere = await onlyOurServer(page, origins);
  await page.goto(`${origins[0]}/editor`, { waitUntil: 'load' });
  return { page, elsewhere, errors };
}

export interface EditorSuiteOptions {
  /** How our server is started, when not as the other API tests start it. */
  server?: Parameters<typeof startTestServer>[0];
  /** Whether console errors count as well as uncaught ones (see `loadEditorIn`). */
  consoleErrors?: boolean;
  /** The button `save` presses: the form's own, where the page has other submit buttons before it. */
  submit?: string;
  /** What `openDistrict` waits for on the district's page: the section the file's tests are about. */
  district?: string;
  /** How many Tab presses `tabTo` makes before it gives up: the longer the file's pages, the more. */
  tabPresses?: number;
}

/**
 * Registers, inside the caller's `describe`, our server and Chromium for its tests (started once,
 * the data reset and tokens made anew before each test, both closed at the end), and returns them
 * with the steps the tests share. The server, browser, origin and tokens are getters: they exist
 * only once the hooks have run.
 */
export function editorSuite({
  server: serverOptions,
  consoleErrors = true,
  submit = 'form[data-answered] button[type=submit]',
  district,
  tabPresses = 40,
}: EditorSuiteOptions = {}) {
  let api: TestServer;
  let browser: Browser;
  let origin: string;
  let tokens: TestTokens;
  beforeAll(async () => {
    [api, browser] = await Promise.all([startTestServer(serverOptions), launchChromium()]);
    origin = new URL(api.url).origin;
  }, 120_000);
  beforeEach(async () => {
    await api.reset();
    tokens = await createTestTokens(api.database.client);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  /**
   * A page at the editors' app once loaded, before the app has drawn anything: for tests whose next
   * step waits for what it needs. Pages accept downloads (Playwright's default; the workbook's test uses it).
   */
  async function loadEditor(viewport = { width: 1280, height: 800 }) {
    return loadEditorIn(await browser.newPage({ viewport }), [origin], { consoleErrors });
  }

  /** A page that may reach our server and nothing else, the app drawn; requests elsewhere and script errors are collected. */
  async function openEditor(viewport = { width: 1280, height: 800 }) {
    const opened = await loadEditor(viewport);
    await opened.page.waitForSelector('#page-heading');
    return opened;
  }

  /** Signs in and waits for what follows: the district list, or another element named. */
  async function signIn(page: Page, token: string, then = '.district-list') {
    await page.fill('#token', token);
    await page.click('button[type=submit]');
    await page.waitForSelector(then);
  }

  /** Signed in as the Kyffhäuserkreis' editor, on its district page. */
  async function openDistrict(page: Page) {
    await signIn(page, tokens.kyffhaeuser);
    await page.click('.district-list a');
    if (!district) throw new Error('editorSuite({ district }) names what openDistrict waits for');
    await page.waitForSelector(district);
  }

  /** Presses the form's submit button and waits until the form has the answer (its count of answered saves moves on). */
  async function save(page: Page) {
    const before = Number(await page.getAttribute('form[data-answered]', 'data-answered'));
    await page.click(submit);
    await page.waitForFunction(
      (count) => Number(document.querySelector('form[data-answered]')?.getAttribute('data-answered')) > count,
      before,
    );
  }

  /** Presses Tab until the focused element has that text (or id); fails after `tabPresses` presses. */
  async function tabTo(page: Page, text: string, id?: string) {
    for (let presses = 0; presses < tabPresses; presses++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent?.trim(), id: document.activeElement?.id }));
      if (id ? focused.id === id : focused.text === text) return;
    }
    throw new Error(`Tab never reached ${id ?? text}`);
  }

  /** A second writer: the Kyffhäuserkreis' editor changes something through the API, and it must succeed. */
  async function changeThroughApi(mutation: string, input: object) {
    const { data } = await api.graphql(
      `mutation ($input: ${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { __typename } }`,
      { input },
      tokens.kyffhaeuser,
    );
    expect(data[mutation].__typename).toMatch(/Success$/);
  }

  return {
    get api() {
      return api;
    },
    get browser() {
      return browser;
    },
    get origin() {
      return origin;
    },
    get tokens() {
      return tokens;
    },
    loadEditor,
    openEditor,
    signIn,
    openDistrict,
    save,
    tabTo,
    changeThroughApi,
  };
}
