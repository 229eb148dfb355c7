// The comparison for spreadsheets: CSV and XLSX files under /export/, read back with the same
// libraries a user's tools use (csv-parse, exceljs) and compared with what the API answers.

import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CompareDistrictsDocument, CompareStateDocument } from '../../schema/generated/graphql.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

let server: TestServer;
let origin: string;
beforeAll(async () => {
  server = await startTestServer();
  origin = new URL(server.url).origin;
});
afterAll(() => server.close());

async function download(path: string) {
  const response = await fetch(`${origin}${path}`);
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

const bom = Buffer.from([0xef, 0xbb, 0xbf]);

/** The data lines of a CSV (up to the empty line before the notes) and the notes after it. */
function readCsv(bytes: Buffer, delimiter: string) {
  const records: string[][] = parse(bytes.subarray(bom.length), { delimiter, relax_column_count: false });
  const blank = records.findIndex((record) => record.every((field) => field === ''));
  return { header: records[0]!, lines: records.slice(1, blank), notes: records.slice(blank + 1).map((record) => record[0]!) };
}

describe('CSV', () => {
  test('every district of Thüringen with its kind and coverage, one line each: UTF-8 with BOM, semicolons, source lines', async () => {
    const { response, bytes } = await download('/export/districts.csv?state=TH');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="integrationsgraph-districts-TH-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    expect(bytes.subarray(0, 3).equals(bom)).toBe(true);
    expect(bytes.toString('utf8')).toContain('\r\n');
    const { header, lines, notes } = readCsv(bytes, ';');
    expect(header).toEqual([
      'AGS',
      'Name',
      'Land',
      'Art',
      'Kontakte',
      'Integrationskonzept',
      'Förderungen',
      'Angebote',
      'Kennzahlen',
      'Neuester Stand',
    ]);
    expect(lines).toHaveLength(22);

    const { data } = await server.graphql(CompareDistrictsDocument, { state: 'TH', first: 100 });
    const yes = (value: boolean) => (value ? 'ja' : 'nein');
    const fromApi = data!.districts.edges.map(({ node }) => [
      node.ags,
      node.name,
      'TH',
      node.kind === 'RURAL_DISTRICT' ? 'Landkreis' : 'Kreisfreie Stadt',
      ...(['contacts', 'concept', 'fundings', 'offers', 'indicators'] as const).map((key) => yes(node.coverage[key])),
      node.coverage.newestFact ?? '',
    ]);
    expect([...lines].sort()).toEqual([...fromApi].sort());
    expect(lines.find((line) => line[0] === '16065')!.slice(0, 4)).toEqual(['16065', 'Kyffhäuserkreis', 'TH', 'Landkreis']);
    expect(notes.some((note) => note.startsWith('Stand: '))).toBe(true);
    expect(notes.some((note) => note.includes('© GeoBasis-DE / BKG 2022 (Daten verändert)') && note.includes('dl-de/by-2-0'))).toBe(true);
  });

  test('commas and English headers on request; a matrix as one line per district and column, with its sources', async () => {
    const { bytes } = await download('/export/fields-of-action.csv?state=TH&delimiter=comma&lang=en');
    const { header, lines, notes } = readCsv(bytes, ',');
    expect(header.slice(0, 6)).toEqual(['AGS', 'District', 'State', 'Data held', 'Field of action (key)', 'Field of action']);
    const { data } = await server.graphql(CompareStateDocument, { state: 'TH' });
    const matrix = data!.comparison.fieldsOfAction;
    expect(lines).toHaveLength(matrix.rows.length * matrix.columns.length);
    const emphasis = header.indexOf('Emphasis');
    const wording = header.indexOf('Wording in the concept');
    const source = header.indexOf('Source');
    for (const row of matrix.rows) {
      for (const [index, column] of matrix.columns.entries()) {
        const line = lines.find((candidate) => candidate[0] === row.district.ags && candidate[4] === column.key)!;
        const cell = row.cells[index];
        expect([line[emphasis], line[wording], line[source]]).toEqual([cell.emphasis ?? '', cell.label ?? '', cell.source?.title ?? '']);
      }
    }
    const erfurt = lines.filter((line) => line[0] === '16051');
    expect(erfurt.every((line) => line[3] === 'no' && line[emphasis] === '')).toBe(true);
    expect(notes.some((note) => note.startsWith('Source: '))).toBe(true);
  });

  test('numbers: decimal commas with semicolons (German Excel), points with commas', async () => {
    const value = async (query: string, delimiter: string) => {
      const { header, lines } = readCsv((await download(`/export/indicators.csv?districts=16065&${query}`)).bytes, delimiter);
      const line = lines.find((candidate) => candidate[4] === 'childcare-average-parental-fee')!;
      return line[header.indexOf(query.includes('lang=en') ? 'Value' : 'Wert')];
    };
    expect(await value('lang=de', ';')).toBe('130,35');
    expect(await value('lang=en', ',')).toBe('130.35');
  });

  test('bad parameters are a 400 naming the parameter; an unknown dataset or district a 404', async () => {
    for (const [query, word] of [
      ['state=BY', '"state"'],
      ['delimiter=tab', '"delimiter"'],
      ['lang=fr', '"lang"'],
      ['asOf=yesterday', '"asOf"'],
    ]) {
      const { response, bytes } = await download(`/export/districts.csv?${query}`);
      expect(response.status, query).toBe(400);
      expect(JSON.parse(bytes.toString()).errors[0].message).toContain(word);
    }
    expect((await download('/export/everything.csv')).response.status).toBe(404);
    expect((await download('/export/districts.csv?districts=16099')).response.status).toBe(404);
  });
});

describe('XLSX', () => {
  test('the same matrix as a workbook: header, one row per district and column, numbers as numbers, attribution below', async () => {
    const { response, bytes } = await download('/export/roles.xlsx?state=TH');
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('roles')!;
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual([
      'AGS',
      'Kreis',
      'Land',
      'Daten vorhanden',
      'Rolle (Schlüssel)',
      'Rolle',
      'Besetzt',
      'Seit',
      'Stellen',
      'Quelle',
    ]);
    const { data } = await server.graphql(CompareStateDocument, { state: 'TH' });
    const matrix = data!.comparison.roles;
    const dataRows = rows.slice(1, 1 + matrix.rows.length * matrix.columns.length);
    const manager = dataRows.find((row) => row[0] === '16066' && row[4] === 'integration-manager')!;
    expect(manager.slice(6, 9)).toEqual(['ja', '2021-12-01', 1]);
    const guide = dataRows.find((row) => row[0] === '16066' && row[4] === 'integration-guide')!;
    expect([guide[6], guide[8]]).toEqual(['nein', 0]);
    const erfurt = dataRows.find((row) => row[0] === '16051')!;
    expect([erfurt[3], erfurt[6], erfurt[8]]).toEqual(['nein', undefined, undefined]);
    const notes = rows
      .slice(1 + dataRows.length)
      .flat()
      .filter((value): value is string => typeof value === 'string');
    expect(notes.some((note) => note.includes('© GeoBasis-DE / BKG 2022 (Daten verändert)'))).toBe(true);
  });

  test('the comparison links to its datasets in both formats', async () => {
    const { data } = await server.graphql(CompareStateDocument, { state: 'SN', asOf: '2025-01-01' });
    const links = data!.comparison.exports;
    expect(links.map((link) => link.dataset)).toEqual(['districts', 'fields-of-action', 'tasks', 'programmes', 'roles', 'indicators']);
    for (const link of links) {
      expect(link.csv).toBe(`${origin}/export/${link.dataset}.csv?state=SN&asOf=2025-01-01`);
      const response = await fetch(link.xlsx);
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
  });
});
