// The comparison matrices: districts (rows) × a catalogue (columns: fields of action, tasks,
// funding programmes, roles, indicators), each cell with the records it comes from. The API and
// the spreadsheet exports read the same matrices. Every matrix is a few statements for all its
// districts, whatever their number.
//
// "As of" a date: districts that existed that day; concepts adopted by then (or not adopted at
// all); posts, fundings and values not archived by then; fundings whose period covers the day;
// contacts and indicator values valid that day.
import { isoDay, validOn } from '../common/history.js';
import { db } from '../db/client.js';
import type {
  District,
  FieldOfAction,
  FundingProgramme,
  Indicator,
  IndicatorValue,
  IntegrationConcept,
  Position,
  Prisma,
  Role,
  Source,
  Task,
} from '../generated/prisma/client.js';

/** The districts a comparison covers, on one day. */
export interface ComparedDistricts {
  asOf: Date;
  /** The districts compared, in order (state, then name). */
  districts: District[];
}

export interface MatrixRow<Cell> {
  district: District;
  /** Whether the graph holds any data of the matrix's kind for the district: without, its cells are unknown, not zero. */
  hasData: boolean;
  /** One per column, in the columns' order. */
  cells: Cell[];
}

export interface Matrix<Column, Cell> {
  columns: Column[];
  rows: MatrixRow<Cell>[];
}

const notArchivedOn = (asOf: Date) => ({ OR: [{ archivedAt: null }, { archivedAt: { gt: asOf } }] });

/** A partial date ("2023", "2023-05", "2023-05-01") compared with a day at its own precision. */
function periodCovers(start: string | null, end: string | null, day: Date): boolean {
  const iso = isoDay(day);
  return (start === null || start <= iso.slice(0, start.length)) && (end === null || end >= iso.slice(0, end.length));
}

function build<Column extends { id: string }, Item, Cell>(
  scope: ComparedDistricts,
  columns: Column[],
  items: Item[],
  districtOf: (item: Item) => string,
  cell: (column: Column, items: Item[]) => Cell,
  hasData: (items: Item[]) => boolean = (all) => all.length > 0,
): Matrix<Column, Cell> {
  const byDistrict = new Map<string, Item[]>();
  for (const item of items) {
    const list = byDistrict.get(districtOf(item));
    if (list) list.push(item);
    else byDistrict.set(districtOf(item), [item]);
  }
  return {
    columns,
    rows: scope.districts.map((district) => {
      const own = byDistrict.get(district.id) ?? [];
      return { district, hasData: hasData(own), cells: columns.map((column) => cell(column, own)) };
    }),
  };
}

const districtIds = (scope: ComparedDistricts) => scope.districts.map((district) => district.id);

// ------------------------------------------------------------------ fields of action

export interface FieldOfActionCell {
  fieldOfAction: FieldOfAction;
  /** Null: the district's concept does not name this field of action. */
  emphasis: string | null;
  label: string | null;
  concept: IntegrationConcept | null;
  source: Source | null;
}

type ConceptWithFields = IntegrationConcept & { fieldsOfAction: (Prisma.ConceptFieldOfActionGetPayload<object> & { source: Source })[] };

/** The concept a district is compared by: its newest adopted one, else its newest draft. */
function leadingConcept(concepts: ConceptWithFields[]): ConceptWithFields | undefined {
  const adopted = concepts.filter((concept) => concept.adoptedOn);
  const newest = (list: ConceptWithFields[], date: (concept: ConceptWithFields) => Date) =>
    [...list].sort((a, b) => date(b).getTime() - date(a).getTime() || a.id.localeCompare(b.id))[0];
  return newest(adopted, (concept) => concept.adoptedOn!) ?? newest(concepts, (concept) => concept.createdAt);
}

export async function fieldsOfActionMatrix(scope: ComparedDistricts): Promise<Matrix<FieldOfAction, FieldOfActionCell>> {
  const [columns, concepts] = await Promise.all([
    db().fieldOfAction.findMany({ orderBy: { id: 'asc' } }),
    db().integrationConcept.findMany({
      where: {
        districtId: { in: districtIds(scope) },
        ...notArchivedOn(scope.asOf),
        OR: [{ adoptedOn: null }, { adoptedOn: { lte: scope.asOf } }],
      },
      include: { fieldsOfAction: { include: { source: true } } },
      relationLoadStrategy: 'join',
    }),
  ]);
  const leading = new Map<string, ConceptWithFields>();
  for (const district of scope.districts) {
    const concept = leadingConcept(concepts.filter((candidate) => candidate.districtId === district.id));
    if (concept) leading.set(district.id, concept);
  }
  return build(
    scope,
    columns,
    [...leading.values()],
    (concept) => concept.districtId,
    (fieldOfAction, [concept]) => {
      const named = concept?.fieldsOfAction.find((field) => field.fieldOfActionId === fieldOfAction.id);
      return {
        fieldOfAction,
        emphasis: named?.emphasis ?? null,
        label: named?.label ?? null,
        concept: concept ?? null,
        source: named?.source ?? null,
      };
    },
  );
}

// ------------------------------------------------------------------ tasks

export interface TaskCell {
  task: Task;
  positions: Position[];
  /** The wordings of the task in the posts' descriptions, as printed. */
  wordings: string[];
  sources: Source[];
}

export async function tasksMatrix(scope: ComparedDistricts): Promise<Matrix<Task, TaskCell>> {
  const [columns, positions] = await Promise.all([
    db().task.findMany({ orderBy: { id: 'asc' } }),
    db().position.findMany({
      where: { districtId: { in: districtIds(scope) }, ...notArchivedOn(scope.asOf) },
      include: { tasks: { include: { source: true } } },
      relationLoadStrategy: 'join',
      orderBy: { id: 'asc' },
    }),
  ]);
  return build(
    scope,
    columns,
    positions,
    (position) => position.districtId,
    (task, own) => {
      const withTask = own.flatMap((position) =>
        position.tasks.filter((item) => item.taskId === task.id).map((item) => ({ position, item })),
      );
      return {
        task,
        positions: withTask.map(({ position }) => position),
        wordings: withTask.map(({ item }) => item.wording),
        sources: uniqueSources(withTask.map(({ item }) => item.source)),
      };
    },
  );
}

function uniqueSources(sources: Source[]): Source[] {
  return [...new Map(sources.map((source) => [source.id, source])).values()];
}

// ------------------------------------------------------------------ funding programmes

type FundingWithParts = Prisma.FundingGetPayload<{ include: { source: true } }>;

export interface ProgrammeCell {
  programme: FundingProgramme;
  fundings: FundingWithParts[];
  /** Posts (Stellen) funded by the programme. */
  positionCount: number;
  projectCount: number;
  sharePercents: number[];
  periodStart: string | null;
  periodEnd: string | null;
  sources: Source[];
}

export async function programmesMatrix(scope: ComparedDistricts): Promise<Matrix<FundingProgramme, ProgrammeCell>> {
  const [columns, fundings, anyFunding] = await Promise.all([
    db().fundingProgramme.findMany({ orderBy: { id: 'asc' } }),
    db().funding.findMany({
      where: { districtId: { in: districtIds(scope) }, ...notArchivedOn(scope.asOf) },
      include: { source: true },
      orderBy: { id: 'asc' },
      relationLoadStrategy: 'join',
    }),
    db().funding.groupBy({ by: ['districtId'], where: { districtId: { in: districtIds(scope) } } }),
  ]);
  const current = fundings.filter((funding) => periodCovers(funding.periodStart, funding.periodEnd, scope.asOf));
  const withFundings = new Set(anyFunding.map((group) => group.districtId));
  const matrix = build(
    scope,
    columns,
    current,
    (funding) => funding.districtId,
    (programme, own) => {
      const ofProgramme = own.filter((funding) => funding.programmeId === programme.id);
      const starts = ofProgramme.map((funding) => funding.periodStart).filter((start): start is string => start !== null);
      const ends = ofProgramme.map((funding) => funding.periodEnd).filter((end): end is string => end !== null);
      return {
        programme,
        fundings: ofProgramme,
        positionCount: new Set(ofProgramme.map((funding) => funding.positionId).filter(Boolean)).size,
        projectCount: new Set(ofProgramme.map((funding) => funding.projectId).filter(Boolean)).size,
        sharePercents: ofProgramme
          .map((funding) => funding.sharePercent?.toNumber())
          .filter((share): share is number => share !== undefined),
        periodStart: starts.sort()[0] ?? null,
        periodEnd: ends.sort().at(-1) ?? null,
        sources: uniqueSources(ofProgramme.map((funding) => funding.source)),
      };
    },
  );
  // A district with fundings in the graph, none of them current that day, has data: its cells are real zeros.
  for (const row of matrix.rows) row.hasData = withFundings.has(row.district.id);
  return matrix;
}

// ------------------------------------------------------------------ roles

type PositionWithContacts = Prisma.PositionGetPayload<{ include: { source: true; contacts: true } }>;

export interface RoleCell {
  role: Role;
  positions: Position[];
  /** Whether a post of the role is held by a named person that day; null when the graph holds no posts of the district. */
  filled: boolean | null;
  /** Whether a post of the role has a contact that day, a named person or not (an office's address); null as for `filled`. */
  withContact: boolean | null;
  /** Since when (the earliest start among the people holding such posts, or the post's own date), as a partial date. */
  filledSince: string | null;
  sources: Source[];
}

export async function rolesMatrix(scope: ComparedDistricts): Promise<Matrix<Role, RoleCell>> {
  const [columns, positions] = await Promise.all([
    db().role.findMany({ orderBy: { id: 'asc' } }),
    db().position.findMany({
      where: { districtId: { in: districtIds(scope) }, ...notArchivedOn(scope.asOf) },
      include: { source: true, contacts: { where: { ...notArchivedOn(scope.asOf), ...validOn(scope.asOf) } } },
      relationLoadStrategy: 'join',
      orderBy: { id: 'asc' },
    }),
  ]);
  return build(
    scope,
    columns,
    positions,
    (position) => position.districtId,
    (role, own) => {
      const ofRole = own.filter((position) => position.roleId === role.id);
      const held = ofRole.filter((position) => position.contacts.some((contact) => contact.personId !== null));
      const reachable = ofRole.some((position) => position.contacts.length > 0);
      return {
        role,
        positions: ofRole,
        filled: own.length ? held.length > 0 : null,
        withContact: own.length ? reachable : null,
        filledSince: earliest(held.flatMap(startsOf)),
        sources: uniqueSources(ofRole.map((position) => position.source)),
      };
    },
  );
}

function startsOf(position: PositionWithContacts): string[] {
  const stated = position.contacts
    .filter((contact) => contact.personId !== null && contact.validFrom)
    .map((contact) => isoDay(contact.validFrom!));
  return stated.length ? stated : position.since ? [position.since] : [];
}

const earliest = (dates: string[]) => [...dates].sort()[0] ?? null;

// ------------------------------------------------------------------ indicators

export interface IndicatorCell {
  indicator: Indicator;
  /** The value valid that day; null when the graph holds none. */
  value: (IndicatorValue & { source: Source }) | null;
}

export async function indicatorsMatrix(scope: ComparedDistricts): Promise<Matrix<Indicator, IndicatorCell>> {
  const [columns, values] = await Promise.all([
    db().indicator.findMany({ orderBy: { id: 'asc' } }),
    db().indicatorValue.findMany({
      where: { districtId: { in: districtIds(scope) }, ...notArchivedOn(scope.asOf), ...validOn(scope.asOf) },
      include: { source: true },
      orderBy: [{ validFrom: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
      relationLoadStrategy: 'join',
    }),
  ]);
  return build(
    scope,
    columns,
    values,
    (value) => value.districtId!,
    (indicator, own) => ({
      indicator,
      value: own.find((value) => value.indicatorId === indicator.id) ?? null,
    }),
  );
}

export interface DistrictSeries {
  district: District;
  values: (IndicatorValue & { source: Source })[];
}

/** An indicator's values per district over time (every value recorded, oldest first). */
export async function indicatorSeries(scope: ComparedDistricts, indicatorId: string): Promise<DistrictSeries[]> {
  const values = await db().indicatorValue.findMany({
    where: { indicatorId, districtId: { in: districtIds(scope) }, archivedAt: null },
    include: { source: true },
    orderBy: { id: 'asc' },
    relationLoadStrategy: 'join',
  });
  // A value's time is its reference date where the source gives one, else the day it became current.
  const time = (value: (typeof values)[number]) => (value.referenceDate ?? value.validFrom)?.getTime() ?? Number.NEGATIVE_INFINITY;
  values.sort((a, b) => time(a) - time(b));
  return scope.districts.map((district) => ({ district, values: values.filter((value) => value.districtId === district.id) }));
}
