// `history(of:)`: a record's changes from the audit log, for its district's editors, its state's
// ministry and administrators — not for anyone else, and never who was given access.
import { expect, test } from 'vitest';
import { EditorHistoryDocument } from '../../schema/generated/graphql.js';
import { editingServer, mutate } from '../support/editing.js';

const editing = editingServer();
const pilavskij = 'Q29udGFjdDoxNjA2NS9jb250YWN0L3BpbGF2c2tpag==';

async function changePhone(printed: string) {
  const { data } = await editing.as(editing.tokens.kyffhaeuser, `{ node(id: "${pilavskij}") { ... on Contact { version } } }`);
  const response = await editing.as(editing.tokens.kyffhaeuser, mutate('updateContact', 'UpdateContactInput'), {
    input: { id: pilavskij, version: data.node.version, fields: { channels: [{ kind: 'PHONE', printed }] } },
  });
  expect(response.data.updateContact.__typename).toBe('MutationUpdateContactSuccess');
}

test('the district’s editors and its state’s ministry read a record’s changes, newest first, with before and after', async () => {
  await changePhone('03632 741-111');
  await changePhone('03632 741-222');
  for (const token of [editing.tokens.kyffhaeuser, editing.tokens.ministryTH, editing.tokens.admin]) {
    const { data, errors } = await editing.server.graphql(EditorHistoryDocument, { of: pilavskij }, token);
    expect(errors).toBeUndefined();
    const changes = data!.history.filter((event) => event?.action === 'UPDATE');
    expect(changes).toHaveLength(2);
    expect(changes.map((event) => event!.actorName)).toEqual(['Redaktion Kyffhäuserkreis', 'Redaktion Kyffhäuserkreis']);
    expect(JSON.stringify(changes[0]!.after)).toContain('741-222');
    expect(JSON.stringify(changes[0]!.before)).toContain('741-111');
  }
});

test('another district’s editor, another state’s ministry and anonymous callers are refused', async () => {
  await changePhone('03632 741-333');
  for (const token of [editing.tokens.wartburg, editing.tokens.ministrySN]) {
    const { data, errors } = await editing.server.graphql(EditorHistoryDocument, { of: pilavskij }, token);
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(data)).not.toContain('741-333');
  }
  const anonymous = await editing.server.graphql(EditorHistoryDocument, { of: pilavskij });
  expect(JSON.stringify(anonymous)).not.toContain('741-333');
  expect(anonymous.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
});

test('who was given access to a district is in its ministry’s reach, not its editors’', async () => {
  const issued = await editing.as(
    editing.tokens.ministryTH,
    'mutation ($input: IssueEditorTokenInput!) { issueEditorToken(input: $input) { ... on MutationIssueEditorTokenSuccess { data { editorToken { id } } } } }',
    { input: { district: '16065', fields: { name: 'Redaktion Kyffhäuserkreis, Herr Neu' } } },
  );
  const of = Buffer.from(`ApiToken:${issued.data.issueEditorToken.data.editorToken.id}`).toString('base64');
  const asMinistry = await editing.server.graphql(EditorHistoryDocument, { of }, editing.tokens.ministryTH);
  expect(JSON.stringify(asMinistry.data)).toContain('Herr Neu');
  const asEditor = await editing.server.graphql(EditorHistoryDocument, { of }, editing.tokens.kyffhaeuser);
  expect(asEditor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(JSON.stringify(asEditor.data)).not.toContain('Herr Neu');
});

test('a contact’s history holds its office hours’ translations, a removed one too', async () => {
  const { data } = await editing.as(
    null,
    '{ district(ags: "16065") { contacts(asOf: "2016-07-01") { edges { node { id officeHours { id } } } } } }',
  );
  const contact = data.district.contacts.edges[0].node;
  const text = { subject: contact.officeHours[0].id, field: 'printed', language: 'ar' };
  const save = `mutation ($input: SaveTranslationInput!) { saveTranslation(input: $input) { __typename } }`;
  const remove = `mutation ($input: RemoveTranslationInput!) { removeTranslation(input: $input) { __typename } }`;
  await editing.as(editing.tokens.kyffhaeuser, save, { input: { ...text, fields: { text: 'ساعات الاستقبال' } } });
  await editing.as(editing.tokens.kyffhaeuser, remove, { input: text });
  const history = await editing.server.graphql(EditorHistoryDocument, { of: contact.id }, editing.tokens.kyffhaeuser);
  expect(history.data!.history.map((event) => `${event!.action} ${event!.entityType}`).slice(0, 2)).toEqual([
    'ARCHIVE Translation',
    'CREATE Translation',
  ]);
});
