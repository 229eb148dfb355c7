// Who is asking: anonymous, or the holder of an API token (Authorization: Bearer …).
import { GraphQLError } from 'graphql';
import { db } from '../db/client.js';
import type { TokenRole } from '../generated/prisma/enums.js';
import { hashToken } from './tokens.js';

export interface TokenViewer {
  tokenId: string;
  name: string;
  role: TokenRole;
  districtIds: string[];
  stateId: string | null;
  /** Regionalschlüssel of the ministry's state: its districts' AGS start with it. */
  stateRegionalKey: string | null;
}

export type Viewer = TokenViewer | null;

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export async function viewerFromRequest(request: Request): Promise<Viewer> {
  const header = request.headers.get('authorization');
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
  const token = await db().apiToken.findUnique({ where: { tokenHash: hashToken(match[1]!) } });
  if (!token) throw unauthenticated('Unknown API token.');
  if (token.revokedAt) throw unauthenticated('This API token has been revoked.');
  const state = token.stateId ? await db().state.findUnique({ where: { id: token.stateId } }) : null;
  return {
    tokenId: token.id,
    name: token.name,
    role: token.role,
    districtIds: token.districtIds,
    stateId: token.stateId,
    stateRegionalKey: state?.regionalKey ?? null,
  };
}

/** The scopes a request holds, for @pothos/plugin-scope-auth. */
export function scopesOf(viewer: Viewer) {
  const admin = viewer?.role === 'ADMIN';
  const editorOf = (ags: string) => admin || (viewer?.role === 'EDITOR' && viewer.districtIds.includes(ags));
  const ministryOf = (ags: string) => viewer?.role === 'MINISTRY' && !!viewer.stateRegionalKey && ags.startsWith(viewer.stateRegionalKey);
  return {
    admin,
    /** May change the district's data. */
    editorOf,
    /** May read the district's non-public fields: its editors, its state's ministry, admins. */
    readerOf: (ags: string) => editorOf(ags) || ministryOf(ags),
    /** May read the audit log: ministries (of their state) and admins. */
    auditor: admin || viewer?.role === 'MINISTRY',
  };
}
