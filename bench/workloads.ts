// What the benchmark sends: the project's own operations (schema/operations), and for
// PostGraphile the same facts asked of its schema of the same tables (bench/postgraphile/
// operations). `facts` reduces either answer to what both must agree on before a measurement.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rootDir } from '../src/paths.js';

export interface Workload {
  name: string;
  ours: { query: string; variables: Record<string, unknown> };
  postgraphile: { query: string; variables: Record<string, unknown> };
  facts: { ours(data: any): unknown; postgraphile(data: any): unknown };
}

const ourOperation = (name: string) => readFileSync(join(rootDir, 'schema', 'operations', `${name}.graphql`), 'utf8');
const theirOperation = (name: string) => readFileSync(join(rootDir, 'bench', 'postgraphile', 'operations', `${name}.graphql`), 'utf8');
const sorted = <T>(values: T[]) => values.map((value) => JSON.stringify(value)).sort();

/** A contact: its post, its channels' values, its office hours' weekly intervals. */
const contactFacts = (position: string, channels: string[], intervals: number) => ({ position, channels: [...channels].sort(), intervals });

export function workloads({ comparePage }: { comparePage: number }): Workload[] {
  return [
    {
      name: 'ContactCard',
      ours: { query: ourOperation('ContactCard'), variables: { ags: '16065' } },
      postgraphile: { query: theirOperation('ContactCard'), variables: { ags: '16065' } },
      facts: {
        ours: ({ district }) => ({
          count: district.contacts.totalCount,
          contacts: sorted(
            district.contacts.edges.map(({ node }: any) =>
              contactFacts(
                node.position.title,
                node.channels.map((channel: any) => channel.value),
                node.officeHours.flatMap((hours: any) => hours.intervals).length,
              ),
            ),
          ),
        }),
        postgraphile: ({ districtByRowId: district }) => ({
          count: district.contactsByDistrictId.totalCount,
          contacts: sorted(
            district.contactsByDistrictId.nodes.map((node: any) =>
              contactFacts(
                node.positionByPositionId.title,
                node.contactChannelsByContactId.nodes.map((channel: any) => channel.value),
                node.officeHoursByContactId.nodes.flatMap((hours: any) => hours.officeHourIntervalsByOfficeHoursId.nodes).length,
              ),
            ),
          ),
        }),
      },
    },
    {
      name: 'Offers',
      ours: { query: ourOperation('Offers'), variables: { first: 20 } },
      postgraphile: { query: theirOperation('Offers'), variables: { first: 20 } },
      facts: {
        ours: ({ offers }) => ({
          count: offers.totalCount,
          offers: sorted(offers.edges.map(({ node }: any) => [node.title, node.district.ags, node.places.length])),
        }),
        postgraphile: ({ allOffers }) => ({
          count: allOffers.totalCount,
          offers: sorted(
            allOffers.nodes.map((node: any) => [node.title, node.districtByDistrictId.rowId, node.offerPlacesByOfferId.nodes.length]),
          ),
        }),
      },
    },
    {
      name: `CompareDistricts (${comparePage} districts)`,
      ours: { query: ourOperation('CompareDistricts'), variables: { first: comparePage } },
      postgraphile: { query: theirOperation('CompareDistricts'), variables: { first: comparePage } },
      facts: {
        ours: ({ districts }) => ({
          count: districts.totalCount,
          districts: districts.edges.map(({ node }: any) => [
            node.ags,
            node.coverage.contacts,
            node.coverage.offers,
            node.concepts.map((concept: any) => [concept.title, concept.fieldsOfAction.length]),
            node.fundings.length,
            sorted(node.indicators.map((value: any) => Number(value.value))),
          ]),
        }),
        postgraphile: ({ allDistricts }) => ({
          count: allDistricts.totalCount,
          districts: allDistricts.nodes.map((node: any) => [
            node.rowId,
            node.contacts.totalCount > 0,
            node.offers.totalCount > 0,
            node.integrationConceptsByDistrictId.nodes.map((concept: any) => [
              concept.title,
              concept.conceptFieldOfActionsByConceptId.nodes.length,
            ]),
            node.fundingsByDistrictId.nodes.length,
            sorted(node.indicatorValuesByDistrictId.nodes.map((value: any) => Number(value.value))),
          ]),
        }),
      },
    },
  ];
}
