// `viewer`: who a token belongs to and which districts they look after — where the editors' app
// starts after a sign-in.
import { expect, test } from 'vitest';
import { EditorViewerDocument } from '../../schema/generated/graphql.js';
import { editingServer } from '../support/editing.js';

const editing = editingServer();
const viewerOf = async (token: string | null) => (await editing.server.graphql(EditorViewerDocument, {}, token)).data?.viewer;

test('an editor is told their own districts, a ministry its state’s, an administrator every current one', async () => {
  expect(await viewerOf(editing.tokens.kyffhaeuser)).toEqual({
    name: 'Redaktion Kyffhäuserkreis',
    role: 'EDITOR',
    districts: [{ ags: '16065', name: 'Kyffhäuserkreis', lastVerifiedAt: null }],
  });
  const ministry = await viewerOf(editing.tokens.ministrySN);
  expect(ministry?.role).toBe('MINISTRY');
  expect(ministry?.districts).toHaveLength(13);
  expect(ministry?.districts.every((district) => district.ags.startsWith('14'))).toBe(true);
  // Eisenach (16056) became part of the Wartburgkreis in 2021: not a district to look after.
  const admin = await viewerOf(editing.tokens.admin);
  expect(admin?.districts).toHaveLength(35);
  expect(admin?.districts.map((district) => district.ags)).not.toContain('16056');
});

test('without a token there is no viewer; a revoked token is refused', async () => {
  expect(await viewerOf(null)).toBeNull();
  await editing.server.database.client.apiToken.updateMany({
    where: { name: 'Redaktion Kyffhäuserkreis' },
    data: { revokedAt: new Date() },
  });
  const response = await editing.server.graphql(EditorViewerDocument, {}, editing.tokens.kyffhaeuser);
  expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
});
