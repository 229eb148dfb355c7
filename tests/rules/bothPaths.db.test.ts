// The same bad record sent through a mutation and through a data package is refused with the
// same problems: one rule set serves both write paths (src/rules/).
import { describe, expect, test } from 'vitest';
import { exportPackages } from '../../src/packages/export.js';
import { editingServer, issuePaths, mutate } from '../support/editing.js';

const editing = editingServer();

const importMutation = `mutation ($package: JSONObject!) { importDistrictPackage(package: $package, dryRun: true) {
  __typename ... on ValidationError { issues { path message } } } }`;

/** The Kyffhäuserkreis' package as stored now. */
async function kyffhaeuser() {
  const files = await exportPackages(editing.server.database.client);
  return structuredClone(files.find((file) => file.dataPackage.district === '16065')!.dataPackage);
}

/** A package's problems as column → message, for the rows of one table. */
async function packageProblems(table: string, edit: (rows: Record<string, unknown>[]) => void) {
  const dataPackage = await kyffhaeuser();
  edit(dataPackage.tables[table]!);
  const response = await editing.as(editing.tokens.kyffhaeuser, importMutation, { package: dataPackage });
  const issues: { path: string; message: string }[] = response.data.importDistrictPackage.issues;
  return issues.map(({ path, message }) => [path.replace(/^\$\.tables\.\w+\[\d+\]\.?/, ''), message]);
}

/** A mutation's problems as column → message, under the given input path. */
async function mutationProblems(name: string, type: string, input: unknown, under: string | RegExp) {
  const response = await editing.as(editing.tokens.kyffhaeuser, mutate(name, type), { input });
  const result = response.data[name];
  expect(result.__typename, JSON.stringify(result)).toBe('ValidationError');
  return (result.issues as { path: string; message: string }[]).map(({ path, message }) => [
    path.replace(under, '').replace(/^\./, ''),
    message,
  ]);
}

describe('one rule set, two write paths', () => {
  test('a funding with a zero share and its period the wrong way round', async () => {
    const fields = { description: 'Integrationsmanagement', sharePercent: 0, periodStart: '2027', periodEnd: '2026' };
    const viaMutation = await mutationProblems(
      'createFunding',
      'CreateFundingInput',
      { district: '16065', fields: { ...fields, funder: 'eu' } },
      'fields',
    );
    const viaPackage = await packageProblems('fundings', (rows) => Object.assign(rows[0]!, fields));
    expect(viaMutation).toEqual([
      ['sharePercent', 'must be more than 0 and at most 100'],
      ['periodEnd', 'must not be before the start (2027)'],
    ]);
    expect(viaPackage).toEqual(viaMutation);
  });

  test('an address with a short postal code and neither street nor post-office box', async () => {
    const address = { kind: 'VISITOR', postalCode: '9970', locality: 'Sondershausen' };
    const guide = (await editing.as(null, '{ contacts(filter: { area: { district: "16065" } }) { edges { node { id version } } } }')).data
      .contacts.edges[0].node;
    const viaMutation = await mutationProblems(
      'updateContact',
      'UpdateContactInput',
      { ...guide, addresses: [address] },
      /^addresses\[0\]/,
    );
    const viaPackage = await packageProblems('addresses', (rows) => {
      Object.assign(rows[0]!, address);
      delete rows[0]!.street;
      delete rows[0]!.postOfficeBox;
    });
    expect(viaMutation).toEqual([
      ['postalCode', 'must be a German postal code (5 digits)'],
      ['', 'needs a street or a post-office box'],
    ]);
    expect(viaPackage).toEqual(viaMutation);
  });

  test('a post with a headcount of 0', async () => {
    const viaMutation = await mutationProblems(
      'createPosition',
      'CreatePositionInput',
      { district: '16065', fields: { title: 'Stelle', role: 'integration-guide', headcount: 0 } },
      'fields',
    );
    const viaPackage = await packageProblems('positions', (rows) => Object.assign(rows[0]!, { headcount: 0 }));
    expect(viaMutation).toEqual([['headcount', 'must be 1 or more']]);
    expect(viaPackage).toEqual(viaMutation);
  });
});

test('createContact reports a malformed phone number and another district’s post together', async () => {
  const foreignPost = (await editing.as(null, '{ district(ags: "14522") { positions { id } } }')).data.district.positions[0].id;
  const response = await editing.as(editing.tokens.kyffhaeuser, mutate('createContact', 'CreateContactInput'), {
    input: { district: '16065', position: foreignPost, person: { familyName: 'Muster' }, channels: [{ kind: 'PHONE', printed: '12' }] },
  });
  expect(issuePaths(response.data.createContact)).toEqual(['position', 'channels[0].printed']);
  expect(response.data.createContact.issues[0].message).toBe('is not a post of district 16065');
});

describe('one normalisation, two write paths', () => {
  const importing = `mutation ($input: ImportDataPackageInput!) { importDataPackage(input: $input) {
    __typename ... on ValidationError { issues { path message } } } }`;
  const channelsOf = async (contactId: string) =>
    editing.server.database.client.contactChannel.findMany({ where: { contactId }, orderBy: { ordinal: 'asc' }, select: { value: true } });

  test('a phone number and an e-mail address given only as printed get the value a mutation gives them', async () => {
    const printed = [
      { kind: 'PHONE', printed: '03606 650-123' },
      { kind: 'EMAIL', printed: 'integration[at]kyffhaeuser.de' },
    ];
    const dataPackage = await kyffhaeuser();
    const contact = dataPackage.tables.contacts![0]!;
    dataPackage.tables.channels = [
      ...dataPackage.tables.channels!.filter((row) => row.contactId !== contact.id),
      ...printed.map((channel, ordinal) => ({
        id: `${contact.id}/channel/new-${ordinal}`,
        contactId: contact.id,
        ordinal,
        sourceId: contact.sourceId,
        ...channel,
      })),
    ];
    const imported = await editing.as(editing.tokens.kyffhaeuser, importing, { input: { package: dataPackage } });
    expect(imported.data.importDataPackage.__typename).toBe('MutationImportDataPackageSuccess');
    const viaPackage = await channelsOf(String(contact.id));

    const guide = await editing.server.database.client.contact.findUniqueOrThrow({ where: { id: String(contact.id) } });
    const id = Buffer.from(`Contact:${guide.id}`).toString('base64');
    const updated = await editing.as(editing.tokens.kyffhaeuser, mutate('updateContact', 'UpdateContactInput'), {
      input: { id, version: guide.version, fields: { channels: printed } },
    });
    expect(updated.data.updateContact.__typename).toBe('MutationUpdateContactSuccess');
    expect(viaPackage).toEqual([{ value: '+493606650123' }, { value: 'integration@kyffhaeuser.de' }]);
    expect(await channelsOf(String(contact.id))).toEqual(viaPackage);
  });

  test('a printed number no rule can read is refused on both paths with the same words; an address’s printed form is derived', async () => {
    const dataPackage = await kyffhaeuser();
    const channel = dataPackage.tables.channels!.find((row) => row.kind === 'PHONE')!;
    Object.assign(channel, { printed: '03632 / 74I-273' });
    delete channel.value;
    const address = dataPackage.tables.addresses![0]!;
    const printedBefore = address.printed;
    delete address.printed;
    const checked = await editing.as(editing.tokens.kyffhaeuser, importing, { input: { package: dataPackage, dryRun: true } });
    const viaPackage = checked.data.importDataPackage.issues.map(({ path, message }: { path: string; message: string }) => [
      path.replace(/^\$\.tables\.channels\[\d+\]\./, ''),
      message,
    ]);
    const guide = (await editing.as(null, '{ contacts(filter: { area: { district: "16065" } }) { edges { node { id version } } } }')).data
      .contacts.edges[0].node;
    const viaMutation = await mutationProblems(
      'updateContact',
      'UpdateContactInput',
      { id: guide.id, version: guide.version, fields: { channels: [{ kind: 'PHONE', printed: '03632 / 74I-273' }] } },
      /^fields\.channels\[0\]/,
    );
    expect(viaPackage).toEqual([['printed', viaMutation[0]![1]]]);
    expect(viaMutation[0]![1]).toBe('"03632 / 74I-273" has a letter among its digits (an O for a 0?)');

    delete channel.printed;
    Object.assign(channel, { printed: '03632 / 741-273' });
    const imported = await editing.as(editing.tokens.kyffhaeuser, importing, { input: { package: dataPackage } });
    expect(imported.data.importDataPackage.__typename).toBe('MutationImportDataPackageSuccess');
    const stored = await editing.server.database.client.address.findUniqueOrThrow({ where: { id: String(address.id) } });
    expect(stored.printed).toBe(printedBefore);
  });
});
