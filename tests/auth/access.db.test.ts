// Who may change what: anonymous callers, editors of other districts, ministries, revoked editing.tokens. Over HTTP, against the real database.
import { describe, expect, test } from 'vitest';
import { createToken, revokeToken } from '../../src/tokens/issue.js';
import { contactTables, currentGuide, updateContact } from '../support/contacts.js';
import { answerOf, editingServer } from '../support/editing.js';

const editing = editingServer();
const verify = `mutation { verifyDistrictData(input: { district: "16065" }) { __typename ... on MutationError { message } } }`;
const as = editing.as;

describe('who may change what', () => {
  test('anonymous callers change nothing', async () => {
    const guide = await currentGuide(editing);
    const before = await contactTables(editing);
    const response = await as(null, updateContact, { input: { id: guide.id, version: guide.version, channels: [] } });
    expect(answerOf(response)).toMatchObject({ __typename: 'NotAuthenticatedError' });
    expect(await contactTables(editing)).toEqual(before);
  });

  test('an editor of another district cannot update, archive or add contacts there, and nothing changes', async () => {
    const guide = await currentGuide(editing);
    const position = (await as(null, `{ district(ags: "16065") { positions { id } } }`)).data.district.positions[0].id;
    const before = await contactTables(editing);
    const attempts = [
      as(editing.tokens.wartburg, updateContact, {
        input: { id: guide.id, version: guide.version, channels: [{ kind: 'PHONE', printed: '03695 111111' }] },
      }),
      as(
        editing.tokens.wartburg,
        `mutation ($input: ArchiveContactInput!) { archiveContact(input: $input) { __typename ... on MutationError { message } } }`,
        {
          input: { id: guide.id, version: guide.version },
        },
      ),
      as(
        editing.tokens.wartburg,
        `mutation ($input: CreateContactInput!) { createContact(input: $input) { __typename ... on MutationError { message } } }`,
        {
          input: { district: '16065', position, person: { familyName: 'Muster' } },
        },
      ),
      as(editing.tokens.wartburg, verify),
      as(editing.tokens.ministryTH, verify),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(answerOf(response)).toMatchObject({ __typename: 'NotAllowedError' });
      expect(answerOf(response).message).toContain('editors change only their own districts');
    }
    expect(await contactTables(editing)).toEqual(before);
  });

  test('a revoked or unknown token is refused with 401', async () => {
    const { id, token } = await createToken(editing.server.database.client, { name: 'Ehemalige', role: 'EDITOR', districtIds: ['16065'] });
    await revokeToken(editing.server.database.client, id);
    for (const bearer of [token, 'igt_unknown']) {
      const response = await fetch(editing.server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body: JSON.stringify({ query: '{ states { code } }' }),
      });
      expect(response.status).toBe(401);
    }
  });

  test('tokens are stored only as hashes', async () => {
    const stored = await editing.server.database.client.apiToken.findMany();
    expect(stored.some((row) => Object.values(row).some((value) => String(value).includes(editing.tokens.kyffhaeuser)))).toBe(false);
  });
});
