// Texts in the reader's language, with German as the fallback: from packages made for the
// tests (English, Arabic, Ukrainian; the seeds have no translations), chosen by `lang` or
// Accept-Language, set by editors, carried through export and import.
import { expect, test } from 'vitest';
import { decodeGlobalId } from '../../src/common/globalId.js';
import { exportPackages } from '../../src/packages/export.js';
import type { DataPackage } from '../../src/packages/format.js';
import { editingServer } from '../support/editing.js';

const editing = editingServer();

const importPackage = `mutation ($package: JSONObject!, $dryRun: Boolean) { importDistrictPackage(package: $package, dryRun: $dryRun) {
  __typename ... on ValidationError { issues { path message } } ... on MutationImportDistrictPackageSuccess { data { added { key } changed { key } } } } }`;

async function kyffhaeuser() {
  return structuredClone((await exportPackages(editing.server.database.client)).find((file) => file.file.startsWith('16065'))!.dataPackage);
}

/** The Kyffhäuserkreis' package with translations of its language-course offer and of a post's title. */
async function translatedPackage(): Promise<{ dataPackage: DataPackage; offerKey: string; positionKey: string }> {
  const dataPackage = await kyffhaeuser();
  const offer = dataPackage.tables.offers!.find((row) => row.category === 'LANGUAGE_COURSE')!;
  const position = dataPackage.tables.positions![0]!;
  const sourceId = String(offer.sourceId);
  const row = (entityType: string, entityId: unknown, field: string, language: string, text: string, machine = false) => ({
    id: `16065/translation/${entityType}/${String(entityId).split('/').at(-1)}/${field}/${language}`,
    entityType,
    entityId,
    field,
    language,
    text,
    machine,
    translatedOn: '2026-11-01',
    sourceId,
    districtId: '16065',
  });
  dataPackage.tables.translations = [
    row('Offer', offer.id, 'title', 'en', 'Integration courses and other language courses'),
    row('Offer', offer.id, 'title', 'ar', 'دورات الاندماج ودورات لغة أخرى'),
    row('Offer', offer.id, 'title', 'uk', 'Інтеграційні курси та інші мовні курси', true),
    row('Offer', offer.id, 'description', 'en', 'Courses of several providers.'),
    row('Position', position.id, 'title', 'en', 'Integration guide'),
  ];
  return { dataPackage, offerKey: String(offer.id), positionKey: String(position.id) };
}

const offerQuery = `query ($lang: String) { offers(filter: { category: LANGUAGE_COURSE }) { edges { node {
  id version title(lang: $lang) description(lang: $lang) availableLanguages localized(lang: $lang) { field language fellBack machine } } } } }`;

async function languageCourse(lang?: string, headers: Record<string, string> = {}) {
  const response = await fetch(editing.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: offerQuery, variables: { lang } }),
  });
  const body = (await response.json()) as any;
  return body.data?.offers.edges[0].node ?? body;
}

test('a package with translations imports; each text answers in the language asked for, or German, and says which', async () => {
  const { dataPackage } = await translatedPackage();
  const imported = await editing.as(editing.tokens.kyffhaeuser, importPackage, { package: dataPackage });
  expect(imported.data.importDistrictPackage.__typename).toBe('MutationImportDistrictPackageSuccess');

  const arabic = await languageCourse('ar');
  expect(arabic.title).toBe('دورات الاندماج ودورات لغة أخرى');
  expect(arabic.description).toMatch(/[a-zäöü]/); // no Arabic description: the German one
  expect(arabic.localized).toEqual([
    { field: 'title', language: 'ar', fellBack: false, machine: false },
    { field: 'description', language: 'de', fellBack: true, machine: false },
  ]);
  expect(arabic.availableLanguages).toEqual(['de', 'en', 'ar', 'uk']);
  const ukrainian = await languageCourse(undefined, { 'accept-language': 'uk-UA,uk;q=0.9,en;q=0.5' });
  expect(ukrainian.title).toBe('Інтеграційні курси та інші мовні курси');
  expect(ukrainian.localized[0]).toEqual({ field: 'title', language: 'uk', fellBack: false, machine: true });
  const french = await languageCourse(undefined, { 'accept-language': 'fr' });
  expect(french.localized[0]).toMatchObject({ language: 'de', fellBack: true });
  const plain = await languageCourse();
  expect(plain.localized[0]).toMatchObject({ language: 'de', fellBack: false });
  expect(plain.title).toBe('Integrationskurse und weitere Sprachkurse');
});

test('the package carries them: export equals what was imported, and importing it again changes nothing', async () => {
  const { dataPackage } = await translatedPackage();
  await editing.as(editing.tokens.kyffhaeuser, importPackage, { package: dataPackage });
  const exported = await kyffhaeuser();
  const sorted = (rows: unknown[] = []) => [...rows].map((row) => JSON.stringify(row)).sort();
  expect(sorted(exported.tables.translations)).toEqual(sorted(dataPackage.tables.translations));
  const again = await editing.as(editing.tokens.kyffhaeuser, importPackage, { package: exported, dryRun: true });
  expect(again.data.importDistrictPackage.data).toEqual({ added: [], changed: [] });
});

test('a translation of a text that is not translatable, into German, or of a record the package does not hold is refused with its path', async () => {
  const { dataPackage } = await translatedPackage();
  dataPackage.tables.translations![0]!.field = 'website';
  dataPackage.tables.translations![1]!.language = 'de';
  dataPackage.tables.translations![2]!.entityId = '16065/offer/none';
  const refused = await editing.as(editing.tokens.kyffhaeuser, importPackage, { package: dataPackage });
  expect(refused.data.importDistrictPackage.issues.map((issue: { path: string }) => issue.path)).toEqual(
    expect.arrayContaining([
      expect.stringContaining('translations[0].field'),
      expect.stringContaining('translations[1].language'),
      expect.stringContaining('translations[2].entityId'),
    ]),
  );
});

const translate = `mutation ($input: TranslateInput!) { translate(input: $input) { field text language machine } }`;

test('editors translate a text of their district; the record’s version goes up and the feed says so; others may not', async () => {
  const before = await languageCourse();
  const input = { subject: before.id, field: 'description', language: 'uk', text: 'Курси кількох організацій.' };
  expect((await editing.as(editing.tokens.wartburg, translate, { input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const { data } = await editing.as(editing.tokens.kyffhaeuser, translate, { input });
  expect(data.translate).toEqual({ field: 'description', text: 'Курси кількох організацій.', language: 'uk', machine: false });
  const after = await languageCourse('uk');
  expect(after.description).toBe('Курси кількох організацій.');
  expect(after.version).toBe(before.version + 1);
  const lastChange = await editing.server.database.client.feedEvent.findFirstOrThrow({
    orderBy: { position: 'desc' },
    where: { entityType: 'Offer' },
  });
  expect(lastChange).toMatchObject({ action: 'UPDATED', entityId: decodeGlobalId(before.id).id, version: before.version + 1 });
  const wrongField = await editing.as(editing.tokens.kyffhaeuser, translate, { input: { ...input, field: 'website' } });
  expect(wrongField.errors?.[0]?.message).toBe('"website" is not a translatable text of Offer: title, description.');
  const german = await editing.as(editing.tokens.kyffhaeuser, translate, { input: { ...input, language: 'de' } });
  expect(german.errors?.[0]?.message).toBe('"language" must not be German: German is the original.');
  const badLang = await editing.as(null, offerQuery, { lang: 'not a tag!' });
  expect(badLang.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

test('office hours and the shared vocabularies translate too: an administrator translates a role', async () => {
  const { data } = await editing.as(
    null,
    '{ roles { id germanName } district(ags: "16065") { contacts(asOf: "2016-07-01") { edges { node { officeHours { id } } } } } }',
  );
  const [hours] = data.district.contacts.edges[0].node.officeHours;
  const printed = { subject: hours.id, field: 'printed', language: 'ar', text: 'ساعات الاستقبال في مكتب العاملين الميدانيين' };
  expect((await editing.as(editing.tokens.kyffhaeuser, translate, { input: printed })).data.translate.language).toBe('ar');
  const inArabic = await editing.as(
    null,
    '{ district(ags: "16065") { contacts(asOf: "2016-07-01") { edges { node { officeHours { printed(lang: "ar") } } } } } }',
  );
  expect(inArabic.data.district.contacts.edges[0].node.officeHours[0].printed).toBe(printed.text);
  const role = data.roles[0];
  const input = { subject: role.id, field: 'germanName', language: 'en', text: 'Integration guide' };
  expect((await editing.as(editing.tokens.kyffhaeuser, translate, { input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect((await editing.as(editing.tokens.admin, translate, { input })).data.translate.language).toBe('en');
  const roles = await editing.as(null, '{ roles { id germanName(lang: "en") } }');
  expect(roles.data.roles.find((each: { id: string }) => each.id === role.id).germanName).toBe('Integration guide');
});

const saveTranslation = `mutation ($input: SaveTranslationInput!) { saveTranslation(input: $input) {
  __typename ... on MutationError { message } ... on ValidationError { issues { path message } }
  ... on MutationSaveTranslationSuccess { data { field text language machine } } } }`;

test('saveTranslation answers the translation, or every problem at once, or the refusal, as typed results', async () => {
  const offer = await languageCourse();
  const input = { subject: offer.id, field: 'title', language: 'en', fields: { text: 'Language courses', machine: true } };
  expect((await editing.as(editing.tokens.wartburg, saveTranslation, { input })).data.saveTranslation.__typename).toBe('NotAllowedError');
  const saved = await editing.as(editing.tokens.kyffhaeuser, saveTranslation, { input });
  expect(saved.data.saveTranslation).toEqual({
    __typename: 'MutationSaveTranslationSuccess',
    data: { field: 'title', text: 'Language courses', language: 'en', machine: true },
  });
  const wrong = await editing.as(editing.tokens.kyffhaeuser, saveTranslation, {
    input: { ...input, field: 'website', language: 'de', fields: { text: ' ' } },
  });
  expect(wrong.data.saveTranslation.issues).toEqual([
    { path: 'field', message: '"website" is not a translatable text of Offer: title, description' },
    { path: 'language', message: 'must not be German: German is the original' },
    { path: 'fields.text', message: 'must not be empty, and at most 10,000 characters' },
  ]);
  const gone = await editing.as(editing.tokens.admin, saveTranslation, { input: { ...input, subject: 'T2ZmZXI6bm9uZQ==' } });
  expect(gone.data.saveTranslation).toEqual({ __typename: 'NotFoundError', message: 'No Offer with this ID.' });
  const events = await editing.server.database.client.auditEvent.findMany({ where: { entityType: 'Translation' } });
  expect(events.map((event) => event.actorName)).toEqual(['Redaktion Kyffhäuserkreis']);
});

const removeTranslation = `mutation ($input: RemoveTranslationInput!) { removeTranslation(input: $input) {
  __typename ... on MutationError { message } ... on ValidationError { issues { path message } }
  ... on MutationRemoveTranslationSuccess { data { field text language } } } }`;

test('a translation removed: readers get the German text again, the record’s version goes up and the feed says so; audited with its text', async () => {
  const offer = await languageCourse();
  const text = { subject: offer.id, field: 'title', language: 'en' };
  await editing.as(editing.tokens.kyffhaeuser, saveTranslation, { input: { ...text, fields: { text: 'Language courses' } } });
  const translated = await languageCourse('en');
  expect(translated.title).toBe('Language courses');

  expect((await editing.as(editing.tokens.wartburg, removeTranslation, { input: text })).data.removeTranslation.__typename).toBe(
    'NotAllowedError',
  );
  const removed = await editing.as(editing.tokens.kyffhaeuser, removeTranslation, { input: text });
  expect(removed.data.removeTranslation).toEqual({
    __typename: 'MutationRemoveTranslationSuccess',
    data: { field: 'title', text: 'Language courses', language: 'en' },
  });
  const after = await languageCourse('en');
  expect(after).toMatchObject({ title: offer.title, version: translated.version + 1 });
  expect(after.localized.find((localized: { field: string }) => localized.field === 'title').fellBack).toBe(true);
  const lastChange = await editing.server.database.client.feedEvent.findFirstOrThrow({ orderBy: { position: 'desc' } });
  expect(lastChange).toMatchObject({
    action: 'UPDATED',
    entityType: 'Offer',
    entityId: decodeGlobalId(offer.id).id,
    version: after.version,
  });
  const archived = await editing.server.database.client.auditEvent.findFirstOrThrow({
    where: { entityType: 'Translation', action: 'ARCHIVE' },
  });
  expect(archived.before).toMatchObject({ text: 'Language courses', language: 'en' });

  const again = await editing.as(editing.tokens.kyffhaeuser, removeTranslation, { input: text });
  expect(again.data.removeTranslation).toEqual({ __typename: 'NotFoundError', message: 'Offer has no translation of "title" into "en".' });
  const wrong = await editing.as(editing.tokens.kyffhaeuser, removeTranslation, { input: { ...text, field: 'website', language: 'de' } });
  expect(wrong.data.removeTranslation.issues.map((issue: { path: string }) => issue.path)).toEqual(['field', 'language']);
});

test('removing office hours’ translation announces their contact', async () => {
  const query =
    '{ district(ags: "16065") { contacts(asOf: "2016-07-01") { edges { node { id version officeHours { id printed(lang: "ar") } } } } } }';
  const contactOf = async () => (await editing.as(null, query)).data.district.contacts.edges[0].node;
  const contact = await contactOf();
  const text = { subject: contact.officeHours[0].id, field: 'printed', language: 'ar' };
  await editing.as(editing.tokens.kyffhaeuser, saveTranslation, { input: { ...text, fields: { text: 'ساعات الاستقبال' } } });
  const removed = await editing.as(editing.tokens.kyffhaeuser, removeTranslation, { input: text });
  expect(removed.data.removeTranslation.__typename).toBe('MutationRemoveTranslationSuccess');
  const after = await contactOf();
  expect(after.officeHours[0].printed).toBe(contact.officeHours[0].printed);
  expect(after.version).toBe(contact.version + 2);
  const lastChange = await editing.server.database.client.feedEvent.findFirstOrThrow({ orderBy: { position: 'desc' } });
  expect(lastChange).toMatchObject({ entityType: 'Contact', entityId: decodeGlobalId(contact.id).id, version: after.version });
});
