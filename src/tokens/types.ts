// Editors' tokens as the API shows them to those who bring districts on board (a state's ministry,
// administrators): who holds one, since when, whether it still works — never the token itself,
// which is shown once, when it is issued (mutations.ts); and to everyone with a token, who they
// are and which districts they look after (the editors' app starts there).
import type { TokenViewer } from '../auth/viewer.js';
import { requestLoader } from '../common/requestLoader.js';
import { db } from '../db/client.js';
import { districtsWhere } from '../districts/existing.js';
import type { ApiToken, Prisma } from '../generated/prisma/client.js';
import { TokenRole } from '../generated/prisma/enums.js';
import { builder } from '../graphql/builder.js';
import { describedEnum } from '../graphql/enums.js';

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

const ViewerRole = describedEnum('ViewerRole', TokenRole, 'What the holder of a token may do.', {
  EDITOR: 'Redaktion: changes the data of its districts.',
  MINISTRY: 'A state’s ministry: reads everything of its state and brings its districts on board.',
  ADMIN: 'Operations: everything.',
});

const Viewer = builder.objectRef<TokenViewer>('Viewer').implement({
  description: 'Who is asking: the holder of the token or identity-provider sign-in the request carries.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The token’s or the signed-in person’s name.' }),
    role: t.field({ type: ViewerRole, description: 'What they may do.', resolve: (viewer) => viewer.role }),
    districts: t.prismaField({
      type: ['District'],
      description:
        'The districts they look after, by name: an editor’s own (those it may change), a ministry’s state’s, every current one for administrators.',
      resolve: (query, viewer, _args, context) =>
        db().district.findMany({
          ...query,
          where: { ...districtsWhere({}, context.now), ...districtsOf(viewer) },
          orderBy: { name: 'asc' },
        }),
    }),
  }),
});

/** The districts a viewer looks after, as a filter. */
function districtsOf(viewer: TokenViewer): Prisma.DistrictWhereInput {
  if (viewer.role === 'EDITOR') return { id: { in: viewer.districtIds } };
  if (viewer.role === 'MINISTRY') return { id: { startsWith: viewer.stateRegionalKey ?? '-' } };
  return {};
}

builder.queryField('viewer', (t) =>
  t.field({
    type: Viewer,
    nullable: true,
    description:
      'Who you are by the token you send, and which districts you look after (the editors’ app starts here); null without a token.',
    resolve: (_root, _args, context) => context.viewer,
  }),
);
