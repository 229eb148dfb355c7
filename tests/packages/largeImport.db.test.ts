// A district importing 20,000 offers through the API while anonymous readers keep reading:
// every read is answered (no reset, no error), the import is written whole. On PostgreSQL the
// reads are answered while the import runs; the embedded database runs one transaction at a
// time, so there they wait for its short write phase. (The timings are in bench/IMPORT.md.)
import { expect, test } from 'vitest';
import { exportPackages } from '../../src/packages/export.js';
import { databaseKind } from '../support/database.js';
import { editingServer } from '../support/editing.js';

const editing = editingServer();
const offers = 20_000;

const importMutation = /* GraphQL */ `
  mutation ($package: JSONObject!) {
    importDistrictPackage(package: $package) {
      __typename
      ... on MutationImportDistrictPackageSuccess { data { added { key } } }
    }
  }
`;

async function packageWithManyOffers(offers: number) {
  const exported = await exportPackages(editing.server.database.client);
  const dataPackage = structuredClone(exported.find((each) => each.file.startsWith('16065'))!.dataPackage);
  const template = dataPackage.tables.offers![0]!;
  for (let i = 0; i < offers; i++) dataPackage.tables.offers!.push({ ...template, id: `16065/offer/bulk-${i}`, title: `Sprachkurs ${i}` });
  return dataPackage;
}

test(`an import of ${offers} offers does not cut anonymous readers off`, async () => {
  const dataPackage = await packageWithManyOffers(offers);
  let importing = true;
  const reads: { ok: boolean; duringImport: boolean }[] = [];
  const reader = (async () => {
    while (importing) {
      const response = await editing.as(null, '{ district(ags: "16063") { name } }').catch(() => null);
      reads.push({ ok: response?.data?.district?.name === 'Wartburgkreis', duringImport: importing });
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  const response = await editing.as(editing.tokens.kyffhaeuser, importMutation, { package: dataPackage });
  importing = false;
  await reader;

  expect(response.data.importDistrictPackage.__typename).toBe('MutationImportDistrictPackageSuccess');
  expect(response.data.importDistrictPackage.data.added).toHaveLength(offers);
  const client = editing.server.database.client;
  expect(await client.offer.count({ where: { id: { startsWith: '16065/offer/bulk-' } } })).toBe(offers);
  expect(await client.auditEvent.count({ where: { entityId: { startsWith: '16065/offer/bulk-' } } })).toBe(offers);
  expect(reads.every((read) => read.ok)).toBe(true);
  if (databaseKind === 'postgresql') expect(reads.filter((read) => read.duringImport).length).toBeGreaterThan(3);
}, 120_000);

test.skipIf(databaseKind === 'postgresql')(
  'on the embedded database, a package beyond 25,000 rows is refused with the way to import it',
  async () => {
    const dataPackage = await packageWithManyOffers(25_000);
    const response = await editing.as(
      editing.tokens.kyffhaeuser,
      'mutation ($input: ImportDataPackageInput!) { importDataPackage(input: $input) { __typename ... on ValidationError { issues { path message } } } }',
      { input: { package: dataPackage, dryRun: true } },
    );
    expect(response.data.importDataPackage.__typename).toBe('ValidationError');
    expect(response.data.importDataPackage.issues).toEqual([
      {
        path: 'package',
        message: expect.stringMatching(
          /^has 25,\d{3} rows, more than the embedded database imports .*PostgreSQL \(DATABASE_URL\).*npm run data:import/,
        ),
      },
    ]);
    expect(await editing.server.database.client.offer.count({ where: { id: { startsWith: '16065/offer/bulk-' } } })).toBe(0);
  },
  60_000,
);
