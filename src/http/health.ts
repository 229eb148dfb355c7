// Readiness for load balancers: /ready answers 200 only while the database answers, every
// migration in the release is applied, and the instance is not shutting down.

import { readMigrationList } from '../db/migrations.js';
import type { PrismaClient } from '../generated/prisma/client.js';

export interface Readiness {
  ready: boolean;
  reason?: string;
}

export type ReadinessCheck = () => Promise<Readiness>;

export async function createReadinessCheck(client: PrismaClient): Promise<ReadinessCheck> {
  const expected = (await readMigrationList()).migrationDirectories.map((migration) => migration.path);
  return async () => {
    let applied: { migration_name: string }[];
    try {
      const [{ table }] = await client.$queryRaw<{ table: string | null }[]>`SELECT to_regclass('_prisma_migrations')::text AS "table"`;
      applied = table
        ? await client.$queryRaw`
            SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`
        : [];
    } catch {
      return { ready: false, reason: 'the database does not answer' };
    }
    const done = new Set(applied.map((row) => row.migration_name));
    const missing = expected.filter((name) => !done.has(name));
    return missing.length ? { ready: false, reason: `migrations not applied: ${missing.join(', ')}` } : { ready: true };
  };
}
