// importDataPackage: a district's editors replace their district's data with a package
// (see docs in the README and schema/package.schema.json); admins also the catalogue.
import { isEmbedded } from '../db/client.js';
import { builder } from '../graphql/builder.js';
import { said } from '../rules/issues.js';
import { mutationErrors } from '../writes/errorTypes.js';
import { type AccessRule, editorsOfDistrict, writeMutation } from '../writes/mutation.js';
import { asProblem, type ImportSummary, importWithin, importWrite, type RecordChange } from './import.js';

const ConflictValue = builder.objectRef<RecordChange['values'][number]>('PackageConflictValue').implement({
  description: 'One column or part of a record in conflict, as the database and as the package has it.',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'The column or part (e.g. "channels"); "record" for a record the package leaves out.' }),
    database: t.exposeString('database', { nullable: true, description: 'The value in the database, as JSON; null: none.' }),
    package: t.exposeString('package', { nullable: true, description: 'The value in the package, as JSON; null: none (or left out).' }),
  }),
});

const RecordChangeRef = builder.objectRef<RecordChange>('PackageRecordChange').implement({
  description: 'A record that an import adds, changes or archives.',
  fields: (t) => ({
    entityType: t.exposeString('entityType', {
      description: 'The kind of record, e.g. "Contact" (its type in this API, where it has one).',
    }),
    key: t.exposeString('key', { description: 'The record’s key in the package (`id`).' }),
    district: t.exposeString('district', {
      nullable: true,
      description: 'AGS of the district whose package holds it; null for the catalogue.',
    }),
    fields: t.exposeStringList('fields', { description: 'For a change: the columns and parts (e.g. "channels") that differ.' }),
    name: t.exposeString('name', { description: 'What people call it: the person of a contact, an offer’s title …' }),
    values: t.field({
      type: [ConflictValue],
      description:
        'Each differing column or part, old (database) and new (package); for a record the package leaves out, the whole record as "record".',
      resolve: (change) => change.values,
    }),
  }),
});

const ConflictRef = builder.objectRef<RecordChange>('PackageConflict').implement({
  description:
    'A record changed in the database after the package was made (see the package’s `madeFrom`) and changed or left out by the package too. ' +
    'It keeps the database’s version unless the import names it in `overwrite`.',
  fields: (t) => ({
    entityType: t.exposeString('entityType', { description: 'The kind of record, e.g. "Offer".' }),
    key: t.exposeString('key', { description: 'The record’s key (`id`), to name it in `overwrite`.' }),
    district: t.exposeString('district', {
      nullable: true,
      description: 'AGS of the district whose package holds it; null for the catalogue.',
    }),
    name: t.exposeString('name', { description: 'What people call it: the person of a contact, an offer’s title …' }),
    fields: t.exposeStringList('fields', { description: 'The columns and parts that differ.' }),
    values: t.field({ type: [ConflictValue], description: 'Each of them, both ways.', resolve: (conflict) => conflict.values }),
  }),
});

export const PackageImport = builder.objectRef<ImportSummary>('PackageImport').implement({
  description: 'What an import of a data package changed — or, in a dry run, would change.',
  fields: (t) => ({
    dryRun: t.exposeBoolean('dryRun', { description: 'True if nothing was written.' }),
    added: t.field({ type: [RecordChangeRef], description: 'Records the package adds.', resolve: (summary) => summary.added }),
    changed: t.field({
      type: [RecordChangeRef],
      description: 'Records whose columns or parts differ.',
      resolve: (summary) => summary.changed,
    }),
    archived: t.field({
      type: [RecordChangeRef],
      description: 'Records archived: left out of the package, or marked `archivedAt` in it.',
      resolve: (summary) => summary.archived,
    }),
    kept: t.field({
      type: [RecordChangeRef],
      description: 'Records the package leaves out that cannot be archived (sources, towns, persons): they stay as they are.',
      resolve: (summary) => summary.kept,
    }),
    unchanged: t.exposeInt('unchanged', { description: 'Number of records that are the same in the package and the database.' }),
    newerInDatabase: t.field({
      type: [RecordChangeRef],
      description:
        'Records added or changed in the database after the package was made, which the package has as they were then: they stay as the database has them (an import never undoes a later edit).',
      resolve: (summary) => summary.newerInDatabase,
    }),
    version: t.exposeInt('version', {
      nullable: true,
      description:
        'The version of the district (or the catalogue) this was compared with: the change-feed position of its last change. Give it as `expectedVersion` to apply what a dry run showed.',
    }),
    conflicts: t.field({
      type: [ConflictRef],
      description:
        'Records changed both in the database since the package was made and by the package: the database’s version stays unless `overwrite` names them.',
      resolve: (summary) => summary.conflicts,
    }),
  }),
});

export const PackageRecordInput = builder.inputType('PackageRecordInput', {
  description: 'A record of a package, as an import names it.',
  fields: (t) => ({
    entityType: t.string({ required: true, description: 'The kind of record, e.g. "Offer" (a conflict’s `entityType`).' }),
    key: t.string({ required: true, description: 'Its key (a conflict’s `key`).' }),
  }),
});

/** Who may import a package: its district's editors; the catalogue only admins. */
function importers(dataPackage: Record<string, unknown> | null | undefined): AccessRule {
  if (dataPackage?.kind === 'catalogue') return { admin: true };
  if (typeof dataPackage?.district === 'string') return editorsOfDistrict(dataPackage.district);
  return { editor: true };
}

const ImportDataPackageInput = builder.inputType('ImportDataPackageInput', {
  description: 'A data package to import.',
  fields: (t) => ({
    package: t.field({ type: 'JSONObject', required: true, description: 'The data package (format: schema/package.schema.json).' }),
    dryRun: t.boolean({ defaultValue: false, description: 'Only check the package and report the changes; write nothing.' }),
    expectedVersion: t.int({
      description:
        'The `version` the dry run answered: the import applies only if nothing of the district changed since (else VersionConflictError), so that what is written is exactly what the dry run showed.',
    }),
    overwrite: t.field({
      type: [PackageRecordInput],
      description: 'Conflicts (see `conflicts` of a dry run) to settle with the package’s version; the others keep the database’s.',
    }),
  }),
});

/**
 * On the embedded database readers wait for an import's transaction: 1.6 s at most for 20,000
 * offers (bench/IMPORT.md). Beyond this many rows the wait would grow past a couple of seconds.
 */
const embeddedImportMaxRows = 25_000;

/** The rows of a package's tables (before it is checked: anything not a table counts nothing). */
const rowsOf = (dataPackage: Record<string, unknown>): number =>
  Object.values((dataPackage.tables ?? {}) as Record<string, unknown>).reduce<number>(
    (sum, rows) => sum + (Array.isArray(rows) ? rows.length : 0),
    0,
  );

const importPackage = writeMutation('importDataPackage', {
  ref: PackageImport,
  noun: 'import',
  description:
    'Make a district’s data (or the catalogue) what a data package says (format: schema/package.schema.json). Records the package adds or changes are written, ' +
    'records it leaves out are archived; the whole package is checked first and refused with every problem if anything is wrong. ' +
    'One transaction, an audit event per record; importing the same package again changes nothing. Needs an editor token of the district (the catalogue: an admin token).',
  inputDescription: 'The package.',
  input: ImportDataPackageInput,
  authorise: (input) => importers(input.package),
  ...importWrite,
  prepare: async (input, problems) => {
    const rows = rowsOf(input.package);
    if (isEmbedded() && rows > embeddedImportMaxRows)
      problems.add(
        'package',
        said(
          'TOO_LARGE',
          `has ${rows.toLocaleString('en')} rows, more than the embedded database imports through the API (${embeddedImportMaxRows.toLocaleString('en')}): ` +
            'it runs one transaction at a time, and every reader would wait for this one. Import it with PostgreSQL (DATABASE_URL), ' +
            'or with `npm run data:import` while the server is stopped',
          { rows: String(rows), max: String(embeddedImportMaxRows) },
        ),
      );
    return null;
  },
  // A refusal of the database that the checks did not foresee (a second town of the same name) is a problem of the package.
  write: (write, input) =>
    importWithin(write, [{ content: input.package }], {
      dryRun: input.dryRun ?? false,
      overwrite: input.overwrite ?? [],
      expectedVersion: input.expectedVersion,
    }).catch(asProblem),
});

builder.mutationField('importDistrictPackage', (t) =>
  t.field({
    type: PackageImport,
    description: 'Import a data package (the arguments of `importDataPackage`, given separately).',
    deprecationReason: 'Use importDataPackage, which takes its arguments as one `input` like every mutation.',
    errors: mutationErrors('import'),
    args: {
      package: t.arg({ type: 'JSONObject', required: true, description: 'The data package (send it as a variable).' }),
      dryRun: t.arg.boolean({ defaultValue: false, description: 'Only check the package and report the changes; write nothing.' }),
    },
    authScopes: (_parent, args) => importers(args.package),
    resolve: (_root, args, context, info) => importPackage.run({ package: args.package, dryRun: args.dryRun }, context, info),
  }),
);
