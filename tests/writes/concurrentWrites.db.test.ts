// Two writers of one district at the same moment both commit, one after the other. On
// PostgreSQL they run side by side and could deadlock; on PGlite, one connection, they take turns.
import { expect, test } from 'vitest';
import { write } from '../../src/writes/transaction.js';
import { editingServer } from '../support/editing.js';

const editing = editingServer();

test('an edit that has added a row of the district and verifying the district at that moment both commit', async () => {
  const client = editing.server.database.client;
  let added!: () => void;
  const sourceAdded = new Promise<void>((resolve) => {
    added = resolve;
  });
  // The day's first edit of the district adds its editorial source, a row referring to the district.
  const edit = write({ actor: { tokenId: null, name: 'test editor' }, now: new Date('2031-03-03T10:00:00Z'), client }, async (w) => {
    const source = await w.editorialSource('16065');
    added();
    // Long enough for the verification to have locked the district's row before this commits.
    await new Promise((resolve) => setTimeout(resolve, 500));
    return source;
  });
  await sourceAdded;
  const verify = editing.as(
    editing.tokens.kyffhaeuser,
    'mutation { verifyDistrictData(input: { district: "16065" }) { __typename ... on MutationError { message } } }',
  );
  const [source, verified] = await Promise.all([edit, verify]);
  expect(verified).toEqual({ data: { verifyDistrictData: { __typename: 'MutationVerifyDistrictDataSuccess' } } });
  expect(await client.source.findUnique({ where: { id: source } })).not.toBeNull();
  expect((await client.district.findUniqueOrThrow({ where: { id: '16065' } })).lastVerifiedAt).not.toBeNull();
});
