// The comparison for spreadsheets, at addresses the API links to (`Comparison.exports`):
//   /export/<dataset>.csv   RFC 4180, UTF-8 with BOM (Excel reads umlauts), CRLF
//   /export/<dataset>.xlsx  an Excel workbook
// datasets: districts, fields-of-action, tasks, programmes, roles, indicators. Parameters: state
// (TH, SN) or districts (keys, comma-separated), asOf (YYYY-MM-DD), lang (de, en), delimiter
// (semicolon — the default for German — or comma). Lines are written as they are produced
// (csv-stringify, exceljs' streaming writer), followed by where the facts come from and the
// attribution the official list of districts requires.
import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { type Cell, type Dataset, dataset, type Language } from '../comparison/datasets.js';
import { type ExportDataset, exportDatasets } from '../comparison/exportLinks.js';
import { comparisonScope } from '../comparison/scope.js';
import { officialListSource } from '../places/reference.js';

type Format = 'csv' | 'xlsx';

interface Request {
  dataset: ExportDataset;
  format: Format;
  language: Language;
  delimiter: ';' | ',';
  scope: { state: string | null; districts: string[] | null; asOf: Date | null };
}

class BadRequest extends Error {}

function parseRequest(path: string, search: URLSearchParams): Request | null {
  const match = /^\/export\/([a-z-]+)\.(csv|xlsx)$/.exec(path);
  if (!match || !(exportDatasets as readonly string[]).includes(match[1]!)) return null;
  const language = (search.get('lang') ?? 'de') as Language;
  if (language !== 'de' && language !== 'en') throw new BadRequest('"lang" must be de or en.');
  const delimiterName = search.get('delimiter') ?? (language === 'de' ? 'semicolon' : 'comma');
  const delimiter = ({ semicolon: ';', ';': ';', comma: ',', ',': ',' } as const)[delimiterName];
  if (!delimiter) throw new BadRequest('"delimiter" must be semicolon or comma.');
  const state = search.get('state');
  if (state !== null && state !== 'TH' && state !== 'SN') throw new BadRequest('"state" must be TH or SN.');
  const districts = search.get('districts')?.split(',').filter(Boolean) ?? null;
  if (districts && districts.length > 100) throw new BadRequest('"districts" names at most 100 districts.');
  const asOfText = search.get('asOf');
  const asOf = asOfText === null ? null : new Date(`${asOfText}T00:00:00Z`);
  if (asOf && (!/^\d{4}-\d{2}-\d{2}$/.test(asOfText!) || Number.isNaN(asOf.getTime())))
    throw new BadRequest('"asOf" must be a date, YYYY-MM-DD.');
  return { dataset: match[1] as ExportDataset, format: match[2] as Format, language, delimiter, scope: { state, districts, asOf } };
}

/** The lines after the data: the day, the sources, the licence's attribution, where it was taken from. */
async function footer(table: Dataset, request: Request, asOf: Date, address: string): Promise<string[]> {
  const reference = await officialListSource();
  const de = request.language === 'de';
  return [
    `${de ? 'Stand' : 'As of'}: ${asOf.toISOString().slice(0, 10)}`,
    ...[...table.sources].map((title) => `${de ? 'Quelle' : 'Source'}: ${title}`),
    `${de ? 'Kreise und Gemeinden' : 'Districts and municipalities'}: ${reference?.title ?? ''} — ${reference?.attribution ?? ''}, www.bkg.bund.de (${reference?.licence ?? ''})`,
    `${de ? 'Abgerufen von' : 'Retrieved from'} ${address} (Integrationsgraph)`,
  ];
}

function csvStream(table: Dataset, request: Request, footerLines: () => Promise<string[]>): Readable {
  const csv = stringify({
    delimiter: request.delimiter,
    bom: true,
    record_delimiter: 'windows',
    cast: { number: (value: number) => numberText(value, request) },
  });
  const width = table.headers.length;
  (async () => {
    csv.write(table.headers);
    for await (const line of table.lines()) if (!csv.write(line)) await new Promise((resolve) => csv.once('drain', resolve));
    // Every record has the same number of fields (RFC 4180): the notes stand in the first.
    csv.write(Array(width).fill(''));
    for (const note of await footerLines()) csv.write([note, ...Array(width - 1).fill('')]);
    csv.end();
  })().catch((error) => csv.destroy(error));
  return csv;
}

/** With the semicolon (German Excel), decimals take a comma. */
const numberText = (value: number, request: Request) => (request.delimiter === ';' ? String(value).replace('.', ',') : String(value));

function xlsxStream(table: Dataset, request: Request, footerLines: () => Promise<string[]>): Readable {
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
    for (const note of await footerLines()) sheet.addRow([note]).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error) => output.destroy(error));
  return output;
}

const contentTypes = {
  csv: 'text/csv; charset=utf-8; header=present',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function problem(fetchAPI: { Response: typeof Response }, status: number, message: string, code: string) {
  return new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

export function useSpreadsheetExports(): Plugin {
  return {
    async onRequest({ request, url, fetchAPI, endResponse }) {
      if (!url.pathname.startsWith('/export/') || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      let parsed: Request | null;
      try {
        parsed = parseRequest(url.pathname, url.searchParams);
      } catch (error) {
        if (!(error instanceof BadRequest)) throw error;
        endResponse(problem(fetchAPI, 400, error.message, 'BAD_REQUEST'));
        return;
      }
      if (!parsed) return; // another export, or none (src/http/exports.ts answers)
      let scope: Awaited<ReturnType<typeof comparisonScope>>;
      try {
        scope = await comparisonScope(parsed.scope, new Date());
      } catch (error) {
        const graphQLError = error as GraphQLError;
        const code = String(graphQLError.extensions?.code ?? '');
        if (code !== 'NOT_FOUND' && code !== 'BAD_USER_INPUT') throw error;
        endResponse(problem(fetchAPI, code === 'NOT_FOUND' ? 404 : 400, graphQLError.message, code));
        return;
      }
      const context = {};
      const table = dataset(parsed.dataset, scope, parsed.language, context);
      const name = `integrationsgraph-${parsed.dataset}-${parsed.scope.state ?? (parsed.scope.districts ? 'auswahl' : 'alle')}-${scope.asOf.toISOString().slice(0, 10)}.${parsed.format}`;
      const headers = {
        'content-type': contentTypes[parsed.format],
        'content-disposition': `attachment; filename="${name}"`,
        'cache-control': 'public, max-age=300',
      };
      if (request.method === 'HEAD') {
        endResponse(new fetchAPI.Response(null, { status: 200, headers }));
        return;
      }
      const footerLines = () => footer(table, parsed, scope.asOf, url.href);
      const stream = parsed.format === 'csv' ? csvStream(table, parsed, footerLines) : xlsxStream(table, parsed, footerLines);
      endResponse(new fetchAPI.Response(Readable.toWeb(stream) as ReadableStream, { status: 200, headers }));
    },
  };
}
