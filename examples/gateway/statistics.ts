// A second subgraph, as a statistics office would run it: per district its number of
// municipalities (from the BKG reference data, see district-statistics.json),
// keyed by AGS like our District, and a list of districts that refers back to ours.
import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';

const data = JSON.parse(readFileSync(new URL('./district-statistics.json', import.meta.url), 'utf8')) as {
  attribution: string;
  districts: { ags: string; nuts3: string; municipalities: number }[];
};
const byAgs = new Map(data.districts.map((district) => [district.ags, district]));

const typeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])

  "A district as the statistics office knows it."
  type District @key(fields: "ags") {
    ags: String!
    "Municipalities with this district's AGS in BKG VG250 (Stand 01.01.2022)."
    municipalityCount: Int
  }

  type Query {
    "Districts of Sachsen and Thüringen in the reference data: all, or those named by AGS."
    districtStatistics(ags: [String!]): [District!]!
    "The attribution the licence (dl-de/by-2-0) asks for wherever these figures are shown."
    statisticsAttribution: String!
  }
`);

const district = (ags: string) => {
  const known = byAgs.get(ags);
  return known ? { ags, municipalityCount: known.municipalities } : null;
};

const resolvers = {
  Query: {
    districtStatistics: (_: unknown, args: { ags?: string[] | null }) =>
      data.districts.filter((each) => !args.ags || args.ags.includes(each.ags)).map((each) => district(each.ags)),
    statisticsAttribution: () => data.attribution,
  },
  District: {
    __resolveReference: (reference: { ags: string }) => district(reference.ags),
  },
};

export function statisticsSubgraph() {
  return createYoga({ schema: buildSubgraphSchema([{ typeDefs, resolvers }]), graphiql: false, logging: false });
}
