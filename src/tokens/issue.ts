// Issuing and revoking API tokens (npm run tokens, and for editors' tokens the mutations of
// mutations.ts): changes like any other, through the write path and audited — without the token
// or its hash — so that the audit log says who was given which rights, and when they were taken
// back. An editor's token of one district is logged as a change of that district, which its
// state's ministry reads.
import { randomBytes } from 'node:crypto';
import { hashToken, tokenPrefix } from '../auth/tokens.js';
import type { Database } from '../db/client.js';
import type { ApiToken } from '../generated/prisma/client.js';
import type { TokenRole } from '../generated/prisma/enums.js';
import type { AuditEntry } from '../writes/audit.js';
import { type Actor, type Write, write } from '../writes/transaction.js';

export interface NewToken {
  name: string;
  role: TokenRole;
  districtIds?: string[];
  stateId?: string;
}

/** Who the audit log names when no one else is given: the operator's command. */
const operator: Actor = { tokenId: null, name: 'npm run tokens' };

/** What the audit log keeps of a token: its rights, never the hash it is checked by. */
const audited = (action: AuditEntry['action'], { tokenHash: _hash, ...token }: ApiToken): AuditEntry => ({
  action,
  entityType: 'ApiToken',
  entityId: token.id,
  districtId: token.districtIds.length === 1 ? token.districtIds[0]! : null,
  after: token,
});

/** A new token in a write; the token itself is returned this once, the database keeps only its SHA-256 hash. */
export async function insertToken({ tx, audit }: Write, spec: NewToken): Promise<{ row: ApiToken; token: string }> {
  const token = `${tokenPrefix}${randomBytes(32).toString('base64url')}`;
  const row = await tx.apiToken.create({
    data: {
      id: randomBytes(8).toString('hex'),
      name: spec.name,
      role: spec.role,
      districtIds: spec.districtIds ?? [],
      stateId: spec.stateId ?? null,
      tokenHash: hashToken(token),
    },
  });
  audit(audited('CREATE', row));
  return { row, token };
}

/** Revokes a token in a write: the token as it is now, or null if there was no active one. */
export async function revokeTokenIn({ tx, audit, lock, now }: Write, id: string): Promise<ApiToken | null> {
  await lock('ApiToken', id);
  const active = await tx.apiToken.findFirst({ where: { id, revokedAt: null } });
  if (!active) return null;
  const revoked = await tx.apiToken.update({ where: { id }, data: { revokedAt: now } });
  audit(audited('ARCHIVE', revoked));
  return revoked;
}

/** Tokens are no district's data: their writes need not wait for an import. */
const tokenWrite = <T>(client: Database, actor: Actor, work: (handle: Write) => Promise<T>) =>
  write({ client, actor, now: new Date(), dataLock: 'none' }, work);

export async function createToken(client: Database, spec: NewToken, actor = operator): Promise<{ id: string; token: string }> {
  const { row, token } = await tokenWrite(client, actor, (handle) => insertToken(handle, spec));
  return { id: row.id, token };
}

/** Whether an active token was revoked. */
export async function revokeToken(client: Database, id: string, actor = operator): Promise<boolean> {
  return (await tokenWrite(client, actor, (handle) => revokeTokenIn(handle, id))) !== null;
}
