// A district's data package as an Excel workbook (sheets.ts gives the layout): an instructions
// sheet in German, a sheet per table with the column's description as a comment on its header,
// drop-down lists for enumerations and keys, dates as dates; then the lists' values and what the
// workbook was made from (`Stand`: the district, the format, each record's fingerprint), so that
// uploading it after later edits does not undo them. A district without data gets the same
// workbook with empty tables: its template.
//
// Text is written as text cells, never as formulas: what an editor typed as `=HYPERLINK(…)` stays
// text in every program that opens the workbook (text columns are formatted as text, so that a
// cell edited in Excel stays text too).
import type ExcelJS from 'exceljs';
import { isoDay } from '../../common/history.js';
import type { Tx } from '../../db/client.js';
import { genericDelegate, type ModelName } from '../../db/datamodel.js';
import * as enums from '../../generated/prisma/enums.js';
import { referenceSourceId } from '../../places/referenceKeys.js';
import { packageFormat } from '../format.js';
import { fingerprints } from '../import.js';
import { type Row, readPackage } from '../rows.js';
import { tableByModel } from '../tables.js';
import {
  columnLetter,
  headerOf,
  instructionsSheet,
  listsSheet,
  originSheet,
  type SheetColumn,
  sheetByTable,
  sheetReference,
  type TableSheet,
  tableSheets,
} from './sheets.js';

/** How far down a sheet the drop-down lists reach: far beyond any district's records. */
const validatedRows = 5000;

/** The official list's towns of the district that its own towns do not hold yet: offers may name them. */
async function officialTowns(client: Tx, ags: string, towns: Row[]): Promise<Row[]> {
  const held = new Set(towns.flatMap((town) => [town.ags, town.name].filter(Boolean).map(String)));
  const places = await client.place.findMany({ where: { districtId: ags }, orderBy: { name: 'asc' } });
  return places
    .filter((place) => !held.has(place.id) && !held.has(place.name))
    .map((place) => ({ id: `${ags}/${place.id}`, name: place.name, ags: place.id, sourceId: referenceSourceId }));
}

/** A package value as the cell holds it. */
function cellValue(column: SheetColumn, value: unknown): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  if (column.kind === 'date') return new Date(`${String(value)}T00:00:00Z`);
  if (column.kind === 'list') return (value as unknown[]).join('\n') || null;
  return value as ExcelJS.CellValue;
}

const cellStyles: Record<SheetColumn['kind'], Partial<ExcelJS.Style>> = {
  text: { numFmt: '@' },
  instant: { numFmt: '@' },
  list: { numFmt: '@', alignment: { wrapText: true, vertical: 'top' } },
  date: { numFmt: 'dd.mm.yyyy' },
  // No rounding format: a 1.5 typed into a whole-number column must show as 1.5 (and be refused), not as 2.
  integer: {},
  decimal: {},
  boolean: {},
};

/** The values of the drop-down lists, a column each (with what people call them beside it) on the lists sheet. */
class Lists {
  private readonly lists = new Map<string, { range: string; entries: [string, string | null][] }>();
  constructor(private readonly client: Tx) {}

  /** The range of an enumeration's values or of a catalogue table's keys, for a list validation. */
  async rangeOf(name: string, values: () => Promise<[string, string | null][]>): Promise<string> {
    const known = this.lists.get(name);
    if (known) return known.range;
    const entries = await values();
    const letter = columnLetter(this.lists.size * 2 + 1);
    const range = `${sheetReference(listsSheet)}!$${letter}$2:$${letter}$${entries.length + 1}`;
    this.lists.set(name, { range, entries });
    return range;
  }

  writeTo(sheet: ExcelJS.Worksheet) {
    for (const [index, [name, { entries }]] of [...this.lists].entries()) {
      const keys = sheet.getColumn(index * 2 + 1);
      keys.values = [name, ...entries.map(([key]) => key)];
      keys.width = Math.min(40, Math.max(14, ...entries.map(([key]) => key.length + 2)));
      const labels = sheet.getColumn(index * 2 + 2);
      labels.values = ['', ...entries.map(([, label]) => label ?? '')];
      labels.width = 40;
    }
    sheet.getRow(1).font = { bold: true };
  }

  /** Where a column's allowed values are: an enumeration, the catalogue, or the id column of another sheet. */
  async sourceOf(column: SheetColumn): Promise<{ range: string; strict: boolean } | null> {
    const { type, kind, references } = column.column;
    if (kind === 'enum') {
      const values = Object.values((enums as Record<string, Record<string, string>>)[type]!);
      return { range: await this.rangeOf(type, async () => values.map((value) => [value, null])), strict: true };
    }
    if (!references) return null;
    const target = tableByModel.get(references);
    const sheet = target && sheetByTable.get(target.key);
    if (sheet) {
      const keyColumn = sheet.columns.findIndex((candidate) => candidate.column.name === 'id');
      if (keyColumn < 0) throw new Error(`${column.column.name} refers to ${sheet.name}, which has no id column to choose from`);
      const letter = columnLetter(keyColumn + 1);
      return { range: `${sheetReference(sheet.name)}!$${letter}$2:$${letter}$${validatedRows}`, strict: false };
    }
    return { range: await this.rangeOf(references, () => this.catalogue(references)), strict: false };
  }

  /** A catalogue table's keys with what people call them. */
  private async catalogue(model: ModelName): Promise<[string, string | null][]> {
    const rows = await genericDelegate(this.client, model).findMany({ orderBy: { id: 'asc' } });
    return rows.map((row) => [String(row.id), (row.name ?? row.title ?? row.germanName ?? row.label ?? null) as string | null]);
  }
}

/** exceljs keeps a sheet's data validations, but its type declarations leave them out. */
const validationsOf = (sheet: ExcelJS.Worksheet) =>
  (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;

async function addTableSheet(workbook: ExcelJS.Workbook, lists: Lists, layout: TableSheet, rows: Row[]) {
  const sheet = workbook.addWorksheet(layout.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = layout.columns.map((column) => ({
    header: headerOf(column),
    key: column.column.name,
    width: column.kind === 'list' || column.column.name === 'printed' ? 40 : Math.max(12, column.column.name.length + 4),
    style: cellStyles[column.kind],
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  layout.columns.forEach((column, index) => {
    header.getCell(index + 1).note = column.note;
  });
  for (const row of rows) sheet.addRow(layout.columns.map((column) => cellValue(column, row[column.column.name])));
  for (const [index, column] of layout.columns.entries()) {
    const source = await lists.sourceOf(column);
    if (!source) continue;
    const letter = columnLetter(index + 1);
    validationsOf(sheet).add(`${letter}2:${letter}${validatedRows}`, {
      type: 'list',
      allowBlank: true,
      formulae: [source.range],
      showErrorMessage: true,
      errorStyle: source.strict ? 'stop' : 'warning',
      errorTitle: column.column.name,
      error: source.strict ? 'Bitte einen Wert aus der Liste wählen.' : 'Dieser Schlüssel steht (noch) nicht in der Liste.',
    });
  }
}

function addInstructions(workbook: ExcelJS.Workbook, district: { id: string; name: string }, asOf: Date, attribution: string) {
  const sheet = workbook.addWorksheet(instructionsSheet);
  sheet.getColumn(1).width = 110;
  sheet.getColumn(1).alignment = { wrapText: true, vertical: 'top' };
  const lines = [
    `Daten des Kreises ${district.name} (${district.id}) im Integrationsgraphen, Stand ${isoDay(asOf)}`,
    '',
    'Diese Arbeitsmappe enthält alle Daten des Kreises. Ändern Sie sie in Excel oder LibreOffice und laden Sie sie wieder hoch: zuerst zeigt ein Probelauf jede Änderung und jedes Problem (mit Blatt, Zeile und Spalte), geschrieben wird erst, wenn Sie genau diese Änderung übernehmen.',
    'Jedes Blatt ist eine Tabelle, jede Zeile ein Datensatz. Teile eines Datensatzes stehen in eigenen Blättern, mit dem Schlüssel des Datensatzes: jede Telefonnummer eines Kontakts ist eine Zeile im Blatt „Kontaktwege“, deren contactId die id des Kontakts ist; ebenso Adressen, Sprechzeiten und ihre Intervalle.',
    'Spalten mit * müssen ausgefüllt sein. Der Kommentar an jeder Spaltenüberschrift sagt, was hineingehört. Spalten mit festen Werten (Art, Rolle, Programm, Gemeinde, Quelle …) bieten eine Auswahlliste; die Werte stehen im Blatt „Listen“ oder im Blatt, auf das die Spalte verweist.',
    'id: der Schlüssel des Datensatzes. Bei bestehenden Zeilen nicht ändern. Für neue Zeilen einen kurzen, im Blatt eindeutigen Schlüssel wählen, z. B. kontakt-mueller.',
    'Quellen: Jede Angabe nennt ihre Quelle (sourceId). Tragen Sie die Seite, von der die Angaben stammen, im Blatt „Quellen“ ein – oder eine Quelle der Art EDITORIAL für Angaben, die Sie als Redaktion machen.',
    `Gemeinden: Das Blatt enthält auch die Gemeinden des Kreises aus dem amtlichen Verzeichnis (Quelle ${referenceSourceId}); Angebote können sie als Ort nennen. Gemeinden aus dem Verzeichnis, die nichts nennt, werden beim Hochladen übergangen.`,
    'Eine gelöschte Zeile archiviert den Datensatz (er wird nicht gelöscht). Quellen, Gemeinden und Personen können nicht archiviert werden: sie bleiben.',
    'Nicht ändern: die Namen der Blätter und die Spaltenüberschriften, und das Blatt „Stand“. Es sagt, aus welchem Stand die Mappe gemacht wurde: was andere seitdem geändert haben, wird beim Hochladen nicht überschrieben, sondern als Konflikt gezeigt.',
    'Formeln, Makros, verbundene Zellen, ausgeblendete Blätter und Verknüpfungen mit anderen Dateien werden beim Hochladen abgelehnt: tragen Sie Werte ein. Text, der mit = beginnt, bleibt Text.',
    'Hochladen: über die API (Mutation importDistrictWorkbook, im README unter „Working in Excel“), mit dem Token eines Editors des Kreises.',
    '',
    `Gemeinden und Kreise: ${attribution}`,
  ];
  for (const line of lines) sheet.addRow([line]);
  sheet.getRow(1).font = { bold: true, size: 14 };
}

function addOrigin(workbook: ExcelJS.Workbook, ags: string, name: string, asOf: Date, madeFrom: Record<string, string>, version: number) {
  const sheet = workbook.addWorksheet(originSheet);
  sheet.getColumn(1).width = 50;
  sheet.getColumn(2).width = 30;
  sheet.addRows([
    ['Feld', 'Wert'],
    ['format', packageFormat],
    ['formatVersion', version],
    ['district', ags],
    ['name', name],
    ['exportedAt', asOf.toISOString()],
    [],
    ['Datensatz', 'Fingerabdruck'],
    ...Object.entries(madeFrom),
  ]);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(8).font = { bold: true };
}

/** The district's workbook, or null if there is no such district. */
export async function districtWorkbook(client: Tx, ags: string, now: Date): Promise<Buffer | null> {
  const district = await client.district.findUnique({ where: { id: ags }, select: { id: true, name: true } });
  if (!district) return null;
  const dataPackage = await readPackage(client, 'district', ags);
  const madeFrom = fingerprints('district', dataPackage.tables);
  const towns = dataPackage.tables.municipalities ?? [];
  const tables: Record<string, Row[]> = { ...dataPackage.tables, municipalities: [...towns, ...(await officialTowns(client, ags, towns))] };
  const reference = await client.source.findUnique({ where: { id: referenceSourceId } });
  // Loaded on the first workbook asked for: 0.26 s of every start otherwise.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Integrationsgraph';
  workbook.created = now;
  addInstructions(workbook, district, now, [reference?.title, reference?.attribution, reference?.licence].filter(Boolean).join(', '));
  const lists = new Lists(client);
  for (const layout of tableSheets) await addTableSheet(workbook, lists, layout, tables[layout.table.key] ?? []);
  lists.writeTo(workbook.addWorksheet(listsSheet));
  addOrigin(workbook, ags, district.name, now, madeFrom, Number(dataPackage.formatVersion));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
