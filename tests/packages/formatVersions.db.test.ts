// Packages written by earlier releases still import: a frozen copy of a version-1 package
// (tests/fixtures/packages/v1/), and a package that leaves out a table (as one written before
// the table existed would): the table's records stay as they are.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { TokenViewer } from '../../src/auth/viewer.js';
import { exportPackages } from '../../src/packages/export.js';
import { importPackages } from '../../src/packages/import.js';
import { tableByKey } from '../../src/packages/tables.js';
import { rootDir } from '../../src/paths.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
beforeEach(() => server.reset());
afterAll(() => server.close());

const actor: TokenViewer = { tokenId: null, name: 'test', role: 'ADMIN', districtIds: [], stateId: null, stateRegionalKey: null };
const fixture = async () =>
  JSON.parse(await readFile(join(rootDir, 'tests', 'fixtures', 'packages', 'v1', '16065-kyffhaeuserkreis.json'), 'utf8'));
const importOne = (content: unknown, dryRun = false) =>
  importPackages(server.database.client, [{ content }], { actor, now: new Date(), dryRun });

test('a package written in format version 1 imports into the current release', async () => {
  const v1 = await fixture();
  expect(v1.formatVersion).toBe(1);
  await importOne(v1);
  const again = await importOne(v1, true);
  const records = Object.entries<unknown[]>(v1.tables).filter(([table]) => !tableByKey.get(table)!.partOf);
  expect({ added: again.added, changed: again.changed, archived: again.archived }).toEqual({ added: [], changed: [], archived: [] });
  expect(again.unchanged).toBe(records.reduce((sum, [, rows]) => sum + rows.length, 0));
  // Records added to the seed since version 1 that cannot be archived stay; none of the package's own.
  const own = new Set(records.flatMap(([, rows]) => rows.map((row) => String((row as { id: unknown }).id))));
  expect(again.kept.filter((record) => own.has(record.key))).toEqual([]);
});

test('a table left out of a package is not described by it: its records stay', async () => {
  const exported = await exportPackages(server.database.client);
  const withoutChannels = structuredClone(exported.find(({ dataPackage }) => dataPackage.district === '16065')!.dataPackage);
  delete withoutChannels.tables.channels;
  withoutChannels.tables.offers = withoutChannels.tables.offers.slice(1);
  const client = server.database.client;
  const channelsBefore = await client.contactChannel.findMany({ where: { contact: { districtId: '16065' } }, orderBy: { id: 'asc' } });
  const summary = await importOne(withoutChannels);
  expect(summary.changed).toEqual([]);
  expect(summary.archived.map((change) => change.entityType)).toEqual(['Offer']);
  expect(await client.contactChannel.findMany({ where: { contact: { districtId: '16065' } }, orderBy: { id: 'asc' } })).toEqual(
    channelsBefore,
  );
});
