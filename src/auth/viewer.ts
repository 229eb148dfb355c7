// Who is asking: anonymous, the holder of an API token, or — where the state's identity
// provider is configured — the subject of a JWT it signed (Authorization: Bearer …).
import { GraphQLError } from 'graphql';
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import { db } from '../db/client.js';
import type { TokenRole } from '../generated/prisma/enums.js';
import { hashToken, tokenPrefix } from './tokens.js';

export interface TokenViewer {
  /** The API token's id; null for an identity-provider JWT. */
  tokenId: string | null;
  name: string;
  role: TokenRole;
  districtIds: string[];
  stateId: string | null;
  /** Regionalschlüssel of the ministry's state: its districts' AGS start with it. */
  stateRegionalKey: string | null;
}

export type Viewer = TokenViewer | null;

export interface JwtOptions {
  /** The identity provider's JSON Web Key Set. */
  jwksUrl: string;
  issuer: string;
  audience: string;
}

/** Reads only the request's headers: a Fetch request (Yoga's) or the headers of one the router holds. */
export type Authenticator = (request: Pick<Request, 'headers'>) => Promise<Viewer>;

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

async function regionalKeyOf(stateId: string | null): Promise<string | null> {
  if (!stateId) return null;
  return (await db().state.findUnique({ where: { id: stateId } }))?.regionalKey ?? null;
}

async function apiTokenViewer(token: string): Promise<TokenViewer> {
  const row = await db().apiToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row) throw unauthenticated('Unknown API token.');
  if (row.revokedAt) throw unauthenticated('This API token has been revoked.');
  return {
    tokenId: row.id,
    name: row.name,
    role: row.role,
    districtIds: row.districtIds,
    stateId: row.stateId,
    stateRegionalKey: await regionalKeyOf(row.stateId),
  };
}

const roles: Record<string, TokenRole> = { editor: 'EDITOR', ministry: 'MINISTRY', admin: 'ADMIN' };

/** The claims a JWT carries: ig_role (editor, ministry, admin), ig_districts (AGS list), ig_state. */
async function jwtViewer(payload: JWTPayload): Promise<TokenViewer> {
  const role = roles[String(payload.ig_role)];
  if (!role) throw unauthenticated('The token has no valid "ig_role" claim (editor, ministry or admin).');
  const districtIds = Array.isArray(payload.ig_districts) ? payload.ig_districts.map(String) : [];
  const stateId = typeof payload.ig_state === 'string' ? payload.ig_state : null;
  return {
    tokenId: null,
    name: `${typeof payload.name === 'string' ? payload.name : payload.sub} (${payload.iss})`,
    role,
    districtIds,
    stateId,
    stateRegionalKey: await regionalKeyOf(stateId),
  };
}

export function createAuthenticator(jwt?: JwtOptions): Authenticator {
  const keys = jwt ? createRemoteJWKSet(new URL(jwt.jwksUrl)) : null;
  return async (request) => {
    const header = request.headers.get('authorization');
    if (!header) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    const token = match[1]!;
    if (token.startsWith(tokenPrefix) || !keys || !jwt) return apiTokenViewer(token);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, { issuer: jwt.issuer, audience: jwt.audience }));
    } catch (error) {
      throw unauthenticated(`The token was not accepted: ${(error as Error).message}`);
    }
    return jwtViewer(payload);
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
    /** May read a change of the district (AGS; '' for a change of no district): its state's ministry, admins. */
    auditorOf: (ags: string) => admin || (!!ags && ministryOf(ags)),
    /** Brings the district (AGS) on board: issues and revokes its editors' tokens. Its state's ministry, admins. */
    stewardOf: (ags: string) => admin || ministryOf(ags),
    /** Edits some district: enough to be told what is wrong with a data package that names no district. */
    editor: admin || viewer?.role === 'EDITOR',
  };
}
