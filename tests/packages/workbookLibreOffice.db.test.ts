// A real spreadsheet program (issue 25): Debian's LibreOffice opens our workbook and saves it
// again, as an editor's office software would, and the import reads its file with no change; a
// workbook edited (exceljs acting as the editor, as LibreOffice cannot be scripted headless) and
// then opened and saved by LibreOffice changes exactly what was edited. .ci/run installs
// LibreOffice (libreoffice-calc-nogui); without it these tests are skipped and say so.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { editingServer } from '../support/editing.js';
import { columnOf, edited, rowsOf, uploadWorkbook, workbookOf } from '../support/workbooks.js';

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((path) => existsSync(path));
if (!soffice)
  console.warn('LibreOffice round-trip tests skipped: soffice is not installed (apt-get install libreoffice-calc-nogui; .ci/run does).');

const editing = editingServer();
let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'integrationsgraph-libreoffice-'));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

/** The workbook opened in LibreOffice and saved again as .xlsx (its own profile: tests may run beside each other). */
async function throughLibreOffice(bytes: Buffer, name: string): Promise<Buffer> {
  const input = join(directory, `${name}.xlsx`);
  const output = join(directory, 'saved');
  await writeFile(input, bytes);
  await promisify(execFile)(
    soffice!,
    [
      `-env:UserInstallation=file://${join(directory, `profile-${name}`)}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      output,
      input,
    ],
    { timeout: 120_000 },
  );
  return readFile(join(output, `${name}.xlsx`));
}

test.skipIf(!soffice)('a workbook opened and saved in LibreOffice imports back with no change', async () => {
  const { server, tokens } = editing;
  const original = await workbookOf(server, tokens.kyffhaeuser, '16065');
  const saved = await throughLibreOffice(original, 'unchanged');
  expect(saved.equals(original)).toBe(false); // LibreOffice wrote a file of its own
  const result = await uploadWorkbook(server, tokens.kyffhaeuser, '16065', saved);
  expect(result.issues).toBeUndefined();
  const { added, changed, archived, kept, conflicts } = result.data;
  expect({ added, changed, archived, kept, conflicts }).toEqual({ added: [], changed: [], archived: [], kept: [], conflicts: [] });
  expect(result.data.unchanged).toBeGreaterThan(10);
});

test.skipIf(!soffice)('edited, then saved by LibreOffice: exactly the edited cells change', async () => {
  const { server, tokens } = editing;
  const edits = await edited(await workbookOf(server, tokens.kyffhaeuser, '16065'), (workbook) => {
    const contacts = workbook.getWorksheet('Kontakte')!;
    const row = rowsOf(contacts).find((candidate) => candidate.values.id === '16065/contact/weise')!;
    contacts.getRow(row.number).getCell(columnOf(contacts, 'validTo')).value = new Date('2027-03-31T00:00:00Z');
    contacts.getRow(row.number).getCell(columnOf(contacts, 'validToStated')).value = true;
  });
  const result = await uploadWorkbook(server, tokens.kyffhaeuser, '16065', await throughLibreOffice(edits, 'edited'));
  expect(result.issues).toBeUndefined();
  expect(result.data.changed).toEqual([
    expect.objectContaining({
      entityType: 'Contact',
      key: '16065/contact/weise',
      fields: ['validTo', 'validToStated'],
      values: [
        { field: 'validTo', database: '"2019-12-31"', package: '"2027-03-31"' },
        { field: 'validToStated', database: 'false', package: 'true' },
      ],
    }),
  ]);
  expect([result.data.added, result.data.archived, result.data.kept]).toEqual([[], [], []]);
});
