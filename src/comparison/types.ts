// Comparing districts in one request (state ministries): matrices of districts × fields of action,
// tasks, funding programmes, roles and indicators, an indicator's time series, aggregates per
// state, and links to the same data as spreadsheets. Every cell names the records it comes from.

import { asOfDescription } from '../common/history.js';
import { FieldOfAction, IntegrationConcept } from '../concepts/types.js';
import { District } from '../districts/types.js';
import { comparisonScopeQuery, exportLink } from '../exports/formats.js';
import { Funding, FundingProgramme } from '../funding/types.js';
import type { Position as PositionRecord, Source as SourceRecord } from '../generated/prisma/client.js';
import { FieldEmphasis } from '../generated/prisma/enums.js';
import { builder } from '../graphql/builder.js';
import { Indicator, IndicatorValue } from '../indicators/types.js';
import { officialListSource } from '../places/reference.js';
import { Position, Role, Task } from '../positions/types.js';
import { Source } from '../sources/types.js';
import { State, StateCode } from '../states/types.js';
import { type StateFigures, stateAggregates } from './aggregates.js';
import { exportDatasets } from './datasets.js';
import {
  type DistrictSeries,
  type FieldOfActionCell as FieldOfActionCellShape,
  fieldsOfActionMatrix,
  type IndicatorCell as IndicatorCellShape,
  indicatorSeries,
  indicatorsMatrix,
  type Matrix,
  type MatrixRow,
  type ProgrammeCell as ProgrammeCellShape,
  programmesMatrix,
  type RoleCell as RoleCellShape,
  rolesMatrix,
  type TaskCell as TaskCellShape,
  tasksMatrix,
} from './matrices.js';
import { type Comparison, comparisonScope, once } from './scope.js';

/** Rows a comparison can have: every district of both states, and the former ones. */
const maxComparedDistricts = 40;

/** The catalogues that are a matrix's columns. */
type ColumnRef = typeof FieldOfAction | typeof Task | typeof FundingProgramme | typeof Role | typeof Indicator;

function matrixType<Column, Cell>(
  name: string,
  options: { columnType: ColumnRef; columns: number; cellType: ReturnType<typeof builder.objectRef<Cell>>; description: string },
) {
  const RowType = builder.objectRef<MatrixRow<Cell>>(`${name}Row`).implement({
    description: `One district’s row of the ${options.description} matrix.`,
    fields: (t) => ({
      district: t.field({ type: District, description: 'The district of the row.', resolve: (row) => row.district }),
      hasData: t.exposeBoolean('hasData', {
        description: 'Whether the graph holds data of this kind for the district. Without, the cells say nothing (null, empty) — not zero.',
      }),
      cells: t.field({
        type: [options.cellType],
        description: 'One cell per column, in the order of `columns`.',
        resolve: (row) => row.cells,
        complexity: { multiplier: options.columns },
      }),
    }),
  });
  return builder.objectRef<Matrix<Column, Cell>>(`${name}Matrix`).implement({
    description: `Districts × ${options.description}.`,
    fields: (t) => ({
      columns: t.field({
        type: [options.columnType],
        description: 'The catalogue the columns stand for, by key.',
        resolve: (matrix) => matrix.columns as never,
        complexity: { multiplier: options.columns },
      }),
      rows: t.field({
        type: [RowType],
        description: 'One row per district compared.',
        resolve: (matrix) => matrix.rows,
        complexity: { multiplier: maxComparedDistricts },
      }),
    }),
  });
}

// Cells. Their records are the Prisma records; their fields resolve like anywhere else.

// What cells share, defined once: the pages their facts come from, and (tasks, roles) the posts.
const CitedCell = builder.interfaceRef<{ sources: SourceRecord[] }>('CitedCell').implement({
  description: 'A matrix cell built from records of the graph, with the pages their facts are taken from.',
  fields: (t) => ({
    sources: t.field({
      type: [Source],
      description: 'The pages the cell’s facts are taken from.',
      resolve: (cell) => cell.sources,
      complexity: { multiplier: 3 },
    }),
  }),
});

const PostsCell = builder.interfaceRef<{ positions: PositionRecord[] }>('PostsCell').implement({
  description: 'A matrix cell that stands for posts (Stellen) of the district.',
  fields: (t) => ({
    positionCount: t.int({ description: 'How many posts.', resolve: (cell) => cell.positions.length }),
    positions: t.field({
      type: [Position],
      description: 'The posts (Stellen).',
      resolve: (cell) => cell.positions,
      complexity: { multiplier: 5 },
    }),
  }),
});

const FieldOfActionCell = builder.objectRef<FieldOfActionCellShape>('FieldOfActionCell');
FieldOfActionCell.implement({
  description: 'Whether and how a district’s integration concept names a field of action (Handlungsfeld).',
  fields: (t) => ({
    fieldOfAction: t.field({ type: FieldOfAction, description: 'The column’s field of action.', resolve: (cell) => cell.fieldOfAction }),
    emphasis: t.field({
      type: FieldEmphasis,
      nullable: true,
      description: 'How the concept names it; null when the concept does not name it (or the district has no concept in the graph).',
      resolve: (cell) => cell.emphasis as FieldEmphasis | null,
    }),
    label: t.exposeString('label', { nullable: true, description: 'The concept’s own wording of the field, as printed.' }),
    concept: t.field({
      type: IntegrationConcept,
      nullable: true,
      description: 'The concept the district is compared by: its newest adopted one by the day, else its newest draft.',
      resolve: (cell) => cell.concept,
    }),
    source: t.field({ type: Source, nullable: true, description: 'Where the concept names the field.', resolve: (cell) => cell.source }),
  }),
});

const TaskCell = builder.objectRef<TaskCellShape>('TaskCell');
TaskCell.implement({
  description: 'The district’s posts that carry a task of the catalogue.',
  interfaces: [CitedCell, PostsCell],
  fields: (t) => ({
    task: t.field({ type: Task, description: 'The column’s catalogue task.', resolve: (cell) => cell.task }),
    wordings: t.exposeStringList('wordings', { description: 'The task as each post’s description words it, as printed.' }),
  }),
});

const ProgrammeCell = builder.objectRef<ProgrammeCellShape>('ProgrammeCell');
ProgrammeCell.implement({
  interfaces: [CitedCell],
  description: 'What a funding programme (Förderprogramm) funds in the district on the day compared.',
  fields: (t) => ({
    programme: t.field({ type: FundingProgramme, description: 'The column’s funding programme.', resolve: (cell) => cell.programme }),
    positionCount: t.exposeInt('positionCount', { description: 'Posts (Stellen) funded by the programme.' }),
    projectCount: t.exposeInt('projectCount', { description: 'Projects funded by the programme.' }),
    sharePercents: t.exposeFloatList('sharePercents', { description: 'The funding shares (percent) the sources state, one per funding.' }),
    periodStart: t.field({
      type: 'PartialDate',
      nullable: true,
      description: 'The earliest start of the fundings.',
      resolve: (cell) => cell.periodStart,
    }),
    periodEnd: t.field({
      type: 'PartialDate',
      nullable: true,
      description: 'The latest end of the fundings.',
      resolve: (cell) => cell.periodEnd,
    }),
    fundings: t.field({
      type: [Funding],
      description: 'The fundings (Förderungen) of the programme.',
      resolve: (cell) => cell.fundings,
      complexity: { multiplier: 5 },
    }),
  }),
});

const RoleCell = builder.objectRef<RoleCellShape>('RoleCell');
RoleCell.implement({
  description: 'The district’s posts of a role (Integrationskoordination, Integrationslotse …) and whether one is filled.',
  interfaces: [CitedCell, PostsCell],
  fields: (t) => ({
    role: t.field({ type: Role, description: 'The column’s role.', resolve: (cell) => cell.role }),
    filled: t.exposeBoolean('filled', {
      nullable: true,
      description: 'Whether a post of the role is held by a named person that day; null when the graph holds no posts of the district.',
    }),
    withContact: t.exposeBoolean('withContact', {
      nullable: true,
      description:
        'Whether a post of the role has a contact that day, a named person or not (a post the page gives only an address or a phone number for); null when the graph holds no posts of the district.',
    }),
    filledSince: t.field({
      type: 'PartialDate',
      nullable: true,
      description: 'Since when: the earliest start of the people holding such posts, else the post’s own date, where the sources say.',
      resolve: (cell) => cell.filledSince,
    }),
  }),
});

const IndicatorCell = builder.objectRef<IndicatorCellShape>('IndicatorCell');
IndicatorCell.implement({
  description: 'A district’s value of an indicator (Kennzahl) valid on the day compared, with its reference date and source.',
  fields: (t) => ({
    indicator: t.field({ type: Indicator, description: 'The column’s indicator.', resolve: (cell) => cell.indicator }),
    value: t.field({
      type: IndicatorValue,
      nullable: true,
      description: 'Null when the graph holds no value.',
      resolve: (cell) => cell.value,
    }),
  }),
});

const FieldOfActionMatrix = matrixType('FieldOfAction', {
  columnType: FieldOfAction,
  columns: 15,
  cellType: FieldOfActionCell,
  description: 'fields of action (Handlungsfelder) of their integration concepts',
});
const TaskMatrix = matrixType('Task', { columnType: Task, columns: 30, cellType: TaskCell, description: 'catalogue tasks of their posts' });
const ProgrammeMatrix = matrixType('Programme', {
  columnType: FundingProgramme,
  columns: 10,
  cellType: ProgrammeCell,
  description: 'funding programmes',
});
const RoleMatrix = matrixType('Role', { columnType: Role, columns: 10, cellType: RoleCell, description: 'roles of their posts' });
const IndicatorMatrix = matrixType('Indicator', {
  columnType: Indicator,
  columns: 10,
  cellType: IndicatorCell,
  description: 'indicators (latest value on the day)',
});

const IndicatorSeries = builder.objectRef<DistrictSeries>('IndicatorSeries').implement({
  description: 'A district’s values of one indicator over time.',
  fields: (t) => ({
    district: t.field({ type: District, description: 'The district of the series.', resolve: (series) => series.district }),
    values: t.field({
      type: [IndicatorValue],
      description: 'Every value recorded, oldest first (by reference date).',
      resolve: (series) => series.values,
      complexity: { multiplier: 20 },
    }),
  }),
});

const countType = <Key>(name: string, keyType: ColumnRef, description: string) =>
  builder.objectRef<{ key: Key; districts: number }>(name).implement({
    description,
    fields: (t) => ({
      item: t.field({ type: keyType, description: 'What is counted.', resolve: (count) => count.key as never }),
      districts: t.exposeInt('districts', { description: 'Districts of the state for which it holds.' }),
    }),
  });
const RoleCount = countType('RoleCount', Role, 'How many districts of a state have a filled post of a role.');
const ProgrammeCount = countType('ProgrammeCount', FundingProgramme, 'How many districts of a state have fundings of a programme.');

const StateAggregate = builder.objectRef<StateFigures>('StateAggregate').implement({
  description: 'One state’s districts in numbers, on the day compared: Thüringen and Sachsen side by side.',
  fields: (t) => ({
    state: t.field({ type: State, description: 'The state.', resolve: (aggregate) => aggregate.state }),
    districts: t.exposeInt('districts', { description: 'Districts compared.' }),
    districtsWithData: t.exposeInt('districtsWithData', {
      description: 'Districts of which the graph holds a concept, posts, fundings or indicator values.',
    }),
    districtsWithConcept: t.exposeInt('districtsWithConcept', { description: 'Districts with an integration concept in the graph.' }),
    districtsWithAdoptedConcept: t.exposeInt('districtsWithAdoptedConcept', {
      description: 'Districts whose integration concept was adopted (beschlossen) by the day compared.',
    }),
    filledRoles: t.field({
      type: [RoleCount],
      description: 'Per role: districts with a filled post of it.',
      resolve: (aggregate) => aggregate.filledRoles,
      complexity: { multiplier: 10 },
    }),
    programmes: t.field({
      type: [ProgrammeCount],
      description: 'Per programme: districts with current fundings of it.',
      resolve: (aggregate) => aggregate.programmes,
      complexity: { multiplier: 10 },
    }),
  }),
});

const ExportLink = builder.objectRef<{ dataset: string; csv: string; xlsx: string }>('ExportLink').implement({
  description: 'A dataset of the comparison as a spreadsheet: CSV (RFC 4180, UTF-8 with BOM) or Excel workbook.',
  fields: (t) => ({
    dataset: t.exposeString('dataset', { description: 'Which data: districts, fields-of-action, tasks, programmes, roles, indicators.' }),
    csv: t.exposeString('csv', { description: 'Address of the CSV file (add `delimiter=comma`, `lang=en` as you need).' }),
    xlsx: t.exposeString('xlsx', { description: 'Address of the Excel workbook.' }),
  }),
});

const ComparisonType = builder.objectRef<Comparison>('Comparison').implement({
  description:
    'Districts side by side on one day. Cells whose district has no data of the kind in the graph are empty (see `hasData`), never zero. Sources: each cell’s; the districts’ official facts: BKG (see `attribution`).',
  fields: (t) => ({
    asOf: t.field({ type: 'Date', description: 'The day compared.', resolve: (comparison) => comparison.asOf }),
    districts: t.field({
      type: [District],
      description: 'The districts compared (rows of every matrix), by state and name.',
      resolve: (comparison) => comparison.districts,
      complexity: { multiplier: maxComparedDistricts },
    }),
    fieldsOfAction: t.field({
      type: FieldOfActionMatrix,
      description: 'District × field of action (Handlungsfeld) of the district’s integration concept, with its emphasis.',
      resolve: (comparison) => once(comparison, 'fieldsOfAction', () => fieldsOfActionMatrix(comparison)),
    }),
    tasks: t.field({
      type: TaskMatrix,
      description: 'District × catalogue task: which posts carry it.',
      resolve: (comparison) => once(comparison, 'tasks', () => tasksMatrix(comparison)),
    }),
    programmes: t.field({
      type: ProgrammeMatrix,
      description: 'District × funding programme: funded posts and projects, shares and periods.',
      resolve: (comparison) => once(comparison, 'programmes', () => programmesMatrix(comparison)),
    }),
    roles: t.field({
      type: RoleMatrix,
      description: 'District × role: whether a post of the role is filled, and since when.',
      resolve: (comparison) => once(comparison, 'roles', () => rolesMatrix(comparison)),
    }),
    indicators: t.field({
      type: IndicatorMatrix,
      description: 'District × indicator: the value valid on the day, with reference date and source.',
      resolve: (comparison) => once(comparison, 'indicators', () => indicatorsMatrix(comparison)),
    }),
    indicatorSeries: t.field({
      type: [IndicatorSeries],
      description: 'One indicator’s values per district over time (all recorded values, whatever `asOf`).',
      args: { indicator: t.arg.string({ required: true, description: 'The indicator’s key, e.g. "population-migration-background".' }) },
      resolve: (comparison, { indicator }) => indicatorSeries(comparison, indicator),
      complexity: { multiplier: maxComparedDistricts },
    }),
    states: t.field({
      type: [StateAggregate],
      description: 'Aggregates per state of the districts compared.',
      resolve: (comparison) => stateAggregates(comparison),
      complexity: { multiplier: 2 },
    }),
    attribution: t.string({
      description: 'The attribution the official list of districts requires wherever they are shown.',
      resolve: async () => (await officialListSource())?.attribution ?? '',
    }),
    exports: t.field({
      type: [ExportLink],
      description: 'The same data for spreadsheets: one dataset per matrix, and the district list with coverage.',
      resolve: (comparison, _args, context) => {
        const scope = comparisonScopeQuery(comparison);
        return exportDatasets.map((dataset) => ({
          dataset,
          csv: exportLink(context.origin, 'comparisonCsv', { dataset }, scope),
          xlsx: exportLink(context.origin, 'comparisonXlsx', { dataset }, scope),
        }));
      },
      complexity: { multiplier: exportDatasets.length },
    }),
  }),
});

builder.queryField('comparison', (t) =>
  t.field({
    type: ComparisonType,
    description:
      'Districts side by side (for state ministries): a state’s, a list of districts’, or all, on one day. Matrices, time series, aggregates per state and spreadsheet exports.',
    args: {
      state: t.arg({ type: StateCode, description: 'Only the districts of this state.' }),
      districts: t.arg.stringList({
        description: 'Only these districts, each by the key of any place in it (AGS of the district or a municipality, or ARS).',
      }),
      asOf: t.arg({ type: 'Date', description: asOfDescription }),
    },
    resolve: (_root, args, context) => comparisonScope(args, context.now),
  }),
);
