import { db } from '../db/client.js';
import { PartnerKind } from '../generated/prisma/enums.js';
import { builder } from '../graphql/builder.js';
import { ChangeTracked } from '../graphql/changeTracked.js';
import { describedEnum } from '../graphql/enums.js';

describedEnum('PartnerKind', PartnerKind, 'Kind of partner organisation.', {
  PUBLIC_AUTHORITY: 'A public authority, e.g. Agentur für Arbeit, Jobcenter, Ausländerbehörde.',
  MINISTRY: 'A state or federal ministry.',
  RESEARCH_INSTITUTE: 'A research or planning institute, e.g. IKPE Erfurt.',
  WELFARE_ORGANISATION: 'A welfare organisation (Wohlfahrtsträger).',
  ASSOCIATION: 'An association (Verein).',
  EDUCATION: 'Schools, Kitas and other places of education.',
  CIVIL_SOCIETY: 'Civil-society initiatives and networks.',
  POLICE: 'The police.',
  OTHER: 'Anything else.',
});

export const Partner = builder.prismaNode('Partner', {
  description: 'An organisation the districts work with: Agentur für Arbeit, Jobcenter, a ministry, an institute …',
  interfaces: [ChangeTracked],
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: PartnerKind }),
    website: t.exposeString('website', { nullable: true }),
    programme: t.relation('programme', {
      nullable: true,
      description: 'The funding programme the partner is shown with on its page (the ministries whose logo heads ThILIK’s page).',
    }),
    shownAs: t.exposeString('shownAs', { nullable: true }),
    source: t.relation('source', { description: 'The page the partner is named on.' }),
  }),
});

builder.prismaObject('Cooperation', {
  description: 'A district’s cooperation with a partner.',
  fields: (t) => ({
    partner: t.relation('partner', { description: 'The partner.' }),
    district: t.relation('district', { description: 'The district.' }),
    description: t.exposeString('description', { nullable: true }),
  }),
});

builder.prismaObjectField('District', 'cooperations', (t) =>
  t.relation('cooperations', { description: 'Partners the district works with.', query: { orderBy: { id: 'asc' } } }),
);

builder.prismaObjectField('District', 'partners', (t) =>
  t.prismaField({
    type: [Partner],
    description:
      'Every organisation the district’s pages name: those it cooperates with (see `cooperations`) and those shown with a programme (`Partner.programme`).',
    resolve: (query, district) =>
      db().partner.findMany({ ...query, where: { source: { districtId: district.id } }, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
  }),
);

builder.prismaObjectField('FundingProgramme', 'partners', (t) =>
  t.relation('partners', {
    description: 'Organisations the districts’ pages show with the programme, e.g. the ministries behind ThILIK.',
    query: { orderBy: [{ name: 'asc' }, { id: 'asc' }] },
  }),
);
