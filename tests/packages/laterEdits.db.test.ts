// An import never quietly undoes an editor's later change (issue 25): a package names what it
// was made from (`madeFrom`); importing it after a contact's phone was changed and an offer
// added through the API keeps both, says so, and a record changed on both sides is a conflict —
// shown by name with both values, applied only where the editor chooses.
import { expect, test } from 'vitest';
import { exportPackages } from '../../src/packages/export.js';
import { currentGuide, updateContact } from '../support/contacts.js';
import { editingServer, languageCafe } from '../support/editing.js';

const editing = editingServer();

const importing = `mutation ($input: ImportDataPackageInput!) { importDataPackage(input: $input) { __typename
  ... on ValidationError { issues { path message } }
  ... on MutationImportDataPackageSuccess { data {
    changed { entityType key fields } archived { entityType key } newerInDatabase { entityType key }
    conflicts { entityType key name fields values { field database package } } } } } }`;
const createOffer = `mutation ($input: CreateOfferInput!) { createOffer(input: $input) { __typename ... on MutationCreateOfferSuccess { data { id title } } } }`;

/** The Kyffhäuserkreis' package as exported now. */
const kyffhaeuserPackage = async () =>
  structuredClone(
    (await exportPackages(editing.server.database.client)).find((file) => file.dataPackage.district === '16065')!.dataPackage,
  );

const importPackage = async (dataPackage: unknown, more: Record<string, unknown> = {}) =>
  (await editing.as(editing.tokens.kyffhaeuser, importing, { input: { package: dataPackage, ...more } })).data.importDataPackage;

/** The guide's phone changed and an offer added through the API, after `exported` was made. */
async function editsAfterTheExport() {
  const guide = await currentGuide(editing);
  const changed = await editing.as(editing.tokens.kyffhaeuser, updateContact, {
    input: { id: guide.id, version: guide.version, fields: { channels: [{ kind: 'PHONE', printed: '03632 741-999' }] } },
  });
  expect(changed.data.updateContact.__typename).toBe('MutationUpdateContactSuccess');
  const created = await editing.as(editing.tokens.kyffhaeuser, createOffer, {
    input: {
      district: '16065',
      fields: languageCafe,
    },
  });
  expect(created.data.createOffer.__typename).toBe('MutationCreateOfferSuccess');
  const guideKey = Buffer.from(guide.id, 'base64').toString().split(':')[1];
  const offerKey = Buffer.from(created.data.createOffer.data.id, 'base64').toString().split(':')[1];
  return { guideKey, offerKey };
}

const guidePhone = async (key: string) =>
  (await editing.server.database.client.contactChannel.findMany({ where: { contactId: key, kind: 'PHONE' } })).map(
    (channel) => channel.value,
  );

test('a package exported before an edit and an added offer keeps both: dry run and import say so', async () => {
  const exported = await kyffhaeuserPackage();
  const { guideKey, offerKey } = await editsAfterTheExport();
  const dry = await importPackage(exported, { dryRun: true });
  expect(dry.__typename).toBe('MutationImportDataPackageSuccess');
  expect(dry.data.changed).toEqual([]);
  expect(dry.data.archived).toEqual([]);
  expect(dry.data.conflicts).toEqual([]);
  expect(dry.data.newerInDatabase).toEqual(
    expect.arrayContaining([
      { entityType: 'Contact', key: guideKey },
      { entityType: 'Offer', key: offerKey },
    ]),
  );
  expect((await importPackage(exported)).__typename).toBe('MutationImportDataPackageSuccess');
  expect(await guidePhone(guideKey)).toEqual(['+493632741999']);
  const offer = await editing.server.database.client.offer.findUniqueOrThrow({ where: { id: offerKey } });
  expect(offer.archivedAt).toBeNull();
});

test('a record changed on both sides is a conflict by name with both values; only overwrite applies the package’s', async () => {
  const exported = await kyffhaeuserPackage();
  const { guideKey } = await editsAfterTheExport();
  const channel = exported.tables.channels!.find((row) => row.contactId === guideKey && row.kind === 'PHONE')!;
  channel.printed = '03632 741-555';
  delete channel.value;
  const dry = await importPackage(exported, { dryRun: true });
  const [conflict] = dry.data.conflicts;
  expect(dry.data.conflicts).toHaveLength(1);
  expect(conflict).toMatchObject({ entityType: 'Contact', key: guideKey, fields: ['channels'] });
  expect(conflict.name).toMatch(/Pilavskij/);
  const [values] = conflict.values;
  expect(values.field).toBe('channels');
  expect(values.database).toContain('03632 741-999');
  expect(values.package).toContain('03632 741-555');

  expect((await importPackage(exported)).data.conflicts).toHaveLength(1);
  expect(await guidePhone(guideKey)).toEqual(['+493632741999']);
  const overwritten = await importPackage(exported, { overwrite: [{ entityType: 'Contact', key: guideKey }] });
  expect(overwritten.data.conflicts).toEqual([]);
  expect(overwritten.data.changed).toContainEqual({ entityType: 'Contact', key: guideKey, fields: ['channels'] });
  expect(await guidePhone(guideKey)).toEqual(['+493632741555']);
});

test('fields are settled one by one: the package’s change of one field is applied beside the database’s change of another', async () => {
  const exported = await kyffhaeuserPackage();
  const { guideKey } = await editsAfterTheExport(); // the guide's phone changed in the database
  const contact = exported.tables.contacts!.find((row) => row.id === guideKey)!;
  contact.validTo = '2027-03-31'; // and, in the package, the guide's end date
  contact.validToStated = true;
  const dry = await importPackage(exported, { dryRun: true });
  expect(dry.data.conflicts).toEqual([]);
  expect(dry.data.changed).toContainEqual({ entityType: 'Contact', key: guideKey, fields: ['validTo', 'validToStated'] });
  expect(dry.data.newerInDatabase).toContainEqual({ entityType: 'Contact', key: guideKey });
  expect((await importPackage(exported)).__typename).toBe('MutationImportDataPackageSuccess');
  const stored = await editing.server.database.client.contact.findUniqueOrThrow({ where: { id: guideKey } });
  expect(stored.validTo?.toISOString().slice(0, 10)).toBe('2027-03-31');
  expect(await guidePhone(guideKey)).toEqual(['+493632741999']);
});

test('overwriting a conflict takes the package’s version of the fields in conflict only', async () => {
  const exported = await kyffhaeuserPackage();
  const { guideKey } = await editsAfterTheExport();
  const guide = await currentGuide(editing);
  const noted = await editing.as(editing.tokens.kyffhaeuser, updateContact, {
    input: { id: guide.id, version: guide.version, fields: { internalNote: 'Vertretung bis März' } },
  });
  expect(noted.data.updateContact.__typename).toBe('MutationUpdateContactSuccess');
  const channel = exported.tables.channels!.find((row) => row.contactId === guideKey && row.kind === 'PHONE')!;
  channel.printed = '03632 741-555';
  delete channel.value;
  const dry = await importPackage(exported, { dryRun: true });
  expect(dry.data.conflicts).toEqual([expect.objectContaining({ key: guideKey, fields: ['channels'] })]);
  await importPackage(exported, { overwrite: [{ entityType: 'Contact', key: guideKey }] });
  expect(await guidePhone(guideKey)).toEqual(['+493632741555']);
  // The other editor's note, which the package does not change, stays.
  const stored = await editing.server.database.client.contact.findUniqueOrThrow({ where: { id: guideKey } });
  expect(stored.internalNote).toBe('Vertretung bis März');
});

test('a package without madeFrom (written by hand) is taken as it is', async () => {
  const { madeFrom: _made, ...handWritten } = await kyffhaeuserPackage();
  const { guideKey, offerKey } = await editsAfterTheExport();
  const imported = await importPackage(handWritten);
  expect(imported.data.newerInDatabase).toEqual([]);
  expect(imported.data.archived).toContainEqual({ entityType: 'Offer', key: offerKey });
  expect(await guidePhone(guideKey)).not.toEqual(['+493632741999']);
});

test('applying names the version the dry run answered: after someone else’s change it is refused, nothing written', async () => {
  const dataPackage = await kyffhaeuserPackage();
  dataPackage.tables.offers![0]!.title = 'Deutschkurs (geändert)';
  const versioned = `mutation ($input: ImportDataPackageInput!) { importDataPackage(input: $input) { __typename
    ... on VersionConflictError { expectedVersion currentVersion } ... on MutationImportDataPackageSuccess { data { version changed { key } } } } }`;
  const run = async (input: Record<string, unknown>) =>
    (await editing.as(editing.tokens.kyffhaeuser, versioned, { input: { package: dataPackage, ...input } })).data.importDataPackage;
  const dry = await run({ dryRun: true });
  expect(dry.data.version).toBeGreaterThan(0);
  await editsAfterTheExport();
  const refused = await run({ expectedVersion: dry.data.version });
  expect(refused).toMatchObject({ __typename: 'VersionConflictError', expectedVersion: dry.data.version });
  expect(refused.currentVersion).toBeGreaterThan(dry.data.version);
  const offer = await editing.server.database.client.offer.findUniqueOrThrow({ where: { id: String(dataPackage.tables.offers![0]!.id) } });
  expect(offer.title).not.toBe('Deutschkurs (geändert)');
  const again = await run({ dryRun: true });
  const applied = await run({ expectedVersion: again.data.version });
  expect(applied.__typename).toBe('MutationImportDataPackageSuccess');
  expect(applied.data.changed).toContainEqual({ key: dataPackage.tables.offers![0]!.id });
});
