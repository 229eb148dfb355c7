// A ministry brings a district of its state on board from the API: it issues the district's first
// editor token, sees which districts have editors, and revokes a token; the new editor can change
// that district's data and no other, and a revoked token is refused at once.
import { expect, test } from 'vitest';
import { hashToken } from '../../src/auth/tokens.js';
import { answerOf, editingServer, mutate, mutationResult } from '../support/editing.js';

const editing = editingServer();

const issue = `mutation ($input: IssueEditorTokenInput!) { issueEditorToken(input: $input) {
  ${mutationResult}
  ... on MutationIssueEditorTokenSuccess { data { token editorToken { id name districts createdAt revokedAt } } } } }`;
const revoke = mutate('revokeEditorToken', 'RevokeEditorTokenInput', 'revokedAt');
const editorsOf = `query ($ags: String!, $all: Boolean) { district(ags: $ags) { editorTokens(includeRevoked: $all) { id name revokedAt } } }`;

const issueFor = (who: string, district: string, name = 'Redaktion Nordhausen, Frau Beispiel') =>
  editing.as(who, issue, { input: { district, fields: { name } } }).then(answerOf);

test('a ministry issues the first editor token of a district without data; its holder adds the first contact', async () => {
  const before = await editing.as(editing.tokens.ministryTH, editorsOf, { ags: '16062' });
  expect(before.data.district.editorTokens).toEqual([]);

  const issued = await issueFor(editing.tokens.ministryTH, '16062');
  expect(issued.__typename).toBe('MutationIssueEditorTokenSuccess');
  const { token, editorToken } = (issued as unknown as { data: { token: string; editorToken: { id: string } } }).data;
  expect(token).toMatch(/^igt_[\w-]{43}$/);
  expect(editorToken).toMatchObject({ name: 'Redaktion Nordhausen, Frau Beispiel', districts: ['16062'], revokedAt: null });

  const after = await editing.as(editing.tokens.ministryTH, editorsOf, { ags: '16062' });
  expect(after.data.district.editorTokens).toEqual([{ id: editorToken.id, name: 'Redaktion Nordhausen, Frau Beispiel', revokedAt: null }]);

  // The token works for its district — its first post, then the post's contact — and for no other.
  const post = { title: 'Integrationsmanagement', role: 'integration-coordination-staff' };
  const addPost = mutate('createPosition', 'CreatePositionInput');
  const created = answerOf(await editing.as(token, addPost, { input: { district: '16062', fields: post } }));
  expect(created.__typename).toBe('MutationCreatePositionSuccess');
  const contact = { position: (created.data as { id: string }).id, channels: [{ kind: 'PHONE', printed: '03631 911-0' }] };
  const addContact = mutate('createContact', 'CreateContactInput');
  expect(answerOf(await editing.as(token, addContact, { input: { district: '16062', fields: contact } })).__typename).toBe(
    'MutationCreateContactSuccess',
  );
  expect(answerOf(await editing.as(token, addPost, { input: { district: '16065', fields: post } })).__typename).toBe('NotAllowedError');

  // The database keeps the hash alone; the audit log names the ministry as the issuer.
  const client = editing.server.database.client;
  const row = await client.apiToken.findUniqueOrThrow({ where: { id: editorToken.id } });
  expect(row.tokenHash).toBe(hashToken(token));
  const logged = await client.auditEvent.findFirstOrThrow({ where: { entityType: 'ApiToken', entityId: editorToken.id } });
  expect(logged).toMatchObject({ action: 'CREATE', actorName: 'TMASGFF', districtId: '16062' });
  expect(JSON.stringify(logged)).not.toContain(token);
});

test('the answer that shows the token is stored by no cache', async () => {
  const response = await fetch(editing.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${editing.tokens.admin}` },
    body: JSON.stringify({ query: issue, variables: { input: { district: '16062', fields: { name: 'Redaktion Nordhausen' } } } }),
  });
  expect((await response.json()).data.issueEditorToken.data.token).toMatch(/^igt_/);
  expect(response.headers.get('cache-control')).toBe('private, no-store');
});

test('a ministry issues and lists tokens of its own state only; editors and readers issue none', async () => {
  expect((await issueFor(editing.tokens.ministrySN, '16062')).__typename).toBe('NotAllowedError');
  expect((await issueFor(editing.tokens.kyffhaeuser, '16065')).__typename).toBe('NotAllowedError');
  expect((await issueFor(null as unknown as string, '16065')).__typename).toBe('NotAuthenticatedError');
  expect((await issueFor(editing.tokens.ministrySN, '14522')).__typename).toBe('MutationIssueEditorTokenSuccess');
  expect((await issueFor(editing.tokens.admin, '16062')).__typename).toBe('MutationIssueEditorTokenSuccess');

  const listed = await editing.as(editing.tokens.ministrySN, editorsOf, { ags: '16065' });
  expect(listed.data?.district ?? null).toBeNull();
  expect(listed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const byEditor = await editing.as(editing.tokens.kyffhaeuser, editorsOf, { ags: '16065' });
  expect(byEditor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  // The test's own editor tokens are there for the state's ministry.
  const kyffhaeuser = await editing.as(editing.tokens.ministryTH, editorsOf, { ags: '16065' });
  expect(kyffhaeuser.data.district.editorTokens.map((token: { name: string }) => token.name)).toEqual(['Redaktion Kyffhäuserkreis']);
});

test('every problem of the input at once, at its field; nothing is issued', async () => {
  const refused = await issueFor(editing.tokens.admin, '16999', '   ');
  expect(refused.__typename).toBe('ValidationError');
  expect(refused.issues).toEqual([
    {
      path: 'district',
      message: '"16999" is no district of Thüringen or Sachsen',
      code: 'NO_SUCH_DISTRICT',
      params: [{ name: 'key', value: '16999' }],
    },
    { path: 'fields.name', message: 'must not be empty', code: 'NOT_EMPTY', params: [] },
  ]);
  const tooLong = await issueFor(editing.tokens.admin, '16062', 'x'.repeat(201));
  expect(tooLong).toMatchObject({
    __typename: 'ValidationError',
    issues: [{ path: 'fields.name', message: 'must be at most 200 characters', code: 'TOO_LONG', params: [{ name: 'max', value: '200' }] }],
  });
  expect(await editing.server.database.client.apiToken.count({ where: { districtIds: { has: '16062' } } })).toBe(0);
});

test('a revoked token is refused at once, stays listed as revoked, and only its state’s ministry or an administrator revokes it', async () => {
  const issued = await issueFor(editing.tokens.ministryTH, '16062');
  const { token, editorToken } = (issued as unknown as { data: { token: string; editorToken: { id: string } } }).data;
  const id = editorToken.id;

  expect(answerOf(await editing.as(editing.tokens.ministrySN, revoke, { input: { id } })).__typename).toBe('NotAllowedError');
  expect(answerOf(await editing.as(token, revoke, { input: { id } })).__typename).toBe('NotAllowedError');
  // Nor may a ministry revoke another ministry's or an administrator's token.
  const ministryTokens = await editing.server.database.client.apiToken.findMany({ where: { role: { not: 'EDITOR' } } });
  expect(ministryTokens.length).toBeGreaterThan(0);
  // An administrator revokes those on the server, not as an editor's token.
  for (const other of ministryTokens)
    expect(answerOf(await editing.as(editing.tokens.admin, revoke, { input: { id: other.id } })).__typename).toBe('NotFoundError');
  for (const other of ministryTokens)
    expect(answerOf(await editing.as(editing.tokens.ministryTH, revoke, { input: { id: other.id } })).__typename).toBe('NotAllowedError');

  const revoked = answerOf(await editing.as(editing.tokens.ministryTH, revoke, { input: { id } }));
  expect(revoked.__typename).toBe('MutationRevokeEditorTokenSuccess');
  const refused = await editing.as(token, '{ district(ags: "16062") { name } }');
  expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(answerOf(await editing.as(editing.tokens.ministryTH, revoke, { input: { id } })).__typename).toBe('NotFoundError');

  const active = await editing.as(editing.tokens.ministryTH, editorsOf, { ags: '16062' });
  expect(active.data.district.editorTokens).toEqual([]);
  const all = await editing.as(editing.tokens.ministryTH, editorsOf, { ags: '16062', all: true });
  expect(all.data.district.editorTokens).toEqual([{ id, name: 'Redaktion Nordhausen, Frau Beispiel', revokedAt: expect.any(String) }]);
});
