// District data packages: the committed format, importing over HTTP (dry run, apply,
// idempotence, refusal with every problem, who may), and the round trip export → import into
// an empty database → export, through the npm scripts as operators run them.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { decodeGlobalId } from '../../src/common/globalId.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { exportPackages } from '../../src/packages/export.js';
import { columnsOf, packageJsonSchema } from '../../src/packages/format.js';
import { importPackages } from '../../src/packages/import.js';
import { packageText, type Row } from '../../src/packages/rows.js';
import { seedDir } from '../../src/packages/seed.js';
import { tableByKey } from '../../src/packages/tables.js';
import { rootDir } from '../../src/paths.js';
import { currentGuide, updateContact } from '../support/contacts.js';
import { openTestDatabase, postgresUrl } from '../support/database.js';
import { editingServer } from '../support/editing.js';
import { createScratchDatabase } from '../support/postgres.js';

const editing = editingServer();
const as = editing.as;

const importMutation = /* GraphQL */ `
  mutation ($package: JSONObject!, $dryRun: Boolean) {
    importDistrictPackage(package: $package, dryRun: $dryRun) {
      __typename
      ... on ValidationError { issues { path message code params { name value } } }
      ... on MutationImportDistrictPackageSuccess {
        data { dryRun unchanged added { entityType key district fields } changed { entityType key fields } archived { entityType key fields } kept { entityType key fields } }
      }
    }
  }
`;

async function importAs(token: string | null, dataPackage: unknown, dryRun = false) {
  const response = await as(token, importMutation, { package: dataPackage, dryRun });
  return { response, result: response.data?.importDistrictPackage };
}

const seedFile = (name: string) => readFile(join(seedDir, name), 'utf8');
const kyffhaeuserFile = '16065-kyffhaeuserkreis.json';

/** The Kyffhäuserkreis as the database holds it now, as a package. */
async function kyffhaeuserNow() {
  const exported = await exportPackages(editing.server.database.client);
  return structuredClone(exported.find((file) => file.file === kyffhaeuserFile)!.dataPackage);
}

const everything = async () => packageText(await kyffhaeuserNow()) + String(await editing.server.database.client.auditEvent.count());

describe('the format', () => {
  test('schema/package.schema.json is what the code defines', async () => {
    expect(await readFile(join(rootDir, 'schema', 'package.schema.json'), 'utf8'), 'run npm run schema:print').toBe(packageJsonSchema());
  });

  test('calendar dates are written as dates exactly where the migrated database stores dates', async () => {
    const stored = await editing.server.database.client.$queryRaw<{ table: string; column: string }[]>`
      SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
      WHERE table_schema = current_schema() AND data_type = 'date'`;
    const jsonSchema = JSON.parse(packageJsonSchema());
    const written = new Set<string>();
    for (const kind of jsonSchema.oneOf ?? jsonSchema.anyOf) {
      for (const [table, rows] of Object.entries<any>(kind.properties.tables.properties)) {
        const model = tableByKey.get(table)!.model;
        for (const [column, type] of Object.entries<any>(rows.items.properties))
          if (type.format === 'date') written.add(`${model}.${column}`);
      }
    }
    // Columns every installation fills from the official list (the Place table, a district's validity) do not travel.
    const carried = ({ table, column }: { table: string; column: string }) =>
      [...tableByKey.values()].some((spec) => spec.model === table && columnsOf(spec.model).some((c) => c.name === column));
    expect(written).toEqual(new Set(stored.filter(carried).map(({ table, column }) => `${table}.${column}`)));
  });

  test('every shipped seed package is valid by the JSON Schema, checked by an independent validator', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(await readFile(join(rootDir, 'schema', 'package.schema.json'), 'utf8')));
    const files = (await readdir(seedDir)).filter((name) => name.endsWith('.json'));
    expect(files).toHaveLength(5);
    for (const file of files) expect(validate(JSON.parse(await seedFile(file))) || validate.errors, file).toBe(true);
    const broken = JSON.parse(await seedFile(kyffhaeuserFile));
    broken.tables.contacts[0].validFrom = '1. Juni 2016';
    expect(validate(broken)).toBe(false);
  });

  test('the seed packages are exactly what an export of the seeded database writes (without madeFrom: they are written by hand)', async () => {
    const fresh = await openTestDatabase();
    try {
      await applyMigrations(fresh.adapterFactory);
      const { seed } = await import('../../src/packages/seed.js');
      await seed(fresh.client);
      for (const { file, dataPackage } of await exportPackages(fresh.client, { madeFrom: false }))
        expect(packageText(dataPackage), file).toBe(await seedFile(file));
    } finally {
      await fresh.close();
    }
  });
});

describe('importing over HTTP', () => {
  test('an import racing an editor’s change of the same contact: one wins whole, and the audit log equals the database', async () => {
    const client = editing.server.database.client;
    const channelValues = (channels: { value: unknown }[]) => channels.map((channel) => String(channel.value)).sort();
    for (let trial = 0; trial < 6; trial++) {
      const guide = await currentGuide(editing);
      const edited = await kyffhaeuserNow();
      edited.tables.channels!.push({
        id: `${guide.id}/channel/fax-${trial}`,
        contactId: decodeGlobalId(guide.id).id,
        kind: 'FAX',
        value: `+49363274199${trial}`,
        printed: `03632 741 99${trial}`,
        ordinal: 9,
        sourceId: edited.tables.contacts!.find((contact) => contact.id === decodeGlobalId(guide.id).id)!.sourceId,
      });
      const phone = { kind: 'PHONE', printed: `03632 741 5${trial}0` };
      await Promise.all([
        importAs(editing.tokens.kyffhaeuser, edited),
        as(editing.tokens.kyffhaeuser, updateContact, { input: { id: guide.id, version: guide.version, channels: [phone] } }),
      ]);
      const stored = await client.contact.findUniqueOrThrow({ where: { id: decodeGlobalId(guide.id).id }, include: { channels: true } });
      const lastEvent = await client.auditEvent.findFirstOrThrow({ where: { entityId: stored.id }, orderBy: { at: 'desc' } });
      expect(channelValues(stored.channels), `trial ${trial}`).toEqual(
        channelValues((lastEvent.after as Row).channels as { value: unknown }[]),
      );
      // The change feed's last word on the contact is the version that won.
      const lastChange = await client.feedEvent.findFirstOrThrow({ where: { entityId: stored.id }, orderBy: { position: 'desc' } });
      expect(lastChange.version, `trial ${trial}`).toBe(stored.version);
      // Never both: the fax only the package has, and the phone only the editor sent.
      const values = channelValues(stored.channels);
      expect(values.includes(`+49363274199${trial}`) && values.includes(`+4936327415${trial}0`), `trial ${trial}`).toBe(false);
    }
  });

  test('a dry run reports added, changed and archived records and writes nothing; the import then applies exactly that', async () => {
    const edited = await kyffhaeuserNow();
    const [firstContact] = edited.tables.contacts!;
    firstContact!.validityNote = 'Bestätigt durch die Redaktion.';
    edited.tables.channels!.push({
      id: `${String(firstContact!.id)}/channel/fax`,
      contactId: firstContact!.id,
      kind: 'FAX',
      value: '+493632741999',
      printed: '03632 741 999',
      ordinal: 9,
      sourceId: firstContact!.sourceId,
    });
    const withdrawn = edited.tables.offers!.shift()!;
    const newOffer = { ...edited.tables.offers![0]!, id: '16065/offer/new-course', title: 'Sprachcafé' };
    edited.tables.offers!.push(newOffer);
    const before = await everything();

    const dry = await importAs(editing.tokens.kyffhaeuser, edited, true);
    expect(dry.result.__typename).toBe('MutationImportDistrictPackageSuccess');
    const plan = dry.result.data;
    expect(plan.dryRun).toBe(true);
    expect(plan.added).toEqual([{ entityType: 'Offer', key: '16065/offer/new-course', district: '16065', fields: [] }]);
    expect(plan.changed).toEqual([{ entityType: 'Contact', key: firstContact!.id, fields: ['validityNote', 'channels'] }]);
    expect(plan.archived).toEqual([{ entityType: 'Offer', key: withdrawn.id, fields: ['archivedAt'] }]);
    expect(await everything()).toBe(before);

    const applied = (await importAs(editing.tokens.kyffhaeuser, edited)).result.data;
    expect({ ...applied, dryRun: true }).toEqual(plan);
    const stored = await editing.server.database.client.contact.findUniqueOrThrow({
      where: { id: String(firstContact!.id) },
      include: { channels: true },
    });
    expect(stored.validityNote).toBe('Bestätigt durch die Redaktion.');
    expect(stored.version).toBe(2);
    expect(stored.channels.map((channel) => channel.value)).toContain('+493632741999');
    expect(
      (await editing.server.database.client.offer.findUniqueOrThrow({ where: { id: String(withdrawn.id) } })).archivedAt,
    ).not.toBeNull();
    const events = await editing.server.database.client.auditEvent.findMany({
      where: { actorName: 'Redaktion Kyffhäuserkreis' },
      orderBy: { entityId: 'asc' },
    });
    expect(events.map((event) => `${event.action} ${event.entityId}`).sort()).toEqual(
      [`ARCHIVE ${String(withdrawn.id)}`, 'CREATE 16065/offer/new-course', `UPDATE ${String(firstContact!.id)}`].sort(),
    );
    const contactEvent = events.find((event) => event.action === 'UPDATE')!;
    expect((contactEvent.before as Row).validityNote).not.toBe('Bestätigt durch die Redaktion.');
    expect(((contactEvent.after as Row).channels as Row[]).length).toBe(((contactEvent.before as Row).channels as Row[]).length + 1);

    // The same package again: nothing to do, nothing written.
    const afterFirst = await everything();
    const again = (await importAs(editing.tokens.kyffhaeuser, edited)).result.data;
    expect(again).toMatchObject({ added: [], changed: [], archived: [] });
    expect(await everything()).toBe(afterFirst);
    // The archived offer is now in the export; importing that changes nothing either.
    expect((await importAs(editing.tokens.kyffhaeuser, await kyffhaeuserNow())).result.data).toMatchObject({
      added: [],
      changed: [],
      archived: [],
    });
  });

  test('an invalid package is refused whole, with every problem by JSON path', async () => {
    const broken = await kyffhaeuserNow();
    broken.tables.contacts![0]!.validFrom = '2016-13-01';
    broken.tables.contacts![1]!.positionId = '16063/position/integration-manager';
    broken.tables.channels![0]!.printed = 'bitte anrufen';
    broken.tables.offers![0]!.colour = 'blue';
    broken.tables.municipalities![0]!.districtId = '16063';
    broken.tables.officeHourIntervals![0]!.closes = '07:00';
    const before = await everything();
    const { result } = await importAs(editing.tokens.kyffhaeuser, broken);
    expect(result.__typename).toBe('ValidationError');
    const paths = result.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '$.tables.contacts[0].validFrom',
        '$.tables.contacts[1].positionId',
        '$.tables.channels[0].printed',
        '$.tables.offers[0]',
        '$.tables.municipalities[0].districtId',
        '$.tables.officeHourIntervals[0].closes',
      ]),
    );
    const at = (path: string) => result.issues.find((issue: { path: string }) => issue.path === path);
    expect(at('$.tables.municipalities[0].districtId')).toMatchObject({
      message: 'must be "16065", the package\'s district',
      code: 'PACKAGE',
    });
    expect(at('$.tables.contacts[1].positionId')).toEqual({
      path: '$.tables.contacts[1].positionId',
      message: 'must name a record of "positions" in this package: "16063/position/integration-manager" is not in it',
      code: 'UNKNOWN_ENTRY',
      params: [
        { name: 'key', value: '16063/position/integration-manager' },
        { name: 'table', value: 'positions' },
      ],
    });
    expect(at('$.tables.officeHourIntervals[0].closes')).toMatchObject({ code: 'CLOSES_AFTER_OPENS' });
    expect(await everything()).toBe(before);
  });

  test('a channel’s value follows its printed number: a link left as it was beside a new number is not kept', async () => {
    const retyped = await kyffhaeuserNow();
    const channel = retyped.tables.channels!.find((candidate) => candidate.kind === 'PHONE')!;
    channel.printed = '03632 741-999';
    const { result } = await importAs(editing.tokens.kyffhaeuser, retyped);
    expect(result.__typename).toBe('MutationImportDistrictPackageSuccess');
    const stored = await editing.server.database.client.contactChannel.findUniqueOrThrow({ where: { id: String(channel.id) } });
    expect(stored).toMatchObject({ printed: '03632 741-999', value: '+493632741999' });
  });

  test('a web form’s address stays as given beside the address printed (it may link deeper)', async () => {
    const deeper = await kyffhaeuserNow();
    const contact = deeper.tables.contacts![0]!;
    deeper.tables.channels!.push({
      id: 'web-form-deeper',
      contactId: contact.id,
      kind: 'WEB_FORM',
      printed: 'https://www.kyffhaeuser.de/kontakt',
      value: 'https://www.kyffhaeuser.de/kontakt/formular?id=42',
      ordinal: 9,
      sourceId: contact.sourceId,
    });
    const { result } = await importAs(editing.tokens.kyffhaeuser, deeper);
    expect(result.__typename).toBe('MutationImportDistrictPackageSuccess');
    const stored = await editing.server.database.client.contactChannel.findUniqueOrThrow({ where: { id: 'web-form-deeper' } });
    expect(stored.value).toBe('https://www.kyffhaeuser.de/kontakt/formular?id=42');
  });

  test('a rule only the database knows (one town per name and district) refuses the package, and nothing is written', async () => {
    const twice = await kyffhaeuserNow();
    const [town] = twice.tables.municipalities!;
    twice.tables.municipalities!.push({ ...town!, id: '16065/municipality/twin' });
    const before = await everything();
    const { result } = await importAs(editing.tokens.kyffhaeuser, twice);
    expect(result.__typename).toBe('ValidationError');
    expect(result.issues[0].message).toMatch(/^The database refused the package: .*unique/i);
    expect(await everything()).toBe(before);
  });

  test('a record that has no archive flag and is left out stays, and the summary says so', async () => {
    const shrunk = await kyffhaeuserNow();
    const [municipality] = shrunk.tables.municipalities!.splice(0, 1);
    shrunk.tables.offerPlaces = shrunk.tables.offerPlaces!.filter((place) => place.municipalityId !== municipality!.id);
    const { result } = await importAs(editing.tokens.kyffhaeuser, shrunk);
    expect(result.__typename).toBe('MutationImportDistrictPackageSuccess');
    expect(result.data.kept).toEqual([{ entityType: 'Municipality', key: municipality!.id, fields: [] }]);
    expect(await editing.server.database.client.municipality.findUnique({ where: { id: String(municipality!.id) } })).not.toBeNull();
  });

  test('only the district’s editors may import its package, only admins the catalogue; a refused import changes nothing', async () => {
    const edited = await kyffhaeuserNow();
    edited.tables.contacts![0]!.validityNote = 'Von außen geändert.';
    const before = await everything();
    const foreign = await importAs(editing.tokens.wartburg, edited);
    expect(foreign.result.__typename).toBe('NotAllowedError');
    expect((await importAs(null, edited)).result.__typename).toBe('NotAuthenticatedError');
    const catalogue = JSON.parse(await seedFile('catalogue.json'));
    expect((await importAs(editing.tokens.kyffhaeuser, catalogue, true)).result.__typename).toBe('NotAllowedError');
    expect(await everything()).toBe(before);
    expect((await importAs(editing.tokens.admin, catalogue, true)).result.data).toMatchObject({
      dryRun: true,
      added: [],
      changed: [],
      archived: [],
    });
    // A package that names no district is an editor's problem to fix, not a secret.
    const { result } = await importAs(editing.tokens.wartburg, { ...edited, district: undefined });
    expect(result.issues.map((issue: { path: string }) => issue.path)).toContain('$.district');
  });
});

describe('round trip', () => {
  test('export, import into an empty database, export again: the same files, in memory', async () => {
    const first = await exportPackages(editing.server.database.client);
    const empty = await openTestDatabase();
    try {
      await applyMigrations(empty.adapterFactory);
      const actor = { tokenId: null, name: 'round trip', role: 'ADMIN' as const, districtIds: [], stateId: null, stateRegionalKey: null };
      const summary = await importPackages(
        empty.client,
        first.map(({ file, dataPackage }) => ({ label: file, content: dataPackage })),
        { actor, now: new Date() },
      );
      expect(summary.changed).toEqual([]);
      const second = await exportPackages(empty.client);
      expect(second.map(({ file, dataPackage }) => [file, packageText(dataPackage)])).toEqual(
        first.map(({ file, dataPackage }) => [file, packageText(dataPackage)]),
      );
      // The import was audited record by record.
      expect(await empty.client.auditEvent.count()).toBe(summary.added.length);
    } finally {
      await empty.close();
    }
  });

  test('npm run data:import into an empty database, then data:export: the same files as the seed packages (an export)', {
    timeout: 180_000,
  }, async () => {
    // The seed packages are an export of the seeded database (asserted above), so they serve as the first export.
    const work = await mkdtemp(join(tmpdir(), 'ig-packages-'));
    const scratch = postgresUrl ? await createScratchDatabase() : undefined;
    const target = scratch ? { DATABASE_URL: scratch.url } : { DATABASE_URL: '', PGLITE_DATA_DIR: join(work, 'db') };
    const run = (script: string, ...args: string[]) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', script, ...args], {
        cwd: rootDir,
        env: { ...process.env, LOG_LEVEL: 'warn', ...target },
      });
    try {
      const dry = await run('scripts/data-import.ts', seedDir, '--dry-run');
      expect(dry.stdout).toContain('Dry run: nothing was written.');
      const imported = await run('scripts/data-import.ts', seedDir);
      expect(imported.stdout).toMatch(/Added: \d+/);
      expect(imported.stdout).toContain('16065 Contact 16065/contact/weise');
      await run('scripts/data-export.ts', join(work, 'export'));
      const files = (await readdir(seedDir)).filter((name) => name.endsWith('.json')).sort();
      expect((await readdir(join(work, 'export'))).sort()).toEqual(files);
      // The export names what it was made from (madeFrom); the seed packages, written by hand, do not.
      for (const file of files) {
        const { madeFrom, ...written } = JSON.parse(await readFile(join(work, 'export', file), 'utf8'));
        expect(Object.keys(madeFrom).length, file).toBeGreaterThan(0);
        expect(packageText(written), file).toBe(await seedFile(file));
      }
      const again = await run('scripts/data-import.ts', join(work, 'export'));
      expect(again.stdout).not.toMatch(/Added|Changed|Archived/);
      const refused = await run('scripts/data-import.ts', join(rootDir, 'package.json')).catch(
        (error: { code: number; stderr: string }) => error,
      );
      expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('package.json $.kind:') });
      // The script's own mistakes read as sentences: no stack trace, the line and column of a JSON slip.
      const slip = join(work, 'slip.json');
      await writeFile(slip, '{\n  "format": "integrationsgraph/data-package"\n  "kind": "district"\n}\n');
      const failures = await Promise.all(
        [slip, join(work, 'missing.json')].map((file) => run('scripts/data-import.ts', file).catch((error: { stderr: string }) => error)),
      );
      expect(failures.map((failure) => (failure as { stderr: string }).stderr.trim())).toEqual([
        `${slip}: not valid JSON at line 3, column 3: Expected ',' or '}' after property value`,
        `${join(work, 'missing.json')}: no such file or directory`,
      ]);
    } finally {
      await scratch?.drop();
      await rm(work, { recursive: true, force: true });
    }
  });
});
