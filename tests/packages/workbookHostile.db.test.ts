// Hostile or broken workbooks (issue 25): each is refused with a sentence an editor can act on,
// before anything is written, and within bounds (archive.ts inflates every part with a ceiling).
// Text that reads like a formula stays text, going in and coming out.
import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { editingServer } from '../support/editing.js';
import { appendRow, columnOf, edited, partsOf, rowsOf, uploadWorkbook, workbookOf, zipOf } from '../support/workbooks.js';

const editing = editingServer();

const kyffhaeuser = () => workbookOf(editing.server, editing.tokens.kyffhaeuser, '16065');
const upload = (bytes: Buffer) => uploadWorkbook(editing.server, editing.tokens.kyffhaeuser, '16065', bytes);

/** The refusal of a whole file: one problem, for the workbook. */
async function refusal(bytes: Buffer): Promise<string> {
  const result = await upload(bytes);
  expect(result.__typename).toBe('ValidationError');
  expect(result.issues).toHaveLength(1);
  expect(result.issues[0].path).toBe('Arbeitsmappe');
  return result.issues[0].message;
}

test('a CSV file saved under .xlsx', async () => {
  expect(await refusal(Buffer.from('id;title\n1;Sprachcafé\n'))).toMatch(/keine Excel-Arbeitsmappe \(\.xlsx\).*speichern/);
});

test('macros, and links to other files', async () => {
  const parts = partsOf(await kyffhaeuser());
  expect(await refusal(zipOf({ ...parts, 'xl/vbaProject.bin': Buffer.from('macro') }))).toMatch(/Makros/);
  expect(await refusal(zipOf({ ...parts, 'xl/externalLinks/externalLink1.xml': '<externalLink/>' }))).toMatch(/verknüpft/);
});

test('a zip bomb: small on the wire, huge inside', async () => {
  const bomb = zipOf({ ...partsOf(await kyffhaeuser()), 'xl/media/image1.png': Buffer.alloc(100 * 1024 * 1024) });
  expect(bomb.length).toBeLessThan(1024 * 1024);
  expect(await refusal(bomb)).toMatch(/entpackt größer als 64 MB/);
});

test('a million rows', async () => {
  const parts = partsOf(await kyffhaeuser());
  const sheet = Object.keys(parts).find((name) => name.startsWith('xl/worksheets/sheet'))!;
  const rows = Array.from({ length: 1_000_000 }, (_, index) => `<row r="${index + 1}"/>`).join('');
  const huge = zipOf({ ...parts, [sheet]: `<worksheet><sheetData>${rows}</sheetData></worksheet>` });
  expect(await refusal(huge)).toMatch(/mehr als 25\.000 Zeilen/);
});

test('merged cells and drop-downs over whole sheets are refused before they are expanded', async () => {
  const parts = partsOf(await kyffhaeuser());
  const sheet = Object.keys(parts).find((name) => name.startsWith('xl/worksheets/sheet') && parts[name]!.includes('<dataValidation'))!;
  const xml = parts[sheet]!.toString();
  const merged = xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>');
  expect(await refusal(zipOf({ ...parts, [sheet]: merged }))).toMatch(/verbundene Zellen über ganze Bereiche/);
  const validated = xml.replace(/sqref="[^"]*"/, 'sqref="C2:C1048576"');
  expect(await refusal(zipOf({ ...parts, [sheet]: validated }))).toMatch(/Auswahlliste .* reicht über ganze Spalten/);
});

test('an archive whose directory lists one part many times, and sheets hidden in another folder', async () => {
  const parts = partsOf(await kyffhaeuser());
  expect(await refusal(zipOf(parts, { repeatLast: 500 }))).toMatch(/nennt Teile doppelt/);
  const rows = Array.from({ length: 100_000 }, (_, index) => `<row r="${index + 1}"/>`).join('');
  const elsewhere = zipOf({ ...parts, 'evil/xl/worksheets/sheet99.xml': `<worksheet><sheetData>${rows}</sheetData></worksheet>` });
  expect(await refusal(elsewhere)).toMatch(/mehr als 25\.000 Zeilen/);
});

test('a workbook protected by a password (or an old .xls) is named as such', async () => {
  const compound = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
  expect(await refusal(compound)).toMatch(/Kennwort geschützt oder im alten Excel-Format/);
});

test('a workbook of something else, and one without the sheet that says what it was made from', async () => {
  const other = new ExcelJS.Workbook();
  other.addWorksheet('Tabelle1').addRow(['Name', 'Telefon']);
  expect(await refusal(Buffer.from(await other.xlsx.writeBuffer()))).toMatch(/keines der Blätter/);
  const withoutOrigin = await edited(await kyffhaeuser(), (workbook) => workbook.removeWorksheet(workbook.getWorksheet('Stand')!.id));
  expect(await refusal(withoutOrigin)).toMatch(/Blatt „Stand“ fehlt/);
});

test('formulas, merged cells, hidden and foreign sheets, renamed columns and another district: all at once, nothing written', async () => {
  const bytes = await edited(await kyffhaeuser(), (workbook) => {
    const contacts = workbook.getWorksheet('Kontakte')!;
    contacts.getCell(2, columnOf(contacts, 'validityNote')).value = { formula: 'A2&"!"', result: 'x!' };
    workbook.getWorksheet('Angebote')!.mergeCells('B2:C2');
    workbook.addWorksheet('Notizen', { state: 'hidden' }).addRow(['geheim']);
    workbook.addWorksheet('Tabelle1');
    const channels = workbook.getWorksheet('Kontaktwege')!;
    channels.getCell(1, columnOf(channels, 'printed')).value = 'Telefon';
    workbook.getWorksheet('Stand')!.getCell('B4').value = '16063';
  });
  const before = await editing.server.database.client.auditEvent.count();
  const result = await upload(bytes);
  expect(result.__typename).toBe('ValidationError');
  const messages = result.issues.map((issue: { path: string; message: string }) => `${issue.path}: ${issue.message}`);
  const expected = [
    /^Kontakte!\w+2: enthält eine Formel/,
    /^Angebote!B2:C2: verbundene Zellen: bitte die Verbindung aufheben/,
    /^Notizen!A1: ist ein ausgeblendetes Blatt/,
    /^Tabelle1!A1: Blatt „Tabelle1“ gehört nicht zu dieser Arbeitsmappe/,
    /^Kontaktwege!\w+1: Spalte „Telefon“ gibt es in diesem Blatt nicht/,
    /^Kontaktwege!1:1: Spalte „printed \*“ fehlt/,
    /^Stand!B4: Die Mappe ist die des Kreises 16063, hochgeladen wurde sie für 16065/,
  ];
  for (const pattern of expected) expect(messages, String(pattern)).toContainEqual(expect.stringMatching(pattern));
  expect(await editing.server.database.client.auditEvent.count()).toBe(before);
});

test('text that reads like a formula is imported as text and written back as text, never as a formula', async () => {
  const { server, tokens } = editing;
  const formula = '=HYPERLINK("https://evil.example/","Hier klicken")';
  const bytes = await edited(await kyffhaeuser(), (workbook) => {
    appendRow(workbook.getWorksheet('Angebote')!, {
      id: 'formel',
      title: formula,
      category: 'INFORMATION',
      description: '+49 3632 741-0',
      online: true,
      sourceId: '001_abe3dd58ee3e23c3.txt',
    });
  });
  const dry = await upload(bytes);
  expect(dry.issues).toBeUndefined();
  const applied = await uploadWorkbook(server, tokens.kyffhaeuser, '16065', bytes, { dryRun: false, expectedVersion: dry.data.version });
  expect(applied.__typename).toBe('MutationImportDistrictWorkbookSuccess');
  expect(await server.database.client.offer.findUniqueOrThrow({ where: { id: 'formel' } })).toMatchObject({
    title: formula,
    description: '+49 3632 741-0',
  });
  const exported = await kyffhaeuser();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(exported as unknown as ArrayBuffer);
  const offers = workbook.getWorksheet('Angebote')!;
  const row = rowsOf(offers).find((candidate) => candidate.values.id === 'formel')!;
  expect(row.values.title).toBe(formula);
  expect(offers.getRow(row.number).getCell(columnOf(offers, 'title')).numFmt).toBe('@');
  // No sheet of the file holds a formula.
  for (const [name, content] of Object.entries(partsOf(exported)))
    if (name.startsWith('xl/worksheets/')) expect(content.toString()).not.toMatch(/<f[ >]/);
});
