// Editors record a district's new indicator value. Values keep history: the new value closes the
// current one's validity on its own first day, nothing is overwritten (an update that opens a
// successor, through the editing kit's parts).
import { randomUUID } from 'node:crypto';
import { berlinDate, isoDay } from '../common/history.js';
import { db, type Tx } from '../db/client.js';
import { ValueQualifier } from '../generated/prisma/enums.js';
import { builder } from '../graphql/builder.js';
import { requiredValue, said } from '../rules/issues.js';
import { checkColumns, sameNames } from '../writes/checks.js';
import { editorsOfDistrict, givenFields, inputDistrict, writeMutation } from '../writes/mutation.js';
import { ValidationError } from '../writes/problems.js';
import { changeRecord, createRecord } from '../writes/records.js';
import { catalogueKey } from '../writes/references.js';
import { IndicatorValue } from './types.js';

const loadValue = (tx: Tx, id: string) => tx.indicatorValue.findUnique({ where: { id } });

const IndicatorValueFieldsInput = builder.inputType('IndicatorValueFieldsInput', {
  description: 'A value of an indicator.',
  fields: (f) => ({
    value: f.float({ description: 'The value, in the indicator’s unit (required).' }),
    qualifier: f.field({ type: ValueQualifier, description: 'EXACT (default) or MORE_THAN for "more than …".' }),
    printed: f.string({ description: 'The value as published, e.g. "mehr als 4.100"; default: the number.' }),
    referenceDate: f.field({ type: 'Date', description: 'The date the value refers to ("Stand").' }),
    validFrom: f.field({ type: 'Date', description: 'From when it is the current value; default: the reference date, else today.' }),
  }),
});

type IndicatorValueFields = typeof IndicatorValueFieldsInput.$inferInput;

const flatForm = 'Give it under `fields` (IndicatorValueFieldsInput); the flat form will be removed.';
const flatFields = ['value', 'qualifier', 'printed', 'referenceDate', 'validFrom'] as const;

const RecordIndicatorValueInput = builder.inputType('RecordIndicatorValueInput', {
  description: 'A new value of an indicator for a district.',
  fields: (f) => ({
    district: f.string({ required: true, description: 'The district (AGS).' }),
    indicator: f.string({ required: true, description: 'The indicator, by key (see `indicators`).' }),
    fields: f.field({ type: IndicatorValueFieldsInput, description: 'The new value; `value` is required.' }),
    value: f.float({ description: 'The value, in the indicator’s unit.', deprecationReason: flatForm }),
    qualifier: f.field({ type: ValueQualifier, description: 'EXACT or MORE_THAN.', deprecationReason: flatForm }),
    printed: f.string({ description: 'The value as published.', deprecationReason: flatForm }),
    referenceDate: f.field({ type: 'Date', description: 'The date the value refers to.', deprecationReason: flatForm }),
    validFrom: f.field({ type: 'Date', description: 'From when it is the current value.', deprecationReason: flatForm }),
    currentVersion: f.int({ description: 'The `version` of the value current so far, as you read it; required when there is one.' }),
  }),
});

const currentVersionRequired = (version: number) =>
  said('VERSION_NEEDED', `is required: a value is current (version ${version}); name the version you read`, { version: String(version) });

/**
 * Two requests that each found no current value (the same one sent twice, or two editors) take
 * turns here; the second finds the first's value and must name it. The database's unique
 * index on current values is the last guard.
 */
async function firstValueStillFirst(tx: Tx, districtId: string, indicatorId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`IndicatorValue:${districtId}:${indicatorId}`}, 0))`;
  const current = await tx.indicatorValue.findFirst({ where: { districtId, indicatorId, validTo: null, archivedAt: null } });
  if (current) throw new ValidationError([{ path: 'currentVersion', ...currentVersionRequired(current.version) }]);
}

writeMutation('recordIndicatorValue', {
  ref: IndicatorValue,
  noun: 'new value',
  description:
    'Record a new value of an indicator for your district (Integrationsmonitoring). The value current so far stays in the history: its validity ends where the new one begins.',
  inputDescription: 'The new value.',
  input: RecordIndicatorValueInput,
  authorise: (input) => editorsOfDistrict(input.district),
  async prepare(input, problems, context) {
    const districtId = inputDistrict(input.district, 'district', problems);
    const given = givenFields<IndicatorValueFields>(input, flatFields, problems);
    const { fields } = given;
    if (fields.value == null) given.problems.add('value', requiredValue);
    await catalogueKey('Indicator', input.indicator, 'indicator', problems, 'an indicator (see the indicators query)');
    // Null is "not given" here, not "empty": a new value's printed form defaults to the value.
    const checked = { value: fields.value ?? undefined, printed: fields.printed ?? undefined };
    checkColumns('IndicatorValue', checked, sameNames('value', 'printed'), given.problems, { creating: false });
    const validFrom = fields.validFrom ?? fields.referenceDate ?? berlinDate(context.now);
    const current = await db().indicatorValue.findFirst({
      where: { districtId, indicatorId: input.indicator, validTo: null, archivedAt: null },
    });
    if (current && input.currentVersion == null) problems.add('currentVersion', currentVersionRequired(current.version));
    if (current?.validFrom && validFrom <= current.validFrom) {
      const start = isoDay(current.validFrom);
      given.problems.add('validFrom', said('BEFORE_START', `must be after the current value's start (${start})`, { start }));
    }
    return { districtId, fields, validFrom, current };
  },
  write(write, input, { districtId, fields, validFrom, current }) {
    const value = fields.value!;
    const create = async (tx: Tx, sourceId: string) => {
      const id = randomUUID();
      await tx.indicatorValue.create({
        data: {
          id,
          districtId,
          indicatorId: input.indicator,
          value,
          qualifier: fields.qualifier ?? 'EXACT',
          printed: fields.printed ?? String(value),
          referenceDate: fields.referenceDate ?? null,
          validFrom,
          sourceId,
        },
      });
      return id;
    };
    if (!current) {
      const createFirst = async (tx: Tx, sourceId: string) => {
        await firstValueStillFirst(tx, districtId, input.indicator);
        return create(tx, sourceId);
      };
      return createRecord(write, { model: 'IndicatorValue', districtId, load: loadValue, create: createFirst });
    }
    return changeRecord(write, {
      model: 'IndicatorValue',
      action: 'UPDATE',
      id: current.id,
      expectedVersion: input.currentVersion!,
      load: loadValue,
      apply: async (tx, _before, sourceId) => {
        await tx.indicatorValue.update({ where: { id: current.id }, data: { validTo: validFrom, version: { increment: 1 } } });
        return create(tx, sourceId);
      },
    });
  },
});
