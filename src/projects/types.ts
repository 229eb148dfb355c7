// Projects of a district, with the post that runs them and their fundings.
import { builder } from '../graphql/builder.js';
import { ChangeTracked } from '../graphql/changeTracked.js';

builder.prismaNode('Project', {
  description: 'A project of a district, e.g. "Partnerschaft für Demokratie – Denk bunt im Wartburgkreis".',
  interfaces: [ChangeTracked],
  id: { field: 'id' },
  nullable: true,
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

builder.prismaObjectField('District', 'projects', (t) =>
  t.relation('projects', { description: 'Projects of the district.', query: { orderBy: { id: 'asc' } } }),
);
