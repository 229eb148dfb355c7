// The data package format: one JSON document per district (and one for the shared catalogue),
// its rows keyed by table, each row the record's columns. The format is defined here once, as
// zod schemas built from the Prisma datamodel and its `///` descriptions; the JSON Schema in
// schema/package.schema.json is printed from it, and imports are validated by it.
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { z } from 'zod';
import { getDatamodel } from '../generated/pothos-prisma-types.js';
import * as enums from '../generated/prisma/enums.js';
import { type PackageKind, type TableSpec, tablesOf } from './tables.js';

export const packageFormat = 'integrationsgraph/data-package';
export const packageFormatVersion = 1;

/** Bookkeeping columns the database keeps by itself; a package does not carry them. */
const bookkeeping = new Set(['version', 'createdAt', 'updatedAt']);
/** Columns stored as a calendar date (`@db.Date`); the others of type DateTime are instants. */
export const dateOnlyColumns = new Set(['asOf', 'validFrom', 'validTo', 'adoptedOn', 'referenceDate']);
/** Columns holding a date as precise as the source states it. */
const partialDateColumns = new Set(['since', 'periodStart', 'periodEnd', 'versionAsOf', 'issued']);
const webAddressColumns = new Set(['url', 'website']);

export interface Column {
  name: string;
  type: string;
  kind: 'scalar' | 'enum';
  required: boolean;
  list: boolean;
  documentation?: string;
  /** For a foreign key: the model it refers to. */
  references?: string;
}

const datamodel = getDatamodel().datamodel.models;

/** The columns of a model a package carries, in the schema's order. */
export function columnsOf(model: string): Column[] {
  const fields = datamodel[model]!.fields;
  const references = new Map<string, string>();
  for (const field of fields)
    if (field.kind === 'object') for (const from of field.relationFromFields ?? []) references.set(from, field.type);
  return fields
    .filter((field) => (field.kind === 'scalar' || field.kind === 'enum') && !bookkeeping.has(field.name))
    .map((field) => ({
      name: field.name,
      type: field.type,
      kind: field.kind as 'scalar' | 'enum',
      required: field.isRequired,
      list: field.isList,
      documentation: field.documentation,
      references: references.get(field.name),
    }));
}

/** Whether a model has a column, bookkeeping included. */
export const hasColumn = (model: string, name: string) => datamodel[model]!.fields.some((field) => field.name === name);

const isoDate = z.iso.date();
const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be "YYYY", "YYYY-MM" or "YYYY-MM-DD"');
const webAddress = z.url({ protocol: /^https?$/, error: 'must be a web address (http or https)' });
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time "HH:MM"');
const timeZone = z
  .string()
  .refine((zone) => Intl.supportedValuesOf('timeZone').includes(zone) || zone === 'UTC', 'must be an IANA time zone, e.g. "Europe/Berlin"');

/** Checks beyond the column's type, where the API checks the same value. */
const columnChecks: Record<string, z.ZodType> = {
  'District.id': z.string().regex(/^\d{5}$/, 'must be the 5-digit AGS'),
  'Municipality.ags': z.string().regex(/^\d{8}$/, 'must be the 8-digit AGS'),
  'OfficeHourInterval.weekday': z
    .number()
    .int()
    .min(1, 'must be an ISO weekday, 1 (Monday) to 7')
    .max(7, 'must be an ISO weekday, 1 (Monday) to 7'),
  'OfficeHourInterval.opens': clockTime,
  'OfficeHourInterval.closes': clockTime,
  'OfficeHours.timeZone': timeZone,
  'IndicatorValue.value': z.number().multipleOf(0.01, 'must have at most two decimal places'),
  'Funding.sharePercent': z
    .number()
    .multipleOf(0.01, 'must have at most two decimal places')
    .min(0, 'must be a percentage from 0 to 100')
    .max(100, 'must be a percentage from 0 to 100'),
  'Offer.languages': z.array(z.string().regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code (two lower-case letters)')),
  'Offer.targetGroups': z.array(z.enum(Object.values(enums.TargetGroup) as [string, ...string[]])),
};

/** A column's description: its `///` comment in schema.prisma, which every column other than keys must have. */
function describe(model: string, column: Column): string {
  if (column.documentation) return column.documentation;
  if (column.name === 'id') return 'Stable key of the record; other records refer to it.';
  if (column.references) return `Key (\`id\`) of the ${column.references} this refers to.`;
  throw new Error(`${model}.${column.name} needs a /// description in prisma/schema.prisma: it is part of the data package format`);
}

function columnType(model: string, column: Column): z.ZodType {
  const checked = columnChecks[`${model}.${column.name}`];
  if (checked) return checked;
  if (column.kind === 'enum')
    return z.enum(Object.values((enums as Record<string, Record<string, string>>)[column.type]!) as [string, ...string[]]);
  let type: z.ZodType;
  switch (column.type) {
    case 'Int':
      type = z.number().int();
      break;
    case 'Decimal':
    case 'Float':
      type = z.number();
      break;
    case 'Boolean':
      type = z.boolean();
      break;
    case 'DateTime':
      type = dateOnlyColumns.has(column.name) ? isoDate : z.iso.datetime();
      break;
    default:
      type = partialDateColumns.has(column.name)
        ? partialDate
        : webAddressColumns.has(column.name)
          ? webAddress
          : z.string().min(1, 'must not be empty');
  }
  return column.list ? z.array(type) : type;
}

/** A row of a table: its columns; columns that may be empty may be left out. */
function rowSchema(table: TableSpec) {
  const shape: Record<string, z.ZodType> = {};
  for (const column of columnsOf(table.model)) {
    const type = columnType(table.model, column).describe(describe(table.model, column));
    shape[column.name] = column.required ? type : type.optional();
  }
  const schema = z.strictObject(shape).describe(datamodel[table.model]!.documentation ?? table.model);
  const rowCheck = rowChecks[table.model];
  return rowCheck ? schema.superRefine(rowCheck) : schema;
}

type Row = Record<string, unknown>;

function checkChannel(row: Row, context: z.RefinementCtx) {
  const value = row.value as string | undefined;
  if (value === undefined) return;
  const fault =
    row.kind === 'EMAIL'
      ? !z.email().safeParse(value).success && 'must be an e-mail address'
      : row.kind === 'WEB_FORM'
        ? !webAddress.safeParse(value).success && 'must be a web address (http or https)'
        : !(value.startsWith('+') && isValidPhoneNumber(value)) && 'must be a phone number in E.164 form, e.g. +493632741273';
  if (fault) context.addIssue({ code: 'custom', path: ['value'], message: fault });
}

function checkInterval(row: Row, context: z.RefinementCtx) {
  if (typeof row.opens === 'string' && typeof row.closes === 'string' && row.opens >= row.closes) {
    context.addIssue({ code: 'custom', path: ['closes'], message: `must be later than opens (${row.opens})` });
  }
}

/** Checks that span several columns of a row. */
const rowChecks: Record<string, (row: Row, context: z.RefinementCtx) => void> = {
  ContactChannel: checkChannel,
  OfficeHourInterval: checkInterval,
};

function tablesSchema(kind: PackageKind) {
  return z.strictObject(
    Object.fromEntries(tablesOf(kind).map((table) => [table.key, z.array(rowSchema(table)).describe(table.description)])),
  );
}

const header = {
  $schema: z.string().optional().describe('Address of this JSON Schema, for editors that check as you type.'),
  format: z.literal(packageFormat).describe('Marks the document as an Integrationsgraph data package.'),
  formatVersion: z.literal(packageFormatVersion).describe('Version of the package format.'),
};

export const districtPackageSchema = z
  .strictObject({
    ...header,
    kind: z.literal('district').describe('A district package: all data of one district.'),
    district: z
      .string()
      .regex(/^\d{5}$/, 'must be the 5-digit AGS of the district')
      .describe('AGS of the district (5 digits, e.g. "16065").'),
    tables: tablesSchema('district').describe(
      'The district’s records, by table. Every table is listed, empty or not: a record left out is archived (or, where it cannot be, refused).',
    ),
  })
  .describe('All data of one district.');

export const cataloguePackageSchema = z
  .strictObject({
    ...header,
    kind: z.literal('catalogue').describe('The catalogue: shared vocabulary and state-wide records.'),
    tables: tablesSchema('catalogue').describe('The catalogue’s records, by table. Every table is listed, empty or not.'),
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
