// The record-level kit on top of the write transaction: create a record of a district, change a
// current one (or open its successor), archive one. Each cites the day's editorial source and
// is audited with the record before and after.
import type { Tx } from '../db/client.js';
import { type EditableModel, genericDelegate, type ModelName } from '../db/datamodel.js';
import type { VersionedRecord, Write } from './transaction.js';

type Load<Row> = (tx: Tx, id: string) => Promise<Row | null>;

/** Creates a record of a district: `create` writes it and returns its id; `load` reads it back. */
export async function createRecord<Row>(
  write: Write,
  options: { model: ModelName; districtId: string | null; create: (tx: Tx, sourceId: string) => Promise<string>; load: Load<Row> },
): Promise<Row> {
  const sourceId = await write.editorialSource(options.districtId);
  const id = await options.create(write.tx, sourceId);
  const after = (await options.load(write.tx, id))!;
  write.audit({ action: 'CREATE', entityType: options.model, entityId: id, districtId: options.districtId, after });
  return after;
}

/**
 * Changes a current record: locks it, checks the version the editor read, lets `apply` write
 * and return the id of the record to answer with — the same one, or a successor it opened (a
 * contact's new holder, an indicator's new value) — and audits.
 */
export async function changeRecord<Row extends VersionedRecord>(
  write: Write,
  options: {
    model: ModelName;
    action: 'UPDATE' | 'ARCHIVE';
    id: string;
    expectedVersion: number;
    load: Load<Row>;
    apply: (tx: Tx, before: Row, sourceId: string) => Promise<string>;
  },
): Promise<Row> {
  const { model, id } = options;
  const before = await write.lockCurrent(model, id, options.expectedVersion, options.load);
  const sourceId = await write.editorialSource(before.districtId);
  const resultId = await options.apply(write.tx, before, sourceId);
  const after = (await options.load(write.tx, resultId))!;
  write.audit(
    { action: options.action, entityType: model, entityId: id, districtId: before.districtId, before, after },
    resultId === id ? [] : [{ action: 'CREATE', entityType: model, entityId: resultId }],
  );
  return after;
}

/** Withdraws a record: it is no longer listed, and stays with its history (the default archive). */
export function archiveRecord<Row extends VersionedRecord>(
  write: Write,
  model: EditableModel,
  id: string,
  expectedVersion: number,
  load: Load<Row>,
): Promise<Row> {
  return changeRecord(write, {
    model,
    action: 'ARCHIVE',
    id,
    expectedVersion,
    load,
    apply: async (tx) => {
      await genericDelegate(tx, model).updateMany({ where: { id }, data: { archivedAt: write.now, version: { increment: 1 } } });
      return id;
    },
  });
}
