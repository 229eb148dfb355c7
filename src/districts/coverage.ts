// How much integration data the graph holds of a district: which kinds of records exist and how
// fresh its newest dated fact is. Read with the district where the district is read (the field's
// selection), else in one statement for all districts a request asks about.

import { requestLoader } from '../common/requestLoader.js';
import { db } from '../db/client.js';
import type { Prisma } from '../generated/prisma/client.js';
import { builder } from '../graphql/builder.js';

export interface Coverage {
  contacts: boolean;
  concept: boolean;
  fundings: boolean;
  offers: boolean;
  indicators: boolean;
  newestFact: Date | null;
  /** How many records of each kind, not withdrawn. */
  counts: { contacts: number; concepts: number; fundings: number; offers: number; indicatorValues: number };
}

const current = { where: { archivedAt: null } } as const;

/** The district's newest source that states its date: its "as of" is the district's freshness. */
export const newestDatedSource = {
  select: { asOf: true },
  where: { asOf: { not: null } },
  orderBy: { asOf: 'desc' },
  take: 1,
} as const satisfies Prisma.District$sourcesArgs;

/**
 * What a district's coverage is read from, as part of the query that reads the district: with
 * relation joins, no statement of its own.
 */
export const coverageSelect = {
  _count: { select: { contacts: current, concepts: current, fundings: current, offers: current, indicatorValues: current } },
  sources: newestDatedSource,
} as const satisfies Prisma.DistrictSelect;

export function coverageFrom({ _count: count, sources }: Prisma.DistrictGetPayload<{ select: typeof coverageSelect }>): Coverage {
  return {
    contacts: count.contacts > 0,
    concept: count.concepts > 0,
    fundings: count.fundings > 0,
    offers: count.offers > 0,
    indicators: count.indicatorValues > 0,
    newestFact: sources[0]?.asOf ?? null,
    counts: count,
  };
}

async function loadCoverage(ids: readonly string[]): Promise<Coverage[]> {
  const rows = await db().district.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, ...coverageSelect },
    relationLoadStrategy: 'join',
  });
  const byId = new Map(rows.map((row) => [row.id, coverageFrom(row)]));
  const none = { contacts: 0, concepts: 0, fundings: 0, offers: 0, indicatorValues: 0 };
  return ids.map(
    (id) =>
      byId.get(id) ?? {
        contacts: false,
        concept: false,
        fundings: false,
        offers: false,
        indicators: false,
        newestFact: null,
        counts: none,
      },
  );
}

/** The coverage of a district, batched with the other districts of the request. */
export const coverageOf = (context: object, districtId: string) => requestLoader(context, loadCoverage).load(districtId);

const hasAnyData = (coverage: Coverage) =>
  coverage.contacts || coverage.concept || coverage.fundings || coverage.offers || coverage.indicators;

export const DistrictCoverage = builder.objectRef<Coverage>('DistrictCoverage').implement({
  description:
    'Which integration data the graph holds of a district. False means the graph holds none of that kind — not that the district has none: most districts have simply not been entered yet.',
  fields: (t) => ({
    contacts: t.exposeBoolean('contacts', { description: 'Whether the graph holds contacts (Ansprechpersonen) of the district.' }),
    concept: t.exposeBoolean('concept', {
      description: 'Whether the graph holds an integration concept (Integrationskonzept) of the district.',
    }),
    fundings: t.exposeBoolean('fundings', {
      description: 'Whether the graph holds fundings (Förderungen) of the district’s posts or projects.',
    }),
    offers: t.exposeBoolean('offers', { description: 'Whether the graph holds local offers (Angebote) of the district.' }),
    indicators: t.exposeBoolean('indicators', { description: 'Whether the graph holds indicator values (Kennzahlen) of the district.' }),
    hasData: t.boolean({ description: 'Whether the graph holds any of the above.', resolve: hasAnyData }),
    contactCount: t.int({
      description: 'How many contacts of the district the graph holds, not withdrawn (past ones included).',
      resolve: (coverage) => coverage.counts.contacts,
    }),
    conceptCount: t.int({ description: 'How many integration concepts, not withdrawn.', resolve: (coverage) => coverage.counts.concepts }),
    fundingCount: t.int({ description: 'How many fundings, not withdrawn.', resolve: (coverage) => coverage.counts.fundings }),
    offerCount: t.int({ description: 'How many local offers, not withdrawn.', resolve: (coverage) => coverage.counts.offers }),
    indicatorValueCount: t.int({
      description: 'How many indicator values, not withdrawn.',
      resolve: (coverage) => coverage.counts.indicatorValues,
    }),
    newestFact: t.expose('newestFact', {
      type: 'Date',
      nullable: true,
      description: 'The date of the district’s newest dated fact: the latest "as of" date of its sources; null when none states one.',
    }),
  }),
});
