// Every district and municipality of both states from the official list (BKG), as dated
// reference data with its source: districts without data are there and say so, a district is
// found by the key of any place in it, and Eisenach's merger is history, not a rename.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seed } from '../../src/packages/seed.js';
import { readRegionsFile, referenceReleaseId } from '../../src/places/referenceLoad.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function query(text: string, variables?: Record<string, unknown>) {
  const { data, errors } = await server.graphql(text, variables);
  expect(errors).toBeUndefined();
  return data;
}

describe('the official list', () => {
  test('Thüringen has 17 Landkreise and 5 kreisfreie Städte, Sachsen 10 and 3', async () => {
    const data = await query(`{
      th: districts(state: TH, first: 100) { totalCount edges { node { ags kind } } }
      sn: districts(state: SN, first: 100) { totalCount edges { node { ags kind } } }
      state(code: TH) { districts(first: 1) { totalCount } }
    }`);
    const nodesOf = (connection: { edges: { node: { ags: string; kind: string } }[] }) => connection.edges.map((edge) => edge.node);
    data.th.nodes = nodesOf(data.th);
    data.sn.nodes = nodesOf(data.sn);
    const kinds = (nodes: { kind: string }[]) => [
      nodes.filter((node) => node.kind === 'RURAL_DISTRICT').length,
      nodes.filter((node) => node.kind === 'DISTRICT_FREE_CITY').length,
    ];
    expect([data.th.totalCount, ...kinds(data.th.nodes)]).toEqual([22, 17, 5]);
    expect([data.sn.totalCount, ...kinds(data.sn.nodes)]).toEqual([13, 10, 3]);
    expect(data.state.districts.totalCount).toBe(22);
    const { regions } = readRegionsFile();
    expect([...data.th.nodes, ...data.sn.nodes].map((node: { ags: string }) => node.ags).sort()).toEqual(
      regions.districts.map((district) => district.ags).sort(),
    );
  });

  test('every municipality is in its district, with the list’s keys', async () => {
    const data = await query(`{ districts(first: 100) { edges { node { ags places { ags ars name kind } } } } }`);
    const places = data.districts.edges
      .map((edge: { node: unknown }) => edge.node)
      .flatMap((district: { ags: string; places: { ags: string; ars: string }[] }) =>
        district.places.map((place) => ({ district: district.ags, ...place })),
      );
    expect(places).toHaveLength(1050);
    for (const place of places) {
      expect(place.ags.slice(0, 5)).toBe(place.district);
      expect(place.ars.slice(0, 5)).toBe(place.district);
    }
    expect(places.find((place: { name: string }) => place.name === 'Sondershausen')).toMatchObject({ ars: '160650067067', kind: 'Stadt' });
  });

  test('a district the graph holds no data of is there, and says so — no invented zeros', async () => {
    const data = await query(`{
      erfurt: district(ags: "16051") { name kind nuts3 coverage { contacts concept fundings offers indicators hasData newestFact } }
      kyffhaeuser: district(ags: "16065") { name coverage { contacts concept fundings offers hasData newestFact } }
    }`);
    expect(data.erfurt).toEqual({
      name: 'Erfurt',
      kind: 'DISTRICT_FREE_CITY',
      nuts3: 'DEG01',
      coverage: { contacts: false, concept: false, fundings: false, offers: false, indicators: false, hasData: false, newestFact: null },
    });
    expect(data.kyffhaeuser.coverage).toMatchObject({ contacts: true, concept: true, fundings: true, offers: true, hasData: true });
    expect(data.kyffhaeuser.coverage.newestFact).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('the source, its licence and the attribution travel with the data', async () => {
    const data = await query(`{ district(ags: "16051") { attribution officialSource { kind licence attribution asOf url } } }`);
    expect(data.district).toEqual({
      attribution: '© GeoBasis-DE / BKG 2022 (Daten verändert)',
      officialSource: {
        kind: 'REFERENCE_DATA',
        licence: 'Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)',
        attribution: '© GeoBasis-DE / BKG 2022 (Daten verändert)',
        asOf: '2022-01-01',
        url: 'https://www.bkg.bund.de',
      },
    });
  });
});

describe('district(ags:) takes the key of any place in the district', () => {
  const nameFor = async (ags: string) => (await query('query ($ags: String!) { district(ags: $ags) { name } }', { ags })).district.name;

  test.each([
    ['16065', 'Kyffhäuserkreis', 'the district’s AGS'],
    ['16065000', 'Kyffhäuserkreis', 'the district’s 8-digit AGS'],
    ['16065067', 'Kyffhäuserkreis', 'Sondershausen’s AGS'],
    ['160650067067', 'Kyffhäuserkreis', 'Sondershausen’s ARS'],
    ['160650000000', 'Kyffhäuserkreis', 'the district’s ARS'],
    ['160630105105', 'Wartburgkreis', 'Eisenach’s ARS'],
    ['16063105', 'Wartburgkreis', 'Eisenach’s AGS today'],
    ['14612000', 'Dresden', 'a kreisfreie Stadt’s municipality AGS'],
  ])('%s answers %s (%s)', async (ags, name) => {
    expect(await nameFor(ags)).toBe(name);
  });

  test('an unknown municipality is NOT_FOUND; a key of the wrong length is BAD_USER_INPUT', async () => {
    const unknown = await server.graphql('{ district(ags: "16065999") { name } }');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const unknownArs = await server.graphql('{ district(ags: "160659999999") { name } }');
    expect(unknownArs.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await server.graphql('{ district(ags: "1606") { name } }');
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('Eisenach: a change on 2021-07-01 is history, not a rename', () => {
  test('the former kreisfreie Stadt answers by its key, with its end and its successor', async () => {
    const data = await query(
      `{ district(ags: "16056") { name kind validTo successor { name } } wartburg: district(ags: "16063") { predecessors { ags name } } }`,
    );
    expect(data.district).toEqual({
      name: 'Eisenach',
      kind: 'DISTRICT_FREE_CITY',
      validTo: '2021-07-01',
      successor: { name: 'Wartburgkreis' },
    });
    expect(data.wartburg.predecessors).toEqual([{ ags: '16056', name: 'Eisenach' }]);
  });

  test('lists show the districts of the day asked for', async () => {
    const names = async (asOf?: string) =>
      (
        await query('query ($asOf: Date) { districts(state: TH, first: 100, asOf: $asOf) { edges { node { name } } } }', { asOf })
      ).districts.edges.map((edge: { node: { name: string } }) => edge.node.name);
    expect(await names()).not.toContain('Eisenach');
    expect(await names('2021-07-01')).not.toContain('Eisenach');
    const before = await names('2021-06-30');
    expect(before).toContain('Eisenach');
    expect(before).toHaveLength(23);
  });
});

describe('loading', () => {
  test('the list is applied once: starting again writes nothing, and the feed announced each district once', async () => {
    const outcomes = await seed(server.database.client);
    expect(outcomes.find((outcome) => outcome.file === referenceReleaseId)).toMatchObject({ action: 'current', records: 0 });
    const created = await server.database.client.feedEvent.count({ where: { entityType: 'District', action: 'CREATED' } });
    expect(created).toBe(36); // 35 of today and the former Eisenach
    expect(await server.database.client.place.count()).toBe(1050);
  });

  test('a database seeded before the list existed gets it on the next start: its districts gain the key facts and a new version', async () => {
    const client = server.database.client;
    const before = await client.district.findUniqueOrThrow({ where: { id: '16065' } });
    await client.district.update({ where: { id: '16065' }, data: { nuts3: null, referenceSourceId: null } });
    await client.seedRelease.delete({ where: { id: referenceReleaseId } });
    const outcomes = await seed(client);
    expect(outcomes.find((outcome) => outcome.file === referenceReleaseId)).toMatchObject({ action: 'loaded' });
    const after = await client.district.findUniqueOrThrow({ where: { id: '16065' } });
    expect(after).toMatchObject({ nuts3: 'DEG0A', name: before.name, version: before.version + 1 });
    const last = await client.feedEvent.findFirst({ where: { entityType: 'District', entityId: '16065' }, orderBy: { position: 'desc' } });
    expect(last).toMatchObject({ action: 'UPDATED', version: before.version + 1 });
    expect(await client.place.count()).toBe(1050);
  });
});
