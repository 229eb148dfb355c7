// Every successful write records who changed what, before and after, in the same transaction.
import type { TokenViewer } from '../auth/viewer.js';
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
export function recordAudits(tx: Prisma.TransactionClient, actor: TokenViewer, entries: AuditEntry[]) {
  return tx.auditEvent.createMany({ data: entries.map((entry) => event(actor, entry)) });
}
