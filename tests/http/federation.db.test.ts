// The graph as an Apollo Federation v2 subgraph: composed with a second subgraph that adds a
// field to District, and resolving entities by key over HTTP as a gateway would.
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A statistics office's subgraph: population per district, keyed by AGS like ours. */
const statisticsSubgraph = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])

  type District @key(fields: "ags") {
    ags: String!
    population: Int
  }

  type Query {
    largestDistricts: [District!]!
  }
`;

test('our subgraph SDL composes with another subgraph that extends District', async () => {
  const { data } = await server.graphql('{ _service { sdl } }');
  const ourSdl: string = data._service.sdl;
  expect(ourSdl).toMatch(/type District implements ChangeTracked & Node\s+@key\(fields: "ags"\)/);
  expect(ourSdl).toMatch(/type State implements ChangeTracked & Node\s+@key\(fields: "code"\)/);

  const result = composeServices([
    { name: 'integrationsgraph', typeDefs: parse(ourSdl), url: server.url },
    { name: 'statistics', typeDefs: parse(statisticsSubgraph), url: 'http://statistics.invalid/graphql' },
  ]);
  expect(result.errors ?? []).toEqual([]);
  const publicSdl = result.publicSdl!;
  const district = /type District implements ChangeTracked & Node \{[^}]*\}/.exec(publicSdl)?.[0] ?? '';
  expect(district).toContain('population: Int');
  expect(district).toContain('contacts(');
  expect(publicSdl).toContain('largestDistricts: [District!]!');
});

test('_entities resolves districts by AGS, states by code and contacts by global ID', async () => {
  const { data: ids } = await server.graphql('{ contacts(filter: { area: { district: "16063" } }) { edges { node { id } } } }');
  const contactId = ids.contacts.edges[0].node.id;
  const response = await server.graphql(
    `query ($representations: [_Any!]!) {
      _entities(representations: $representations) {
        __typename
        ... on District { ags name contacts { totalCount } }
        ... on State { code name }
        ... on Contact { person { displayName } }
        ... on FundingProgramme { shortName }
      }
    }`,
    {
      representations: [
        { __typename: 'District', ags: '16065' },
        { __typename: 'District', ags: '99999' },
        { __typename: 'State', code: 'SN' },
        { __typename: 'Contact', id: contactId },
        { __typename: 'FundingProgramme', key: 'thilik' },
      ],
    },
  );
  expect(response.errors).toBeUndefined();
  expect(response.data._entities).toEqual([
    { __typename: 'District', ags: '16065', name: 'Kyffhäuserkreis', contacts: { totalCount: 2 } },
    null,
    { __typename: 'State', code: 'SN', name: 'Freistaat Sachsen' },
    { __typename: 'Contact', person: { displayName: 'Herr Rodeck' } },
    { __typename: 'FundingProgramme', shortName: 'ThILIK' },
  ]);
});

test('a representation of no entity of this subgraph, or without its key, is BAD_USER_INPUT', async () => {
  const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }';
  const unknown = await server.graphql(query, { r: [{ __typename: 'Nope', id: 'x' }] });
  expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'representations' } });
  expect(unknown.errors?.[0]?.message).toContain('representations[0]: __typename "Nope" is not an entity of this subgraph');
  const keyless = await server.graphql(query, { r: [{ __typename: 'District', ags: '16065' }, { __typename: 'District' }] });
  expect(keyless.errors?.[0]).toMatchObject({
    message: 'representations[1]: a District is found by ags.',
    extensions: { code: 'BAD_USER_INPUT' },
  });
  const found = await server.graphql(query, { r: [{ __typename: 'District', ags: '16065' }] });
  expect(found).toEqual({ data: { _entities: [{ __typename: 'District' }] } });
});
