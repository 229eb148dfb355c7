// Issuing and revoking API tokens are changes like any other: audited, with the rights given and
// who gave them, never the token or its hash; an editor's token of a district is read in the audit
// log by administrators and that district's state's ministry.
import { expect, test } from 'vitest';
import { hashToken } from '../../src/auth/tokens.js';
import { createToken, revokeToken } from '../../src/tokens/issue.js';
import { editingServer } from '../support/editing.js';

const editing = editingServer();

test('a token issued and revoked is in the audit log with its rights, without the token or its hash', async () => {
  const client = editing.server.database.client;
  const operator = { tokenId: null, name: 'npm run tokens by betrieb' };
  const { id, token } = await createToken(client, { name: 'Redaktion Nordhausen', role: 'EDITOR', districtIds: ['16062'] }, operator);
  expect(await revokeToken(client, id, operator)).toBe(true);
  expect(await revokeToken(client, id, operator)).toBe(false);
  const events = await client.auditEvent.findMany({ where: { entityType: 'ApiToken', entityId: id }, orderBy: { at: 'asc' } });
  expect(events.map((event) => [event.action, event.actorName])).toEqual([
    ['CREATE', 'npm run tokens by betrieb'],
    ['ARCHIVE', 'npm run tokens by betrieb'],
  ]);
  expect(events[0]!.after).toMatchObject({ name: 'Redaktion Nordhausen', role: 'EDITOR', districtIds: ['16062'] });
  expect(JSON.stringify(events)).not.toContain(token);
  expect(JSON.stringify(events)).not.toContain(hashToken(token));

  const read = `{ auditEvents(first: 100) { edges { node { entityType entityId } } } }`;
  const seen = async (who: string) =>
    (await editing.as(who, read)).data.auditEvents.edges.filter((edge: { node: { entityId: string } }) => edge.node.entityId === id).length;
  expect(await seen(editing.tokens.admin)).toBe(2);
  expect(await seen(editing.tokens.ministryTH)).toBe(2);
  expect(await seen(editing.tokens.ministrySN)).toBe(0);
});
