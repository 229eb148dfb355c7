// The data package format: one JSON document per district (and one for the shared catalogue),
// its rows keyed by table, each row the record's columns. The format is defined here once, as
// zod schemas built from the Prisma data model, its `///` descriptions and the column rules
// that the mutations use too (src/rules/); the JSON Schema in schema/package.schema.json is
// printed from it, and imports are validated by it.
import { z } from 'zod';
import { isDateOnly, type ModelName, modelOf, referencedModel, storedColumns } from '../db/datamodel.js';
import * as enums from '../generated/prisma/enums.js';
import { columnRule, type Row, rowRules } from '../rules/columns.js';
import { isDerived } from '../rules/derived.js';
import { districtKey } from '../rules/values.js';
import { coded } from '../rules/zodIssues.js';
import { type PackageKind, type TableSpec, tablesOf } from './tables.js';
import { packageFormatVersion } from './versions.js';

export const packageFormat = 'integrationsgraph/data-package';

/** Bookkeeping columns the database keeps by itself; a package does not carry them. */
const bookkeeping = new Set(['version', 'createdAt', 'updatedAt']);

/** Columns every installation fills from the official list (src/places/referenceLoad.ts): they do not travel. */
const fromReferenceList: Partial<Record<ModelName, Set<string>>> = {
  District: new Set(['nuts3', 'validFrom', 'validTo', 'successorId', 'referenceSourceId']),
};

export interface Column {
  name: string;
  type: string;
  kind: 'scalar' | 'enum';
  required: boolean;
  list: boolean;
  /** Stored as a calendar date (@db.Date): "YYYY-MM-DD" in a package; other DateTime columns are instants. */
  dateOnly: boolean;
  documentation: string | null;
  /** For a foreign key: the model it refers to. */
  references?: ModelName;
}

/** The columns of a model a package carries, in the schema's order. */
export function columnsOf(model: ModelName): Column[] {
  return storedColumns(model)
    .filter((field) => !bookkeeping.has(field.name) && !fromReferenceList[model]?.has(field.name))
    .map((field) => ({
      name: field.name,
      type: field.type,
      kind: field.kind as 'scalar' | 'enum',
      required: field.isRequired,
      list: field.isList,
      dateOnly: isDateOnly(field),
      documentation: field.documentation,
      references: referencedModel(model, field.name),
    }));
}

/** A column's description: its `///` comment in schema.prisma, which every column other than keys must have. */
export function columnDescription(model: ModelName, column: Column): string {
  if (column.documentation) return column.documentation;
  if (column.name === 'id') return 'Stable key of the record; other records refer to it.';
  if (column.references) return `Key (\`id\`) of the ${column.references} this refers to.`;
  throw new Error(`${model}.${column.name} needs a /// description in prisma/schema.prisma: it is part of the data package format`);
}

/** The column's type in JSON, narrowed by its rule where it has one. */
function columnType(model: ModelName, column: Column): z.ZodType {
  const field = storedColumns(model).find((candidate) => candidate.name === column.name)!;
  const rule = columnRule(model, field);
  if (rule) return rule;
  let type: z.ZodType;
  if (column.kind === 'enum')
    type = z.enum(Object.values((enums as Record<string, Record<string, string>>)[column.type]!) as [string, ...string[]]);
  else if (column.type === 'Int') type = z.int();
  else if (column.type === 'Decimal' || column.type === 'Float') type = z.number();
  else if (column.type === 'Boolean') type = z.boolean();
  else if (column.type === 'DateTime') type = column.dateOnly ? z.iso.date() : z.iso.datetime();
  else type = z.string();
  return column.list ? z.array(type) : type;
}

/** A row of a table: its columns; columns that may be empty may be left out. */
function rowSchema(table: TableSpec) {
  const shape: Record<string, z.ZodType> = {};
  const columns = columnsOf(table.model);
  for (const column of columns) {
    const type = columnType(table.model, column).describe(columnDescription(table.model, column));
    // A column a rule derives from others (a channel's normalised value) may be left out: the import derives it.
    shape[column.name] = column.required && !isDerived(table.model, column.name) ? type : type.optional();
  }
  const schema = z.strictObject(shape).describe(modelOf(table.model).documentation ?? table.model);
  const rowRule = rowRules[table.model];
  if (!rowRule) return schema;
  // A column left out of a package is empty, not unknown.
  const empty = Object.fromEntries(columns.map((column) => [column.name, null]));
  return schema.superRefine((row, context) =>
    rowRule({ ...empty, ...(row as Row) }, (column, problem) =>
      context.addIssue({ code: 'custom', path: column ? [column] : [], message: problem.message, params: { said: problem } }),
    ),
  );
}

/** Tables may be left out: a package written before a table existed does not describe it (see versions.ts). */
function tablesSchema(kind: PackageKind) {
  return z.strictObject(
    Object.fromEntries(tablesOf(kind).map((table) => [table.key, z.array(rowSchema(table)).describe(table.description).optional()])),
  );
}

const header = {
  $schema: z.string().optional().describe('Address of this JSON Schema, for editors that check as you type.'),
  format: z.literal(packageFormat).describe('Marks the document as an Integrationsgraph data package.'),
  formatVersion: z
    .int()
    .min(1, coded('PACKAGE', 'must be a format version from 1'))
    .max(packageFormatVersion, coded('PACKAGE', `must be a format version this release reads (1 to ${packageFormatVersion})`))
    .describe(
      `The format version the package was written for (1 to ${packageFormatVersion}); packages of older versions are upgraded when imported.`,
    ),
  madeFrom: z
    .record(z.string(), z.string())
    .optional()
    .describe(
      'The records as they were when the package was exported, by "table/key": a fingerprint of each record with its parts, then of each of its columns and parts ("channels:Ab3xY9_q"). ' +
        'An import keeps what was changed or added in the database since (it does not undo it), applies the fields only the package changed, and reports fields both changed as conflicts. ' +
        'Exports write it; a package without it is taken as it is.',
    ),
};

const districtPackageSchema = z
  .strictObject({
    ...header,
    kind: z.literal('district').describe('A district package: all data of one district.'),
    district: districtKey.describe('AGS of the district (5 digits, e.g. "16065").'),
    tables: tablesSchema('district').describe(
      'The district’s records, by table. A table listed holds all of them: a record left out of it is archived (or, where it cannot be, refused). A table left out is not described by the package (one written before the table existed) and stays as it is; exports list every table.',
    ),
  })
  .describe('All data of one district.');

const cataloguePackageSchema = z
  .strictObject({
    ...header,
    kind: z.literal('catalogue').describe('The catalogue: shared vocabulary and state-wide records.'),
    tables: tablesSchema('catalogue').describe('The catalogue’s records, by table; as for a district, a table left out stays as it is.'),
  })
  .describe(
    'The shared vocabulary (states, districts, roles, tasks, fields of action, indicators, funders, programmes) and state-wide records.',
  );

export const packageSchema = z.discriminatedUnion('kind', [districtPackageSchema, cataloguePackageSchema]);

export type DataPackage = { kind: PackageKind; district?: string; tables: Record<string, Row[]> } & Record<string, unknown>;

/** The JSON Schema of the format, as committed in schema/package.schema.json. */
export function packageJsonSchema(): string {
  const jsonSchema = z.toJSONSchema(packageSchema, { target: 'draft-2020-12', io: 'input' });
  const about = {
    title: 'Integrationsgraph data package',
    description: `A district's entire data, or the shared catalogue, for npm run data:import / data:export and the importDistrictPackage mutation. Format version ${packageFormatVersion}.`,
  };
  return `${JSON.stringify({ ...about, ...jsonSchema }, null, 2)}\n`;
}
