// Health for load balancers: /health answers 200 while the process runs (liveness); /ready
// answers 200 only while the database answers, every migration in the release is applied, and
// the instance is not shutting down (readiness). Neither is rate limited.
import type { FastifyInstance } from 'fastify';

import { appliedMigrations, readMigrationList } from '../db/migrations.js';
import type { PrismaClient } from '../generated/prisma/client.js';

interface Readiness {
  ready: boolean;
  reason?: string;
}

export type ReadinessCheck = () => Promise<Readiness>;

export function healthRoutes(readiness: ReadinessCheck) {
  return async (app: FastifyInstance) => {
    const notCounted = { config: { rateLimit: false } } as const;
    app.get('/health', notCounted, async () => ({ status: 'alive' }));
    app.get('/ready', notCounted, async (_request, reply) => {
      const { ready, reason } = await readiness();
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', reason });
    });
  };
}

/**
 * A load balancer must hear "not ready" quickly, also from a database that accepts connections
 * and never answers: the check gives up after `timeoutMs`, and probes that arrive while one is
 * still waiting share it rather than piling up on the database.
 */
export async function createReadinessCheck(client: PrismaClient, timeoutMs = 1_500): Promise<ReadinessCheck> {
  const check = await migrationsApplied(client);
  let running: Promise<Readiness> | null = null;
  return () => {
    running ??= check().finally(() => {
      running = null;
    });
    return withTimeout(running, timeoutMs, { ready: false, reason: `the database did not answer within ${timeoutMs} ms` });
  };
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), timeoutMs);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

async function migrationsApplied(client: PrismaClient): Promise<ReadinessCheck> {
  const expected = (await readMigrationList()).migrationDirectories.map((migration) => migration.path);
  return async () => {
    let applied: Map<string, string>;
    try {
      applied = await appliedMigrations(client);
    } catch {
      return { ready: false, reason: 'the database does not answer' };
    }
    const missing = expected.filter((name) => !applied.has(name));
    return missing.length ? { ready: false, reason: `migrations not applied: ${missing.join(', ')}` } : { ready: true };
  };
}
