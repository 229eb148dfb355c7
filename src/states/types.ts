import { db } from '../db/client.js';
import { districtsWhere } from '../districts/existing.js';
import { builder } from '../graphql/builder.js';
import { ChangeTracked } from '../graphql/changeTracked.js';

/** ISO 3166-2:DE codes of the 16 German states; the graph holds data of those it lists in `states`. */
const stateCodes = {
  BW: 'Baden-Württemberg',
  BY: 'Bayern (Bavaria)',
  BE: 'Berlin',
  BB: 'Brandenburg',
  HB: 'Bremen',
  HH: 'Hamburg',
  HE: 'Hessen (Hesse)',
  MV: 'Mecklenburg-Vorpommern',
  NI: 'Niedersachsen (Lower Saxony)',
  NW: 'Nordrhein-Westfalen (North Rhine-Westphalia)',
  RP: 'Rheinland-Pfalz (Rhineland-Palatinate)',
  SL: 'Saarland',
  SN: 'Sachsen (Saxony)',
  ST: 'Sachsen-Anhalt (Saxony-Anhalt)',
  SH: 'Schleswig-Holstein',
  TH: 'Thüringen (Thuringia)',
} as const;

export const StateCode = builder.enumType('StateCode', {
  description: 'A German federal state (Land) by its ISO 3166-2:DE code without the "DE-" prefix.',
  values: Object.fromEntries(Object.entries(stateCodes).map(([code, name]) => [code, { description: name }])) as {
    [K in keyof typeof stateCodes]: { description: string };
  },
});

export const State = builder.prismaNode('State', {
  description: 'A German federal state (Land) with its districts.',
  interfaces: [ChangeTracked],
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    code: t.field({
      type: StateCode,
      description: 'ISO 3166-2:DE code, e.g. TH for Thüringen, SN for Sachsen.',
      resolve: (state) => state.id as keyof typeof stateCodes,
    }),
    name: t.exposeString('name', { description: 'Official name, e.g. "Freistaat Thüringen".' }),
    shortName: t.exposeString('shortName', { description: 'Common short name, e.g. "Thüringen".' }),
    regionalKey: t.exposeString('regionalKey'),
    districts: t.relatedConnection('districts', {
      description: 'The districts (Landkreise and kreisfreie Städte) of the state that exist today, by name.',
      cursor: 'id',
      totalCount: true,
      query: (_args, context) => ({ where: districtsWhere({}, context.now), orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
    }),
    source: t.relation('source', { description: 'Where the state’s data comes from.' }),
  }),
});

builder.queryFields((t) => ({
  states: t.prismaField({
    type: ['State'],
    description: 'The states the graph holds data of.',
    resolve: (query) => db().state.findMany({ ...query, orderBy: { id: 'asc' } }),
  }),
  state: t.prismaField({
    type: 'State',
    nullable: true,
    description: 'One state by its code; null if the graph holds no data of it.',
    args: { code: t.arg({ type: StateCode, required: true, description: 'The state’s code, e.g. TH.' }) },
    resolve: (query, _root, { code }) => db().state.findUnique({ ...query, where: { id: code } }),
  }),
}));

builder.asEntity(State, {
  key: builder.selection<{ code: keyof typeof stateCodes }>('code'),
  resolveReference: ({ code }) => db().state.findUnique({ where: { id: code } }),
});
