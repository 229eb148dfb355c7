import { db } from '../db/client.js';
import { SourceKind } from '../generated/prisma/enums.js';
import { builder } from '../graphql/builder.js';
import { ChangeTracked } from '../graphql/changeTracked.js';
import { describedEnum } from '../graphql/enums.js';

describedEnum('SourceKind', SourceKind, 'Kind of source.', {
  WEB_PAGE: 'A district’s public web page.',
  REFERENCE_DATA: 'Official reference data, such as the list of official keys (AGS).',
  EDITORIAL: 'Entered or changed by the district’s editors through the API (one source per district and day).',
});

export const Source = builder.prismaNode('Source', {
  description: 'A page (or reference list) facts were taken from (Quelle). Every fact in the graph names its source.',
  interfaces: [ChangeTracked],
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    key: t.exposeString('id', { description: 'Stable key: the file name of the stored page, e.g. "000_1eab90bdcab76940.txt".' }),
    title: t.exposeString('title'),
    kind: t.expose('kind', { type: SourceKind }),
    url: t.exposeString('url', { nullable: true }),
    asOf: t.expose('asOf', { type: 'Date', nullable: true }),
    asOfBasis: t.exposeString('asOfBasis', { nullable: true }),
    licence: t.exposeString('licence', { nullable: true }),
    attribution: t.exposeString('attribution', { nullable: true }),
    district: t.relation('district', { nullable: true, description: 'The district the page belongs to.' }),
  }),
});

builder.queryFields((t) => ({
  sources: t.prismaField({
    type: ['Source'],
    description: 'Every source of the graph, with its date.',
    resolve: (query) => db().source.findMany({ ...query, orderBy: { id: 'asc' } }),
  }),
}));
