// Every column's rule, once, keyed by model and column (the compiler checks both names), and
// the rules that span several columns of a row. The mutations (through the editing kit) and the
// data packages (through their format) check the same values with these, so both refuse the
// same record with the same message. Rules that need the database (does the post belong to the
// district?) stay with the write paths.
import { z } from 'zod';
import { type ModelName, modelNames, type ScalarsOf, storedColumns } from '../db/datamodel.js';
import type { DatamodelField } from '../db/datamodelTypes.js';
import { TargetGroup } from '../generated/prisma/enums.js';
import { typesWithFieldSources } from './factSources.js';
import { type Said, said } from './issues.js';
import { ChannelFormatError, channelValue } from './normalise.js';
import { isTranslatable } from './translatable.js';
import {
  bcp47Translation,
  clockTime,
  districtKey,
  emailAddress,
  germanLatitude,
  germanLongitude,
  germanPostalCode,
  ianaTimeZone,
  isoWeekday,
  languageCode,
  listItem,
  municipalityKey,
  nonEmptyText,
  partialDate,
  percentage,
  phoneNumberE164,
  webAddress,
} from './values.js';
import { coded, saidOfZod } from './zodIssues.js';

type ColumnRules = { [M in ModelName]?: { [C in keyof ScalarsOf<M> & string]?: z.ZodType } };

const twoDecimals = z.number().multipleOf(0.01, coded('DECIMALS', 'must have at most two decimal places', { places: '2' }));
const atLeastOne = coded('AT_LEAST', 'must be 1 or more', { min: '1' });

/** Rules beyond a column's type. Text columns without one must not be empty. */
export const columnRules: ColumnRules = {
  District: { id: districtKey },
  Municipality: { ags: municipalityKey },
  Source: { url: webAddress },
  Position: { headcount: z.int().min(1, atLeastOne), since: partialDate },
  Address: { postalCode: germanPostalCode, latitude: germanLatitude, longitude: germanLongitude },
  OfferPlace: { latitude: germanLatitude, longitude: germanLongitude },
  OfficeHours: { timeZone: ianaTimeZone },
  OfficeHourInterval: { weekday: isoWeekday, opens: clockTime, closes: clockTime },
  OfficeHourException: { opens: clockTime, closes: clockTime },
  FundingProgramme: { since: partialDate },
  Funding: { sharePercent: percentage, periodStart: partialDate, periodEnd: partialDate },
  IntegrationConcept: { versionAsOf: partialDate },
  ConceptMilestone: { periodStart: partialDate, periodEnd: partialDate, items: z.array(listItem) },
  Offer: {
    languages: z.array(languageCode),
    targetGroups: z.array(z.enum(Object.values(TargetGroup) as [string, ...string[]])),
    languageCount: z.int().min(1, atLeastOne),
    website: webAddress,
  },
  Partner: { website: webAddress },
  Project: { periodStart: partialDate, periodEnd: partialDate },
  IndicatorValue: { value: twoDecimals.min(0, coded('AT_LEAST', 'must be a number of 0 or more', { min: '0' })) },
  Document: { url: webAddress, issued: partialDate },
  Translation: { language: bcp47Translation },
  ApiToken: { name: nonEmptyText.max(200, coded('TOO_LONG', 'must be at most 200 characters', { max: '200' })) },
};

/** The rule of one column, where it has one beyond its type (text: not empty). */
export function columnRule(model: ModelName, column: DatamodelField): z.ZodType | undefined {
  const rules = columnRules[model] as Record<string, z.ZodType> | undefined;
  const rule = rules?.[column.name];
  if (rule) return rule;
  if (column.type !== 'String' || column.kind !== 'scalar') return undefined;
  return column.isList ? z.array(listItem) : nonEmptyText;
}

export type Row = Record<string, unknown>;

/**
 * A rule over several columns of a row. It reports at a column (or at the row, with null). A
 * column that is `undefined` is not known (a change leaves it as it is), and rules that need it
 * stay silent; an empty column is null.
 */
export type RowRule = (row: Row, report: (column: string | null, problem: Said) => void) => void;

const known = (row: Row, ...columns: string[]) => columns.every((column) => row[column] !== undefined);

const periodInOrder: RowRule = (row, report) => {
  const { periodStart: start, periodEnd: end } = row;
  if (typeof start === 'string' && typeof end === 'string' && start > end)
    report('periodEnd', said('DATE_ORDER', `must not be before the start (${start})`, { start }));
};

/** A point is both its halves, or none. */
const wholePoint: RowRule = (row, report) => {
  if (known(row, 'latitude', 'longitude') && (row.latitude == null) !== (row.longitude == null))
    report(row.latitude == null ? 'latitude' : 'longitude', said('COORDINATES_PAIR', 'give both latitude and longitude, or neither'));
};

const channelValues: Record<string, z.ZodType> = { EMAIL: emailAddress, WEB_FORM: webAddress };

const closesAfterOpens = (opens: string) => said('CLOSES_AFTER_OPENS', `must be later than opens (${opens})`, { opens });

export const rowRules: { [M in ModelName]?: RowRule } = {
  Address: (row, report) => {
    if (known(row, 'street', 'postOfficeBox') && !row.street && !row.postOfficeBox)
      report(null, said('STREET_OR_PO_BOX', 'needs a street or a post-office box'));
    wholePoint(row, report);
  },
  OfferPlace: wholePoint,
  OfficeHourInterval: (row, report) => {
    const { opens, closes } = row;
    if (typeof opens === 'string' && typeof closes === 'string' && clockTime.safeParse(opens).success && opens >= closes) {
      report('closes', closesAfterOpens(opens));
    }
  },
  OfficeHourException: (row, report) => {
    const { firstDay, lastDay, opens, closes } = row;
    if (
      firstDay instanceof Date && lastDay instanceof Date
        ? lastDay < firstDay
        : typeof firstDay === 'string' && typeof lastDay === 'string' && lastDay < firstDay
    ) {
      report(
        'lastDay',
        said('DATE_ORDER', 'must not be before the first day', {
          start: String(firstDay instanceof Date ? firstDay.toISOString().slice(0, 10) : firstDay),
        }),
      );
    }
    if (known(row, 'opens', 'closes') && !opens !== !closes)
      report(opens ? 'closes' : 'opens', said('BOTH_TIMES_OR_NONE', 'give both times for special hours, or neither for a closure'));
    else if (typeof opens === 'string' && typeof closes === 'string' && clockTime.safeParse(opens).success && opens >= closes) {
      report('closes', closesAfterOpens(opens));
    }
  },
  Translation: (row, report) => {
    if (typeof row.entityType === 'string' && typeof row.field === 'string' && !isTranslatable(row.entityType, row.field)) {
      report(
        'field',
        said('NOT_TRANSLATABLE', `"${row.field}" of ${row.entityType} is not a translatable text (see src/rules/translatable.ts)`, {
          field: row.field,
          type: row.entityType,
        }),
      );
    }
  },
  FactSource: (row, report) => {
    const { entityType, field } = row;
    if (typeof entityType !== 'string' || typeof field !== 'string') return;
    const unknown = (column: string, key: string, message: string) => report(column, said('UNKNOWN_ENTRY', message, { key }));
    if (!modelNames.includes(entityType as ModelName)) unknown('entityType', entityType, `"${entityType}" is not a kind of record`);
    else if (!typesWithFieldSources.includes(entityType as ModelName))
      unknown(
        'entityType',
        entityType,
        `"${entityType}" does not name the pages of its fields; one of ${typesWithFieldSources.join(', ')} does`,
      );
    else if (!storedColumns(entityType as ModelName).some((column) => column.name === field))
      unknown('field', field, `"${field}" is not a field of ${entityType}`);
  },
  ContactChannel: (row, report) => {
    if (typeof row.value !== 'string') return;
    const rule = channelValues[String(row.kind)] ?? phoneNumberE164;
    const issues = rule.safeParse(row.value).error?.issues ?? [];
    for (const issue of issues) report('value', saidOfZod(issue));
    // A value given beside the printed text is what that text reads as: a printed number no
    // rule can read (an O for a 0), or one that rings elsewhere, would mislead its readers.
    if (issues.length || typeof row.printed !== 'string' || row.kind === 'WEB_FORM') return;
    try {
      const read = channelValue(String(row.kind), row.printed);
      if (read !== row.value)
        report(
          'value',
          said('VALUE_NOT_PRINTED', `is not what "${row.printed}" reads as (${read})`, { printed: row.printed, read: String(read) }),
        );
    } catch (error) {
      if (!(error instanceof ChannelFormatError)) throw error;
      report('printed', error.said);
    }
  },
  Funding: periodInOrder,
  Project: periodInOrder,
  ConceptMilestone: periodInOrder,
  IntegrationConcept: (row, report) => {
    if (known(row, 'status', 'adoptedOn') && row.status === 'ADOPTED' && !row.adoptedOn)
      report('adoptedOn', said('ADOPTION_DATE', 'an adopted concept needs its adoption date'));
  },
};

/** A problem found in a row: where in the row (empty: the row as a whole) and what is wrong. */
export interface RowProblem extends Said {
  path: (string | number)[];
}

/** "languages[0]", "fields.title": a path in the form the API's input paths use. */
export function formatPath(segments: readonly (string | number | symbol)[]): string {
  return segments
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index ? '.' : ''}${String(segment)}`))
    .join('');
}

/**
 * Checks the values of a row that are present (undefined: not given) against the column rules,
 * then the row rules — over `stored` with the row laid over it, where the row changes a stored
 * one (a rule between two columns must hold after a change of one). Types are the caller's
 * concern (GraphQL, or the package format).
 */
export function checkRow(model: ModelName, row: Row, stored: Row = {}): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const column of storedColumns(model)) {
    const value = row[column.name];
    if (value === undefined || value === null) continue;
    const rule = columnRule(model, column);
    for (const issue of rule?.safeParse(value).error?.issues ?? []) {
      problems.push({ path: [column.name, ...(issue.path as (string | number)[])], ...saidOfZod(issue) });
    }
  }
  rowRules[model]?.({ ...stored, ...row }, (column, problem) => problems.push({ path: column ? [column] : [], ...problem }));
  return problems;
}
