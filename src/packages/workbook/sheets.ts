// A district's data package as an Excel workbook: the layout that writing (write.ts) and reading
// (read.ts) share. A sheet per table of a district package, named in German (tables.ts); its
// columns are the package format's (format.ts), so a column added to the data model appears in
// the workbook by itself. The district's own key is left out: every row of the workbook is the
// district's, and reading fills it in.

import { isDerived } from '../../rules/derived.js';
import { type Column, columnDescription, columnsOf } from '../format.js';
import { type TableSpec, tablesOf } from '../tables.js';

/** How a column's values stand in cells. */
type CellKind = 'text' | 'integer' | 'decimal' | 'boolean' | 'date' | 'instant' | 'list';

export interface SheetColumn {
  column: Column;
  kind: CellKind;
  /** Must be filled (marked with " *" in the header). */
  required: boolean;
  /** The header cell's comment: the column's description and how to fill it in. */
  note: string;
}

export interface TableSheet {
  name: string;
  table: TableSpec;
  columns: SheetColumn[];
}

/** The first sheet: what the workbook is and how to work in it. */
export const instructionsSheet = 'Anleitung';
/** The values of the drop-down lists: enumerations and the catalogue's keys. */
export const listsSheet = 'Listen';
/** What the workbook was made from: district, format and each record's fingerprint. */
export const originSheet = 'Stand';

/** A header's mark for a column that must be filled. */
export const requiredMark = ' *';

function kindOf(column: Column): CellKind {
  if (column.list) return 'list';
  if (column.type === 'Int') return 'integer';
  if (column.type === 'Decimal' || column.type === 'Float') return 'decimal';
  if (column.type === 'Boolean') return 'boolean';
  // Calendar dates are date cells; instants (when a record was archived) keep their time as text.
  if (column.type === 'DateTime') return column.dateOnly ? 'date' : 'instant';
  return 'text';
}

const howToFill: Record<CellKind, string> = {
  text: 'Text.',
  integer: 'Ganze Zahl.',
  decimal: 'Zahl.',
  boolean: 'WAHR oder FALSCH (auch: ja / nein).',
  date: 'Datum, z. B. 31.12.2026.',
  instant: 'Zeitpunkt, z. B. 2026-12-31 (zum Archivieren das heutige Datum eintragen).',
  list: 'Liste: ein Wert pro Zeile in der Zelle (Alt+Eingabe).',
};

const sheetColumn = (table: TableSpec, column: Column): SheetColumn => {
  const required = column.required && !isDerived(table.model, column.name);
  const kind = kindOf(column);
  const note = [columnDescription(table.model, column), '', howToFill[kind], required ? 'Pflichtfeld.' : 'Darf leer bleiben.'].join('\n');
  return { column, kind, required, note };
};

/** The district's own key: every row of the workbook is the district's. */
const isDistrictKey = (column: Column) => column.references === 'District';

export const tableSheets: TableSheet[] = tablesOf('district').map((table) => {
  if (!table.sheet) throw new Error(`The district table "${table.key}" needs a sheet name (src/packages/tables.ts)`);
  return {
    name: table.sheet,
    table,
    columns: columnsOf(table.model)
      .filter((column) => !isDistrictKey(column))
      .map((column) => sheetColumn(table, column)),
  };
});

export const sheetByName = new Map(tableSheets.map((sheet) => [sheet.name, sheet]));
export const sheetByTable = new Map(tableSheets.map((sheet) => [sheet.table.key, sheet]));

/** The columns left out of the sheet that reading fills with the district's AGS. */
export const districtColumns = (table: TableSpec) => columnsOf(table.model).filter(isDistrictKey);

/** The header of a column: its name in the package, marked if it must be filled. */
export const headerOf = (column: SheetColumn) => `${column.column.name}${column.required ? requiredMark : ''}`;

/** "A", "B" … "AA": the letter of a 1-based column number. */
export function columnLetter(position: number): string {
  let letters = '';
  for (let rest = position; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** A sheet name as a formula names it: quoted, with quotes doubled. */
export const sheetReference = (name: string) => `'${name.replace(/'/g, "''")}'`;
