// Signing in to the editors' app at the state's identity provider (OpenID Connect, authorization
// code with PKCE) against a real provider (tests/support/oidcProvider.ts), in Chromium that reaches
// our server and the provider and nothing else: the editor signs in with their account there, edits,
// and an access token that expires mid-edit costs them nothing typed.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ContactCardDocument } from '../../schema/generated/graphql.js';
import { axeViolations } from '../support/axe.js';
import { chromiumPath, haveChromium, launchChromium } from '../support/browser.js';
import { loadEditorIn, pilavskij } from '../support/editor.js';
import { listenTestProvider, type TestProvider } from '../support/oidcProvider.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

describe.skipIf(!haveChromium)(`signing in to the editors' app at the identity provider (${chromiumPath})`, () => {
  // Not tests/support/editor.ts's editorSuite: the provider starts before our server (whose options
  // name it) and learns our origin after, and these tests sign in there rather than with tokens.
  let api: TestServer;
  let idp: TestProvider;
  let browser: Browser;
  let origin: string;
  beforeAll(async () => {
    idp = await listenTestProvider();
    const { issuer, jwksUrl, audience, clientId } = idp;
    [api, browser] = await Promise.all([
      startTestServer({ jwt: { jwksUrl, issuer, audience }, editorSignIn: { issuer, clientId, scope: 'openid profile' } }),
      launchChromium(),
    ]);
    origin = new URL(api.url).origin;
    await idp.serve(origin, {
      'a.schmidt': { name: 'Anna Schmidt', ig_role: 'editor', ig_districts: ['16065'] },
      'b.gast': { name: 'Bernd Gast' },
    });
  }, 120_000);
  beforeEach(async () => {
    await api.reset();
    idp.accessTokenSeconds = 600;
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await idp?.close();
  });

  /** A fresh browser (no session at the provider yet) that may reach our server and the provider only. */
  async function openEditor(locale = 'de-DE') {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
    const opened = await loadEditorIn(await context.newPage(), [origin, idp.issuer], { consoleErrors: false });
    await opened.page.waitForSelector('#page-heading');
    return opened;
  }

  /** What the page asked of hosts it may not reach, besides the web font the test provider's own development pages ask for. */
  const beyond = (elsewhere: string[]) => elsewhere.filter((url) => !url.startsWith('https://fonts.googleapis.com/'));

  /** The provider's own pages: its login form, then its consent. */
  async function signInAtProvider(page: Page, login: string, button = '.provider-sign-in button') {
    await page.click(button);
    await page.waitForSelector('input[name=login]');
    await page.fill('input[name=login]', login);
    await page.fill('input[name=password]', 'any');
    await page.click('button[type=submit]');
    await page.waitForSelector('input[name=prompt][value=consent]', { state: 'attached' });
    await page.click('button[type=submit]');
    await page.waitForURL(`${origin}/editor/**`);
  }

  test('an editor signs in with their account at the provider and works as themselves; no code or token stays in the address', async () => {
    const { page, elsewhere, errors } = await openEditor();
    expect(await page.textContent('.provider-sign-in button')).toBe('Mit dem Konto des Landes anmelden');
    // The token form is still there for those who were given a key.
    expect(await page.locator('#token').count()).toBe(1);
    await signInAtProvider(page, 'a.schmidt');
    await page.waitForSelector('.district-list');
    expect(await page.textContent('.signed-in')).toContain(`Angemeldet als Anna Schmidt (${idp.issuer})`);
    expect(page.url()).toBe(`${origin}/editor/`);
    // Only the language is in localStorage; the provider's access token is kept in this tab only.
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(['integrationsgraph.editor.language']);

    await page.click('.district-list a');
    await page.waitForSelector('.contact-list');
    await page.click('button:has-text("Alle Angaben sind aktuell")');
    await page.waitForSelector('text=Bestätigt. Vielen Dank!');
    const event = await api.database.client.auditEvent.findFirstOrThrow({ where: { districtId: '16065', action: 'VERIFY' } });
    expect(event).toMatchObject({ actorId: null, actorName: `Anna Schmidt (${idp.issuer})` });

    // Another district is still not hers.
    await page.goto(`${origin}/editor/#/d/16063`);
    await page.waitForSelector('#page-heading');
    expect(await page.textContent('h1')).toBe('Diesen Kreis können Sie mit Ihrem Zugang nicht bearbeiten.');

    // Signing out ends her session at the provider too, and forgets her unsaved drafts: on a shared
    // computer, the next sign-in asks who it is and finds nothing of hers.
    await page.evaluate(() => sessionStorage.setItem('integrationsgraph.editor.draft.test', '{"draft":{},"version":1}'));
    await page.click('.signed-in button');
    // The provider asks before it ends the session (its own page), then sends her back.
    await page.click('button[name=logout][value=yes]');
    await page.waitForURL(`${origin}/editor/`);
    await page.waitForSelector('.provider-sign-in button');
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => !key.endsWith('.signIn')))).toEqual([]);
    await page.click('.provider-sign-in button');
    await page.waitForSelector('input[name=login]');
    expect(beyond(elsewhere)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  test('an access token that expires mid-edit: a new sign-in at the provider brings the editor back to the form with what they typed', async () => {
    idp.accessTokenSeconds = 3;
    const { page, elsewhere } = await openEditor();
    await signInAtProvider(page, 'a.schmidt');
    await page.waitForSelector('.district-list');
    await page.goto(`${origin}/editor/#/d/16065/c/${encodeURIComponent(pilavskij)}`);
    await page.waitForSelector('#f-channels-0-printed');
    await page.fill('#f-channels-0-printed', '03632 741-444');
    await page.waitForTimeout(4_000);
    await page.click('button[type=submit]');
    await page.waitForSelector('#save-status:has-text("Ihre Anmeldung gilt nicht mehr")');

    idp.accessTokenSeconds = 600;
    // The provider still knows her: it sends her straight back, without its login page.
    await page.click('.provider-sign-in button');
    await page.waitForURL(`${origin}/editor/#/d/16065/c/**`);
    await page.waitForSelector('#f-channels-0-printed');
    expect(await page.inputValue('#f-channels-0-printed')).toBe('03632 741-444');
    await page.click('button[type=submit]');
    await page.waitForSelector('#save-status:has-text("Gespeichert")');
    const { data } = await api.graphql(ContactCardDocument, { ags: '16065' });
    expect(data!.district!.contacts.edges.find((edge) => edge.node.id === pilavskij)!.node.channels[0]!.printed).toBe('03632 741-444');
    expect(beyond(elsewhere)).toEqual([]);
    await page.context().close();
  }, 60_000);

  test('an account the provider gives no editor role is refused; a sign-in cancelled at the provider says so', async () => {
    const { page } = await openEditor();
    await signInAtProvider(page, 'b.gast');
    await page.waitForSelector('.sign-in [role=alert]');
    expect(await page.textContent('.sign-in [role=alert]')).toContain('Ihr Konto beim Anmeldedienst gibt keinen Zugang zur Redaktion');
    expect(await page.evaluate(() => sessionStorage.getItem('integrationsgraph.editor.token'))).toBeNull();
    await page.context().close();

    // A new browser, not signed in at the provider: the editor cancels on its login page.
    const { page: again } = await openEditor();
    await again.click('.provider-sign-in button');
    await again.click('text=[ Cancel ]');
    await again.waitForSelector('.sign-in [role=alert]');
    expect(await again.textContent('.sign-in [role=alert]')).toBe('Die Anmeldung wurde beim Anmeldedienst abgebrochen.');
    await again.context().close();
  }, 60_000);

  test('a return this tab did not start is not taken', async () => {
    const { page } = await openEditor();
    // A sign-in is under way (its state waits in the tab) when a forged return arrives.
    await page.click('.provider-sign-in button');
    await page.waitForSelector('input[name=login]');
    await page.goto(`${origin}/editor/?code=stolen&state=forged`);
    await page.waitForSelector('.sign-in [role=alert]');
    expect(await page.textContent('.sign-in [role=alert]')).toContain('nicht in diesem Browser-Tab begonnen');
    expect(page.url()).toBe(`${origin}/editor/`);
    expect(await page.evaluate(() => sessionStorage.getItem('integrationsgraph.editor.token'))).toBeNull();
    await page.context().close();
  }, 60_000);

  test('the sign-in page with the provider has no axe violations, in German and English, by keyboard', async () => {
    for (const locale of ['de-DE', 'en-GB']) {
      const { page } = await openEditor(locale);
      if (locale === 'en-GB') {
        await page.selectOption('#language', 'en');
        expect(await page.textContent('.provider-sign-in button')).toBe('Sign in with the state’s account');
      }
      expect(await axeViolations(page)).toEqual([]);
      // The provider's button is reached by keyboard and starts the sign-in.
      await page.focus('.provider-sign-in button');
      await page.keyboard.press('Enter');
      await page.waitForSelector('input[name=login]');
      await page.context().close();
    }
  }, 60_000);
});

describe("the editors' page with the identity provider configured", () => {
  test('names the provider and lets the page reach its origin and no other', async () => {
    const idp = await listenTestProvider();
    const { issuer, jwksUrl, audience, clientId } = idp;
    const api = await startTestServer({ jwt: { jwksUrl, issuer, audience }, editorSignIn: { issuer, clientId, scope: 'openid profile' } });
    try {
      const response = await fetch(`${new URL(api.url).origin}/editor/`);
      const page = await response.text();
      expect(page).toContain(`<meta name="oidc-issuer" content="${issuer}">`);
      expect(page).toContain(`<meta name="oidc-client-id" content="${clientId}">`);
      expect(response.headers.get('content-security-policy')).toContain(`connect-src 'self' ${issuer};`);
    } finally {
      await api.close();
      await idp.close();
    }
  });
});
