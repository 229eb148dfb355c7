import { requestLoader } from '../common/requestLoader.js';
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

interface FieldSourceShape {
  field: string;
  source: typeof Source.$inferType;
}

const FieldSource = builder.objectRef<FieldSourceShape>('FieldSource').implement({
  description: 'A fact of a record printed on another page than the record’s own `source`: which field, and that page.',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'The field, e.g. "since" of a post.' }),
    source: t.field({ type: Source, description: 'The page that prints it.', resolve: (fact) => fact.source }),
  }),
});

const recordKey = (type: string, id: string) => `${type}\u0000${id}`;

/** The facts of the records a request reads that other pages print, loaded together. */
async function loadFieldSources(keys: readonly string[]): Promise<FieldSourceShape[][]> {
  // One condition per type, not per record: a page of 500 offers is one IN list.
  const idsByType = new Map<string, string[]>();
  for (const key of keys) {
    const [entityType, entityId] = key.split('\u0000') as [string, string];
    const ids = idsByType.get(entityType);
    if (ids) ids.push(entityId);
    else idsByType.set(entityType, [entityId]);
  }
  const found = await db().factSource.findMany({
    where: { OR: [...idsByType].map(([entityType, ids]) => ({ entityType, entityId: { in: ids } })) },
    include: { source: true },
    orderBy: { field: 'asc' },
  });
  return keys.map((key) => found.filter((fact) => recordKey(fact.entityType, fact.entityId) === key));
}

builder.interfaceField(ChangeTracked, 'fieldSources', (t) =>
  t.field({
    type: [FieldSource],
    description:
      'Facts of the record printed on another page than its `source` (per-field provenance): e.g. a post named on one page whose start date another page prints. Empty where its `source` prints them all.',
    resolve: (record, _args, context, info) => requestLoader(context, loadFieldSources).load(recordKey(info.parentType.name, record.id)),
  }),
);
