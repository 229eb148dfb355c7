// importDistrictPackage: a district's editors replace their district's data with a package
// (see docs in the README and schema/package.schema.json); admins also the catalogue.
import { builder } from '../builder.js';
import { ValidationError } from '../common/problems.js';
import { db } from '../db/client.js';
import { districtKeyForScope } from '../districts/ags.js';
import { type ImportSummary, importPackages, type RecordChange } from './import.js';

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
  }),
});

const PackageImport = builder.objectRef<ImportSummary>('PackageImport').implement({
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
  }),
});

/** Who may import a package: its district's editors; the catalogue only admins. */
function scopeFor(dataPackage: Record<string, unknown>) {
  if (dataPackage.kind === 'catalogue') return { admin: true };
  if (typeof dataPackage.district === 'string') return { editorOf: districtKeyForScope(dataPackage.district) };
  return { editor: true };
}

builder.mutationField('importDistrictPackage', (t) =>
  t.field({
    type: PackageImport,
    description:
      'Make a district’s data what a data package says (format: schema/package.schema.json). Records the package adds or changes are written, ' +
      'records it leaves out are archived; the whole package is checked first and refused with every problem if anything is wrong. ' +
      'One transaction, an audit event per record; importing the same package again changes nothing. Needs an editor token of the district (the catalogue: an admin token).',
    errors: {
      types: [ValidationError],
      union: { description: 'What the import changed, or why nothing was changed.' },
      result: { description: 'The package was imported (or checked, in a dry run).' },
      dataField: { description: 'What was (or would be) changed.' },
    },
    args: {
      package: t.arg({ type: 'JSONObject', required: true, description: 'The data package (send it as a variable).' }),
      dryRun: t.arg.boolean({ defaultValue: false, description: 'Only check the package and report the changes; write nothing.' }),
    },
    authScopes: (_parent, args) => scopeFor(args.package),
    resolve: (_root, args, context) =>
      importPackages(db(), [{ content: args.package }], { dryRun: args.dryRun ?? false, actor: context.viewer!, now: context.now }),
  }),
);
