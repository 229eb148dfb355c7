// Importing data packages. Everything is checked before anything is written: the format, then
// the references and who owns what. Then the packages are compared with the database record by
// record — a record with its parts, as the editing mutations change them (a contact with its
// channels, addresses and office hours) — and the differences are written in one transaction,
// with an audit event per record. A dry run stops before writing and reports the same diff.
import { createHash } from 'node:crypto';
import { bulkInsert } from '../db/bulkInsert.js';
import type { Database, Tx } from '../db/client.js';
import { genericDelegate, hasColumn } from '../db/datamodel.js';
import { referenceSourceId } from '../places/referenceKeys.js';
import { deriveColumns } from '../rules/derived.js';
import { type Said, said } from '../rules/issues.js';
import { saidOfZod } from '../rules/zodIssues.js';
import type { AuditEntry } from '../writes/audit.js';
import { Problems, ValidationError, VersionConflictError } from '../writes/problems.js';
import { listedTwice } from '../writes/references.js';
import { type Actor, type Write, write } from '../writes/transaction.js';
import { columnsOf, type DataPackage, packageSchema } from './format.js';
import { canonicalRow, databaseRow, ownedTables, type Row, sortedByKey } from './rows.js';
import { type PackageKind, rowKey, type TableSpec, tableByKey, tableByModel, tables, tablesOf, writeSteps } from './tables.js';
import { upgradePackage } from './versions.js';

export interface PackageInput {
  /** Where the package came from (a file name), put before the JSON paths of its problems. */
  label?: string;
  content: unknown;
}

/** One record that an import adds, changes or archives. */
export interface RecordChange {
  entityType: string;
  key: string;
  /** AGS of the district whose package it is in; null for the catalogue. */
  district: string | null;
  /** The columns and parts that differ (for a change). */
  fields: string[];
  /** What people call it: the person of a contact, an offer's title … */
  name: string;
  /** Each differing column or part, as the database and as the package has it (JSON; null: not there). */
  values: { field: string; database: string | null; package: string | null }[];
}

export interface ImportSummary {
  dryRun: boolean;
  added: RecordChange[];
  changed: RecordChange[];
  archived: RecordChange[];
  /** Records the package leaves out that cannot be archived (sources, towns, persons …): they stay as they are. */
  kept: RecordChange[];
  /** Records that are the same in the package and the database. */
  unchanged: number;
  /**
   * Records added or changed in the database after the package was made (its `madeFrom`), which
   * the package has as they were then: they stay as the database has them.
   */
  newerInDatabase: RecordChange[];
  /** Records changed since the package was made and by the package too: applied only where `overwrite` names them. */
  conflicts: RecordChange[];
  /**
   * The version of the package's district (or of the catalogue) this was compared with: the
   * change-feed position of its last change; null for an import of several packages.
   */
  version: number | null;
}

export interface ImportOptions {
  dryRun?: boolean;
  /** Conflicts to settle with the package's version (by `entityType` and `key`); the others keep the database's. */
  overwrite?: { entityType: string; key: string }[];
  /** The `version` a dry run answered: applying is refused (VersionConflictError) if the district changed since. */
  expectedVersion?: number | null;
  /** Told how far writing has got, table by table. */
  onProgress?: (table: string, done: number, total: number) => void;
}

interface Parsed {
  label: string;
  kind: PackageKind;
  /** The district's AGS; null for the catalogue. */
  owner: string | null;
  tables: Record<string, Row[]>;
  /** Tables the package leaves out: it does not describe them, so their records stay as they are. */
  absent: Set<string>;
  /** The fingerprint of each record when the package was made (`madeFrom`); null for a package without. */
  madeFrom: Map<string, string> | null;
}

// ------------------------------------------------------------------ problems

function jsonPath(segments: readonly PropertyKey[]): string {
  return `$${segments.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`)).join('')}`;
}

const rowPath = (table: TableSpec, index: number, column?: string) => jsonPath(['tables', table.key, index, ...(column ? [column] : [])]);

const packageProblem = (message: string) => said('PACKAGE', message);

/** A key naming no record of a table (`table`: its key in the package, e.g. "positions", by which a workbook names its sheet). */
const unknownKey = (table: string, key: string, message: string) => said('UNKNOWN_ENTRY', message, { key, table });

const notInPackage = (table: string, key: string) =>
  unknownKey(table, key, `must name a record of "${table}" in this package: "${key}" is not in it`);

const notKnown = (table: string, model: string, key: string) =>
  unknownKey(table, key, `names ${model} "${key}", which is neither in the import nor in the database`);

/** Problems of packages: each JSON path is preceded by the package's label (its file name). */
class PackageProblems extends Problems {
  addIn(label: string, path: string, problem: Said) {
    this.add(label ? `${label} ${path}` : path, problem);
  }
}

const isObject = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The package with the derived columns of its rows filled in; what cannot be derived is a problem of its row. */
function withDerivedColumns(content: unknown, label: string, problems: PackageProblems): unknown {
  if (!isObject(content) || !isObject(content.tables) || (content.kind !== 'district' && content.kind !== 'catalogue')) return content;
  const tables: Row = { ...content.tables };
  for (const table of tablesOf(content.kind)) {
    const rows = tables[table.key];
    if (!Array.isArray(rows)) continue;
    tables[table.key] = rows.map((row: unknown, position) =>
      isObject(row)
        ? deriveColumns(table.model, row, (column, problem) => problems.addIn(label, rowPath(table, position, column), problem))
        : row,
    );
  }
  return { ...content, tables };
}

/**
 * Checks the packages against the format. A package with format problems is still read as far
 * as it can be (its well-formed rows), so that its reference problems are listed too.
 */
function parse(inputs: PackageInput[], problems: PackageProblems): Parsed[] {
  const parsed: Parsed[] = [];
  for (const { label = '', content: written } of inputs) {
    const { content, problem } = upgradePackage(written);
    if (problem) {
      problems.addIn(label, '$.formatVersion', packageProblem(problem));
      continue;
    }
    // Derived columns are derived as a mutation derives them (src/rules/derived.ts) before the
    // rows are checked: a channel's link left as it was beside a new number follows the number.
    const result = packageSchema.safeParse(withDerivedColumns(content, label, problems));
    if (!result.success) for (const issue of result.error.issues) problems.addIn(label, jsonPath(issue.path), saidOfZod(issue));
    const data = (result.success ? result.data : content) as Partial<DataPackage>;
    const kind = data?.kind;
    if (!isObject(data) || (kind !== 'district' && kind !== 'catalogue') || !isObject(data.tables)) continue;
    if (kind === 'district' && !/^\d{5}$/.test(String(data.district))) continue;
    const tables: Record<string, Row[]> = {};
    const absent = new Set<string>();
    for (const table of tablesOf(kind)) {
      const given = data.tables[table.key];
      if (given === undefined) absent.add(table.key);
      const rows = Array.isArray(given) ? (given as unknown[]).filter(isObject) : [];
      tables[table.key] = rows.map((row) => canonicalRow(table, row));
    }
    const madeFrom = isObject(data.madeFrom) ? new Map(Object.entries(data.madeFrom).map(([id, print]) => [id, String(print)])) : null;
    parsed.push({ label, kind, owner: kind === 'district' ? String(data.district) : null, tables, absent, madeFrom });
  }
  return parsed;
}

// ------------------------------------------------------------------ references and ownership

type Index = Map<string, Map<string, Parsed>>;

/** Which package holds each key, table by table; a key listed twice is a problem. */
function indexKeys(packages: Parsed[], problems: PackageProblems): Index {
  const index: Index = new Map();
  const owners = new Set<string>();
  for (const dataPackage of packages) {
    const owner = dataPackage.owner ?? 'catalogue';
    if (owners.has(owner)) problems.addIn(dataPackage.label, '$', packageProblem(`a second package of ${owner} in one import`));
    owners.add(owner);
    for (const [key, rows] of Object.entries(dataPackage.tables)) {
      const keys = index.get(key) ?? index.set(key, new Map()).get(key)!;
      rows.forEach((row, position) => {
        const rowId = rowKey(tableByKey.get(key)!, row);
        if (keys.has(rowId)) problems.addIn(dataPackage.label, rowPath(tableByKey.get(key)!, position), listedTwice(rowId));
        keys.set(rowId, dataPackage);
      });
    }
  }
  return index;
}

/** A reference that only the database can settle: the key must exist there (among the catalogue's rows, if `catalogueOnly`). */
interface Pending {
  target: TableSpec;
  catalogueOnly: boolean;
  key: string;
  report: () => void;
}

function checkRows(dataPackage: Parsed, index: Index, problems: PackageProblems, pending: Pending[]) {
  const { label, owner } = dataPackage;
  const holds = (table: string, key: unknown) => index.get(table)?.get(String(key)) === dataPackage;
  for (const table of tablesOf(dataPackage.kind)) {
    dataPackage.tables[table.key]!.forEach((row, position) => {
      for (const column of columnsOf(table.model)) {
        const value = row[column.name];
        const path = rowPath(table, position, column.name);
        if (column.name === 'districtId' && table.model !== 'District') {
          if (owner && value !== owner) problems.addIn(label, path, packageProblem(`must be "${owner}", the package's district`));
          if (!owner && value !== undefined)
            problems.addIn(
              label,
              path,
              packageProblem('must be left out: a catalogue record belongs to no district (put it in the district’s package)'),
            );
          continue;
        }
        if (!column.references || value === undefined) continue;
        const target = tableByModel.get(column.references)!;
        const targetKey = String(value);
        if (holds(target.key, targetKey)) continue;
        // The official list's source: no package carries it, every installation loads it (a town of the list cites it).
        if (column.references === 'Source' && targetKey === referenceSourceId) continue;
        const report = (problem: Said) => () => problems.addIn(label, path, problem);
        if (owner && target.ofDistrict) {
          if (target.ofCatalogue && index.get(target.key)?.get(targetKey)?.kind === 'catalogue') continue;
          const problem = target.ofCatalogue
            ? unknownKey(
                target.key,
                targetKey,
                `must name a record of "${target.key}" in this package or in the catalogue: "${targetKey}" is in neither`,
              )
            : notInPackage(target.key, targetKey);
          if (target.ofCatalogue) pending.push({ target, catalogueOnly: true, key: targetKey, report: report(problem) });
          else problems.addIn(label, path, problem);
        } else if (!index.get(target.key)?.has(targetKey)) {
          pending.push({
            target,
            catalogueOnly: false,
            key: targetKey,
            report: report(notKnown(target.key, column.references, targetKey)),
          });
        }
      }
      if (namesARecord(table.model))
        checkTranslated(dataPackage, row, rowPath(table, position, 'entityId'), holds, index, problems, pending);
    });
  }
  checkOwnershipThroughOthers(dataPackage, problems);
}

/** Rows about another record (a translation, a fact's page) name it by type and key. */
const namesARecord = (model: string) => model === 'Translation' || model === 'FactSource';

/** A row naming its record by type and key: the record must be in the package (a district's) or known. */
function checkTranslated(
  dataPackage: Parsed,
  row: Row,
  path: string,
  holds: (table: string, key: unknown) => boolean,
  index: Index,
  problems: PackageProblems,
  pending: Pending[],
) {
  const target = tableByModel.get(String(row.entityType));
  if (!target || holds(target.key, row.entityId)) return; // an unknown type is reported by the row rule
  const key = String(row.entityId);
  const report = (problem: Said) => () => problems.addIn(dataPackage.label, path, problem);
  if (dataPackage.owner) {
    problems.addIn(dataPackage.label, path, notInPackage(target.key, key));
  } else if (!index.get(target.key)?.has(key)) {
    pending.push({ target, catalogueOnly: false, key, report: report(notKnown(target.key, target.model, key)) });
  }
}

/**
 * Persons belong to a package through its contacts, partners through its sources; one that
 * nothing in the package ties to it would not come back out of an export.
 */
function checkOwnershipThroughOthers(dataPackage: Parsed, problems: PackageProblems) {
  const { label, owner, tables } = dataPackage;
  if (owner) {
    const people = new Set(tables.contacts!.map((contact) => contact.personId));
    tables.persons!.forEach((person, position) => {
      if (!people.has(person.id))
        problems.addIn(
          label,
          rowPath(tableByKey.get('persons')!, position),
          packageProblem(`"${String(person.id)}" is not the person of any contact in this package`),
        );
    });
  }
  const sources = new Set(tables.sources!.map((source) => source.id));
  tables.partners!.forEach((partner, position) => {
    if (!sources.has(partner.sourceId))
      problems.addIn(
        label,
        rowPath(tableByKey.get('partners')!, position, 'sourceId'),
        packageProblem('must name a source of this package: a partner belongs to the package whose source names it'),
      );
  });
}

async function settle(client: Tx, pending: Pending[]) {
  const groups = new Map<string, Pending[]>();
  for (const reference of pending) {
    const group = `${reference.target.key}|${reference.catalogueOnly}`;
    if (groups.has(group)) groups.get(group)!.push(reference);
    else groups.set(group, [reference]);
  }
  for (const references of groups.values()) {
    const { target, catalogueOnly } = references[0]!;
    const where = { id: { in: [...new Set(references.map((reference) => reference.key))] }, ...(catalogueOnly ? target.ofCatalogue : {}) };
    const found = new Set((await genericDelegate(client, target.model).findMany({ where, select: { id: true } })).map((row) => row.id));
    for (const reference of references) if (!found.has(reference.key)) reference.report();
  }
}

// ------------------------------------------------------------------ comparing

/** A record with its parts, compared and written as one. */
export interface Aggregate {
  table: TableSpec;
  key: string;
  root: Row;
  parts: Record<string, Row[]>;
}

export function aggregates(kind: PackageKind, rows: Record<string, Row[]>): Map<string, Aggregate> {
  const result = new Map<string, Aggregate>();
  /** For each part table: the aggregate each of its rows belongs to. */
  const aggregateOf = new Map<string, Map<string, Aggregate>>();
  for (const table of tablesOf(kind)) {
    const owners = new Map<string, Aggregate>();
    aggregateOf.set(table.key, owners);
    for (const row of rows[table.key] ?? []) {
      const key = rowKey(table, row);
      if (!table.partOf) {
        const aggregate = { table, key, root: row, parts: {} };
        result.set(`${table.key}/${key}`, aggregate);
        owners.set(key, aggregate);
        continue;
      }
      const aggregate = aggregateOf.get(table.partOf.table)!.get(String(row[table.partOf.column]));
      if (!aggregate) continue; // a part whose record is not there cannot be compared; checks report it
      aggregate.parts[table.key] = [...(aggregate.parts[table.key] ?? []), row];
      owners.set(key, aggregate);
    }
  }
  return result;
}

/** Rows sorted as the database's are, so that parts compare regardless of the order a package lists them in. */
const inKeyOrder = (rows: Record<string, Row[]>) =>
  Object.fromEntries(Object.entries(rows).map(([key, tableRows]) => [key, sortedByKey(tableByKey.get(key)!, tableRows)]));

export const snapshot = (aggregate: Aggregate) => ({ ...aggregate.root, ...aggregate.parts });

/** A record with its parts as a short hash: what a package's `madeFrom` holds for each record. */
const fingerprint = (aggregate: Aggregate) =>
  createHash('sha256')
    .update(JSON.stringify(snapshot(aggregate)))
    .digest('base64url')
    .slice(0, 22);

/** A column's value or a part table's rows of a record, as `differences` compares them. */
const fieldValue = (aggregate: Aggregate, field: string): unknown =>
  tableByKey.get(field)?.partOf ? (aggregate.parts[field] ?? []) : (aggregate.root[field] ?? null);

/** The columns and part tables of a record. */
const fieldsOf = (table: TableSpec) => [
  ...columnsOf(table.model).map((column) => column.name),
  ...partTables.filter((part) => part.partOf!.table === table.key).map((part) => part.key),
];

const fieldPrint = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 8);

/**
 * The fingerprints of a package's records (its `madeFrom`), by aggregate id: the record's, then
 * each column's and part's ("contactId:Ab3x…"), so that a later import can tell which fields
 * the database changed since and which the package changed.
 */
export function fingerprints(kind: PackageKind, rows: Record<string, Row[]>): Record<string, string> {
  return Object.fromEntries(
    [...aggregates(kind, rows)].map(([id, aggregate]) => [
      id,
      [fingerprint(aggregate), ...fieldsOf(aggregate.table).map((field) => `${field}:${fieldPrint(fieldValue(aggregate, field))}`)].join(
        ' ',
      ),
    ]),
  );
}

/**
 * Of the fields in which the database's record and the package's differ: those the package
 * changed since it was made, and of them those the database changed too (by the fields'
 * fingerprints when it was made).
 */
function changedSince(old: Aggregate, aggregate: Aggregate, fields: string[], prints: Map<string, string>) {
  const byPackage = fields.filter((field) => fieldPrint(fieldValue(aggregate, field)) !== prints.get(field));
  const both = byPackage.filter((field) => fieldPrint(fieldValue(old, field)) !== prints.get(field));
  return { byPackage, both, byDatabase: fields.filter((field) => !byPackage.includes(field)) };
}

/** The database's record with the given fields as the package has them. */
function merged(old: Aggregate, aggregate: Aggregate, fields: string[]): Aggregate {
  const root = { ...old.root };
  const parts = { ...old.parts };
  for (const field of fields) {
    if (tableByKey.get(field)?.partOf) parts[field] = aggregate.parts[field] ?? [];
    else if (aggregate.root[field] === undefined) delete root[field];
    else root[field] = aggregate.root[field];
  }
  return { ...old, root, parts };
}

/** What people call a record in a conflict: the person of a contact, else its title or name. */
function nameOf(aggregate: Aggregate, stored: Map<string, Aggregate>): string {
  const { root } = aggregate;
  const person = root.personId === undefined ? undefined : stored.get(`persons/${String(root.personId)}`)?.root;
  const text = person
    ? [person.salutation, person.givenName, person.familyName].filter(Boolean).join(' ')
    : (root.title ?? root.name ?? root.germanName ?? root.label ?? root.printed);
  return typeof text === 'string' && text ? text : aggregate.key;
}

const fieldJson = (aggregate: Aggregate | undefined, field: string): string | null => {
  if (!aggregate) return null;
  const value = field in aggregate.root ? aggregate.root[field] : aggregate.parts[field];
  return value === undefined ? null : JSON.stringify(value);
};

const partTables = tables.filter((table) => table.partOf);
const differs = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);

/** The columns and part tables in which two versions of a record differ. */
function differences(before: Aggregate, after: Aggregate): string[] {
  return [
    ...columnsOf(before.table.model)
      .map((column) => column.name)
      .filter((column) => differs(before.root[column], after.root[column])),
    ...partTables.filter((table) => differs(before.parts[table.key] ?? [], after.parts[table.key] ?? [])).map((table) => table.key),
  ];
}

interface Plan {
  summary: ImportSummary;
  /** Records to write whole (added or changed), and those whose stored parts go first. */
  write: Aggregate[];
  replaceParts: Aggregate[];
  /** Records left out of the package: archived. */
  archive: Aggregate[];
  audit: AuditEntry[];
}

/** A district's version (the catalogue's, for null): the change-feed position of its last change, 0 for none. */
async function versionOf(tx: Tx, district: string | null): Promise<number> {
  const last = await tx.feedEvent.aggregate({ where: { districtId: district }, _max: { position: true } });
  return Number(last._max.position ?? 0n);
}

async function plan(tx: Tx, packages: Parsed[], problems: PackageProblems, now: Date, options: ImportOptions): Promise<Plan> {
  const result: Plan = {
    summary: {
      dryRun: !!options.dryRun,
      added: [],
      changed: [],
      archived: [],
      kept: [],
      unchanged: 0,
      newerInDatabase: [],
      conflicts: [],
      version: packages.length === 1 ? await versionOf(tx, packages[0]!.owner) : null,
    },
    write: [],
    replaceParts: [],
    archive: [],
    audit: [],
  };
  const overwrite = new Set((options.overwrite ?? []).map(({ entityType, key }) => `${tableByModel.get(entityType)?.key}/${key}`));
  for (const dataPackage of packages) {
    const stored = aggregates(dataPackage.kind, await ownedTables(tx, dataPackage.kind, dataPackage.owner));
    const given = aggregates(dataPackage.kind, inKeyOrder(dataPackage.tables));
    keepUndescribedParts(dataPackage.absent, stored, given);
    await checkKeysFree(tx, dataPackage, stored, problems);
    // What people call a record: by the package's version where it has one (a person it adds).
    const known = new Map([...stored, ...given]);
    const change = (old: Aggregate | undefined, aggregate: Aggregate | undefined, fields: string[] = []): RecordChange => {
      const record = (aggregate ?? old)!;
      return {
        entityType: record.table.model,
        key: record.key,
        district: dataPackage.owner,
        fields,
        name: nameOf(record, known),
        // A record the package leaves out is shown whole, as the database has it.
        values:
          old && !aggregate
            ? [{ field: 'record', database: JSON.stringify(snapshot(old)), package: null }]
            : fields.map((field) => ({ field, database: fieldJson(old, field), package: fieldJson(aggregate, field) })),
      };
    };
    const audit = (action: AuditEntry['action'], aggregate: Aggregate, before?: Aggregate, after?: Row) =>
      result.audit.push({
        action,
        entityType: aggregate.table.model,
        entityId: aggregate.key,
        districtId: dataPackage.owner,
        before: before && snapshot(before),
        after,
      });
    /**
     * What of the package's version to write, where the database's record changed after the
     * package was made: a field only the package changed is written, a field only the database
     * changed stays (newerInDatabase), a field both changed is a conflict the editor settles
     * (`overwrite`). A package whose `madeFrom` names only records, not fields, settles whole records.
     */
    const reconcile = (id: string, old: Aggregate, aggregate: Aggregate, fields: string[]) => {
      const [base, ...prints] = dataPackage.madeFrom?.get(id)?.split(' ') ?? [];
      if (!dataPackage.madeFrom || base === fingerprint(old)) return { aggregate, fields };
      if (base !== undefined && fingerprint(aggregate) === base) {
        result.summary.newerInDatabase.push(change(old, aggregate, fields));
        return undefined;
      }
      if (!prints.length) {
        if (overwrite.has(id)) return { aggregate, fields };
        result.summary.conflicts.push(change(old, aggregate, fields));
        return undefined;
      }
      const fieldPrints = new Map(prints.map((print) => print.split(':') as [string, string]));
      const { byPackage, both, byDatabase } = changedSince(old, aggregate, fields, fieldPrints);
      if (byDatabase.length) result.summary.newerInDatabase.push(change(old, aggregate, byDatabase));
      const settled = overwrite.has(id) ? [] : both;
      if (settled.length) result.summary.conflicts.push(change(old, aggregate, settled));
      const taken = byPackage.filter((field) => !settled.includes(field));
      return taken.length ? { aggregate: merged(old, aggregate, taken), fields: taken } : undefined;
    };
    /** Whether a record the package leaves out stays: added or changed in the database since the package was made. */
    const keptByDatabase = (id: string, old: Aggregate) => {
      const base = dataPackage.madeFrom?.get(id)?.split(' ')[0];
      if (!dataPackage.madeFrom || base === fingerprint(old) || (base !== undefined && overwrite.has(id))) return false;
      result.summary[base === undefined ? 'newerInDatabase' : 'conflicts'].push(change(old, undefined, ['archivedAt']));
      return true;
    };
    for (const [id, aggregate] of given) {
      const old = stored.get(id);
      if (!old) {
        result.summary.added.push(change(undefined, aggregate));
        result.write.push(aggregate);
        audit('CREATE', aggregate, undefined, snapshot(aggregate));
        continue;
      }
      const fields = differences(old, aggregate);
      if (!fields.length) {
        result.summary.unchanged += 1;
        continue;
      }
      const written = reconcile(id, old, aggregate, fields);
      if (!written) continue;
      const archiving = !old.root.archivedAt && !!written.aggregate.root.archivedAt;
      result.summary[archiving ? 'archived' : 'changed'].push(change(old, written.aggregate, written.fields));
      result.write.push(written.aggregate);
      result.replaceParts.push(old);
      audit(archiving ? 'ARCHIVE' : 'UPDATE', written.aggregate, old, snapshot(written.aggregate));
    }
    for (const [id, old] of stored) {
      if (given.has(id) || old.root.archivedAt || dataPackage.absent.has(old.table.key)) continue;
      if (!hasColumn(old.table.model, 'archivedAt')) {
        // It cannot be archived without losing what refers to it (an editorial source, a town):
        // it stays, and the summary says so.
        result.summary.kept.push(change(old, old));
        continue;
      }
      if (keptByDatabase(id, old)) continue;
      result.summary.archived.push(change(old, undefined, ['archivedAt']));
      result.archive.push(old);
      audit('ARCHIVE', old, old, { ...snapshot(old), archivedAt: now.toISOString() });
    }
  }
  return result;
}

/** A record's parts in tables the package leaves out stay as stored. */
function keepUndescribedParts(absent: Set<string>, stored: Map<string, Aggregate>, given: Map<string, Aggregate>) {
  if (!absent.size) return;
  for (const [id, aggregate] of given) {
    const old = stored.get(id);
    for (const table of absent) if (old?.parts[table]) aggregate.parts[table] = old.parts[table];
  }
}

/** A new key of a package must not be taken by a record that another package owns. */
async function checkKeysFree(tx: Tx, dataPackage: Parsed, stored: Map<string, Aggregate>, problems: PackageProblems) {
  const storedKeys = new Set<string>();
  for (const aggregate of stored.values()) {
    storedKeys.add(`${aggregate.table.key}/${aggregate.key}`);
    for (const [table, rows] of Object.entries(aggregate.parts))
      for (const row of rows) storedKeys.add(`${table}/${rowKey(tableByKey.get(table)!, row)}`);
  }
  for (const table of tablesOf(dataPackage.kind)) {
    if (table.keyColumns) continue; // keyed by the records it links, which are checked
    const rows = dataPackage.tables[table.key]!;
    const fresh = rows.map((row, position) => ({ id: String(row.id), position })).filter(({ id }) => !storedKeys.has(`${table.key}/${id}`));
    if (!fresh.length) continue;
    const taken = new Set(
      (await genericDelegate(tx, table.model).findMany({ where: { id: { in: fresh.map(({ id }) => id) } }, select: { id: true } })).map(
        (row) => row.id,
      ),
    );
    for (const { id, position } of fresh) {
      if (taken.has(id))
        problems.addIn(
          dataPackage.label,
          rowPath(table, position, 'id'),
          packageProblem(`"${id}" is a record of ${dataPackage.owner ? 'another district or of the catalogue' : 'a district'}`),
        );
    }
  }
}

// ------------------------------------------------------------------ writing

async function apply({ tx, now }: Write, work: Plan, options: ImportOptions) {
  const inReverse = [...writeSteps].reverse();
  for (const { table } of inReverse) {
    if (!table.partOf) continue;
    const stale = work.replaceParts.flatMap((aggregate) => aggregate.parts[table.key] ?? []);
    if (stale.length) await genericDelegate(tx, table.model).deleteMany({ where: { OR: stale.map((row) => keyWhere(table, row)) } });
  }
  const total = writeSteps.length;
  for (const [done, { table, takes }] of writeSteps.entries()) {
    const rows = work.write.flatMap((aggregate) =>
      table.partOf ? (aggregate.parts[table.key] ?? []) : aggregate.table === table ? [aggregate.root] : [],
    );
    const changedKeys = new Set(work.replaceParts.filter((aggregate) => aggregate.table === table).map((aggregate) => aggregate.key));
    const ofStep = rows.filter(takes);
    const creating = ofStep.filter((row) => !changedKeys.has(rowKey(table, row)));
    await bulkInsert(
      tx,
      table.model,
      creating.map((row) => databaseRow(table, row)),
      now,
    );
    for (const row of ofStep.filter((candidate) => changedKeys.has(rowKey(table, candidate)))) {
      const { id, ...columns } = databaseRow(table, row);
      await genericDelegate(tx, table.model).updateMany({ where: { id }, data: { ...columns, ...versionBump(table) } });
    }
    options.onProgress?.(table.key, done + 1, total);
  }
  for (const aggregate of work.archive) {
    await genericDelegate(tx, aggregate.table.model).updateMany({
      where: { id: aggregate.key },
      data: { archivedAt: now, ...versionBump(aggregate.table) },
    });
  }
}

const versionBump = (table: TableSpec) => (hasColumn(table.model, 'version') ? { version: { increment: 1 } } : {});

const keyWhere = (table: TableSpec, row: Row) => Object.fromEntries((table.keyColumns ?? ['id']).map((column) => [column, row[column]]));

/** Unique and foreign-key violations: as Prisma reports them, and as raw statements (bulk inserts) do. */
const refusalCodes = new Set(['P2002', 'P2003']);
const refusalSqlStates = new Set(['23505', '23503']);

/** Database refusals that the checks above do not foresee (a second town of the same name …), as problems. */
export function asProblem(error: unknown): never {
  const { code, meta } = error as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  const sqlState = meta?.driverAdapterError?.cause?.originalCode;
  if ((code && refusalCodes.has(code)) || (sqlState && refusalSqlStates.has(sqlState))) {
    const lastLine = (error as Error).message.split('\n').filter(Boolean).at(-1) ?? '';
    const reason = /Message: `(.*)`/.exec(lastLine)?.[1] ?? lastLine;
    throw new ValidationError([{ path: '$', ...packageProblem(`The database refused the package: ${reason}`) }]);
  }
  throw error;
}

/**
 * Validates packages, compares them with the database and — unless a dry run — applies the
 * difference, in a write the caller holds (alone: the data lock held exclusively).
 */
export async function importWithin(write: Write, inputs: PackageInput[], options: ImportOptions): Promise<ImportSummary> {
  const { tx } = write;
  const problems = new PackageProblems();
  const packages = parse(inputs, problems);
  const index = indexKeys(packages, problems);
  const pending: Pending[] = [];
  for (const dataPackage of packages) {
    checkRows(dataPackage, index, problems, pending);
    if (dataPackage.owner && !index.get('districts')?.has(dataPackage.owner)) {
      const districts = tableByKey.get('districts')!;
      pending.push({
        target: districts,
        catalogueOnly: false,
        key: dataPackage.owner,
        report: () =>
          problems.addIn(
            dataPackage.label,
            '$.district',
            said('NO_SUCH_DISTRICT', `"${dataPackage.owner}" is not a district in the catalogue`, { key: dataPackage.owner! }),
          ),
      });
    }
  }
  await settle(tx, pending);
  problems.throwIfAny();
  const work = await plan(tx, packages, problems, write.now, options);
  problems.throwIfAny();
  const expected = options.expectedVersion;
  if (expected != null && work.summary.version !== expected) throw new VersionConflictError(expected, work.summary.version ?? 0);
  if (!options.dryRun) {
    await apply(write, work, options);
    for (const entry of work.audit) write.audit(entry);
  }
  return work.summary;
}

/** An import's write: alone (see WriteOptions), with time for 20,000 offers. */
export const importWrite = { dataLock: 'exclusive', timeoutMs: 300_000 } as const;

/** Validates packages, compares them with the database and — unless a dry run — applies the difference in one write. */
export function importPackages(
  client: Database,
  inputs: PackageInput[],
  options: ImportOptions & { actor: Actor; now: Date },
): Promise<ImportSummary> {
  return write({ ...importWrite, client, actor: options.actor, now: options.now }, (handle) => importWithin(handle, inputs, options)).catch(
    asProblem,
  );
}
