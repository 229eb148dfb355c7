// Editors record a district's new indicator value. Values keep history: the new value closes the
// current one's validity on its own first day, nothing is overwritten (an update that opens a
// successor, through the editing kit's parts).
import { randomUUID } from 'node:crypto';
import { builder } from '../builder.js';
import { berlinDate } from '../common/history.js';
import { ValidationError } from '../common/problems.js';
import { db, type Tx } from '../db/client.js';
import { parseDistrictAgs } from '../districts/ags.js';
import { changeAudited, createAudited } from '../editing/changes.js';
import { checkColumns, sameNames } from '../editing/checks.js';
import { editingMutation, editorsOfDistrict } from '../editing/mutation.js';
import { catalogueKey } from '../editing/references.js';
import { ValueQualifier } from '../generated/prisma/enums.js';
import { IndicatorValue } from './types.js';

const loadValue = (tx: Tx, id: string) => tx.indicatorValue.findUnique({ where: { id } });

interface RecordIndicatorValue {
  district: string;
  indicator: string;
  value: number;
  qualifier?: 'EXACT' | 'MORE_THAN' | null;
  printed?: string | null;
  referenceDate?: Date | null;
  validFrom?: Date | null;
  currentVersion?: number | null;
}

const currentVersionRequired = (version: number) => `is required: a value is current (version ${version}); name the version you read`;

/**
 * Two requests that each found no current value (the same one sent twice, or two editors) take
 * turns here; the second finds the first's value and must name it. The database's unique
 * index on current values is the last guard.
 */
async function firstValueStillFirst(tx: Tx, districtId: string, indicatorId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`IndicatorValue:${districtId}:${indicatorId}`}, 0))`;
  const current = await tx.indicatorValue.findFirst({ where: { districtId, indicatorId, validTo: null, archivedAt: null } });
  if (current) throw new ValidationError([{ path: 'currentVersion', message: currentVersionRequired(current.version) }]);
}

editingMutation('recordIndicatorValue', {
  ref: IndicatorValue,
  noun: 'new value',
  description:
    'Record a new value of an indicator for your district (Integrationsmonitoring). The value current so far stays in the history: its validity ends where the new one begins.',
  inputDescription: 'The new value.',
  input: builder.inputRef<RecordIndicatorValue>('RecordIndicatorValueInput').implement({
    description: 'A new value of an indicator for a district.',
    fields: (f) => ({
      district: f.string({ required: true, description: 'The district (AGS).' }),
      indicator: f.string({ required: true, description: 'The indicator, by key (see `indicators`).' }),
      value: f.float({ required: true, description: 'The value, in the indicator’s unit.' }),
      qualifier: f.field({ type: ValueQualifier, description: 'EXACT (default) or MORE_THAN for "more than …".' }),
      printed: f.string({ description: 'The value as published, e.g. "mehr als 4.100"; default: the number.' }),
      referenceDate: f.field({ type: 'Date', description: 'The date the value refers to ("Stand").' }),
      validFrom: f.field({ type: 'Date', description: 'From when it is the current value; default: the reference date, else today.' }),
      currentVersion: f.int({ description: 'The `version` of the value current so far, as you read it; required when there is one.' }),
    }),
  }),
  authorise: (input) => editorsOfDistrict(input.district),
  async prepare(input, problems, context) {
    const districtId = parseDistrictAgs(input.district, 'input.district');
    await catalogueKey('Indicator', input.indicator, 'indicator', problems, 'an indicator (see the indicators query)');
    checkColumns('IndicatorValue', input, sameNames('value', 'printed'), problems, { creating: false });
    const validFrom = input.validFrom ?? input.referenceDate ?? berlinDate(context.now);
    const current = await db().indicatorValue.findFirst({
      where: { districtId, indicatorId: input.indicator, validTo: null, archivedAt: null },
    });
    if (current && input.currentVersion == null) problems.add('currentVersion', currentVersionRequired(current.version));
    if (current?.validFrom && validFrom <= current.validFrom) {
      problems.add('validFrom', `must be after the current value's start (${current.validFrom.toISOString().slice(0, 10)})`);
    }
    return { districtId, validFrom, current };
  },
  write(input, { districtId, validFrom, current }, context) {
    const create = async (tx: Tx, sourceId: string) => {
      const id = randomUUID();
      await tx.indicatorValue.create({
        data: {
          id,
          districtId,
          indicatorId: input.indicator,
          value: input.value,
          qualifier: input.qualifier ?? 'EXACT',
          printed: input.printed ?? String(input.value),
          referenceDate: input.referenceDate ?? null,
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
      return createAudited({ context, entityType: 'IndicatorValue', districtId, load: loadValue, create: createFirst });
    }
    return changeAudited({
      context,
      entityType: 'IndicatorValue',
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
