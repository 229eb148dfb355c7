// Rows between the database and a package: reading a package's rows out of the database in
// their canonical form (columns in schema order, empty columns left out, dates as ISO text),
// and turning package rows back into what Prisma writes.

import { isoDay } from '../common/history.js';
import type { Tx } from '../db/client.js';
import { genericDelegate } from '../db/datamodel.js';
import type { Row } from '../rules/columns.js';
import { type Column, columnsOf, type DataPackage, packageFormat } from './format.js';
import { ownedRows, type PackageKind, rowKey, type TableSpec, tablesOf } from './tables.js';
import { packageFormatVersion } from './versions.js';

export type { Row } from '../rules/columns.js';

function toPackageValue(column: Column, value: unknown): unknown {
  if (value instanceof Date) return column.dateOnly ? isoDay(value) : value.toISOString();
  if (column.type === 'Decimal') return Number(String(value));
  return value;
}

/** A row as a package holds it: the package's columns in schema order, empty ones left out. */
export function canonicalRow(table: TableSpec, row: Row): Row {
  const out: Row = {};
  for (const column of columnsOf(table.model)) {
    const value = row[column.name];
    if (value !== null && value !== undefined) out[column.name] = toPackageValue(column, value);
  }
  return out;
}

/** A package row as Prisma writes it: dates as Date, empty columns as null. */
export function databaseRow(table: TableSpec, row: Row): Row {
  const out: Row = {};
  for (const column of columnsOf(table.model)) {
    const value = row[column.name];
    if (value === undefined || value === null) out[column.name] = column.list ? [] : null;
    else if (column.type === 'DateTime') out[column.name] = new Date(column.dateOnly ? `${String(value)}T00:00:00Z` : String(value));
    else out[column.name] = value;
  }
  return out;
}

/** Rows in the order of their keys, the order packages list them in. */
export function sortedByKey(table: TableSpec, rows: Row[]): Row[] {
  const keyed = rows.map((row) => [rowKey(table, row), row] as const);
  return keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

/** The rows a package owns, per table, canonical and sorted by key. */
export async function ownedTables(client: Tx, kind: PackageKind, ags: string | null): Promise<Record<string, Row[]>> {
  const result: Record<string, Row[]> = {};
  for (const table of tablesOf(kind)) {
    const rows = await genericDelegate(client, table.model).findMany({ where: ownedRows(table, kind, ags) });
    result[table.key] = sortedByKey(
      table,
      rows.map((row) => canonicalRow(table, row)),
    );
  }
  return result;
}

/** A complete package of the catalogue or of one district, as stored now. */
export async function readPackage(client: Tx, kind: PackageKind, ags: string | null): Promise<DataPackage> {
  const head = { format: packageFormat, formatVersion: packageFormatVersion, kind };
  return { ...head, ...(kind === 'district' ? { district: ags! } : {}), tables: await ownedTables(client, kind, ags) };
}

/** The package as its file holds it: two-space indentation, a final newline. */
export const packageText = (dataPackage: DataPackage) => `${JSON.stringify(dataPackage, null, 2)}\n`;
