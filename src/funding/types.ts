import { db } from '../db/client.js';
import { AreaFilter, inArea } from '../districts/scope.js';
import { FunderLevel } from '../generated/prisma/enums.js';
import { builder } from '../graphql/builder.js';
import { ChangeTracked, currentOrModifiedSince, modifiedSinceDescription } from '../graphql/changeTracked.js';
import { describedEnum } from '../graphql/enums.js';
import { StateCode } from '../states/types.js';

describedEnum('FunderLevel', FunderLevel, 'The level of government that pays.', {
  EU: 'The European Union (e.g. ESF, EFRE).',
  FEDERAL: 'The federal government (Bund).',
  STATE: 'A federal state (Land), e.g. Freistaat Thüringen.',
});

builder.prismaObject('Funder', {
  description: 'Who pays for a programme or funding.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name, e.g. "Freistaat Thüringen".' }),
    level: t.expose('level', { type: FunderLevel }),
    state: t.relation('state', { nullable: true, description: 'The state, for a state funder.' }),
  }),
});

export const FundingProgramme = builder.prismaNode('FundingProgramme', {
  description: 'A funding programme or guideline (Förderprogramm, Förderrichtlinie): ThILIK, ESF, EFRE, Richtlinie Integrative Maßnahmen …',
  interfaces: [ChangeTracked],
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    key: t.exposeString('id', { description: 'Stable key, e.g. "thilik"; use it in filters.' }),
    shortName: t.exposeString('shortName'),
    name: t.exposeString('name'),
    funder: t.relation('funder', { description: 'Who pays.' }),
    since: t.expose('since', { type: 'PartialDate', nullable: true }),
    funderInferred: t.exposeString('funderInferred', { nullable: true }),
    legalBasis: t.exposeString('legalBasis', { nullable: true }),
    description: t.exposeString('description', { nullable: true }),
    fundings: t.relatedConnection('fundings', {
      description: 'What the programme funds in the districts.',
      cursor: 'id',
      totalCount: true,
      args: { area: t.arg({ type: AreaFilter, description: 'Only fundings in this state or district.' }) },
      query: (args) => ({ where: { ...inArea(args.area), archivedAt: null }, orderBy: [{ districtId: 'asc' }, { id: 'asc' }] }),
    }),
    documents: t.relation('documents', { description: 'Published documents of the programme.', query: { where: { archivedAt: null } } }),
    source: t.relation('source', { description: 'The page the programme is named on.' }),
  }),
});

export const Funding = builder.prismaNode('Funding', {
  description: 'Funding of a district’s post, project or measures by a programme or funder, with share and period where stated.',
  interfaces: [ChangeTracked],
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    district: t.relation('district', { description: 'The funded district.' }),
    programme: t.relation('programme', { nullable: true, description: 'The programme; null where the source names only the funder.' }),
    funder: t.relation('funder', { description: 'Who pays.' }),
    position: t.relation('position', { nullable: true, description: 'The funded post, if any.' }),
    project: t.relation('project', { nullable: true, description: 'The funded project, if any.' }),
    sharePercent: t.float({
      nullable: true,
      description: 'Share of the cost covered, in percent (e.g. 90); null where not stated.',
      select: { sharePercent: true },
      resolve: (funding) => funding.sharePercent?.toNumber() ?? null,
    }),
    periodStart: t.expose('periodStart', { type: 'PartialDate', nullable: true }),
    periodEnd: t.expose('periodEnd', { type: 'PartialDate', nullable: true }),
    description: t.exposeString('description'),
    source: t.relation('source', { description: 'The page the funding is stated on.' }),
  }),
});

builder.prismaObjectField('Position', 'fundings', (t) =>
  t.relation('fundings', { description: 'How the post is funded.', query: { where: { archivedAt: null }, orderBy: { id: 'asc' } } }),
);
builder.prismaObjectField('District', 'fundings', (t) =>
  t.relation('fundings', {
    description: 'Every funding of the district’s posts, projects and measures.',
    query: { where: { archivedAt: null }, orderBy: { id: 'asc' } },
  }),
);

const FundingProgrammeFilter = builder.inputType('FundingProgrammeFilter', {
  description: 'Which programmes to list.',
  fields: (t) => ({
    level: t.field({ type: FunderLevel, description: 'Only programmes of funders at this level.' }),
    state: t.field({ type: StateCode, description: 'Only programmes of this state, or funding districts of this state.' }),
    modifiedSince: t.field({ type: 'DateTime', description: modifiedSinceDescription }),
  }),
});

function programmeWhere(filter: typeof FundingProgrammeFilter.$inferInput | null | undefined) {
  return {
    ...currentOrModifiedSince(filter?.modifiedSince, {}),
    ...(filter?.level ? { funder: { level: filter.level } } : {}),
    ...(filter?.state
      ? { OR: [{ funder: { stateId: filter.state } }, { fundings: { some: { archivedAt: null, district: { stateId: filter.state } } } }] }
      : {}),
  };
}

const FundingFilter = builder.inputType('FundingFilter', {
  description: 'Which fundings to list.',
  fields: (t) => ({
    area: t.field({ type: AreaFilter, description: 'Only fundings in this state or district.' }),
    programme: t.string({ description: 'Only fundings by this programme, by key, e.g. "thilik".' }),
    modifiedSince: t.field({ type: 'DateTime', description: modifiedSinceDescription }),
  }),
});

function fundingWhere(filter: typeof FundingFilter.$inferInput | null | undefined) {
  return {
    ...currentOrModifiedSince(filter?.modifiedSince, { archivedAt: null }),
    ...inArea(filter?.area),
    ...(filter?.programme ? { programmeId: filter.programme } : {}),
  };
}

builder.queryFields((t) => ({
  fundingProgrammes: t.prismaConnection({
    type: 'FundingProgramme',
    cursor: 'id',
    description: 'Funding programmes and guidelines.',
    args: { filter: t.arg({ type: FundingProgrammeFilter, description: 'Narrow the list; all conditions must hold.' }) },
    resolve: (query, _root, args) =>
      db().fundingProgramme.findMany({ ...query, where: programmeWhere(args.filter), orderBy: { id: 'asc' } }),
    totalCount: (_connection, args) => db().fundingProgramme.count({ where: programmeWhere(args.filter) }),
  }),
  fundings: t.prismaConnection({
    type: 'Funding',
    cursor: 'id',
    description: 'Fundings of posts, projects and measures: which programme funds what, and how much.',
    args: { filter: t.arg({ type: FundingFilter, description: 'Narrow the list; all conditions must hold.' }) },
    resolve: (query, _root, args) =>
      db().funding.findMany({ ...query, where: fundingWhere(args.filter), orderBy: [{ districtId: 'asc' }, { id: 'asc' }] }),
    totalCount: (_connection, args) => db().funding.count({ where: fundingWhere(args.filter) }),
  }),
}));

builder.asEntity(FundingProgramme, {
  key: builder.selection<{ key: string }>('key'),
  resolveReference: ({ key }) => db().fundingProgramme.findUnique({ where: { id: key } }),
});
