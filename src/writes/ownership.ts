// Which district a record belongs to, for every kind of record alike, from the data model: a
// district is its own, a record with a `districtId` names it, a part without one (office
// hours) belongs to its record's district, and the shared catalogue (roles, tasks …) to none.
import { db, type Tx } from '../db/client.js';
import { hasColumn, type ModelName, modelOf, sqlTable } from '../db/datamodel.js';
import { Prisma } from '../generated/prisma/client.js';

export interface Owner {
  /** The record whose district decides, and whose version a change of the part raises: the record itself, or the one it is part of. */
  model: ModelName;
  id: string;
  /** Null for the shared catalogue. */
  districtId: string | null;
}

/**
 * The record a part without a district of its own belongs to (OfficeHours → Contact): the first
 * record its required relations name that has an owner. The source a record cites is where its
 * facts come from, not what it belongs to (the catalogue's funders cite district pages).
 */
function parentOf(model: ModelName): { model: ModelName; column: string } | null {
  for (const field of modelOf(model).fields) {
    if (field.kind !== 'object' || !field.isRequired || field.relationFromFields.length !== 1 || field.type === 'Source') continue;
    const parent = field.type as ModelName;
    if (parent !== model && (hasColumn(parent, 'districtId') || parentOf(parent))) {
      return { model: parent, column: modelOf(model).fields.find((column) => column.name === field.relationFromFields[0])!.dbName };
    }
  }
  return null;
}

/** The owner of a record; null if there is no such record. */
export async function ownerOf(model: ModelName, id: string, client: Tx = db()): Promise<Owner | null> {
  const table = Prisma.raw(sqlTable(model));
  if (hasColumn(model, 'districtId')) {
    const rows = await client.$queryRaw<{ districtId: string | null }[]>`SELECT "districtId" FROM ${table} WHERE id = ${id}`;
    return rows[0] ? { model, id, districtId: rows[0].districtId } : null;
  }
  const parent = model === 'District' ? null : parentOf(model);
  const column = Prisma.raw(parent ? `"${parent.column.replaceAll('"', '""')}"` : 'id');
  const rows = await client.$queryRaw<{ key: string }[]>`SELECT ${column} AS key FROM ${table} WHERE id = ${id}`;
  if (!rows[0]) return null;
  if (parent) return ownerOf(parent.model, rows[0].key, client);
  return { model, id, districtId: model === 'District' ? id : null };
}
