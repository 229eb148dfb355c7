// Many rows in few statements: the rows travel as one JSON parameter per chunk and PostgreSQL
// turns them into the table's row type (json_populate_recordset). Prisma's createMany builds a
// statement with a parameter per value, and for 20,000 offers that took the event loop for
// seconds; here the work is the database's, and between chunks other requests get their turn.
import { setImmediate as yieldToOthers } from 'node:timers/promises';
import { Prisma } from '../generated/prisma/client.js';
import type { Tx } from './client.js';
import { type ModelName, sqlTable, storedColumns } from './datamodel.js';

const chunkSize = 2_000;

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Inserts rows given by field name, with the columns the first row names (the others get their
 * database defaults); `@updatedAt` columns, which Prisma fills in the client, are set to `now`.
 */
export async function bulkInsert(tx: Tx, model: ModelName, rows: Record<string, unknown>[], now = new Date()): Promise<number> {
  if (!rows.length) return 0;
  const fields = storedColumns(model);
  const given = fields.filter((field) => field.name in rows[0]! && !field.isUpdatedAt);
  const stamped = fields.filter((field) => field.isUpdatedAt);
  const columnOf = (field: (typeof fields)[number]) => field.dbName ?? field.name;
  const columnList = Prisma.raw([...given, ...stamped].map((field) => quoted(columnOf(field))).join(', '));
  const table = Prisma.raw(sqlTable(model));
  const record = (row: Record<string, unknown>) =>
    Object.fromEntries([
      ...given.map((field) => [columnOf(field), row[field.name] ?? null]),
      ...stamped.map((field) => [columnOf(field), now]),
    ]);
  for (let start = 0; start < rows.length; start += chunkSize) {
    const json = JSON.stringify(rows.slice(start, start + chunkSize).map(record));
    await tx.$executeRaw`INSERT INTO ${table} (${columnList}) SELECT ${columnList} FROM json_populate_recordset(NULL::${table}, ${json}::json)`;
    await yieldToOthers();
  }
  return rows.length;
}
