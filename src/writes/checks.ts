// Checking what a mutation was sent against the column rules (src/rules/), with the input's
// own paths: the same rules the data packages are checked with, reported where the editor
// typed the value. Every problem is collected; nothing here throws.

import { type ModelName, storedColumns } from '../db/datamodel.js';
import { checkRow, formatPath, type Row } from '../rules/columns.js';
import { requiredValue } from '../rules/issues.js';
import type { Problems } from '../writes/problems.js';

/** Input fields that hold a column of the model: the field's name, or the column it fills. */
export type ColumnFields = Record<string, string>;

/** `['title', 'kind']` → `{ title: 'title', kind: 'kind' }`: fields named like their columns. */
export const sameNames = (...names: string[]): ColumnFields => Object.fromEntries(names.map((name) => [name, name]));

/** The columns a create needs from the input: required in the model, without a default. */
export function requiredFields(model: ModelName, fields: ColumnFields): string[] {
  const required = new Set(
    storedColumns(model)
      .filter((column) => column.isRequired && !column.hasDefaultValue && !column.isList)
      .map((column) => column.name),
  );
  return Object.entries(fields)
    .filter(([, column]) => required.has(column))
    .map(([field]) => field);
}

/** The given input fields (not left out, not null) as the columns they fill. */
function givenValues(input: object, fields: ColumnFields): Row {
  const row: Row = {};
  for (const [field, column] of Object.entries(fields)) {
    const value = (input as Row)[field];
    if (value !== undefined && value !== null) row[column] = value;
  }
  return row;
}

/**
 * In a change, the fields sent as null: an optional column is emptied (a list to no entries); a
 * required one cannot be, and is said so at its field rather than silently kept.
 */
function emptied(model: ModelName, input: object, fields: ColumnFields, problems: Problems, at: string | undefined): Row {
  const columns = new Map(storedColumns(model).map((column) => [column.name, column]));
  const row: Row = {};
  for (const [field, name] of Object.entries(fields)) {
    const column = columns.get(name);
    if ((input as Row)[field] !== null || !column) continue;
    if (column.isList) row[name] = [];
    else if (column.isRequired) problems.add(join(at, field), requiredValue);
    else row[name] = null;
  }
  return row;
}

export interface CheckOptions {
  /** Path of the input object, e.g. "fields" or "channels[0]"; empty at the top. */
  at?: string;
  /** A new record: required fields must be given, fields left out are empty. A change leaves them as they are, and empties those sent as null. */
  creating: boolean;
  /** In a change: the record as stored, which the rules between its columns are checked against with the change laid over it. */
  stored?: Row;
}

const join = (at: string | undefined, rest: string) => (at ? (rest ? `${at}.${rest}` : at) : rest);

/**
 * Checks the input fields that hold columns of `model` against the model's rules, reporting
 * each problem at the input field it came from.
 */
export function checkColumns(model: ModelName, input: object, fields: ColumnFields, problems: Problems, options: CheckOptions): Row {
  const fieldOf = new Map(Object.entries(fields).map(([field, column]) => [column, field]));
  if (options.creating) {
    for (const field of requiredFields(model, fields)) {
      if ((input as Row)[field] == null) problems.add(join(options.at, field), requiredValue);
    }
  }
  const row = givenValues(input, fields);
  if (!options.creating) Object.assign(row, emptied(model, input, fields, problems, options.at));
  // In a new record, what was left out is empty; in a change it is unknown (kept).
  const known: Row = options.creating ? { ...Object.fromEntries(Object.values(fields).map((column) => [column, null])), ...row } : row;
  for (const { path, ...problem } of checkRow(model, known, options.stored)) {
    const [column, ...rest] = path;
    const field = column === undefined ? '' : (fieldOf.get(String(column)) ?? String(column));
    problems.add(join(options.at, formatPath([field, ...rest].filter((segment) => segment !== ''))), problem);
  }
  return row;
}

/** Checks a list of whole records (a contact's channels, a concept's milestones): each is new. */
export function checkEach<Item extends object>(
  model: ModelName,
  items: Item[],
  fields: ColumnFields,
  problems: Problems,
  at: string,
): Row[] {
  return items.map((item, index) =>
    checkColumns(model, item as Record<string, unknown>, fields, problems, { at: `${at}[${index}]`, creating: true }),
  );
}
