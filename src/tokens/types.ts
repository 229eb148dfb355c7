// Editors' tokens as the API shows them to those who bring districts on board (a state's ministry,
// administrators): who holds one, since when, whether it still works — never the token itself,
// which is shown once, when it is issued (mutations.ts).
import { requestLoader } from '../common/requestLoader.js';
import { db } from '../db/client.js';
import type { ApiToken } from '../generated/prisma/client.js';
import { builder } from '../graphql/builder.js';

export const EditorToken = builder.prismaObject('ApiToken', {
  name: 'EditorToken',
  description:
    'An API token with which a district’s editors (Redaktion) change its data. Seen by the state’s ministry and administrators; the token itself is shown only once, when it is issued.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The token’s identifier (as `npm run tokens -- list` shows it), to revoke it by.' }),
    name: t.exposeString('name', { description: 'Who holds it, e.g. "Redaktion Kyffhäuserkreis, Frau Weise".' }),
    districts: t.exposeStringList('districtIds', { description: 'The districts (AGS) whose data it changes.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was issued.' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true, description: 'When it was revoked; null while it works.' }),
  }),
});

/** Every editor's token of each district (AGS), issued first first. */
async function loadEditorTokens(districtIds: readonly string[]): Promise<ApiToken[][]> {
  const tokens = await db().apiToken.findMany({
    where: { role: 'EDITOR', districtIds: { hasSome: [...districtIds] } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return districtIds.map((districtId) => tokens.filter((token) => token.districtIds.includes(districtId)));
}

builder.prismaObjectField('District', 'editorTokens', (t) =>
  t.field({
    type: [EditorToken],
    description:
      'The API tokens of the district’s editors, active ones unless asked otherwise: an empty list means the district has no editor yet (sign-ins through the state’s identity provider are not listed). For its state’s ministry and administrators.',
    authScopes: (district) => ({ stewardOf: district.id }),
    args: { includeRevoked: t.arg.boolean({ defaultValue: false, description: 'Also the revoked ones.' }) },
    resolve: async (district, args, context) => {
      const tokens = await requestLoader(context, loadEditorTokens).load(district.id);
      return args.includeRevoked ? tokens : tokens.filter((token) => !token.revokedAt);
    },
  }),
);
