import { builder } from '../builder.js';
import { describedEnum } from '../common/enums.js';
import { db } from '../db/client.js';
import { DocumentKind, SourceKind } from '../generated/prisma/enums.js';

describedEnum('SourceKind', SourceKind, 'Kind of source.', {
  WEB_PAGE: 'A district’s public web page.',
  REFERENCE_DATA: 'Official reference data, such as the list of official keys (AGS).',
  EDITORIAL: 'Entered or changed by the district’s editors through the API (one source per district and day).',
});
describedEnum('DocumentKind', DocumentKind, 'Kind of document.', {
  INTEGRATION_CONCEPT: 'An integration concept (Integrationskonzept).',
  GUIDELINE: 'A funding guideline (Richtlinie).',
  NEWSLETTER: 'A newsletter issue.',
  OTHER: 'Anything else.',
});

builder.prismaNode('Source', {
  description: 'A page (or reference list) facts were taken from (Quelle). Every fact in the graph names its source.',
  id: { field: 'id' },
  fields: (t) => ({
    key: t.exposeString('id', { description: 'Stable key: the file name of the stored page, e.g. "000_1eab90bdcab76940.txt".' }),
    title: t.exposeString('title'),
    kind: t.expose('kind', { type: SourceKind }),
    url: t.exposeString('url', { nullable: true }),
    asOf: t.expose('asOf', { type: 'Date', nullable: true }),
    asOfBasis: t.exposeString('asOfBasis', { nullable: true }),
    district: t.relation('district', { nullable: true, description: 'The district the page belongs to.' }),
  }),
});

export const Document = builder.prismaNode('Document', {
  description: 'A published document: an integration concept, a guideline, a newsletter.',
  id: { field: 'id' },
  fields: (t) => ({
    title: t.exposeString('title'),
    kind: t.expose('kind', { type: DocumentKind }),
    format: t.exposeString('format', { nullable: true }),
    issued: t.expose('issued', { type: 'PartialDate', nullable: true }),
    url: t.exposeString('url', { nullable: true }),
    district: t.relation('district', { nullable: true, description: 'The district that published it.' }),
    source: t.relation('source', { description: 'The page that lists it.' }),
    version: t.exposeInt('version'),
  }),
});

builder.prismaObjectField('District', 'documents', (t) =>
  t.relation('documents', {
    description: 'Documents the district publishes.',
    query: { where: { archivedAt: null }, orderBy: { id: 'asc' } },
  }),
);

builder.queryFields((t) => ({
  sources: t.prismaField({
    type: ['Source'],
    description: 'Every source of the graph, with its date.',
    resolve: (query) => db().source.findMany({ ...query, orderBy: { id: 'asc' } }),
  }),
}));
