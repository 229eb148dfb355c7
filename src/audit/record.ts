// Every successful write records who changed what, before and after, in the same transaction.
import { randomUUID } from 'node:crypto';
import type { TokenViewer } from '../auth/viewer.js';
import { bulkInsert } from '../db/bulkInsert.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { AuditAction } from '../generated/prisma/enums.js';

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId: string;
  districtId: string | null;
  before?: unknown;
  after?: unknown;
}

const json = (value: unknown) =>
  value === undefined || value === null ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);

const event = (actor: TokenViewer, entry: AuditEntry) => ({
  actorId: actor.tokenId,
  actorName: actor.name,
  action: entry.action,
  entityType: entry.entityType,
  entityId: entry.entityId,
  districtId: entry.districtId,
  before: json(entry.before),
  after: json(entry.after),
});

export function recordAudit(tx: Prisma.TransactionClient, actor: TokenViewer, entry: AuditEntry) {
  return tx.auditEvent.create({ data: event(actor, entry) });
}

/** Several events at once (an import writes one per record). */
export function recordAudits(tx: Prisma.TransactionClient, actor: TokenViewer, entries: AuditEntry[], at = new Date()) {
  return bulkInsert(
    tx,
    'AuditEvent',
    entries.map((entry) => ({ id: randomUUID(), at, ...event(actor, entry) })),
  );
}
