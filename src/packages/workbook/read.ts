// An uploaded workbook back into a data package (sheets.ts gives the layout), which is then
// imported like any other (import.ts: the same checks, the same normalisation). Every problem is
// named by its cell, "Kontakte!D7", and every one is reported at once; so are the import's own
// problems, translated from the package's rows back to the cells they came from (`cellOf`).
//
// Hostile files are refused before parsing (archive.ts); what the parser finds is refused
// here: formulas (only values are imported: a formula's cached result could be anything), merged
// cells, hidden sheets, sheets and columns the workbook does not have. Text starting with `=`
// stays text.
import type ExcelJS from 'exceljs';
import { isoDay } from '../../common/history.js';
import { logger } from '../../logger.js';
import { referenceSourceId } from '../../places/referenceKeys.js';
import { type IssueCode, said } from '../../rules/issues.js';
import { type Issue, Problems } from '../../writes/problems.js';
import { type DataPackage, packageFormat } from '../format.js';
import type { Row } from '../rows.js';
import { ArchiveRefusal, checkArchive } from './archive.js';
import {
  columnLetter,
  districtColumns,
  headerOf,
  instructionsSheet,
  listsSheet,
  originSheet,
  requiredMark,
  type SheetColumn,
  sheetByName,
  sheetByTable,
  type TableSheet,
} from './sheets.js';

export interface ReadWorkbook {
  dataPackage: DataPackage;
  /** Problems of cells, rows and sheets: reported together with the import's own (the package is read around them). */
  issues: Issue[];
  /** The cell (or row, or sheet) a package path such as `$.tables.contacts[3].phone` came from. */
  cellOf(path: string): string;
}

/** Where the whole file is meant, in a problem's path. */
const wholeWorkbook = 'Arbeitsmappe';

type Value = string | number | boolean | string[];

/** A cell that cannot be read; coded as the import codes a value of the wrong kind, or as the workbook's own problem. */
class CellProblem extends Error {
  constructor(
    message: string,
    readonly code: IssueCode = 'WORKBOOK',
    readonly params: Record<string, string> = {},
  ) {
    super(message);
  }
}

const workbookProblem = (message: string) => said('WORKBOOK', message);

/** The cell's value as text, a number, a boolean, a date, or empty; formulas and error values refused. */
function plainValue(cell: ExcelJS.Cell): string | number | boolean | Date | null {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== 'object') return typeof value === 'string' && !value.trim() ? null : value;
  // LibreOffice saves a boolean as the formula TRUE() or FALSE(): that one is a value.
  const booleanFormula = 'formula' in value ? /^(TRUE|FALSE)(\(\))?$/i.exec(String(value.formula)) : null;
  if (booleanFormula) return booleanFormula[1]!.toUpperCase() === 'TRUE';
  if ('formula' in value || 'sharedFormula' in value)
    throw new CellProblem('enthält eine Formel; bitte den Wert eintragen (Formeln werden nicht übernommen)');
  if ('error' in value) throw new CellProblem(`enthält den Fehlerwert ${String(value.error)}`);
  if ('richText' in value) return value.richText.map((part) => part.text).join('') || null;
  if ('text' in value) return String(value.text) || null;
  throw new CellProblem('enthält einen Wert, der kein Text, keine Zahl und kein Datum ist');
}

/** Excel's serial day number (1900 system) as a date. */
const fromSerial = (serial: number) => new Date(Math.round((serial - 25569) * 86_400_000));
const germanDate = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** A date typed as text: 31.12.2026 or 2026-12-31. */
function dateText(text: string): string | null {
  const german = germanDate.exec(text.trim());
  if (german) return `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? text.trim() : null;
}

const notADate = (value: unknown): never => {
  throw new CellProblem(`„${String(value)}“ ist kein Datum (z. B. 31.12.2026)`, 'WRONG_TYPE', { expected: 'date' });
};

/** Excel keeps a time typed into a general cell ("09:00") as a time on its day zero. */
const isTimeOfDay = (date: Date) => date.getUTCFullYear() < 1900;

const truthy = new Set(['wahr', 'ja', 'true', 'yes', 'x', '1']);
const falsy = new Set(['falsch', 'nein', 'false', 'no', '0']);

/** A cell's value as the package holds the column; one that cannot be read ("gestern" as a date) is a problem of its cell. */
function packageValue(column: SheetColumn, value: string | number | boolean | Date): Value {
  switch (column.kind) {
    case 'text':
      if (value instanceof Date) return isTimeOfDay(value) ? value.toISOString().slice(11, 16) : isoDay(value);
      return String(value);
    case 'integer':
    case 'decimal': {
      if (typeof value === 'number') return value;
      const number = Number(String(value).trim().replace(',', '.'));
      if (typeof value === 'string' && Number.isFinite(number)) return number;
      throw new CellProblem(`„${String(value)}“ ist keine Zahl`, 'WRONG_TYPE', { expected: 'number' });
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const text = String(value).trim().toLowerCase();
      if (truthy.has(text)) return true;
      if (falsy.has(text)) return false;
      throw new CellProblem(`„${String(value)}“ ist weder WAHR noch FALSCH`, 'WRONG_TYPE', { expected: 'boolean' });
    }
    case 'date':
      if (value instanceof Date) return isoDay(value);
      if (typeof value === 'number') return isoDay(fromSerial(value));
      return dateText(String(value)) ?? notADate(value);
    case 'instant': {
      if (value instanceof Date) return value.toISOString();
      if (typeof value === 'number') return fromSerial(value).toISOString();
      const day = dateText(String(value));
      // A time of its own (as the workbook wrote it) is checked by the format.
      return day ? `${day}T00:00:00.000Z` : /^\d{4}-\d{2}-\d{2}T/.test(String(value)) ? String(value) : notADate(value);
    }
    case 'list':
      return String(value)
        .split(/\r?\n/)
        .map((item) => item.trim())
        .filter(Boolean);
  }
}

interface SheetRows {
  rows: Row[];
  /** The sheet row each package row came from. */
  rowNumbers: number[];
  /** The letter of each column. */
  letters: Map<string, string>;
}

/** The header row: each column of the layout found once; anything else refused. */
function readHeader(sheet: ExcelJS.Worksheet, layout: TableSheet, problems: Problems): Map<number, SheetColumn> | null {
  const byHeader = new Map(layout.columns.map((column) => [column.column.name, column]));
  const found = new Map<number, SheetColumn>();
  sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, position) => {
    const text = String(plainValueOrNull(cell) ?? '').trim();
    if (!text) return;
    const name = text.endsWith(requiredMark.trim()) ? text.slice(0, -1).trim() : text;
    const column = byHeader.get(name);
    const at = `${layout.name}!${columnLetter(position)}1`;
    if (!column)
      problems.add(
        at,
        workbookProblem(`Spalte „${text}“ gibt es in diesem Blatt nicht (Überschriften nicht umbenennen; eigene Spalten bitte löschen)`),
      );
    else if ([...found.values()].includes(column)) problems.add(at, workbookProblem(`Spalte „${text}“ steht zweimal im Blatt`));
    else found.set(position, column);
  });
  const missing = layout.columns.filter((column) => ![...found.values()].includes(column));
  for (const column of missing)
    problems.add(`${layout.name}!1:1`, workbookProblem(`Spalte „${headerOf(column)}“ fehlt (Überschriften nicht umbenennen oder löschen)`));
  return missing.length ? null : found;
}

function plainValueOrNull(cell: ExcelJS.Cell) {
  try {
    return plainValue(cell);
  } catch {
    return null;
  }
}

function readTableSheet(sheet: ExcelJS.Worksheet, layout: TableSheet, ags: string, problems: Problems): SheetRows {
  const result: SheetRows = { rows: [], rowNumbers: [], letters: new Map() };
  // The model is a copy of the whole sheet: only made where there are merges to name.
  const merges = sheet.hasMerges ? ((sheet.model as { merges?: string[] }).merges ?? []) : [];
  if (merges.length)
    problems.add(
      `${layout.name}!${merges[0]}`,
      workbookProblem(
        `verbundene Zellen${merges.length > 1 ? ` (auch ${merges.slice(1).join(', ')})` : ''}: bitte die Verbindung aufheben, jede Zeile ein Datensatz`,
      ),
    );
  const columns = readHeader(sheet, layout, problems);
  if (!columns) return result;
  for (const [position, column] of columns) result.letters.set(column.column.name, columnLetter(position));
  sheet.eachRow({ includeEmpty: false }, (sheetRow, rowNumber) => {
    if (rowNumber === 1) return;
    const row: Row = {};
    let filled = false;
    for (const [position, column] of columns) {
      const at = `${layout.name}!${columnLetter(position)}${rowNumber}`;
      try {
        const value = plainValue(sheetRow.getCell(position));
        if (value !== null) {
          row[column.column.name] = packageValue(column, value);
          filled = true;
        } else if (column.kind === 'list') row[column.column.name] = [];
      } catch (error) {
        if (!(error instanceof CellProblem)) throw error;
        problems.add(at, said(error.code, error.message, error.params));
        filled = true;
      }
    }
    if (!filled) return;
    for (const column of districtColumns(layout.table)) row[column.name] = ags;
    result.rows.push(row);
    result.rowNumbers.push(rowNumber);
  });
  return result;
}

interface Origin {
  district: string | null;
  formatVersion: number | null;
  madeFrom: Record<string, string>;
}

/** The origin sheet: the district and format the workbook was made for, and each record's fingerprint then. */
function readOrigin(sheet: ExcelJS.Worksheet, problems: Problems): Origin {
  const origin: Origin = { district: null, formatVersion: null, madeFrom: {} };
  const fields = new Map<string, string>();
  let inFingerprints = false;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const key = String(plainValueOrNull(row.getCell(1)) ?? '');
    const value = String(plainValueOrNull(row.getCell(2)) ?? '');
    if (key === 'Datensatz') inFingerprints = true;
    else if (inFingerprints) origin.madeFrom[key] = value;
    else fields.set(key, value);
  });
  if (fields.get('format') !== packageFormat)
    problems.add(
      `${originSheet}!B2`,
      workbookProblem(
        `muss „${packageFormat}“ sein: das Blatt „${originSheet}“ wurde verändert, oder die Mappe ist keine des Integrationsgraphen`,
      ),
    );
  origin.district = fields.get('district') ?? null;
  origin.formatVersion = Number(fields.get('formatVersion')) || null;
  return origin;
}

/**
 * Towns of the official list that the workbook offered (write.ts) and nothing names are not the
 * district's data: they are left out, unless the district held them already.
 */
function withoutUnusedOfficialTowns(sheets: Map<string, SheetRows>, madeFrom: Record<string, string>) {
  const towns = sheets.get('municipalities');
  if (!towns) return;
  const named = new Set<string>();
  for (const [key, { rows }] of sheets) {
    const columns = sheetByTable.get(key)!.columns.filter((column) => column.column.references === 'Municipality');
    for (const row of rows) for (const column of columns) named.add(String(row[column.column.name]));
  }
  const keep = towns.rows.map(
    (row) => row.sourceId !== referenceSourceId || named.has(String(row.id)) || `municipalities/${String(row.id)}` in madeFrom,
  );
  towns.rows = towns.rows.filter((_, index) => keep[index]);
  towns.rowNumbers = towns.rowNumbers.filter((_, index) => keep[index]);
}

/**
 * Reads an uploaded workbook of district `ags` as a data package, with the problems of its cells
 * (`issues`). A file that cannot be read at all is refused through `problems`, and the answer is null.
 */
export async function readWorkbook(bytes: Buffer, ags: string, problems: Problems): Promise<ReadWorkbook | null> {
  try {
    checkArchive(bytes);
  } catch (error) {
    if (!(error instanceof ArchiveRefusal)) throw error;
    problems.add(wholeWorkbook, workbookProblem(error.message));
    return null;
  }
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    logger.info({ err: error }, 'an uploaded workbook could not be parsed');
    problems.add(
      wholeWorkbook,
      workbookProblem(
        'Die Datei lässt sich nicht als Arbeitsmappe lesen: sie ist beschädigt. Bitte in Excel oder LibreOffice öffnen und als „Excel-Arbeitsmappe (.xlsx)“ neu speichern.',
      ),
    );
    return null;
  }
  const sheets = new Map<string, SheetRows>();
  const found = new Problems();
  let origin: Origin | null = null;
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== 'visible') {
      found.add(
        `${sheet.name}!A1`,
        workbookProblem(
          'ist ein ausgeblendetes Blatt: bitte einblenden und prüfen, oder löschen (ausgeblendete Daten werden nicht übernommen)',
        ),
      );
      continue;
    }
    const layout = sheetByName.get(sheet.name);
    if (layout) sheets.set(layout.table.key, readTableSheet(sheet, layout, ags, found));
    else if (sheet.name === originSheet) origin = readOrigin(sheet, found);
    else if (sheet.name !== instructionsSheet && sheet.name !== listsSheet)
      found.add(
        `${sheet.name}!A1`,
        workbookProblem(
          `Blatt „${sheet.name}“ gehört nicht zu dieser Arbeitsmappe (Blätter nicht umbenennen; eigene Blätter bitte löschen)`,
        ),
      );
  }
  if (!sheets.size) {
    problems.add(
      wholeWorkbook,
      workbookProblem(
        'enthält keines der Blätter einer Arbeitsmappe des Integrationsgraphen (Kontakte, Angebote …): ist es die richtige Datei?',
      ),
    );
    return null;
  }
  if (!origin) {
    problems.add(
      wholeWorkbook,
      workbookProblem(
        `Das Blatt „${originSheet}“ fehlt: es sagt, aus welchem Stand die Mappe gemacht wurde. Bitte eine neue Mappe herunterladen.`,
      ),
    );
    return null;
  }
  if (origin.district !== ags)
    found.add(
      `${originSheet}!B4`,
      workbookProblem(`Die Mappe ist die des Kreises ${origin.district ?? '(keiner)'}, hochgeladen wurde sie für ${ags}`),
    );
  withoutUnusedOfficialTowns(sheets, origin.madeFrom);
  const tables = Object.fromEntries([...sheets].map(([key, { rows }]) => [key, rows]));
  return {
    issues: found.issues,
    dataPackage: {
      format: packageFormat,
      formatVersion: origin.formatVersion,
      kind: 'district',
      district: ags,
      madeFrom: origin.madeFrom,
      tables,
    },
    cellOf: (path) => cellOf(path, sheets),
  };
}

/** "$.tables.contacts[3].phone" → "Kontakte!D7"; a row without its column → "Kontakte!7:7". */
function cellOf(path: string, sheets: Map<string, SheetRows>): string {
  const match = /^\$\.tables\.(\w+)\[(\d+)\](?:\.(\w+))?/.exec(path);
  const read = match && sheets.get(match[1]!);
  const rowNumber = read?.rowNumbers[Number(match![2])];
  if (!match || !read || rowNumber === undefined) return path.startsWith('$.district') ? `${originSheet}!B4` : wholeWorkbook;
  const sheet = sheetByTable.get(match[1]!)!.name;
  const letter = match[3] && read.letters.get(match[3]);
  return letter ? `${sheet}!${letter}${rowNumber}` : `${sheet}!${rowNumber}:${rowNumber}`;
}
