// Published documents: integration concepts, guidelines, newsletters.

import { DocumentKind } from '../generated/prisma/enums.js';
import { builder } from '../graphql/builder.js';
import { ChangeTracked } from '../graphql/changeTracked.js';
import { describedEnum } from '../graphql/enums.js';

describedEnum('DocumentKind', DocumentKind, 'Kind of document.', {
  INTEGRATION_CONCEPT: 'An integration concept (Integrationskonzept).',
  GUIDELINE: 'A funding guideline (Richtlinie).',
  NEWSLETTER: 'A newsletter issue.',
  OTHER: 'Anything else.',
});

export const Document = builder.prismaNode('Document', {
  description: 'A published document: an integration concept, a guideline, a newsletter.',
  interfaces: [ChangeTracked],
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    title: t.exposeString('title'),
    kind: t.expose('kind', { type: DocumentKind }),
    format: t.exposeString('format', { nullable: true }),
    issued: t.expose('issued', { type: 'PartialDate', nullable: true }),
    url: t.exposeString('url', { nullable: true }),
    district: t.relation('district', { nullable: true, description: 'The district that published it.' }),
    concept: t.relation('concept', { nullable: true, description: 'The integration concept it belongs to, where it belongs to one.' }),
    programme: t.relation('programme', {
      nullable: true,
      description: 'The funding programme it belongs to (a guideline, for instance), where it belongs to one.',
    }),
    source: t.relation('source', { description: 'The page that lists it.' }),
  }),
});

builder.prismaObjectField('District', 'documents', (t) =>
  t.relation('documents', {
    description: 'Documents the district publishes.',
    query: { where: { archivedAt: null }, orderBy: { id: 'asc' } },
  }),
);
