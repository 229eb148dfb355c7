// Every write records who changed what, before and after, in its own transaction, and
// announces it in the public change feed (which says what changed, never who or how).
import { randomUUID } from 'node:crypto';
import { bulkInsert } from '../db/bulkInsert.js';
import type { Tx } from '../db/client.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { AuditAction } from '../generated/prisma/enums.js';
import { type Announcement, announce, lockFeed } from './announce.js';
import type { Actor } from './transaction.js';

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId: string;
  districtId: string | null;
  before?: unknown;
  after?: unknown;
}

/** A record as JSON; big integers (feed positions) as their digits. */
const json = (value: unknown) =>
  value === undefined || value === null
    ? undefined
    : (JSON.parse(JSON.stringify(value, (_key, item) => (typeof item === 'bigint' ? item.toString() : item))) as Prisma.InputJsonValue);

const event = (actor: Actor, entry: AuditEntry) => ({
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
 * The audit events of a transaction's changes and their feed entries, with the other records
 * the changes made or touched (`alsoAnnounced`: a contact's successor, the day's editorial
 * source). Called last: the feed's lock is held until commit.
 */
export async function recordAudits(tx: Tx, actor: Actor, entries: AuditEntry[], alsoAnnounced: Announcement[] = []): Promise<void> {
  if (!entries.length && !alsoAnnounced.length) return;
  await lockFeed(tx);
  if (entries.length === 1) await tx.auditEvent.create({ data: event(actor, entries[0]!) });
  else
    await bulkInsert(
      tx,
      'AuditEvent',
      entries.map((entry) => ({ id: randomUUID(), ...event(actor, entry) })),
    );
  await announce(tx, [...entries, ...alsoAnnounced]);
}
