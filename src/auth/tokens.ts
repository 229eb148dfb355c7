// Opaque API tokens: 32 random bytes, shown once; the database keeps only a SHA-256 hash, so
// a leaked database does not leak usable tokens.
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { TokenRole } from '../generated/prisma/enums.js';

export const tokenPrefix = 'igt_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface NewToken {
  name: string;
  role: TokenRole;
  districtIds?: string[];
  stateId?: string;
}

export async function createToken(client: PrismaClient, spec: NewToken): Promise<{ id: string; token: string }> {
  const token = `${tokenPrefix}${randomBytes(32).toString('base64url')}`;
  const id = randomBytes(8).toString('hex');
  await client.apiToken.create({
    data: {
      id,
      name: spec.name,
      role: spec.role,
      districtIds: spec.districtIds ?? [],
      stateId: spec.stateId ?? null,
      tokenHash: hashToken(token),
    },
  });
  return { id, token };
}

export async function revokeToken(client: PrismaClient, id: string): Promise<boolean> {
  const { count } = await client.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  return count === 1;
}
