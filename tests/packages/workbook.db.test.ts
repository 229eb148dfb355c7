// A district's data as an Excel workbook and back (issue 25): downloaded by those who may read
// it, laid out for a person (a sheet per table, comments, drop-downs, dates), and imported back
// through the API with a dry run that lists every change by record and every problem by cell.
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { currentGuide, updateContact } from '../support/contacts.js';
import { editingServer } from '../support/editing.js';
import {
  appendRow,
  columnOf,
  downloadWorkbook,
  edited,
  rowsOf,
  rowWhere,
  uploadWorkbook,
  workbookOf,
  workbookType,
} from '../support/workbooks.js';

const editing = editingServer();

const load = async (bytes: Buffer) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
};

describe('downloading', () => {
  test('the district’s editors, its state’s ministry and administrators get it; others are refused', async () => {
    const { server, tokens } = editing;
    const answers = await Promise.all(
      [tokens.kyffhaeuser, tokens.ministryTH, tokens.admin, null, tokens.wartburg, tokens.ministrySN, 'not-a-token'].map((token) =>
        downloadWorkbook(server, token, '16065'),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 401, 403, 403, 401]);
    expect(answers[0]!.headers.get('content-type')).toBe(workbookType);
    expect(answers[0]!.headers.get('cache-control')).toBe('private, no-store');
    expect(answers[0]!.headers.get('content-disposition')).toBe('attachment; filename="16065-integrationsgraph.xlsx"');
    expect((await answers[3]!.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // HEAD says whether there is one without building it.
    const address = server.url.replace('/graphql', '/export/districts/16065/package.xlsx');
    const head = await fetch(address, { method: 'HEAD', headers: { authorization: `Bearer ${tokens.admin}` } });
    expect([head.status, head.headers.get('content-type')]).toEqual([200, workbookType]);
    const none = await fetch(address.replace('16065', '99999'), { method: 'HEAD', headers: { authorization: `Bearer ${tokens.admin}` } });
    expect(none.status).toBe(404);
  });

  test('a sheet per table after the instructions, every header with its description, required columns marked', async () => {
    const workbook = await load(await workbookOf(editing.server, editing.tokens.kyffhaeuser, '16065'));
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names[0]).toBe('Anleitung');
    expect(names).toEqual(
      expect.arrayContaining(['Kontakte', 'Kontaktwege', 'Sprechzeiten-Intervalle', 'Angebote', 'Konzepte', 'Förderungen', 'Listen']),
    );
    expect(names.at(-1)).toBe('Stand');
    const contacts = workbook.getWorksheet('Kontakte')!;
    const headers = (contacts.getRow(1).values as string[]).filter(Boolean);
    expect(headers).toContain('positionId *');
    expect(headers).toContain('validFrom');
    expect(headers).not.toContain('districtId'); // every row is the district's
    const note = contacts.getRow(1).getCell(columnOf(contacts, 'validFrom')).note;
    expect(JSON.stringify(note)).toContain('Datum');
    // Dates are dates; parts are rows with their record's key.
    const guide = rowsOf(contacts).find((row) => row.values.validFrom instanceof Date);
    expect(guide).toBeDefined();
    const channels = rowsOf(workbook.getWorksheet('Kontaktwege')!);
    expect(channels.length).toBeGreaterThan(1);
    expect(channels.every((row) => typeof row.values.contactId === 'string')).toBe(true);
  });

  test('enumerations and keys are drop-down lists', async () => {
    const workbook = await load(await workbookOf(editing.server, editing.tokens.kyffhaeuser, '16065'));
    const channels = workbook.getWorksheet('Kontaktwege')!;
    const kind = channels.getCell(2, columnOf(channels, 'kind')).dataValidation;
    expect(kind).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/^'Listen'!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/)] });
    const contact = channels.getCell(2, columnOf(channels, 'contactId')).dataValidation;
    expect(contact.formulae[0]).toMatch(/^'Kontakte'!\$A\$2:\$A\$\d+$/);
    const lists = workbook.getWorksheet('Listen')!;
    const values = (lists.getColumn(1).values as string[]).filter(Boolean);
    expect(values.length).toBeGreaterThan(1);
  });
});

describe('back in', () => {
  test('the workbook as downloaded imports with no change', async () => {
    const bytes = await workbookOf(editing.server, editing.tokens.kyffhaeuser, '16065');
    const result = await uploadWorkbook(editing.server, editing.tokens.kyffhaeuser, '16065', bytes);
    expect(result.__typename).toBe('MutationImportDistrictWorkbookSuccess');
    const { added, changed, archived, kept, conflicts, unchanged, dryRun } = result.data;
    expect({ added, changed, archived, kept, conflicts, dryRun }).toEqual({
      added: [],
      changed: [],
      archived: [],
      kept: [],
      conflicts: [],
      dryRun: true,
    });
    expect(unchanged).toBeGreaterThan(10);
  });
});

/** The row of a sheet whose column `name` holds `value`. */
/** An editor's afternoon in Excel: a phone number retyped (its link left as it was), an offer added in a town of the district. */
const editorsChanges = (workbook: ExcelJS.Workbook) => {
  const channels = workbook.getWorksheet('Kontaktwege')!;
  rowWhere(channels, 'id', '16065/contact/pilavskij/channel/0').getCell(columnOf(channels, 'printed')).value = '03632 741-999';
  appendRow(workbook.getWorksheet('Angebote')!, {
    id: 'sprachcafe',
    title: 'Sprachcafé',
    category: 'LANGUAGE_COURSE',
    description: 'Deutsch üben bei Kaffee und Kuchen.',
    languages: 'de\nuk',
    targetGroups: 'NEWCOMERS',
    online: false,
    sourceId: '001_abe3dd58ee3e23c3.txt',
  });
  appendRow(workbook.getWorksheet('Angebotsorte')!, { id: 'sprachcafe-artern', offerId: 'sprachcafe', municipalityId: '16065/artern' });
};

describe('an editor’s changes', () => {
  test('the dry run lists exactly the records changed, field by field, and applying needs its version', async () => {
    const { server, tokens } = editing;
    const bytes = await edited(await workbookOf(server, tokens.kyffhaeuser, '16065'), editorsChanges);
    const dry = await uploadWorkbook(server, tokens.kyffhaeuser, '16065', bytes);
    expect(dry.issues).toBeUndefined();
    expect(dry.data.added).toEqual([{ entityType: 'Offer', key: 'sprachcafe', name: 'Sprachcafé' }]);
    expect(dry.data.changed).toHaveLength(1);
    const [contact] = dry.data.changed;
    expect(contact).toMatchObject({ entityType: 'Contact', key: '16065/contact/pilavskij', fields: ['channels'] });
    expect(contact.name).toMatch(/Pilavskij/i);
    const [channels] = contact.values;
    expect(channels.database).toContain('+493632741261');
    // The link follows the number typed, though its cell was left as it was.
    expect(channels.package).toContain('+493632741999');
    expect(channels.package).not.toContain('+493632741261');
    expect([dry.data.archived, dry.data.kept, dry.data.conflicts]).toEqual([[], [], []]);
    expect(await server.database.client.offer.count({ where: { id: 'sprachcafe' } })).toBe(0);

    const unversioned = await uploadWorkbook(server, tokens.kyffhaeuser, '16065', bytes, { dryRun: false });
    expect(unversioned.__typename).toBe('ValidationError');
    expect(unversioned.issues.map((issue: { path: string }) => issue.path)).toEqual(['expectedVersion']);

    const applied = await uploadWorkbook(server, tokens.kyffhaeuser, '16065', bytes, { dryRun: false, expectedVersion: dry.data.version });
    expect(applied.__typename).toBe('MutationImportDistrictWorkbookSuccess');
    expect(applied.data.dryRun).toBe(false);
    const channel = await server.database.client.contactChannel.findUniqueOrThrow({ where: { id: '16065/contact/pilavskij/channel/0' } });
    expect(channel).toMatchObject({ printed: '03632 741-999', value: '+493632741999' });
    const offer = await server.database.client.offer.findUniqueOrThrow({ where: { id: 'sprachcafe' }, include: { places: true } });
    expect(offer).toMatchObject({ languages: ['de', 'uk'], targetGroups: ['NEWCOMERS'], online: false });
    expect(offer.places.map((place) => place.municipalityId)).toEqual(['16065/artern']);

    // The same dry run's version again: the district has changed since.
    const stale = await uploadWorkbook(server, tokens.kyffhaeuser, '16065', bytes, { dryRun: false, expectedVersion: dry.data.version });
    expect(stale.__typename).toBe('VersionConflictError');
  });

  test('every problem is named by sheet, row and column, all at once, and nothing is written', async () => {
    const { server, tokens } = editing;
    let cells: Record<string, string> = {};
    const bytes = await edited(await workbookOf(server, tokens.kyffhaeuser, '16065'), (workbook) => {
      const channels = workbook.getWorksheet('Kontaktwege')!;
      const phone = rowWhere(channels, 'id', '16065/contact/weise/channel/0');
      phone.getCell(columnOf(channels, 'printed')).value = 'bitte anrufen';
      const contacts = workbook.getWorksheet('Kontakte')!;
      const contact = rowWhere(contacts, 'id', '16065/contact/weise');
      contact.getCell(columnOf(contacts, 'validFrom')).value = 'gestern';
      const offers = workbook.getWorksheet('Angebote')!;
      appendRow(offers, {
        id: 'ohne-titel',
        category: 'KEINE',
        description: 'x',
        online: 'vielleicht',
        sourceId: '001_abe3dd58ee3e23c3.txt',
      });
      const offerRow = offers.actualRowCount;
      const places = workbook.getWorksheet('Angebotsorte')!;
      appendRow(places, { id: 'ort-ohne-angebot', offerId: 'gibt-es-nicht', municipalityId: '16065/artern' });
      const placeRow = places.actualRowCount;
      const letter = (sheet: ExcelJS.Worksheet, name: string) => String.fromCharCode(64 + columnOf(sheet, name));
      cells = {
        phone: `Kontaktwege!${letter(channels, 'printed')}${phone.number}`,
        validFrom: `Kontakte!${letter(contacts, 'validFrom')}${contact.number}`,
        title: `Angebote!${letter(offers, 'title')}${offerRow}`,
        category: `Angebote!${letter(offers, 'category')}${offerRow}`,
        online: `Angebote!${letter(offers, 'online')}${offerRow}`,
        offer: `Angebotsorte!${letter(places, 'offerId')}${placeRow}`,
      };
    });
    const before = await server.database.client.auditEvent.count();
    const result = await uploadWorkbook(server, tokens.kyffhaeuser, '16065', bytes, { dryRun: false, expectedVersion: 0 });
    expect(result.__typename).toBe('ValidationError');
    const paths = result.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(Object.values(cells)));
    const online = result.issues.find((issue: { path: string }) => issue.path === cells.online);
    expect(online.message).toBe('„vielleicht“ ist weder WAHR noch FALSCH');
    const byCell = (cell: string) =>
      result.issues.filter((issue: { path: string }) => issue.path === cell).map((issue: { message: string }) => issue.message);
    expect(byCell(cells.title)).toEqual(['Pflichtfeld: bitte ausfüllen']);
    expect(byCell(cells.validFrom)).toEqual(['„gestern“ ist kein Datum (z. B. 31.12.2026)']);
    expect(byCell(cells.phone)).toEqual(['„bitte anrufen“ ist keine gültige Telefonnummer: bitte mit Vorwahl, z. B. 03606 650-123']);
    expect(byCell(cells.offer)).toEqual(['nennt „gibt-es-nicht“, das im Blatt „Angebote“ nicht steht']);
    expect(byCell(cells.category)[0]).toMatch(/^kein Wert der Auswahlliste \(möglich: LANGUAGE_COURSE, COUNSELLING/);
    expect(await server.database.client.auditEvent.count()).toBe(before);
    expect(await server.database.client.offer.count({ where: { id: 'ohne-titel' } })).toBe(0);
  });
});

describe('a workbook made before later edits', () => {
  test('keeps what was changed since, shows a record changed on both sides as a conflict by name, and applies it only where chosen', async () => {
    const { server, tokens } = editing;
    const downloaded = await workbookOf(server, tokens.kyffhaeuser, '16065');
    const guide = await currentGuide(editing);
    const guideKey = Buffer.from(guide.id, 'base64').toString().split(':')[1]!;
    const changed = await editing.as(tokens.kyffhaeuser, updateContact, {
      input: { id: guide.id, version: guide.version, fields: { internalNote: 'Vertretung bis März' } },
    });
    expect(changed.data.updateContact.__typename).toBe('MutationUpdateContactSuccess');
    // Meanwhile, in the old workbook: the guide's internal note typed differently, and a phone number of another contact retyped.
    const bytes = await edited(downloaded, (workbook) => {
      const contacts = workbook.getWorksheet('Kontakte')!;
      rowWhere(contacts, 'id', guideKey).getCell(columnOf(contacts, 'internalNote')).value = 'Urlaub im Januar';
      const channels = workbook.getWorksheet('Kontaktwege')!;
      rowWhere(channels, 'id', '16065/contact/weise/channel/0').getCell(columnOf(channels, 'printed')).value = '03632 741-274';
    });
    const dry = await uploadWorkbook(server, tokens.kyffhaeuser, '16065', bytes);
    expect(dry.data.changed.map((record: { key: string }) => record.key)).toEqual(['16065/contact/weise']);
    expect(dry.data.conflicts).toEqual([
      expect.objectContaining({
        entityType: 'Contact',
        key: guideKey,
        name: guide.person.displayName,
        fields: ['internalNote'],
        values: [{ field: 'internalNote', database: '"Vertretung bis März"', package: '"Urlaub im Januar"' }],
      }),
    ]);
    const kept = await uploadWorkbook(server, tokens.kyffhaeuser, '16065', bytes, { dryRun: false, expectedVersion: dry.data.version });
    expect(kept.__typename).toBe('MutationImportDistrictWorkbookSuccess');
    const note = async () => (await server.database.client.contact.findUniqueOrThrow({ where: { id: guideKey } })).internalNote;
    expect(await note()).toBe('Vertretung bis März');
    const again = await uploadWorkbook(server, tokens.kyffhaeuser, '16065', bytes);
    const chosen = await uploadWorkbook(server, tokens.kyffhaeuser, '16065', bytes, {
      dryRun: false,
      expectedVersion: again.data.version,
      overwrite: [{ entityType: 'Contact', key: guideKey }],
    });
    expect(chosen.__typename).toBe('MutationImportDistrictWorkbookSuccess');
    expect(await note()).toBe('Urlaub im Januar');
  });
});

describe('a district without data', () => {
  test('gets a template with its official towns, is filled in and imported, and its workbook then imports with no change', async () => {
    const { server, tokens } = editing;
    const template = await load(await workbookOf(server, tokens.admin, '16061'));
    expect(rowsOf(template.getWorksheet('Kontakte')!)).toEqual([]);
    const towns = rowsOf(template.getWorksheet('Gemeinden')!);
    const leinefelde = towns.find((row) => row.values.name === 'Leinefelde-Worbis');
    expect(leinefelde?.values).toMatchObject({ sourceId: 'reference:bkg-verwaltungsgebiete' });
    const filled = await edited(await workbookOf(server, tokens.admin, '16061'), (workbook) => {
      appendRow(workbook.getWorksheet('Quellen')!, {
        id: 'eichsfeld-redaktion',
        title: 'Angaben der Redaktion',
        kind: 'EDITORIAL',
        asOf: new Date('2026-12-01T00:00:00Z'),
      });
      appendRow(workbook.getWorksheet('Angebote')!, {
        id: 'eichsfeld-sprachcafe',
        title: 'Sprachcafé',
        category: 'LANGUAGE_COURSE',
        description: 'Deutsch üben.',
        online: false,
        sourceId: 'eichsfeld-redaktion',
      });
      appendRow(workbook.getWorksheet('Angebotsorte')!, {
        id: 'eichsfeld-sprachcafe-ort',
        offerId: 'eichsfeld-sprachcafe',
        municipalityId: String(leinefelde!.values.id),
      });
    });
    const dry = await uploadWorkbook(server, tokens.admin, '16061', filled);
    expect(dry.__typename).toBe('MutationImportDistrictWorkbookSuccess');
    // The town named becomes the district's; the others offered by the template do not.
    expect(dry.data.added.map((record: { entityType: string; name: string }) => `${record.entityType} ${record.name}`).sort()).toEqual([
      'Municipality Leinefelde-Worbis',
      'Offer Sprachcafé',
      'Source Angaben der Redaktion',
    ]);
    const applied = await uploadWorkbook(server, tokens.admin, '16061', filled, { dryRun: false, expectedVersion: dry.data.version });
    expect(applied.__typename).toBe('MutationImportDistrictWorkbookSuccess');
    const again = await uploadWorkbook(server, tokens.admin, '16061', await workbookOf(server, tokens.admin, '16061'));
    expect([again.data.added, again.data.changed, again.data.archived, again.data.kept]).toEqual([[], [], [], []]);
  });
});
