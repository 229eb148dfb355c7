// A district's contacts and offers as schema.org JSON-LD, expanded by an independent JSON-LD
// processor (jsonld.js): every term must map to a schema.org IRI, and the facts must be there.
import jsonld from 'jsonld';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createToken } from '../../src/tokens/issue.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

// No network in the tests (nor, for most district websites' validators, a need for one):
// schema.org's context is its vocabulary, every term an IRI under https://schema.org/.
const documentLoader = async (url: string) => {
  if (url.replace(/\/$/, '') !== 'https://schema.org') throw new Error(`unexpected context ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: { '@context': { '@vocab': 'https://schema.org/' } } };
};

const schema = (term: string) => `https://schema.org/${term}`;
type Expanded = Record<string, unknown[] | string>;

async function expandedDistrict(ags: string) {
  const { data } = await server.graphql(`{ district(ags: "${ags}") { jsonLdUrl } }`);
  const response = await fetch(data.district.jsonLdUrl);
  expect(response.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
  expect(response.headers.get('etag')).toBeTruthy();
  const document = await response.json();
  return (await jsonld.expand(document, { documentLoader: documentLoader as never })) as Expanded[];
}

const ofType = (nodes: Expanded[], type: string) => nodes.filter((node) => (node['@type'] as string[] | undefined)?.includes(schema(type)));
const value = (node: Expanded, term: string) =>
  (node[schema(term)] as { '@value'?: unknown; '@id'?: string }[] | undefined)?.map((each) => each['@value'] ?? each['@id']);

test('the Kyffhäuserkreis: a GovernmentOrganization, its offices with their contact points, its offers as services', async () => {
  const nodes = await expandedDistrict('16065');
  // Nothing was left unmapped: every property is a schema.org IRI.
  for (const node of nodes)
    for (const key of Object.keys(node)) expect(key.startsWith('@') || key.startsWith('https://schema.org/'), key).toBe(true);
  const [district] = ofType(nodes, 'GovernmentOrganization');
  expect(value(district!, 'name')).toEqual(['Kyffhäuserkreis']);
  const offices = ofType(nodes, 'GovernmentOffice');
  expect(offices.length).toBeGreaterThan(0);
  expect(value(district!, 'department')).toEqual(offices.map((office) => office['@id']));
  for (const office of offices) {
    expect(value(office, 'parentOrganization')).toEqual([district!['@id']]);
    const [point] = office[schema('contactPoint')] as Expanded[];
    expect(point!['@type']).toEqual([schema('ContactPoint')]);
  }
  const services = ofType(nodes, 'Service');
  expect(services).toHaveLength(8);
  expect(services.map((each) => value(each, 'name')?.[0])).toContain('Integrationskurse und weitere Sprachkurse');
});

test('an office with weekly hours says them as OpeningHoursSpecification on schema.org weekdays', async () => {
  const { token } = await createToken(server.database.client, { name: 'Redaktion', role: 'EDITOR', districtIds: ['16065'] });
  const guide = await server.graphql(
    '{ contacts(filter: { area: { district: "16065" }, role: "integration-guide" }) { edges { node { id version } } } }',
  );
  const { id, version } = guide.data.contacts.edges[0].node;
  const edited = await server.graphql(
    `mutation ($input: UpdateContactInput!) { updateContact(input: $input) { __typename } }`,
    {
      input: {
        id,
        version,
        officeHours: [{ printed: 'Dienstag 9–12 Uhr', intervals: [{ weekday: 'TUESDAY', opens: '09:00', closes: '12:00' }] }],
      },
    },
    token,
  );
  expect(edited.data.updateContact.__typename).toBe('MutationUpdateContactSuccess');
  const nodes = await expandedDistrict('16065');
  const office = ofType(nodes, 'GovernmentOffice').find((each) => String(each['@id']).endsWith(id))!;
  const [hours] = office[schema('openingHoursSpecification')] as Expanded[];
  expect(hours!['@type']).toEqual([schema('OpeningHoursSpecification')]);
  expect(value(hours!, 'dayOfWeek')).toEqual([schema('Tuesday')]);
  expect([value(hours!, 'opens'), value(hours!, 'closes')]).toEqual([['09:00'], ['12:00']]);
  const [point] = office[schema('contactPoint')] as Expanded[];
  expect(value((point![schema('hoursAvailable')] as Expanded[])[0]!, 'dayOfWeek')).toEqual([schema('Tuesday')]);
});

test('an unknown district is 404', async () => {
  expect((await fetch(`${new URL(server.url).origin}/export/districts/99999.jsonld`)).status).toBe(404);
  expect((await fetch(`${new URL(server.url).origin}/export/districts/abc.jsonld`)).status).toBe(404);
});
