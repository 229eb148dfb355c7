// A ministry compares its districts in one request: matrices whose cells name their sources,
// districts without data shown as unknown (never zero), a day in the past, a time series,
// Thüringen and Sachsen side by side, and a cost that lets a whole state through.
import { describe, expect, test } from 'vitest';
import { editingServer, mutationResult } from '../support/editing.js';

const editing = editingServer();

async function comparison(selection: string, args = 'state: TH') {
  const { data, errors } = await editing.server.graphql(`{ comparison${args ? `(${args})` : ''} { ${selection} } }`);
  expect(errors).toBeUndefined();
  return data.comparison;
}

type Row = { district: { ags: string }; hasData: boolean; cells: Record<string, unknown>[] };
const rowOf = (matrix: { rows: Row[] }, ags: string) => matrix.rows.find((row) => row.district.ags === ags)!;
const cellOf = (matrix: { columns: { key: string }[]; rows: Row[] }, ags: string, key: string) =>
  rowOf(matrix, ags).cells[matrix.columns.findIndex((column) => column.key === key)]!;

describe('matrices of a whole state', () => {
  test('district × field of action: the concept’s emphasis and wording, with the page it is printed on', async () => {
    const { fieldsOfAction } = await comparison(
      'fieldsOfAction { columns { key } rows { district { ags } hasData cells { emphasis label concept { title } source { title } } } }',
    );
    expect(fieldsOfAction.rows).toHaveLength(22);
    expect(cellOf(fieldsOfAction, '16066', 'children-family')).toMatchObject({ emphasis: 'FIELD_OF_ACTION', label: 'Kinder und Familie' });
    expect(cellOf(fieldsOfAction, '16065', 'education')).toMatchObject({ emphasis: 'FIELD_OF_ACTION', label: 'Bildung' });
    expect(cellOf(fieldsOfAction, '16065', 'housing')).toMatchObject({ emphasis: null, label: null, source: null });
    expect((cellOf(fieldsOfAction, '16065', 'education').source as { title: string }).title).toBeTruthy();
    // Erfurt: nothing in the graph — said so, every cell empty.
    const erfurt = rowOf(fieldsOfAction, '16051');
    expect(erfurt.hasData).toBe(false);
    expect(erfurt.cells.every((cell) => cell.emphasis === null && cell.concept === null)).toBe(true);
  });

  test('district × role: filled and since when; unknown (null) where the graph holds no posts', async () => {
    const { roles } = await comparison(
      'roles { columns { key } rows { district { ags } hasData cells { filled filledSince positionCount sources { id } } } }',
    );
    expect(cellOf(roles, '16066', 'integration-manager')).toMatchObject({ filled: true, filledSince: '2021-12-01', positionCount: 1 });
    expect(cellOf(roles, '16066', 'integration-guide')).toMatchObject({ filled: false, positionCount: 0 });
    expect(rowOf(roles, '16051').cells.map((cell) => cell.filled)).toEqual(Array(roles.columns.length).fill(null));
  });

  test('district × role: a post with a contact but no person named is reachable, not filled', async () => {
    const { roles } = await comparison(
      'roles { columns { key } rows { district { ags } hasData cells { filled withContact } } }',
      'state: SN',
    );
    // Mittelsachsen's page gives its KIK post a contact without naming a person.
    expect(cellOf(roles, '14522', 'municipal-integration-coordinator')).toMatchObject({ filled: false, withContact: true });
    expect(cellOf(roles, '14522', 'integration-manager')).toMatchObject({ filled: false, withContact: false });
    expect(rowOf(roles, '14511').cells.map((cell) => cell.withContact)).toEqual(Array(roles.columns.length).fill(null));
  });

  test('district × programme, × task and × indicator name their records', async () => {
    const data = await comparison(`
      programmes { columns { key } rows { district { ags } hasData cells { positionCount projectCount periodStart fundings { description } sources { id } } } }
      tasks { columns { key } rows { district { ags } hasData cells { positionCount wordings positions { title } } } }
      indicators { columns { key } rows { district { ags } hasData cells { value { value qualifier referenceDate source { id } } } } }`);
    expect(cellOf(data.programmes, '16065', 'esf')).toMatchObject({ positionCount: 1, periodStart: '2016-06' });
    expect(rowOf(data.programmes, '16051').hasData).toBe(false);
    const task = cellOf(data.tasks, '16065', 'integration-concept') as { positionCount: number; wordings: string[] };
    expect(task.positionCount).toBe(1);
    expect(task.wordings[0]).toBeTruthy();
    expect(cellOf(data.indicators, '16065', 'population-migration-background')).toMatchObject({
      value: { value: 3900, qualifier: 'MORE_THAN' },
    });
    expect(rowOf(data.indicators, '16051').cells.every((cell) => cell.value === null)).toBe(true);
  });

  test('one comparison is a fixed number of statements, whatever the number of districts', async () => {
    const selection = `districts { ags coverage { hasData } }
      fieldsOfAction { rows { district { ags } cells { emphasis source { id } } } }
      roles { rows { cells { filled } } } programmes { rows { cells { positionCount } } } indicators { rows { cells { value { value } } } }
      states { districts filledRoles { districts } }`;
    editing.server.resetQueryLog();
    await comparison(selection, 'districts: ["16065"]');
    const forOne = editing.server.queries.length;
    editing.server.resetQueryLog();
    await comparison(selection, '');
    expect(editing.server.queries.length).toBe(forOne);
  });
});

describe('scope and time', () => {
  test('a list of districts, each by the key of any place in it', async () => {
    const { districts } = await comparison('districts { name }', 'districts: ["160630105105", "14522", "16065067"]');
    expect(districts.map((district: { name: string }) => district.name)).toEqual(['Mittelsachsen', 'Kyffhäuserkreis', 'Wartburgkreis']);
    const unknown = await editing.server.graphql('{ comparison(districts: ["16099"]) { asOf } }');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  test('as of a day: the districts of that day and the posts filled then', async () => {
    const data = await comparison(
      'asOf districts { ags } roles { columns { key } rows { district { ags } cells { filled } } }',
      'state: TH, asOf: "2021-06-30"',
    );
    expect(data.asOf).toBe('2021-06-30');
    expect(data.districts).toHaveLength(23);
    expect(data.districts.map((district: { ags: string }) => district.ags)).toContain('16056');
    // Schmalkalden-Meiningen's integration manager started on 2021-12-01.
    expect(cellOf(data.roles, '16066', 'integration-manager')).toMatchObject({ filled: false });
  });

  test('an indicator as a time series per district, and the matrix on either side of a new value', async () => {
    const current = (
      await editing.as(null, '{ district(ags: "16065") { indicators { indicator { key } version } } }')
    ).data.district.indicators.find((value: { indicator: { key: string } }) => value.indicator.key === 'population-migration-background');
    const recorded = await editing.as(
      editing.tokens.kyffhaeuser,
      `mutation ($input: RecordIndicatorValueInput!) { recordIndicatorValue(input: $input) { ${mutationResult} } }`,
      {
        input: {
          district: '16065',
          indicator: 'population-migration-background',
          value: 4100,
          printed: '4.100',
          validFrom: '2026-01-01',
          referenceDate: '2025-12-31',
          currentVersion: current.version,
        },
      },
    );
    expect(recorded.data.recordIndicatorValue.__typename).toBe('MutationRecordIndicatorValueSuccess');
    const series = (
      await comparison(
        'indicatorSeries(indicator: "population-migration-background") { district { ags } values { value referenceDate validFrom } }',
        'districts: ["16065", "16051"]',
      )
    ).indicatorSeries;
    expect(series.map((row: { district: { ags: string } }) => row.district.ags)).toEqual(['16051', '16065']);
    expect(series[0].values).toEqual([]);
    expect(series[1].values.map((value: { value: number }) => value.value)).toEqual([1800, 3900, 4100]);
    expect(series[1].values[2]).toEqual({ value: 4100, referenceDate: '2025-12-31', validFrom: '2026-01-01' });
    const valueOn = async (asOf: string) =>
      cellOf(
        (
          await comparison(
            'indicators { columns { key } rows { district { ags } cells { value { value } } } }',
            `districts: ["16065"], asOf: "${asOf}"`,
          )
        ).indicators,
        '16065',
        'population-migration-background',
      );
    expect(await valueOn('2025-12-31')).toEqual({ value: { value: 3900 } });
    expect(await valueOn('2026-01-01')).toEqual({ value: { value: 4100 } });
  });
});

describe('per state', () => {
  test('Thüringen and Sachsen side by side, counted from the same matrices', async () => {
    const { states } = await comparison(
      'states { state { code } districts districtsWithData districtsWithConcept districtsWithAdoptedConcept filledRoles { item { key } districts } programmes { item { key } districts } }',
      '',
    );
    expect(states.map((state: { state: { code: string } }) => state.state.code)).toEqual(['SN', 'TH']);
    const [sn, th] = states;
    expect([sn.districts, th.districts]).toEqual([13, 22]);
    expect([sn.districtsWithData, th.districtsWithData]).toEqual([1, 3]);
    expect(th.districtsWithConcept).toBe(2);
    expect(th.filledRoles.find((count: { item: { key: string } }) => count.item.key === 'integration-manager').districts).toBe(2);
  });
});

describe('the cost of a comparison', () => {
  test('a whole state with every matrix fits the limits; an abusive nesting through it does not', async () => {
    const whole = await editing.server.graphql(`{ comparison(state: TH) {
      districts { ags name kind coverage { contacts concept fundings offers indicators newestFact } }
      fieldsOfAction { columns { key } rows { district { ags } hasData cells { emphasis label source { id } } } }
      tasks { columns { key } rows { district { ags } cells { positionCount } } }
      programmes { columns { key } rows { district { ags } cells { positionCount projectCount sharePercents periodStart periodEnd } } }
      roles { columns { key } rows { district { ags } cells { filled filledSince } } }
      indicators { columns { key } rows { district { ags } cells { value { value referenceDate source { id } } } } }
      states { districts filledRoles { districts } programmes { districts } } exports { csv xlsx } } }`);
    expect(whole.errors).toBeUndefined();
    const abusive = await editing.server.graphql(`{ comparison { tasks { rows { cells { positions { contacts {
      district { contacts(first: 100) { edges { node { district { contacts(first: 100) { totalCount } } } } } } } } } } } } }`);
    expect(abusive.errors?.[0]?.extensions?.code).toBe('COST_LIMIT_EXCEEDED');
  });
});
