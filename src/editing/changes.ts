// The transaction every editing mutation writes in: the row locked, the version the editor read
// checked, an editorial source for what is written, and an audit event with the record before
// and after.
import { recordAudit } from '../audit/record.js';
import type { TokenViewer } from '../auth/viewer.js';
import { decodeGlobalId } from '../common/globalId.js';
import { NotFoundError, VersionConflictError } from '../common/problems.js';
import type { Context } from '../context.js';
import { db, type Tx } from '../db/client.js';
import { type EditableModel, sqlTable } from '../db/datamodel.js';
import { dataLockKey } from '../db/locks.js';
import { Prisma } from '../generated/prisma/client.js';
import { editorialSource } from './editorialSource.js';

interface Versioned {
  districtId: string | null;
  version: number;
  archivedAt: Date | null;
}

/**
 * Edits share the data lock that a package import holds exclusively: edits run side by side,
 * an import waits for the edits under way and they wait for it, so neither writes into a
 * state the other is halfway through (and the audit log records both, in order).
 */
function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${dataLockKey})`;
      return work(tx);
    },
    { timeout: 30_000 },
  );
}

const actor = (context: Context) => context.viewer as TokenViewer;

/** The district of a record named by global ID, for the authorization check; '' if there is none. */
export async function districtOf(model: EditableModel, globalId: string): Promise<string> {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalId(globalId);
  } catch {
    return ''; // a malformed ID names no district; the resolver reports it
  }
  if (decoded.typename !== model) return '';
  const rows = await db().$queryRaw<
    { districtId: string | null }[]
  >`SELECT "districtId" FROM ${Prisma.raw(sqlTable(model))} WHERE id = ${decoded.id}`;
  return rows[0]?.districtId ?? '';
}

/** Creates a record of a district: `create` writes it and returns its id; `load` reads it back. */
export function createAudited<Row>(options: {
  context: Context;
  entityType: EditableModel;
  districtId: string;
  create: (tx: Tx, sourceId: string) => Promise<string>;
  load: (tx: Tx, id: string) => Promise<Row | null>;
}): Promise<Row> {
  return inTransaction(async (tx) => {
    const source = await editorialSource(tx, options.districtId, options.context.now);
    const id = await options.create(tx, source.id);
    const after = (await options.load(tx, id))!;
    await recordAudit(
      tx,
      actor(options.context),
      { action: 'CREATE', entityType: options.entityType, entityId: id, districtId: options.districtId, after },
      source.created,
    );
    return after;
  });
}

/**
 * Changes a current record: locks it, checks the version the editor read, lets `apply` write
 * and return the id of the record to answer with — the same one, or a successor it opened (a
 * contact's new holder, an indicator's new value) — and audits.
 */
export function changeAudited<Row extends Versioned>(options: {
  context: Context;
  entityType: EditableModel;
  action: 'UPDATE' | 'ARCHIVE';
  id: string;
  expectedVersion: number;
  load: (tx: Tx, id: string) => Promise<Row | null>;
  apply: (tx: Tx, before: Row, sourceId: string) => Promise<string>;
}): Promise<Row> {
  const { context, entityType, id } = options;
  return inTransaction(async (tx) => {
    // Two editors saving at once cannot both pass the version check.
    await tx.$queryRaw`SELECT id FROM ${Prisma.raw(sqlTable(entityType))} WHERE id = ${id} FOR UPDATE`;
    const before = await options.load(tx, id);
    if (!before || before.archivedAt) throw new NotFoundError(`No current ${entityType} with this ID.`);
    if (before.version !== options.expectedVersion) throw new VersionConflictError(options.expectedVersion, before.version);
    const source = await editorialSource(tx, before.districtId, context.now);
    const resultId = await options.apply(tx, before, source.id);
    const after = (await options.load(tx, resultId))!;
    await recordAudit(
      tx,
      actor(context),
      {
        action: options.action,
        entityType,
        entityId: id,
        districtId: before.districtId,
        before,
        after,
      },
      [...source.created, ...(resultId === id ? [] : [{ action: 'CREATE' as const, entityType, entityId: resultId }])],
    );
    return after;
  });
}
