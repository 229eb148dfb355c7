// Every successful write records who changed what, before and after, in the same transaction,
// and announces it in the public change feed (which says what changed, never who or how).
import { randomUUID } from 'node:crypto';
import type { TokenViewer } from '../auth/viewer.js';
import { bulkInsert } from '../db/bulkInsert.js';
import { type Announcement, announce, lockFeed } from '../feed/record.js';
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

/**
 * Call it last in the transaction: the feed's lock is held until commit. `alsoAnnounced`: other
 * records the change made (a contact's successor) that the feed must name too.
 */
export async function recordAudit(tx: Prisma.TransactionClient, actor: TokenViewer, entry: AuditEntry, alsoAnnounced: Announcement[] = []) {
  await lockFeed(tx);
  await tx.auditEvent.create({ data: event(actor, entry) });
  await announce(tx, [entry, ...alsoAnnounced]);
}

/** Several events at once (an import writes one per record). */
export async function recordAudits(tx: Prisma.TransactionClient, actor: TokenViewer, entries: AuditEntry[]) {
  await lockFeed(tx);
  await bulkInsert(
    tx,
    'AuditEvent',
    entries.map((entry) => ({ id: randomUUID(), ...event(actor, entry) })),
  );
  await announce(tx, entries);
}
