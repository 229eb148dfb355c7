// Recording indicator values keeps history; the version read is required.

import { setTimeout } from 'node:timers/promises';
import { describe, expect, test } from 'vitest';
import { answerOf, editingServer, holdDataLock, mutationResult as result } from '../support/editing.js';

const editing = editingServer();
const as = editing.as;

describe('indicator values', () => {
  const record = `mutation ($input: RecordIndicatorValueInput!) { recordIndicatorValue(input: $input) { ${result} ... on MutationRecordIndicatorValueSuccess { data { value printed validFrom validTo version } } } }`;
  const values = async (args: string) =>
    (
      await as(
        null,
        `{ district(ags: "16065") { indicators${args ? `(${args})` : ''} { indicator { key } value validFrom validTo version } } }`,
      )
    ).data.district.indicators.filter((v: any) => v.indicator.key === 'population-migration-background');

  test('a new value closes the current one on its first day; history keeps all three', async () => {
    const [current] = await values('');
    expect(current).toMatchObject({ value: 3900, validTo: null });
    const before = await editing.server.database.client.indicatorValue.count();

    const refused = await as(editing.tokens.wartburg, record, {
      input: { district: '16065', indicator: 'population-migration-background', value: 1, currentVersion: current.version },
    });
    expect(answerOf(refused)).toMatchObject({ __typename: 'NotAllowedError' });
    const stale = await as(editing.tokens.kyffhaeuser, record, {
      input: {
        district: '16065',
        indicator: 'population-migration-background',
        value: 4100,
        validFrom: '2026-01-01',
        currentVersion: current.version + 1,
      },
    });
    expect(stale.data.recordIndicatorValue).toMatchObject({ __typename: 'VersionConflictError', currentVersion: current.version });
    expect(await editing.server.database.client.indicatorValue.count()).toBe(before);

    const recorded = await as(editing.tokens.kyffhaeuser, record, {
      input: {
        district: '16065',
        indicator: 'population-migration-background',
        value: 4100,
        qualifier: 'MORE_THAN',
        printed: 'mehr als 4.100',
        validFrom: '2026-01-01',
        currentVersion: current.version,
      },
    });
    expect(recorded.data.recordIndicatorValue.data).toEqual({
      value: 4100,
      printed: 'mehr als 4.100',
      validFrom: '2026-01-01',
      validTo: null,
      version: 1,
    });
    expect((await values('')).map((v: any) => v.value)).toEqual([4100]);
    expect((await values('asOf: "2025-06-01"')).map((v: any) => v.value)).toEqual([3900]);
    expect((await values('history: true')).map((v: any) => [v.value, v.validTo])).toEqual([
      [1800, '2019-12-31'],
      [3900, '2026-01-01'],
      [4100, null],
    ]);
  });

  test('the version read is required, and unknown indicators and earlier dates are refused', async () => {
    const response = await as(editing.tokens.kyffhaeuser, record, {
      input: { district: '16065', indicator: 'population-migration-background', value: 5000, validFrom: '2019-06-01' },
    });
    expect(response.data.recordIndicatorValue.issues.map((i: any) => i.path)).toEqual(['validFrom', 'currentVersion']);
    const unknown = await as(editing.tokens.kyffhaeuser, record, { input: { district: '16065', indicator: 'happiness', value: -1 } });
    expect(unknown.data.recordIndicatorValue.issues.map((i: any) => i.path)).toEqual(['indicator', 'value']);
  });

  test('the new value may be given under `fields`, the way every mutation takes what it writes; not both ways', async () => {
    const [current] = await values('');
    const input = { district: '16065', indicator: 'population-migration-background', currentVersion: current.version };
    const both = await as(editing.tokens.kyffhaeuser, record, { input: { ...input, value: 1, fields: { value: 4100 } } });
    expect(both.data.recordIndicatorValue.issues).toEqual([
      { path: 'value', message: 'is deprecated beside `fields`: give it under `fields` only', code: 'DEPRECATED_INPUT', params: [] },
    ]);
    const missing = await as(editing.tokens.kyffhaeuser, record, { input: { ...input, fields: { printed: 'viele' } } });
    expect(missing.data.recordIndicatorValue.issues).toEqual([
      { path: 'fields.value', message: 'is required', code: 'REQUIRED', params: [] },
    ]);
    const recorded = await as(editing.tokens.kyffhaeuser, record, {
      input: { ...input, fields: { value: 4100, printed: 'mehr als 4.100', validFrom: '2026-01-01' } },
    });
    expect(recorded.data.recordIndicatorValue.data).toMatchObject({ value: 4100, printed: 'mehr als 4.100', validFrom: '2026-01-01' });
  });

  test('a first value of an indicator needs no version', async () => {
    const response = await as(editing.tokens.wartburg, record, {
      input: { district: '16063', indicator: 'childcare-centres', value: 71, referenceDate: '2026-03-01' },
    });
    expect(response.data.recordIndicatorValue.data).toMatchObject({ value: 71, validFrom: '2026-03-01', version: 1 });
  });

  describe('at most one current value per district and indicator', () => {
    const first = { district: '16063', indicator: 'childcare-centres', value: 71, referenceDate: '2026-03-01' };
    const currentValues = () =>
      editing.server.database.client.indicatorValue.count({
        where: { districtId: '16063', indicatorId: 'childcare-centres', validTo: null, archivedAt: null },
      });

    test('20 editors recording the first value at once leave one; the others are told to name it', async () => {
      // An import holding the data lock lets all 20 read "no current value" before any writes.
      const importUnderWay = holdDataLock(editing.server.database.client);
      const pending = Promise.all(Array.from({ length: 20 }, () => as(editing.tokens.wartburg, record, { input: first })));
      await setTimeout(500);
      await importUnderWay.release();
      const responses = await pending;
      const outcomes = responses.map((response) => response.data.recordIndicatorValue.__typename);
      expect(outcomes.filter((name) => name === 'MutationRecordIndicatorValueSuccess')).toHaveLength(1);
      // Those that came after the first was written also hear that its start is not earlier.
      for (const response of responses.filter((each) => each.data.recordIndicatorValue.issues)) {
        expect(response.data.recordIndicatorValue.issues).toContainEqual({
          path: 'currentVersion',
          message: 'is required: a value is current (version 1); name the version you read',
          code: 'VERSION_NEEDED',
          params: [{ name: 'version', value: '1' }],
        });
      }
      expect(await currentValues()).toBe(1);
    });

    test('the same request sent twice records once', async () => {
      const once = await as(editing.tokens.wartburg, record, { input: first });
      const twice = await as(editing.tokens.wartburg, record, { input: first });
      expect(once.data.recordIndicatorValue.__typename).toBe('MutationRecordIndicatorValueSuccess');
      expect(twice.data.recordIndicatorValue.__typename).toBe('ValidationError');
      expect(await currentValues()).toBe(1);
    });

    test('the database itself refuses a second current value', async () => {
      const client = editing.server.database.client;
      const current = await client.indicatorValue.findFirstOrThrow({
        where: { districtId: '16065', indicatorId: 'population-migration-background', validTo: null },
      });
      const { id: _id, ...copy } = current;
      await expect(client.indicatorValue.create({ data: { ...copy, id: 'second-current' } })).rejects.toMatchObject({ code: 'P2002' });
    });
  });
});
