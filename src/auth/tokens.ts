// Opaque API tokens: 32 random bytes, shown once; the database keeps only a SHA-256 hash, so
// a leaked database does not leak usable tokens. Issuing and revoking them: src/tokens/issue.ts.
import { createHash } from 'node:crypto';

export const tokenPrefix = 'igt_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
