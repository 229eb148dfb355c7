// Issuing and revoking API tokens (npm run tokens): changes like any other, through the write
// path and audited — without the token or its hash — so that the audit log says who was given
// which rights, and when they were taken back.
import { randomBytes } from 'node:crypto';
import { hashToken, tokenPrefix } from '../auth/tokens.js';
import type { Database } from '../db/client.js';
import type { ApiToken } from '../generated/prisma/client.js';
import type { TokenRole } from '../generated/prisma/enums.js';
import type { AuditEntry } from '../writes/audit.js';
import { type Actor, write } from '../writes/transaction.js';

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
  districtId: null,
  after: token,
});

/** A new token; the token itself is returned this once, the database keeps only its SHA-256 hash. */
export function createToken(client: Database, spec: NewToken, actor = operator): Promise<{ id: string; token: string }> {
  const token = `${tokenPrefix}${randomBytes(32).toString('base64url')}`;
  const id = randomBytes(8).toString('hex');
  return write({ client, actor, now: new Date(), dataLock: 'none' }, async ({ tx, audit }) => {
    const created = await tx.apiToken.create({
      data: {
        id,
        name: spec.name,
        role: spec.role,
        districtIds: spec.districtIds ?? [],
        stateId: spec.stateId ?? null,
        tokenHash: hashToken(token),
      },
    });
    audit(audited('CREATE', created));
    return { id, token };
  });
}

/** Whether an active token was revoked. */
export function revokeToken(client: Database, id: string, actor = operator): Promise<boolean> {
  return write({ client, actor, now: new Date(), dataLock: 'none' }, async ({ tx, audit, lock, now }) => {
    await lock('ApiToken', id);
    const active = await tx.apiToken.findFirst({ where: { id, revokedAt: null } });
    if (!active) return false;
    audit(audited('ARCHIVE', await tx.apiToken.update({ where: { id }, data: { revokedAt: now } })));
    return true;
  });
}
