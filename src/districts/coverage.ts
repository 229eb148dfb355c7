// How much integration data the graph holds of a district: which kinds of records exist and how
// fresh its newest dated fact is. One statement for all districts a request asks about.
import { builder } from '../builder.js';
import { requestLoader } from '../common/requestLoader.js';
import { db } from '../db/client.js';
import { sqlTable } from '../db/datamodel.js';
import { Prisma } from '../generated/prisma/client.js';

export interface Coverage {
  contacts: boolean;
  concept: boolean;
  fundings: boolean;
  offers: boolean;
  indicators: boolean;
  newestFact: Date | null;
}

const table = (model: Parameters<typeof sqlTable>[0]) => Prisma.raw(sqlTable(model));

async function loadCoverage(ids: readonly string[]): Promise<Coverage[]> {
  const rows = await db().$queryRaw<(Coverage & { id: string })[]>`
    SELECT d.id,
      EXISTS (SELECT 1 FROM ${table('Contact')} r WHERE r."districtId" = d.id AND r."archivedAt" IS NULL) AS contacts,
      EXISTS (SELECT 1 FROM ${table('IntegrationConcept')} r WHERE r."districtId" = d.id AND r."archivedAt" IS NULL) AS concept,
      EXISTS (SELECT 1 FROM ${table('Funding')} r WHERE r."districtId" = d.id AND r."archivedAt" IS NULL) AS fundings,
      EXISTS (SELECT 1 FROM ${table('Offer')} r WHERE r."districtId" = d.id AND r."archivedAt" IS NULL) AS offers,
      EXISTS (SELECT 1 FROM ${table('IndicatorValue')} r WHERE r."districtId" = d.id AND r."archivedAt" IS NULL) AS indicators,
      (SELECT max(s."asOf") FROM ${table('Source')} s WHERE s."districtId" = d.id) AS "newestFact"
    FROM ${table('District')} d WHERE d.id = ANY(${[...ids]})`;
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map(
    (id) => byId.get(id) ?? { contacts: false, concept: false, fundings: false, offers: false, indicators: false, newestFact: null },
  );
}

/** The coverage of a district, batched with the other districts of the request. */
export const coverageOf = (context: object, districtId: string) => requestLoader(context, loadCoverage).load(districtId);

export const hasAnyData = (coverage: Coverage) =>
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
    newestFact: t.expose('newestFact', {
      type: 'Date',
      nullable: true,
      description: 'The date of the district’s newest dated fact: the latest "as of" date of its sources; null when none states one.',
    }),
  }),
});
