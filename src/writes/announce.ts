// Writing the change feed: every audited write announces the public records it changed, in its
// own transaction. The feed lock makes the positions commit in order: a writer takes the next
// position only after the previous writer has committed, so a reader that has seen position n
// will never later find a smaller one appear (resuming from a cursor misses nothing).

import { setImmediate as yieldToOthers } from 'node:timers/promises';
import type { Tx } from '../db/client.js';
import { hasColumn, type ModelName, sqlTable } from '../db/datamodel.js';
import { feedChannel, feedLockKey } from '../db/locks.js';
import { Prisma } from '../generated/prisma/client.js';

/** The types whose changes the feed announces: every node type that is public. */
export const feedTypes = [
  'State',
  'District',
  'Source',
  'Role',
  'Task',
  'Position',
  'Contact',
  'FundingProgramme',
  'Funding',
  'FieldOfAction',
  'IntegrationConcept',
  'Offer',
  'Partner',
  'Project',
  'Network',
  'Indicator',
  'IndicatorValue',
  'Document',
] as const satisfies ModelName[];

export type FeedType = (typeof feedTypes)[number];

export const isFeedType = (type: string): type is FeedType => (feedTypes as readonly string[]).includes(type);

/**
 * Records without an ID of their own are shown inside nodes (a person on a contact card, a
 * funder on a programme): their change is a change of those nodes, whose version goes up. The
 * node is found by a column of the part (a municipality's district) or of the node (a
 * contact's person).
 */
type ShownIn = { type: FeedType; partColumn: string } | { type: FeedType; ownerColumn: string };
const shownIn: Partial<Record<ModelName, ShownIn[]>> = {
  Person: [{ type: 'Contact', ownerColumn: 'personId' }],
  Funder: [{ type: 'FundingProgramme', ownerColumn: 'funderId' }],
  Municipality: [{ type: 'District', partColumn: 'districtId' }],
  OrganisationalUnit: [
    { type: 'District', partColumn: 'districtId' },
    { type: 'Position', ownerColumn: 'unitId' },
  ],
  Cooperation: [{ type: 'District', partColumn: 'districtId' }],
  // A district's sources date its data (`dataAsOf`).
  Source: [{ type: 'District', partColumn: 'districtId' }],
};

export interface Announcement {
  action: 'CREATE' | 'UPDATE' | 'ARCHIVE' | 'VERIFY';
  entityType: string;
  entityId: string;
  /** The row as it was and is, where an audited change carries them (what a removed row was about). */
  before?: unknown;
  after?: unknown;
}

const feedAction = (action: Announcement['action']) => (action === 'CREATE' ? 'CREATED' : action === 'ARCHIVE' ? 'ARCHIVED' : 'UPDATED');

/**
 * Held until commit; taken again by the same transaction, it is simply held. A writer that
 * locks a district's row must take it first: announcing a part's change locks the rows of the
 * nodes showing it, under this lock.
 */
export async function lockFeed(tx: Tx): Promise<void> {
  // recordAudit takes it before the audit insert and announce after: one round trip is enough.
  if (locked.has(tx)) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${feedLockKey})`;
  locked.add(tx);
}

/** Transactions that hold the feed lock (until they end, and are forgotten with them). */
const locked = new WeakSet<Tx>();

/** Writes the feed events of a transaction's changes (call it last: the feed lock is held until commit). */
export async function announce(tx: Tx, changes: Announcement[]): Promise<void> {
  const own = changes.filter((change) => isFeedType(change.entityType));
  const announced = new Set(own.map((change) => `${change.entityType}:${change.entityId}`));
  const embedded = changes.filter((change) => change.entityType in shownIn);
  const about = (model: AnnotationModel) => changes.filter((change) => change.entityType === model);
  if (!own.length && !embedded.length && !annotationModels.some((model) => about(model).length)) return;
  await lockFeed(tx);
  const byType = new Map<string, Announcement[]>();
  for (const change of own) {
    const ofType = byType.get(change.entityType);
    if (ofType) ofType.push(change);
    else byType.set(change.entityType, [change]);
  }
  for (const [type, ofType] of byType) await insertEvents(tx, type as FeedType, ofType);
  for (const change of embedded) await announceOwners(tx, change, announced);
  for (const model of annotationModels) await announceAnnotated(tx, model, about(model), announced);
  await tx.$executeRaw`SELECT pg_notify(${feedChannel}, '')`;
}

/** The district of an event: the record's own for a district, its `districtId` where it has one. */
const districtColumn = (type: FeedType) =>
  type === 'District' ? 'record."id"' : hasColumn(type, 'districtId') ? 'record."districtId"' : 'NULL';

const chunkSize = 2_000;

/**
 * The events of one type, with each record's version and district as stored after the change;
 * in chunks, yielding between them, as bulk inserts do (an import announces 20,000 offers).
 */
async function insertEvents(tx: Tx, type: FeedType, changes: Announcement[]) {
  for (let start = 0; start < changes.length; start += chunkSize) {
    const rows = JSON.stringify(
      changes
        .slice(start, start + chunkSize)
        .map((change, index) => ({ id: change.entityId, action: feedAction(change.action), ordinal: start + index })),
    );
    await tx.$executeRaw`
      INSERT INTO "FeedEvent" ("action", "entityType", "entityId", "districtId", "version")
      SELECT changed.action::"FeedAction", ${type}, record.id, ${Prisma.raw(districtColumn(type))}, record.version
      FROM json_to_recordset(${rows}::json) AS changed(id text, action text, ordinal int)
      JOIN ${Prisma.raw(sqlTable(type))} AS record ON record.id = changed.id
      ORDER BY changed.ordinal`;
    await yieldToOthers();
  }
}

/** Rows about another record, named by type and key: a translation of one of its texts, the page of one of its facts. */
const annotationModels = ['Translation', 'FactSource'] as const;
type AnnotationModel = (typeof annotationModels)[number];

/** The record a row is about, where the change carries the row as written (an audited change does; a removed row is gone from its table). */
function subjectGiven(change: Announcement): { type: string; id: string } | null {
  const row = (change.after ?? change.before) as { entityType?: unknown; entityId?: unknown } | null | undefined;
  return typeof row?.entityType === 'string' && typeof row.entityId === 'string' ? { type: row.entityType, id: row.entityId } : null;
}

/** A row about a record is a change of that record (of its contact, for office hours). */
async function announceAnnotated(tx: Tx, model: AnnotationModel, changes: Announcement[], announced: Set<string>) {
  if (!changes.length) return;
  const given = changes.map(subjectGiven);
  const stored = changes.filter((_, index) => !given[index]).map((change) => change.entityId);
  const records = await tx.$queryRaw<{ type: string; id: string }[]>`
    WITH about AS (
      SELECT t."entityType" AS type, t."entityId" AS id FROM ${Prisma.raw(sqlTable(model))} AS t WHERE t.id = ANY(${stored})
      UNION SELECT type, id FROM json_to_recordset(${JSON.stringify(given.filter(Boolean))}::json) AS given(type text, id text)
    )
    SELECT DISTINCT CASE WHEN about.type = 'OfficeHours' THEN 'Contact' ELSE about.type END AS type,
           CASE WHEN about.type = 'OfficeHours' THEN hours."contactId" ELSE about.id END AS id
    FROM about LEFT JOIN "OfficeHours" AS hours ON about.type = 'OfficeHours' AND hours.id = about.id`;
  for (const { type, id } of records) {
    if (!id || !isFeedType(type) || announced.has(`${type}:${id}`)) continue;
    announced.add(`${type}:${id}`);
    await tx.$executeRaw`UPDATE ${Prisma.raw(sqlTable(type))} SET version = version + 1, "updatedAt" = now() WHERE id = ${id}`;
    await insertEvents(tx, type, [{ action: 'UPDATE', entityType: type, entityId: id }]);
  }
}

function ownersOf(tx: Tx, model: ModelName, id: string, owner: ShownIn) {
  return 'partColumn' in owner
    ? tx.$queryRaw<
        { id: string }[]
      >`SELECT ${Prisma.raw(`"${owner.partColumn}"`)} AS id FROM ${Prisma.raw(sqlTable(model))} WHERE id = ${id}`
    : tx.$queryRaw<
        { id: string }[]
      >`SELECT id FROM ${Prisma.raw(sqlTable(owner.type))} WHERE ${Prisma.raw(`"${owner.ownerColumn}"`)} = ${id}`;
}

async function announceOwners(tx: Tx, change: Announcement, announced: Set<string>) {
  const model = change.entityType as ModelName;
  for (const owner of shownIn[model] ?? []) {
    const { type } = owner;
    const ids = (await ownersOf(tx, model, change.entityId, owner))
      .map((found) => found.id)
      .filter((id) => id && !announced.has(`${type}:${id}`));
    if (!ids.length) continue;
    for (const id of ids) announced.add(`${type}:${id}`);
    await tx.$executeRaw`UPDATE ${Prisma.raw(sqlTable(type))} SET version = version + 1, "updatedAt" = now() WHERE id = ANY(${ids})`;
    await insertEvents(
      tx,
      type,
      ids.map((id) => ({ action: 'UPDATE', entityType: type, entityId: id })),
    );
  }
}
