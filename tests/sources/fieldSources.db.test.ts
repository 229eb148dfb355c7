// A fact's page, given in a district's package, is a change of its record: the record's version
// goes up and the change feed names it, so that copies and caches learn of it.
import { GraphQLObjectType } from 'graphql';
import { expect, test } from 'vitest';
import { exportPackages } from '../../src/packages/export.js';
import { typesWithFieldSources } from '../../src/rules/factSources.js';
import { schema } from '../../src/schema.js';
import { editingServer } from '../support/editing.js';

const editing = editingServer();

/** Imports the Kyffhäuserkreis' package with one fact source more, of the page 000; answers the import and the row's position. */
async function importWithFactSource(fact: { id: string; entityType: string; entityId: string; field: string }) {
  const files = await exportPackages(editing.server.database.client);
  const dataPackage = structuredClone(files.find((file) => file.dataPackage.district === '16065')!.dataPackage);
  const at = dataPackage.tables.factSources!.length;
  dataPackage.tables.factSources!.push({ ...fact, sourceId: '000_1eab90bdcab76940.txt', districtId: '16065' });
  const imported = await editing.as(
    editing.tokens.kyffhaeuser,
    'mutation ($input: ImportDataPackageInput!) { importDataPackage(input: $input) { __typename ... on ValidationError { issues { path message } } } }',
    { input: { package: dataPackage } },
  );
  return { answer: imported.data.importDataPackage, at };
}

test('a fact source imported for a post raises the post’s version and is in the feed; the post answers it', async () => {
  const client = editing.server.database.client;
  const post = await client.position.findUniqueOrThrow({ where: { id: '16065/position/integration-migration-commissioner' } });
  const { answer } = await importWithFactSource({
    id: '16065/fact/commissioner-title',
    entityType: 'Position',
    entityId: post.id,
    field: 'title',
  });
  expect(answer.__typename).toBe('MutationImportDataPackageSuccess');
  const after = await client.position.findUniqueOrThrow({ where: { id: post.id } });
  expect(after.version).toBe(post.version + 1);
  const event = await client.feedEvent.findFirstOrThrow({
    where: { entityType: 'Position', entityId: post.id },
    orderBy: { position: 'desc' },
  });
  expect(event).toMatchObject({ action: 'UPDATED', version: post.version + 1 });
  const { data } = await editing.as(null, `{ district(ags: "16065") { positions { title fieldSources { field source { key } } } } }`);
  expect(data.district.positions.find((p: { title: string }) => p.title === post.title).fieldSources).toEqual([
    { field: 'title', source: { key: '000_1eab90bdcab76940.txt' } },
  ]);
});

test('a fact source about a kind of record that does not show its field sources is refused with its path, nothing written', async () => {
  const client = editing.server.database.client;
  const channel = await client.contactChannel.findFirstOrThrow({ where: { contact: { districtId: '16065' } } });
  const { answer, at } = await importWithFactSource({
    id: '16065/fact/channel-value',
    entityType: 'ContactChannel',
    entityId: channel.id,
    field: 'value',
  });
  expect(answer.__typename).toBe('ValidationError');
  expect(answer.issues).toEqual([
    {
      path: `$.tables.factSources[${at}].entityType`,
      message: expect.stringMatching(/^"ContactChannel" does not name the pages of its fields/),
    },
  ]);
  expect(await client.factSource.count({ where: { id: '16065/fact/channel-value' } })).toBe(0);
});

test('the kinds of record a fact source may name are exactly the API’s ChangeTracked types, which answer fieldSources', () => {
  const changeTracked = Object.values(schema.getTypeMap())
    .filter((type) => type instanceof GraphQLObjectType && type.getInterfaces().some((face) => face.name === 'ChangeTracked'))
    .map((type) => type.name);
  expect([...typesWithFieldSources].sort()).toEqual(changeTracked.sort());
});
