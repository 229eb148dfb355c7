// The comparison's datasets (comparison/datasets.ts) as spreadsheet files:
//   CSV: RFC 4180, UTF-8 with BOM (Excel reads umlauts), CRLF; numbers with a decimal comma
//        after the semicolon that German Excel expects
//   XLSX: an Excel workbook, bold header
// Lines are written as they are produced (csv-stringify, exceljs' streaming writer), followed by
// where the facts come from and the attribution the official list of districts requires.
import { PassThrough, type Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { isoDay } from '../common/history.js';
import type { Cell, Dataset, ExportDataset, Language } from '../comparison/datasets.js';
import { officialListSource } from '../places/reference.js';

export interface SpreadsheetRequest {
  dataset: ExportDataset;
  language: Language;
  delimiter: ';' | ',';
  asOf: Date;
  /** The address the file was asked for, named below the data. */
  address: string;
}

/** The lines after the data: the day, the sources, the licence's attribution, where it was taken from. */
async function footer(table: Dataset, request: SpreadsheetRequest): Promise<string[]> {
  const reference = await officialListSource();
  const de = request.language === 'de';
  return [
    `${de ? 'Stand' : 'As of'}: ${isoDay(request.asOf)}`,
    ...[...table.sources].map((title) => `${de ? 'Quelle' : 'Source'}: ${title}`),
    `${de ? 'Kreise und Gemeinden' : 'Districts and municipalities'}: ${reference?.title ?? ''} — ${reference?.attribution ?? ''}, www.bkg.bund.de (${reference?.licence ?? ''})`,
    `${de ? 'Abgerufen von' : 'Retrieved from'} ${request.address} (Integrationsgraph)`,
  ];
}

/** With the semicolon (German Excel), decimals take a comma. */
const numberText = (value: number, request: SpreadsheetRequest) =>
  request.delimiter === ';' ? String(value).replace('.', ',') : String(value);

/**
 * Text that Excel or LibreOffice would read as a formula (OWASP "CSV injection"): what an editor
 * typed as `=HYPERLINK(…)` must stay text in a ministry's spreadsheet. csv-stringify's
 * `escape_formulas` prefixes such text with `'` (numbers we write as numbers stay numbers); it is
 * quoted as well, as OWASP recommends.
 */
const formulaStart = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function csvStream(table: Dataset, request: SpreadsheetRequest): Readable {
  const csv = stringify({
    delimiter: request.delimiter,
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: {
      number: (value: number) => numberText(value, request),
      string: (value: string) => (formulaStart.test(value) ? { value, quoted: true } : value),
    },
  });
  const width = table.headers.length;
  (async () => {
    csv.write(table.headers);
    for await (const line of table.lines()) if (!csv.write(line)) await new Promise((resolve) => csv.once('drain', resolve));
    // Every record has the same number of fields (RFC 4180): the notes stand in the first.
    csv.write(Array(width).fill(''));
    for (const note of await footer(table, request)) csv.write([note, ...Array(width - 1).fill('')]);
    csv.end();
  })().catch((error) => csv.destroy(error));
  return csv;
}

export function xlsxStream(table: Dataset, request: SpreadsheetRequest): Readable {
  const output = new PassThrough();
  (async () => {
    // Loaded on the first workbook asked for: 0.26 s of every start otherwise.
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
    const sheet = workbook.addWorksheet(request.dataset);
    sheet.columns = table.headers.map((header) => ({ header, width: Math.max(12, Math.min(40, header.length + 4)) }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const line of table.lines()) sheet.addRow(line.map((cell: Cell) => cell ?? null)).commit();
    sheet.addRow([]).commit();
    for (const note of await footer(table, request)) sheet.addRow([note]).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error) => output.destroy(error));
  return output;
}
