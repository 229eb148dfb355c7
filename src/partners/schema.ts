import { builder } from '../builder.js';
import { describedEnum } from '../common/enums.js';
import { PartnerKind } from '../generated/prisma/enums.js';

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

const Partner = builder.prismaNode('Partner', {
  description: 'An organisation the districts work with: Agentur für Arbeit, Jobcenter, a ministry, an institute …',
  id: { field: 'id' },
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: PartnerKind }),
    website: t.exposeString('website', { nullable: true }),
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

builder.prismaNode('Network', {
  description: 'A network of actors (Netzwerk) in a district or across a state, e.g. the ThILIK network of integration managers.',
  id: { field: 'id' },
  fields: (t) => ({
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    district: t.relation('district', { nullable: true, description: 'The district, for a district network.' }),
    state: t.relation('state', { nullable: true, description: 'The state, for a state-wide network.' }),
    supporters: t.field({
      type: [Partner],
      description: 'Partners that accompany the network (fachliche Begleitung).',
      select: { supporters: { select: { partner: true } } },
      resolve: (network) => network.supporters.map(({ partner }) => partner),
    }),
  }),
});

builder.prismaNode('Project', {
  description: 'A project of a district, e.g. "Partnerschaft für Demokratie – Denk bunt im Wartburgkreis".',
  id: { field: 'id' },
  fields: (t) => ({
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    periodStart: t.expose('periodStart', { type: 'PartialDate', nullable: true }),
    periodEnd: t.expose('periodEnd', { type: 'PartialDate', nullable: true }),
    district: t.relation('district', { description: 'The district running the project.' }),
    position: t.relation('position', { nullable: true, description: 'The post that runs the project.' }),
    fundings: t.relation('fundings', { description: 'How the project is funded.', query: { where: { archivedAt: null } } }),
  }),
});

builder.prismaObjectFields('District', (t) => ({
  cooperations: t.relation('cooperations', { description: 'Partners the district works with.', query: { orderBy: { id: 'asc' } } }),
  networks: t.relation('networks', { description: 'Networks in the district.' }),
  projects: t.relation('projects', { description: 'Projects of the district.', query: { orderBy: { id: 'asc' } } }),
}));
builder.prismaObjectField('State', 'networks', (t) => t.relation('networks', { description: 'State-wide networks.' }));
