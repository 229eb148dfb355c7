// What the workbook tests share: downloading a district's workbook, uploading one as a GraphQL
// multipart request (as a browser's FormData sends it), editing one as a person in Excel would
// (through exceljs), and building ZIP archives by hand for the hostile files a spreadsheet
// program would never write.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { TestServer } from './testServer.js';

export const workbookType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const workbookAddress = (server: TestServer, ags: string) => server.url.replace('/graphql', `/export/districts/${ags}/package.xlsx`);

export async function downloadWorkbook(server: TestServer, token: string | null, ags: string): Promise<Response> {
  return fetch(workbookAddress(server, ags), { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

/** The district's workbook as its editor downloads it. */
export async function workbookOf(server: TestServer, token: string, ags: string): Promise<Buffer> {
  const response = await downloadWorkbook(server, token, ags);
  if (response.status !== 200) throw new Error(`The workbook of ${ags} answered ${response.status}: ${await response.text()}`);
  return Buffer.from(await response.arrayBuffer());
}

const importSelection = /* GraphQL */ `
  __typename
  ... on MutationError { message }
  ... on ValidationError { issues { path message code params { name value } } }
  ... on VersionConflictError { expectedVersion currentVersion }
  ... on MutationImportDistrictWorkbookSuccess { data {
    dryRun version unchanged
    added { entityType key name }
    changed { entityType key name fields values { field database package } }
    archived { entityType key name }
    kept { entityType key name }
    newerInDatabase { entityType key name }
    conflicts { entityType key name fields values { field database package } } } }`;

const importDocument = `mutation ($input: ImportDistrictWorkbookInput!) { importDistrictWorkbook(input: $input) { ${importSelection} } }`;

/** The import mutation with the workbook as its file (GraphQL multipart request). */
export async function uploadWorkbook(
  server: TestServer,
  token: string,
  ags: string,
  bytes: Buffer,
  input: Record<string, unknown> = {},
  filename = 'mappe.xlsx',
) {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query: importDocument, variables: { input: { district: ags, workbook: null, ...input } } }));
  form.set('map', JSON.stringify({ 0: ['variables.input.workbook'] }));
  form.set('0', new Blob([new Uint8Array(bytes)], { type: workbookType }), filename);
  const response = await fetch(server.url, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = (await response.json()) as { data?: { importDistrictWorkbook: any }; errors?: unknown[] };
  if (!body.data) throw new Error(`The upload answered ${response.status}: ${JSON.stringify(body)}`);
  return body.data.importDistrictWorkbook;
}

/** Opens a workbook, lets `edit` change it as a person would, and saves it again. */
export async function edited(bytes: Buffer, edit: (workbook: ExcelJS.Workbook) => void | Promise<void>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  await edit(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The row whose column `name` holds `value`. */
export const rowWhere = (sheet: ExcelJS.Worksheet, name: string, value: unknown) => {
  const found = rowsOf(sheet).find((row) => row.values[name] === value);
  if (!found) throw new Error(`No row of ${sheet.name} with ${name} = ${String(value)}`);
  return sheet.getRow(found.number);
};

/** The sheet's rows as objects by header (the " *" of required columns dropped), with their row numbers. */
export function rowsOf(sheet: ExcelJS.Worksheet): { number: number; values: Record<string, unknown> }[] {
  const headers = (sheet.getRow(1).values as unknown[]).map((header) => String(header ?? '').replace(/ \*$/, ''));
  const rows: { number: number; values: Record<string, unknown> }[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values: Record<string, unknown> = {};
    row.eachCell((cell, position) => {
      values[headers[position]!] = cell.value;
    });
    rows.push({ number, values });
  });
  return rows;
}

/** The 1-based position of a column in a sheet, by its name. */
export const columnOf = (sheet: ExcelJS.Worksheet, name: string) =>
  (sheet.getRow(1).values as unknown[]).findIndex((header) => String(header ?? '').replace(/ \*$/, '') === name);

/** Appends a row of values by column name. */
export function appendRow(sheet: ExcelJS.Worksheet, values: Record<string, ExcelJS.CellValue>) {
  const row = sheet.getRow(sheet.actualRowCount + 1);
  for (const [name, value] of Object.entries(values)) {
    const position = columnOf(sheet, name);
    if (position < 1) throw new Error(`No column ${name} in ${sheet.name}`);
    row.getCell(position).value = value;
  }
  row.commit();
}

/**
 * A ZIP archive of the given parts (deflated), as a hostile or broken file is built;
 * `repeatLast` lists the last part that many times more in the directory, all sharing its data.
 */
export function zipOf(parts: Record<string, Buffer | string>, { repeatLast = 0 } = {}): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(parts)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const packed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc32(data), 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, packed);
    directory.push(entry, nameBytes);
    offset += header.length + nameBytes.length + packed.length;
  }
  for (let copy = 0; copy < repeatLast; copy++) directory.push(...directory.slice(-2));
  const count = Object.keys(parts).length + repeatLast;
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

/** The parts of a ZIP archive, inflated: to take a real workbook apart and build a hostile one from it. */
export function partsOf(bytes: Buffer): Record<string, Buffer> {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(end + 10);
  const parts: Record<string, Buffer> = {};
  for (let index = 0, at = bytes.readUInt32LE(end + 16); index < count; index += 1) {
    const nameLength = bytes.readUInt16LE(at + 28);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    const local = bytes.readUInt32LE(at + 42);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + bytes.readUInt32LE(at + 20));
    parts[name] = bytes.readUInt16LE(at + 10) === 8 ? inflateRawSync(data) : Buffer.from(data);
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return parts;
}
