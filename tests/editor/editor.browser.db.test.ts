// The editors' app in headless Chromium with no network beyond our server, used as an editor
// uses it: sign in with a token, open the district, change a contact's phone and office hours,
// meet a refused value, a second writer's change, a dropped network and an expired token — and
// the public answers follow. German first, English by the switch; axe on every page.
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { ContactCardDocument } from '../../schema/generated/graphql.js';
import { createToken, revokeToken } from '../../src/tokens/issue.js';
import { axeViolations } from '../support/axe.js';
import { chromiumPath, haveChromium } from '../support/browser.js';
import { editorSuite, pilavskij } from '../support/editor.js';

describe.skipIf(!haveChromium)(`the editors' app in headless Chromium (${chromiumPath})`, () => {
  const suite = editorSuite({ submit: 'button[type=submit]' });
  const { openEditor, signIn, save, tabTo } = suite;

  async function openContact(page: Page, id = pilavskij) {
    await page.click('.district-list a');
    await page.waitForSelector('.contact-list');
    await page.click(`a[href$="${encodeURIComponent(id)}"]`);
    await page.waitForSelector('form #f-channels-0-printed');
  }

  test('an editor signs in, changes a phone number and adds office hours; the public answers show it at once', async () => {
    const { page, elsewhere, errors } = await openEditor();
    expect(await page.textContent('h1')).toBe('Anmelden');
    await signIn(page, suite.tokens.kyffhaeuser);
    expect(await page.textContent('.signed-in')).toContain('Angemeldet als Redaktion Kyffhäuserkreis');
    // Only the editor's own district is offered.
    expect(await page.locator('.district-list a').allTextContents()).toEqual(['Kyffhäuserkreis']);
    await openContact(page);
    // The schema's own description explains the field, translated into German.
    expect(await page.textContent('#f-channels-0-printed-help')).toContain('Wie veröffentlicht, z. B.');
    expect(await page.getAttribute('#f-channels-0-printed-help', 'lang')).toBe('de');

    await page.fill('#f-channels-0-printed', '03632 741-299');
    await page.click('text=Sprechzeiten hinzufügen');
    await page.fill('#f-officeHours-0-printed', 'Montag 9 bis 12 Uhr');
    await page.fill('#f-officeHours-0-openingHours', 'Mo 09:00-12:00');
    await save(page);
    expect(await page.textContent('#save-status')).toBe('Gespeichert. Die Änderung ist sofort öffentlich sichtbar.');
    // The preview beside the form is what the API now answers.
    const preview = page.locator('aside .public-card');
    expect(await preview.locator('a').count()).toBe(0);
    expect(await preview.textContent()).toContain('Telefon: 03632 741-299');
    expect(await preview.textContent()).toMatch(/Montag 9 bis 12 Uhr — Jetzt (geöffnet|geschlossen), (öffnet|schließt) Montag/);

    // Anonymous readers (the widget's contact card) get the new values.
    const { data } = await suite.api.graphql(ContactCardDocument, { ags: '16065' });
    const contact = data!.district!.contacts.edges.find((edge) => edge.node.id === pilavskij)!.node;
    expect(contact.channels[0]).toMatchObject({ kind: 'PHONE', printed: '03632 741-299', value: '+493632741299' });
    expect(contact.officeHours[0]!.intervals).toEqual([{ weekday: 'MONDAY', opens: '09:00', closes: '12:00' }]);
    // The contact's history says who changed it, and the number before and after.
    await page.waitForSelector('.history > li');
    expect(await page.locator('.history > li > p').first().textContent()).toMatch(/· Redaktion Kyffhäuserkreis · geändert$/);

    mkdirSync('test-output', { recursive: true });
    await page.screenshot({ path: 'test-output/editor-contact-de.png', fullPage: true });
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test('a refused value is explained at its field in plain German, every problem at once, and what was typed stays', async () => {
    const { page } = await openEditor();
    await signIn(page, suite.tokens.kyffhaeuser);
    await openContact(page);
    await page.fill('#f-channels-0-printed', '650-123');
    await page.click('text=Sprechzeiten hinzufügen');
    await page.fill('#f-officeHours-0-printed', 'Montags');
    await page.fill('#f-officeHours-0-openingHours', 'Montags immer');
    await save(page);
    expect(await page.textContent('#f-channels-0-printed-error')).toBe(
      '„650-123“: bitte die Telefonnummer mit Vorwahl angeben, z. B. 03606 650-123',
    );
    expect(await page.getAttribute('#f-channels-0-printed', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#f-officeHours-0-openingHours-error')).toBeTruthy();
    expect(await page.locator('#problems li').count()).toBe(2);
    expect(await page.inputValue('#f-channels-0-printed')).toBe('650-123');
    expect(await page.inputValue('#f-officeHours-0-openingHours')).toBe('Montags immer');
    // The summary takes the focus, and its link takes the keyboard to the field.
    await page.waitForFunction(() => document.activeElement?.id === 'problems');
    await page.click('#problems li:first-child a');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-channels-0-printed');
    // Nothing was saved.
    const { data } = await suite.api.graphql(ContactCardDocument, { ags: '16065' });
    expect(data!.district!.contacts.edges.find((edge) => edge.node.id === pilavskij)!.node.channels[0]!.printed).toBe('03632 / 741-261');

    // In English, the same problems in English.
    await page.selectOption('#language', 'en');
    await page.waitForFunction(() => document.getElementById('f-channels-0-printed-error')?.textContent?.startsWith('“650-123”: '));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // …and the schema's description as it is written.
    expect(await page.textContent('#f-channels-0-printed-help')).toContain('The value as printed');
    expect(await page.getAttribute('#f-channels-0-printed-help', 'lang')).toBe('en');
    mkdirSync('test-output', { recursive: true });
    await page.screenshot({ path: 'test-output/editor-problems-en.png', fullPage: true });
    await page.close();
  }, 60_000);

  test('an address gets its entrance on the map and what is known about access, office hours a closure; a link that is no map link is refused at its field', async () => {
    const { page, errors } = await openEditor();
    await signIn(page, suite.tokens.kyffhaeuser);
    await openContact(page);
    expect(await page.inputValue('#f-addresses-0-street')).toBe('Markt 8');
    // A link pasted from openstreetmap.org that names no point is refused at the one field for the point; the input stays.
    await page.fill('#f-addresses-0-point', 'https://www.openstreetmap.org/search?query=Markt%208');
    await save(page);
    expect(await page.textContent('#f-addresses-0-point-error')).toContain('ist kein OpenStreetMap-Link mit einem Punkt');
    expect(await page.inputValue('#f-addresses-0-point')).toBe('https://www.openstreetmap.org/search?query=Markt%208');

    await page.fill('#f-addresses-0-point', 'https://www.openstreetmap.org/?mlat=51.37021&mlon=10.87203#map=19/51.37021/10.87203');
    await page.selectOption('#f-addresses-0-stepFreeEntrance', 'yes');
    await page.selectOption('#f-addresses-0-lift', 'no');
    await page.fill('#f-addresses-0-accessibilityNote', 'Klingel am Seiteneingang');
    await page.click('text=Sprechzeiten hinzufügen');
    await page.fill('#f-officeHours-0-printed', 'Di 9–12 Uhr');
    await page.fill('#f-officeHours-0-openingHours', 'Tu 09:00-12:00');
    await page.click('text=Abweichung hinzufügen');
    await page.fill('#f-officeHours-0-exceptions-0-firstDay', '2026-12-24');
    await page.fill('#f-officeHours-0-exceptions-0-lastDay', '2027-01-01');
    await page.fill('#f-officeHours-0-exceptions-0-note', 'Betriebsferien');
    await save(page);
    expect(await page.textContent('#save-status')).toContain('Gespeichert');
    // The card beside the form says what the public now reads; the form shows the point as coordinates.
    expect(await page.textContent('.public-card')).toContain('Stufenloser Zugang: ja · Aufzug: nein · Klingel am Seiteneingang');
    expect(await page.inputValue('#f-addresses-0-point')).toBe('51.37021, 10.87203');

    const { data } = await suite.api.graphql(
      `{ district(ags: "16065") { contacts { edges { node { id
          addresses { street coordinates { latitude longitude } accessibility { stepFreeEntrance lift accessibleToilet note } }
          officeHours { exceptions { firstDay lastDay note } } } } } } }`,
    );
    const saved = data.district.contacts.edges.find((edge: { node: { id: string } }) => edge.node.id === pilavskij).node;
    expect(saved.addresses).toEqual([
      {
        street: 'Markt 8',
        coordinates: { latitude: 51.37021, longitude: 10.87203 },
        accessibility: { stepFreeEntrance: true, lift: false, accessibleToilet: null, note: 'Klingel am Seiteneingang' },
      },
    ]);
    expect(saved.officeHours[0].exceptions).toEqual([{ firstDay: '2026-12-24', lastDay: '2027-01-01', note: 'Betriebsferien' }]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test('saving a contact whose office hours are held elsewhere keeps that place once, as it was', async () => {
    const held = {
      printed: 'Mi 14–17 Uhr im Streetworker-Büro',
      openingHours: 'We 14:00-17:00',
      location: {
        kind: 'OFFICE_HOURS',
        placeName: 'Streetworker-Büro',
        street: 'Crucisstr. 16',
        postalCode: '99706',
        locality: 'Sondershausen',
        stepFreeEntrance: false,
      },
    };
    const { data: given } = await suite.api.graphql(
      'mutation ($input: UpdateContactInput!) { updateContact(input: $input) { __typename } }',
      { input: { id: pilavskij, version: 1, fields: { officeHours: [held] } } },
      suite.tokens.kyffhaeuser,
    );
    expect(given.updateContact.__typename).toBe('MutationUpdateContactSuccess');
    const query = `{ district(ags: "16065") { contacts { edges { node { id
      addresses { kind printed } officeHours { printed location { kind printed accessibility { stepFreeEntrance } } } } } } } }`;
    // The API lists addresses in no particular order.
    const contactOf = async () => {
      const { data } = await suite.api.graphql(query);
      const contact = data.district.contacts.edges.find((edge: { node: { id: string } }) => edge.node.id === pilavskij).node;
      return { ...contact, addresses: contact.addresses.map((address: { printed: string }) => address.printed).sort() };
    };
    const before = await contactOf();
    expect(before.officeHours[0].location.printed).toBe('Streetworker-Büro, Crucisstr. 16, 99706 Sondershausen');

    const { page } = await openEditor();
    await signIn(page, suite.tokens.kyffhaeuser);
    await openContact(page);
    await page.fill('#f-channels-0-printed', '03632 741-555');
    await save(page);
    expect(await page.textContent('#save-status')).toContain('Gespeichert');
    const after = await contactOf();
    expect({ addresses: after.addresses, officeHours: after.officeHours }).toEqual({
      addresses: before.addresses,
      officeHours: before.officeHours,
    });
    await page.close();
  }, 60_000);

  test('office hours as printed are translated from the contact’s page; the API answers readers in that language', async () => {
    const { data: given } = await suite.api.graphql(
      'mutation ($input: UpdateContactInput!) { updateContact(input: $input) { __typename } }',
      { input: { id: pilavskij, version: 1, fields: { officeHours: [{ printed: 'Di 9–12 Uhr', openingHours: 'Tu 09:00-12:00' }] } } },
      suite.tokens.kyffhaeuser,
    );
    expect(given.updateContact.__typename).toBe('MutationUpdateContactSuccess');
    const { page, errors } = await openEditor();
    await signIn(page, suite.tokens.kyffhaeuser);
    await openContact(page);
    await page.waitForSelector('#hours-translations-heading');
    const english = page.locator('#hours-translations-heading ~ section .translation[data-lang="en"]');
    await english.locator('textarea').fill('Tue 9 am to 12 noon');
    await english.locator('button').click();
    await page.waitForFunction(
      () =>
        document.getElementById('hours-0-translation-en-status')?.textContent ===
        'Gespeichert. Die Änderung ist sofort öffentlich sichtbar.',
    );
    const { data } = await suite.api.graphql(
      `{ district(ags: "16065") { contacts { edges { node { id officeHours { en: printed(lang: "en") uk: printed(lang: "uk") } } } } } }`,
    );
    const hours = data.district.contacts.edges.find((edge: { node: { id: string } }) => edge.node.id === pilavskij).node.officeHours;
    expect(hours).toEqual([{ en: 'Tue 9 am to 12 noon', uk: 'Di 9–12 Uhr' }]);
    // Saving the contact after its translation (which counts as a change of the contact) is no
    // conflict with the editor's own save, and keeps the hours' translation.
    await page.fill('#f-channels-0-printed', '03632 741-888');
    await save(page);
    expect(await page.textContent('#save-status')).toContain('Gespeichert');
    const after = await suite.api.graphql(ContactCardDocument, { ags: '16065' });
    expect(after.data!.district!.contacts.edges.find((edge) => edge.node.id === pilavskij)!.node.channels[0]!.printed).toBe(
      '03632 741-888',
    );
    expect(await page.inputValue('#f-hours-0-translation-en-printed')).toBe('Tue 9 am to 12 noon');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test('an offer’s town gets what is there, the entrance on the map and its access; the public API shows them', async () => {
    const { data: made } = await suite.api.graphql(
      'mutation ($input: CreateOfferInput!) { createOffer(input: $input) { ... on MutationCreateOfferSuccess { data { id } } } }',
      {
        input: {
          district: '16065',
          fields: { title: 'Sprachcafé', description: 'Deutsch üben.', category: 'LANGUAGE_COURSE', places: ['Artern'] },
        },
      },
      suite.tokens.kyffhaeuser,
    );
    const id = made.createOffer.data.id;
    const { page, errors } = await openEditor();
    await signIn(page, suite.tokens.kyffhaeuser);
    await page.goto(`${suite.origin}/editor/#/d/16065/o/${encodeURIComponent(id)}`);
    await page.waitForSelector('.offer-form');
    await page.click('#place-0');
    await page.fill('#f-placeDetails-0-label', 'Volkshochschule, Raum 2');
    await page.fill('#f-placeDetails-0-point', '51,3601; 11,2921');
    await page.selectOption('#f-placeDetails-0-stepFreeEntrance', 'yes');
    await page.selectOption('#f-placeDetails-0-hearingLoop', 'no');
    await save(page);
    expect(await page.textContent('#offer-status')).toBe('Gespeichert. Die Änderung ist sofort öffentlich sichtbar.');
    const places = async () =>
      (
        await suite.api.graphql(
          'query ($id: ID!) { node(id: $id) { ... on Offer { places { label coordinates { latitude longitude } accessibility { stepFreeEntrance hearingLoop lift } } } } }',
          { id },
        )
      ).data.node.places;
    const expected = [
      {
        label: 'Volkshochschule, Raum 2',
        coordinates: { latitude: 51.3601, longitude: 11.2921 },
        accessibility: { stepFreeEntrance: true, hearingLoop: false, lift: null },
      },
    ];
    expect(await places()).toEqual(expected);
    // Changing something else of the offer keeps what is known of the town.
    await page.fill('#f-title', 'Sprachcafé am Markt');
    await save(page);
    expect(await places()).toEqual(expected);
    expect(await page.textContent('#place-0')).toBe('Artern: Volkshochschule, Raum 2');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test('another person takes over the post: its successor opens with the post’s channels; the old contact is kept, ended', async () => {
    const { page, errors } = await openEditor();
    const contactsOfPost = await suite.api.database.client.contact.count({ where: { positionId: '16065/position/integration-guide' } });
    await signIn(page, suite.tokens.kyffhaeuser);
    await openContact(page);
    // A name is needed; what is wrong is said at its field.
    await page.click('text=Wechsel speichern');
    await page.waitForSelector('#f-successor-person-familyName-error');
    await page.fill('#f-successor-person-salutation', 'Frau');
    await page.fill('#f-successor-person-givenName', 'Erika');
    await page.fill('#f-successor-person-familyName', 'Muster');
    // A phone number changed above and not saved would be left behind with the ended contact: said, and nothing is sent.
    await page.fill('#f-channels-0-printed', '03632 741-262');
    await page.click('text=Wechsel speichern');
    await page.waitForSelector('#successor-status:has-text("nicht gespeichert")');
    expect(await suite.api.database.client.contact.count({ where: { positionId: '16065/position/integration-guide' } })).toBe(
      contactsOfPost,
    );
    await page.fill('#f-channels-0-printed', '03632 / 741-261');
    await page.click('text=Wechsel speichern');
    await page.waitForSelector('h1:has-text("Frau Erika Muster bearbeiten")');
    expect(await page.inputValue('#f-channels-0-printed')).toBe('03632 / 741-261');
    const { data } = await suite.api.graphql(ContactCardDocument, { ags: '16065' });
    const names = data!.district!.contacts.edges.map((edge) => edge.node.person?.displayName);
    expect(names).toContain('Frau Erika Muster');
    expect(names).not.toContain('Herr Pilavskij');
    const ended = await suite.api.database.client.contact.findUniqueOrThrow({ where: { id: '16065/contact/pilavskij' } });
    expect(ended.validTo).not.toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test('a second writer’s change is shown beside the editor’s; either can be taken and saved', async () => {
    const { page } = await openEditor();
    await signIn(page, suite.tokens.kyffhaeuser);
    await openContact(page);
    await page.fill('#f-channels-0-printed', '03632 741-111');
    // Meanwhile a colleague changes the same contact.
    const { data } = await suite.api.graphql(
      'mutation ($input: UpdateContactInput!) { updateContact(input: $input) { __typename } }',
      { input: { id: pilavskij, version: 1, fields: { channels: [{ kind: 'PHONE', printed: '03632 741-222' }] } } },
      suite.tokens.kyffhaeuser,
    );
    expect(data.updateContact.__typename).toBe('MutationUpdateContactSuccess');
    await save(page);
    const conflict = page.locator('#conflict');
    expect(await conflict.locator('section').first().textContent()).toContain('Telefon: 03632 741-222');
    expect(await conflict.locator('section').last().textContent()).toContain('Telefon: 03632 741-111');
    await page.waitForFunction(() => document.activeElement?.id === 'conflict');
    await page.click('text=Meine Fassung behalten');
    await save(page);
    expect(await page.textContent('#save-status')).toContain('Gespeichert');
    const card = await suite.api.graphql(ContactCardDocument, { ags: '16065' });
    expect(card.data!.district!.contacts.edges.find((edge) => edge.node.id === pilavskij)!.node.channels.map((c) => c.printed)).toEqual([
      '03632 741-111',
      'r.pilavskij@kyffhaeuser.de',
    ]);
    await page.close();
  }, 60_000);

  test('input kept over a reload is not saved over a change someone made in between: the conflict is shown', async () => {
    const { page } = await openEditor();
    await signIn(page, suite.tokens.kyffhaeuser);
    await openContact(page);
    await page.fill('#f-channels-0-printed', '03632 741-555');
    const { data } = await suite.api.graphql(
      'mutation ($input: UpdateContactInput!) { updateContact(input: $input) { __typename } }',
      { input: { id: pilavskij, version: 1, fields: { channels: [{ kind: 'PHONE', printed: '03632 741-666' }] } } },
      suite.tokens.kyffhaeuser,
    );
    expect(data.updateContact.__typename).toBe('MutationUpdateContactSuccess');
    await page.reload();
    await page.waitForSelector('#f-channels-0-printed');
    expect(await page.inputValue('#f-channels-0-printed')).toBe('03632 741-555');
    await save(page);
    expect(await page.locator('#conflict section').first().textContent()).toContain('Telefon: 03632 741-666');
    await page.close();
  }, 60_000);

  test('nothing typed is lost when the network drops, the tab is reloaded or the token is revoked mid-edit', async () => {
    const first = await createToken(suite.api.database.client, {
      name: 'Redaktion Kyffhäuserkreis, Frau Weise',
      role: 'EDITOR',
      districtIds: ['16065'],
    });
    const { page } = await openEditor();
    await signIn(page, first.token);
    await openContact(page);
    await page.fill('#f-channels-0-printed', '03632 741-333');
    await page.route(`${suite.origin}/graphql`, (route) =>
      route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.fallback(),
    );
    await save(page);
    expect(await page.textContent('#save-status')).toBe(
      'Der Server ist nicht erreichbar. Ihre Eingaben bleiben erhalten; bitte erneut senden.',
    );
    expect(await page.inputValue('#f-channels-0-printed')).toBe('03632 741-333');
    await page.unroute(`${suite.origin}/graphql`);
    // Reloading the tab keeps the unsaved input too.
    await page.reload();
    await page.waitForSelector('#f-channels-0-printed');
    expect(await page.inputValue('#f-channels-0-printed')).toBe('03632 741-333');

    // The token is revoked before the next try: the form stays, a new sign-in sends it.
    await revokeToken(suite.api.database.client, first.id);
    await save(page);
    expect(await page.textContent('#save-status')).toContain('Ihre Anmeldung gilt nicht mehr');
    expect(await page.inputValue('#f-channels-0-printed')).toBe('03632 741-333');
    await page.fill('#token-again', suite.tokens.kyffhaeuser);
    await page.click('.sign-in-again button');
    await save(page);
    expect(await page.textContent('#save-status')).toContain('Gespeichert');
    const { data } = await suite.api.graphql(ContactCardDocument, { ags: '16065' });
    expect(data!.district!.contacts.edges.find((edge) => edge.node.id === pilavskij)!.node.channels[0]!.printed).toBe('03632 741-333');
    await page.close();
  }, 60_000);

  test('another district is not offered, and its address says so; markup in data is shown as text', async () => {
    await suite.api.database.client.position.updateMany({
      where: { districtId: '16065' },
      data: { title: '<img src=x onerror="window.__ran=1">Lotse' },
    });
    const { page, errors } = await openEditor();
    await signIn(page, suite.tokens.kyffhaeuser);
    await page.click('.district-list a');
    await page.waitForSelector('.contact-list');
    expect(await page.locator('.contact-list img').count()).toBe(0);
    expect(await page.textContent('.contact-list')).toContain('<img src=x onerror="window.__ran=1">Lotse');
    expect(await page.evaluate(() => (window as { __ran?: number }).__ran)).toBeUndefined();

    await page.goto(`${suite.origin}/editor#/d/16063`);
    await page.waitForSelector('#page-heading');
    expect(await page.textContent('h1')).toBe('Diesen Kreis können Sie mit Ihrem Zugang nicht bearbeiten.');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test('the district page: confirming the data, answering a reader’s report (its text shown as text)', async () => {
    const report = await suite.api.graphql(
      'mutation ($input: CreateProblemReportInput!) { createProblemReport(input: $input) { __typename } }',
      {
        input: {
          subject: pilavskij,
          fields: { topic: 'PHONE_OR_EMAIL', message: 'Die Nummer <b>stimmt nicht</b> mehr', contactEmail: 'leser@example.org' },
        },
      },
    );
    expect(report.data.createProblemReport.__typename).toBe('MutationCreateProblemReportSuccess');
    const { page, errors } = await openEditor();
    await signIn(page, suite.tokens.kyffhaeuser);
    await page.click('.district-list a');
    await page.waitForSelector('#confirm-heading');
    expect(await page.textContent('h1')).toBe('Kyffhäuserkreis');
    expect(await page.textContent('.confirmation')).toContain('Noch nie bestätigt');
    expect(await page.textContent('.confirmation')).toContain('seit mehr als sechs Monaten nicht bestätigt');
    await page.click('text=Alle Angaben sind aktuell');
    await page.waitForFunction(() => document.getElementById('confirm-status')?.textContent === 'Bestätigt. Vielen Dank!');
    expect(await page.textContent('.confirmation')).toMatch(/Zuletzt bestätigt am \d+\. \w+ \d{4}/);
    expect(await page.locator('.confirmation .kern-alert').count()).toBe(0);
    const { data } = await suite.api.graphql('{ district(ags: "16065") { lastVerifiedAt } }');
    expect(Date.now() - Date.parse(data.district.lastVerifiedAt)).toBeLessThan(60_000);

    // The report: its text as typed, the reader's address, answered from the page.
    const card = page.locator('.report');
    expect(await card.locator('.report-message').textContent()).toBe('Die Nummer <b>stimmt nicht</b> mehr');
    expect(await card.locator('b').count()).toBe(0);
    expect(await card.textContent()).toContain('Antwort erbeten an leser@example.org');
    await card.locator('textarea').fill('Danke, die Nummer ist korrigiert.');
    await card.locator('text=Antwort speichern').click();
    await page.waitForFunction(() => document.querySelector('.report h3')?.textContent?.endsWith('beantwortet'));
    const reports = await suite.api.graphql(
      '{ district(ags: "16065") { problemReports { status answer } } }',
      {},
      suite.tokens.kyffhaeuser,
    );
    expect(reports.data.district.problemReports).toEqual([{ status: 'ANSWERED', answer: 'Danke, die Nummer ist korrigiert.' }]);
    await card.locator('text=Meldung schließen').click();
    await page.waitForSelector('text=Es liegen keine offenen Meldungen vor.');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test('a district without data greets its new editor with first steps and the workbook to fill in', async () => {
    const nordhausen = await createToken(suite.api.database.client, {
      name: 'Redaktion Nordhausen',
      role: 'EDITOR',
      districtIds: ['16062'],
    });
    const { page } = await openEditor();
    await signIn(page, nordhausen.token);
    await page.click('.district-list a');
    await page.waitForSelector('#first-steps-heading');
    expect(await page.textContent('h1')).toBe('Nordhausen');
    expect(await page.textContent('.first-steps')).toContain('Name und Gemeinden stammen aus dem amtlichen Verzeichnis');
    expect(await page.textContent('#contacts-heading + *')).toBe('Für diesen Kreis sind noch keine Ansprechpersonen eingetragen.');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Arbeitsmappe herunterladen')]);
    expect(download.suggestedFilename()).toBe('Nordhausen.xlsx');
    const file = await readFile((await download.path())!);
    expect(file.subarray(0, 2).toString()).toBe('PK'); // a zip: .xlsx
    mkdirSync('test-output', { recursive: true });
    await page.screenshot({ path: 'test-output/editor-first-steps-de.png', fullPage: true });
    await page.close();
  }, 60_000);

  test('a ministry sees its state’s districts, gives Nordhausen its first editor, who signs in, and revokes the access again', async () => {
    const { page: ministry, errors } = await openEditor();
    await signIn(ministry, suite.tokens.ministryTH, '#stewardship');
    expect(await ministry.textContent('h1')).toBe('Kreise und ihre Redaktionen');
    // The test tokens give the Kyffhäuserkreis and the Wartburgkreis an editor.
    expect(await ministry.textContent('#stewardship-summary')).toBe('22 Kreise, davon 3 mit Daten; 20 noch ohne Redaktion.');
    expect(await ministry.locator('#stewardship tbody tr').count()).toBe(22);
    const nordhausen = ministry.locator('#stewardship tr[data-ags="16062"]');
    expect(await nordhausen.locator('td').allTextContents()).toEqual(['noch keine Daten', '—', '0', 'noch keine Redaktion']);
    await nordhausen.locator('a').click();
    await ministry.waitForSelector('#issue-heading');
    expect(await ministry.textContent('#editors-heading + p')).toContain('noch keine Redaktion');

    // A name is required, said at its field.
    await ministry.click('text=Zugang erzeugen');
    await ministry.waitForSelector('#f-name-error');
    expect(await ministry.textContent('#f-name-error')).toBe('darf nicht leer sein');
    await ministry.fill('#f-name', 'Redaktion Nordhausen, Frau Beispiel');
    await ministry.click('text=Zugang erzeugen');
    await ministry.waitForSelector('#issued');
    const token = await ministry.inputValue('#issued-token');
    expect(token).toMatch(/^igt_/);
    expect(await ministry.locator('.token-list li').allTextContents()).toEqual([
      expect.stringContaining('Redaktion Nordhausen, Frau Beispiel · seit'),
    ]);
    mkdirSync('test-output', { recursive: true });
    await ministry.screenshot({ path: 'test-output/editor-ministry-issued-de.png', fullPage: true });

    // The new editor signs in (another browser) and finds the empty district with its first steps.
    const { page: editor } = await openEditor();
    await signIn(editor, token);
    expect(await editor.locator('.district-list a').allTextContents()).toEqual(['Nordhausen']);
    await editor.click('.district-list a');
    await editor.waitForSelector('#first-steps-heading');

    // Revoked, the key stops working at once.
    ministry.once('dialog', (dialog) => dialog.accept());
    await ministry.click('text=Zugang von Redaktion Nordhausen, Frau Beispiel widerrufen');
    await ministry.waitForSelector('text=Der Zugang von Redaktion Nordhausen, Frau Beispiel ist widerrufen.');
    expect(await ministry.locator('.token-list').count()).toBe(0);
    await editor.reload();
    await editor.waitForSelector('.sign-in [role=alert]');
    expect(await editor.textContent('.sign-in [role=alert]')).toContain('nicht angenommen');

    // A ministry reads its districts but does not edit them.
    await ministry.goto(`${suite.origin}/editor#/d/16065`);
    await ministry.waitForSelector('#page-heading');
    expect(await ministry.textContent('h1')).toBe('Diesen Kreis können Sie mit Ihrem Zugang nicht bearbeiten.');
    expect(errors).toEqual([]);
    await Promise.all([ministry.close(), editor.close()]);
  }, 90_000);

  test('the new editor of a district without data adds its first post and contact; the comparison counts it', async () => {
    const nordhausen = await createToken(suite.api.database.client, {
      name: 'Redaktion Nordhausen',
      role: 'EDITOR',
      districtIds: ['16062'],
    });
    const coverage = async () =>
      (await suite.api.graphql('{ district(ags: "16062") { coverage { hasData contactCount } } }')).data.district.coverage;
    expect(await coverage()).toEqual({ hasData: false, contactCount: 0 });
    const { page, errors } = await openEditor();
    await signIn(page, nordhausen.token);
    await page.click('.district-list a');
    await page.waitForSelector('#first-steps-heading');
    await page.click('text=Ansprechperson hinzufügen');
    await page.waitForSelector('.new-contact');
    // A district without posts starts with a new one.
    expect(await page.inputValue('#f-position')).toBe('');
    await page.fill('#f-post-title', 'Integrationsmanagerin');
    await page.selectOption('#f-post-role', { index: 0 });
    await page.fill('#f-person-salutation', 'Frau');
    await page.fill('#f-person-familyName', 'Beispiel');
    await page.fill('#f-channels-0-printed', '650-123');
    await page.fill('#f-channels-1-printed', 'beispiel@example.org');
    await save(page);
    // The post was made; the phone number is refused at its field, everything typed stays.
    expect(await page.textContent('#f-channels-0-printed-error')).toContain('bitte die Telefonnummer mit Vorwahl angeben');
    expect(await page.inputValue('#f-person-familyName')).toBe('Beispiel');
    expect(await axeViolations(page, { bestPractice: true })).toEqual([]);
    await page.fill('#f-channels-0-printed', '03631 911-0');
    // Created, the contact's own form opens for the rest (office hours …).
    await page.click('button[type=submit]');
    await page.waitForSelector('h1:has-text("Frau Beispiel bearbeiten")');
    expect(await page.inputValue('#f-channels-0-printed')).toBe('03631 911-0');
    // One post, not two: the second try used the post the first one made.
    const { data } = await suite.api.graphql('{ district(ags: "16062") { positions { title } } }');
    expect(data.district.positions).toEqual([{ title: 'Integrationsmanagerin' }]);
    expect(await coverage()).toEqual({ hasData: true, contactCount: 1 });

    // The dashboard the ministries read now counts the district's contact.
    const dashboard = await suite.browser.newPage();
    await dashboard.goto(`${suite.origin}/dashboard`);
    await dashboard.waitForSelector('#districts tbody tr[data-ags="16062"]');
    expect(await dashboard.locator('#districts tbody tr[data-ags="16062"] td').nth(1).textContent()).toBe('1');
    await dashboard.close();

    // The contact ends (the person left): no longer public.
    page.once('dialog', (dialog) => dialog.accept());
    await page.click('button:has-text("Ansprechperson beenden")');
    await page.waitForSelector('#first-steps-heading, #contacts-heading');
    const current = await suite.api.graphql(ContactCardDocument, { ags: '16062' });
    expect(current.data!.district!.contacts.edges).toEqual([]);

    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  test('a ministry of another state sees only its own districts', async () => {
    const { page } = await openEditor();
    await signIn(page, suite.tokens.ministrySN, '#stewardship');
    expect(await page.locator('#stewardship tbody tr').count()).toBe(13);
    expect(await page.locator('#stewardship tr[data-ags="16062"]').count()).toBe(0);
    await page.goto(`${suite.origin}/editor#/s/16062`);
    await page.waitForSelector('#page-heading');
    expect(await page.textContent('h1')).toBe('Diesen Kreis können Sie mit Ihrem Zugang nicht bearbeiten.');
    await page.close();
  }, 60_000);

  test('an offer is added with towns of the district, translated into English, and archived; the public sees each step', async () => {
    const { page, errors } = await openEditor();
    await signIn(page, suite.tokens.kyffhaeuser);
    await page.click('.district-list a');
    await page.waitForSelector('#offers-heading');
    await page.click('text=Angebot hinzufügen');
    await page.waitForSelector('.offer-form');
    expect(await page.textContent('h1')).toBe('Neues Angebot');
    // Nothing filled in: every required field is named at once.
    await page.click('text=Angebot anlegen');
    await page.waitForSelector('#problems');
    expect(await page.textContent('#f-title-error')).toBe('darf nicht leer sein');
    expect(await page.textContent('#f-description-error')).toBeTruthy();

    await page.fill('#f-title', 'Sprechstunde für Neuzugewanderte');
    await page.selectOption('#f-category', 'COUNSELLING');
    await page.fill('#f-description', 'Beratung zu Ämtern, Schule und Arbeit, ohne Termin.');
    await page.check('#f-targetGroups-NEWCOMERS');
    await page.fill('#f-languages', 'de, uk');
    for (const town of ['Sondershausen', 'Artern']) {
      await page.fill('#f-places', town);
      await page.click('text=Ort hinzufügen');
    }
    await page.click('text=Angebot anlegen');
    await page.waitForSelector('#translations-heading');
    expect(await page.textContent('h1')).toBe('Sprechstunde für Neuzugewanderte bearbeiten');
    const offers = async () =>
      (
        await suite.api.graphql(
          '{ district(ags: "16065") { offers { edges { node { id title(lang: "en") languages places { municipality { name } } } } } } }',
        )
      ).data.district.offers.edges.map((edge: { node: unknown }) => edge.node);
    const created = (await offers()).find((offer: { title: string }) => offer.title === 'Sprechstunde für Neuzugewanderte');
    expect(created).toMatchObject({
      languages: ['de', 'uk'],
      places: [{ municipality: { name: 'Artern' } }, { municipality: { name: 'Sondershausen' } }],
    });

    // Translated into English: anonymous readers asking in English get it.
    const english = page.locator('.translation[data-lang="en"]');
    await english.locator('input').fill('Office hours for newcomers');
    await english.locator('textarea').fill('Advice on authorities, school and work, no appointment needed.');
    await english.locator('button').click();
    await page.waitForFunction(
      () => document.getElementById('translation-en-status')?.textContent === 'Gespeichert. Die Änderung ist sofort öffentlich sichtbar.',
    );
    expect((await offers()).map((offer: { title: string }) => offer.title)).toContain('Office hours for newcomers');
    // The history names each step and who took it.
    await page.waitForFunction(() => document.querySelectorAll('.history > li').length === 3);
    expect(await page.locator('.history > li > p').allTextContents()).toEqual([
      expect.stringMatching(/· Redaktion Kyffhäuserkreis · angelegt \(Übersetzung\)$/),
      expect.stringMatching(/· Redaktion Kyffhäuserkreis · angelegt \(Übersetzung\)$/),
      expect.stringMatching(/· Redaktion Kyffhäuserkreis · angelegt$/),
    ]);
    expect(await page.textContent('.history')).toContain('text: — → Office hours for newcomers');
    // The form changes the German text, whatever language the browser asks for (this one asks for English).
    await page.reload();
    await page.waitForSelector('#f-title');
    expect(await page.evaluate(() => navigator.language)).toMatch(/^en/);
    expect(await page.inputValue('#f-title')).toBe('Sprechstunde für Neuzugewanderte');
    expect(await page.textContent('h1')).toBe('Sprechstunde für Neuzugewanderte bearbeiten');
    mkdirSync('test-output', { recursive: true });
    await page.screenshot({ path: 'test-output/editor-offer-de.png', fullPage: true });

    // Archived: gone from the public list, and from the district page.
    page.once('dialog', (dialog) => dialog.accept());
    await page.click('#archive-heading ~ button');
    await page.waitForSelector('#offers-heading');
    expect((await offers()).map((offer: { id: string }) => offer.id)).not.toContain(created.id);
    const history = await suite.api.graphql(
      'query ($of: ID!) { history(of: $of) { action entityType } }',
      { of: created.id },
      suite.tokens.kyffhaeuser,
    );
    expect(history.data.history.map((event: { action: string; entityType: string }) => `${event.action} ${event.entityType}`)).toEqual([
      'ARCHIVE Offer',
      'CREATE Translation',
      'CREATE Translation',
      'CREATE Offer',
    ]);
    expect(await page.textContent('.offer-list')).not.toContain('Sprechstunde für Neuzugewanderte');
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  test('an offer being changed when the token is revoked keeps the input, also across a reload, and is saved after signing in again', async () => {
    const first = await createToken(suite.api.database.client, {
      name: 'Redaktion Kyffhäuserkreis, Frau Weise',
      role: 'EDITOR',
      districtIds: ['16065'],
    });
    const { page } = await openEditor();
    await signIn(page, first.token);
    await page.click('.district-list a');
    await page.waitForSelector('.offer-list a');
    await page.click('.offer-list a');
    await page.waitForSelector('.offer-form');
    await page.fill('#f-title', 'Integrationskurse (neu)');
    await revokeToken(suite.api.database.client, first.id);
    await save(page);
    expect(await page.textContent('#offer-status')).toContain('Ihre Anmeldung gilt nicht mehr');
    expect(await page.inputValue('#f-title')).toBe('Integrationskurse (neu)');
    // Reloading the tab (or leaving it to sign in at the identity provider) keeps the input too.
    await page.reload();
    await page.waitForSelector('.sign-in [role=alert]');
    await signIn(page, suite.tokens.kyffhaeuser, '.offer-form');
    expect(await page.inputValue('#f-title')).toBe('Integrationskurse (neu)');
    await save(page);
    expect(await page.textContent('#offer-status')).toBe('Gespeichert. Die Änderung ist sofort öffentlich sichtbar.');
    const { data } = await suite.api.graphql('{ district(ags: "16065") { offers { edges { node { title(lang: "de") } } } } }');
    expect(data.district.offers.edges.map((edge: { node: { title: string } }) => edge.node.title)).toContain('Integrationskurse (neu)');
    await page.close();
  }, 60_000);

  test('an unknown token is refused and not kept; signing out forgets the token', async () => {
    const { page } = await openEditor();
    await signIn(page, 'igt_unknown', '.sign-in [role=alert]');
    expect(await page.textContent('[role=alert]')).toContain('Dieser Zugangsschlüssel wird nicht angenommen');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await signIn(page, suite.tokens.kyffhaeuser);
    expect(await page.evaluate(() => Object.values(sessionStorage))).toEqual([suite.tokens.kyffhaeuser]);
    expect(await page.evaluate(() => localStorage.getItem('integrationsgraph.editor.token'))).toBeNull();
    await page.click('text=Abmelden');
    expect(await page.textContent('h1')).toBe('Anmelden');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await page.close();
  }, 60_000);

  test('the whole edit by keyboard alone', async () => {
    const { page } = await openEditor();
    await tabTo(page, '', 'token');
    await page.keyboard.type(suite.tokens.kyffhaeuser);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.district-list');
    await tabTo(page, 'Kyffhäuserkreis');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.contact-list');
    await tabTo(page, 'Herr Pilavskij bearbeiten');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#f-channels-0-printed');
    await tabTo(page, '', 'f-channels-0-printed');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('03632 741-444');
    await page.keyboard.press('Enter'); // submits the form
    await page.waitForFunction(() => document.getElementById('save-status')?.textContent?.startsWith('Gespeichert'));
    await page.close();
  }, 60_000);

  test.each([
    ['de', 1280],
    ['en', 1280],
    ['de', 375],
    ['en', 375],
  ] as const)(
    'no WCAG 2.2 AA violations or best-practice problems found by axe-core on every page (%s, %i px)',
    async (language, width) => {
      await suite.api.graphql('mutation ($input: CreateProblemReportInput!) { createProblemReport(input: $input) { __typename } }', {
        input: { subject: pilavskij, fields: { message: 'Die Sprechzeiten fehlen.' } },
      });
      const { page } = await openEditor({ width, height: 800 });
      if (language === 'en') await page.selectOption('#language', 'en');
      const pages: Record<string, string[]> = {};
      pages.signIn = await axeViolations(page, { bestPractice: true });
      await signIn(page, suite.tokens.kyffhaeuser);
      pages.districts = await axeViolations(page, { bestPractice: true });
      await page.click('.district-list a');
      await page.waitForSelector('.report');
      pages.district = await axeViolations(page, { bestPractice: true });
      await page.click(`a[href$="${encodeURIComponent(pilavskij)}"]`);
      await page.waitForSelector('form #f-channels-0-printed');
      pages.form = await axeViolations(page, { bestPractice: true });
      await page.fill('#f-channels-0-printed', '650-123');
      await save(page);
      await page.waitForSelector('#problems');
      pages.problems = await axeViolations(page, { bestPractice: true });
      expect(pages).toEqual({ signIn: [], districts: [], district: [], form: [], problems: [] });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      mkdirSync('test-output', { recursive: true });
      await page.screenshot({ path: `test-output/editor-problems-${language}-${width}.png`, fullPage: true });
      await page.close();
    },
    90_000,
  );

  test.each([
    ['de', 1280],
    ['en', 375],
  ] as const)(
    'the ministry’s pages have no WCAG 2.2 AA violations or best-practice problems (%s, %i px)',
    async (language, width) => {
      const { page } = await openEditor({ width, height: 800 });
      if (language === 'en') await page.selectOption('#language', 'en');
      await signIn(page, suite.tokens.ministryTH, '#stewardship');
      const pages: Record<string, string[]> = { overview: await axeViolations(page, { bestPractice: true }) };
      await page.click('#stewardship tr[data-ags="16065"] a');
      await page.waitForSelector('#issue-heading');
      await page.fill('#f-name', 'Redaktion Kyffhäuserkreis, Herr Beispiel');
      await page.click('form button[type=submit]');
      await page.waitForSelector('#issued');
      pages.district = await axeViolations(page, { bestPractice: true });
      expect(pages).toEqual({ overview: [], district: [] });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.close();
    },
    60_000,
  );
});
