import { asOfDescription, effectiveDate, validOn } from '../common/history.js';
import { db } from '../db/client.js';
import { AreaFilter, inArea } from '../districts/scope.js';
import { ValueQualifier } from '../generated/prisma/enums.js';
import { builder } from '../graphql/builder.js';
import { ChangeTracked, currentOrModifiedSince, modifiedSinceDescription } from '../graphql/changeTracked.js';
import { describedEnum } from '../graphql/enums.js';
import { translatedString, translationFields } from '../translations/types.js';

describedEnum('ValueQualifier', ValueQualifier, 'How a value relates to the truth.', {
  EXACT: 'The value as stated.',
  MORE_THAN: 'A lower bound: the source says "more than" the value ("mehr als 3.900").',
});

export const Indicator = builder.prismaNode('Indicator', {
  description: 'What an indicator of integration monitoring (Integrationsmonitoring) measures.',
  interfaces: [ChangeTracked],
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    key: t.exposeString('id', { description: 'Stable key, e.g. "population-migration-background"; use it in filters.' }),
    name: t.exposeString('name'),
    germanName: translatedString(t, 'Indicator', 'germanName'),
    unit: t.exposeString('unit'),
    description: translatedString(t, 'Indicator', 'description'),
    ...translationFields(t, 'Indicator'),
  }),
});

export const IndicatorValue = builder.prismaNode('IndicatorValue', {
  description: 'A value of an indicator for a district or state, with the period it was the current value.',
  interfaces: [ChangeTracked],
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    indicator: t.relation('indicator', { description: 'What is measured.' }),
    district: t.relation('district', { nullable: true, description: 'The district, for a district value.' }),
    state: t.relation('state', { nullable: true, description: 'The state, for a state value.' }),
    value: t.float({ description: 'The value, in the indicator’s unit.', select: { value: true }, resolve: (row) => row.value.toNumber() }),
    qualifier: t.expose('qualifier', { type: ValueQualifier }),
    printed: t.exposeString('printed'),
    referenceDate: t.expose('referenceDate', { type: 'Date', nullable: true }),
    validFrom: t.expose('validFrom', { type: 'Date', nullable: true }),
    validTo: t.expose('validTo', { type: 'Date', nullable: true }),
    source: t.relation('source', { description: 'The page the value is taken from.' }),
  }),
});

const IndicatorFilter = builder.inputType('IndicatorFilter', {
  description: 'Which indicator values to list.',
  fields: (t) => ({
    area: t.field({ type: AreaFilter, description: 'Only values of this state or its districts, or of this district.' }),
    indicator: t.string({ description: 'Only values of this indicator, by key, e.g. "population-migration-background".' }),
    modifiedSince: t.field({ type: 'DateTime', description: modifiedSinceDescription }),
  }),
});

function indicatorWhere(filter: typeof IndicatorFilter.$inferInput | null | undefined, period: Date | 'all') {
  const area = inArea(filter?.area);
  // A state-wide value (no district) belongs to a state filter too.
  const areaCondition = filter?.area?.state && !filter.area.district ? { OR: [area, { stateId: filter.area.state }] } : area;
  return {
    ...currentOrModifiedSince(filter?.modifiedSince, { archivedAt: null, ...(period === 'all' ? {} : validOn(period)) }),
    ...areaCondition,
    ...(filter?.indicator ? { indicatorId: filter.indicator } : {}),
  };
}

const indicatorArgs = builder.args((t) => ({
  asOf: t.field({ type: 'Date', description: asOfDescription }),
  history: t.boolean({ description: 'Every value over time instead of the values valid on one day.' }),
}));

builder.prismaObjectField('District', 'indicators', (t) =>
  t.relation('indicatorValues', {
    description: 'Indicator values of the district (Integrationsmonitoring); current ones unless `asOf` or `history` says otherwise.',
    args: indicatorArgs,
    query: (args, context) => ({
      where: { archivedAt: null, ...(args.history ? {} : validOn(effectiveDate(args.asOf, context))) },
      orderBy: [{ indicatorId: 'asc' }, { validFrom: { sort: 'asc', nulls: 'first' } }],
    }),
  }),
);

builder.queryFields((t) => ({
  indicators: t.prismaField({
    type: ['Indicator'],
    description: 'What the graph measures.',
    resolve: (query) => db().indicator.findMany({ ...query, orderBy: { id: 'asc' } }),
  }),
  indicatorValues: t.prismaConnection({
    type: 'IndicatorValue',
    cursor: 'id',
    description: 'Indicator values across districts and states, to compare them and follow them over time.',
    args: { filter: t.arg({ type: IndicatorFilter, description: 'Narrow the list; all conditions must hold.' }), ...indicatorArgs },
    resolve: (query, _root, args, context) =>
      db().indicatorValue.findMany({
        ...query,
        where: indicatorWhere(args.filter, args.history ? 'all' : effectiveDate(args.asOf, context)),
        orderBy: [{ indicatorId: 'asc' }, { districtId: 'asc' }, { validFrom: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }],
      }),
    totalCount: (_connection, args, context) =>
      db().indicatorValue.count({ where: indicatorWhere(args.filter, args.history ? 'all' : effectiveDate(args.asOf, context)) }),
  }),
}));
