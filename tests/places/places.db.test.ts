// "I live in …": a town by name, key or postcode leads to its district and the offers that reach
// it, with the official list's attribution; districts without data say so.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const placeFields = 'ags ars name kind districtAgs districtName district { name } attribution';

async function places(search: string, fields = placeFields) {
  const { data, errors } = await server.graphql(`query ($search: String!) { places(search: $search) { ${fields} } }`, { search });
  expect(errors).toBeUndefined();
  return data.places;
}

test('by name: Sondershausen is in the Kyffhäuserkreis, with the BKG attribution', async () => {
  expect(await places('sondershausen')).toEqual([
    {
      ags: '16065067',
      ars: '160650067067',
      name: 'Sondershausen',
      kind: 'Stadt',
      districtAgs: '16065',
      districtName: 'Kyffhäuserkreis',
      district: { name: 'Kyffhäuserkreis' },
      attribution: '© GeoBasis-DE / BKG 2022 (Daten verändert), www.bkg.bund.de',
    },
  ]);
});

test('by 8-digit AGS and 12-digit ARS: Eisenach belongs to the Wartburgkreis since 2021', async () => {
  const [byAgs] = await places('16063105', 'name districtName effectiveSince');
  expect(byAgs).toEqual({ name: 'Eisenach', districtName: 'Wartburgkreis', effectiveSince: '2021-07-01' });
  expect(await places('160630105105', 'name')).toEqual([{ name: 'Eisenach' }]);
});

test('by postcode, through the addresses the graph knows', async () => {
  expect((await places('99706', 'name')).map((place: { name: string }) => place.name)).toEqual(['Sondershausen']);
});

test('a town of a district without data: its district is there, and says it has no data in the graph', async () => {
  const [erfurt] = await places('Erfurt', 'ags districtName district { name kind coverage { hasData contacts offers } }');
  expect(erfurt).toEqual({
    ags: '16051000',
    districtName: 'Erfurt',
    district: { name: 'Erfurt', kind: 'DISTRICT_FREE_CITY', coverage: { hasData: false, contacts: false, offers: false } },
  });
});

test('the offers for a town: its district’s offers held there, online, or not tied to a town', async () => {
  const [sondershausen] = await places('Sondershausen', 'offers { title places { municipality { name } } online }');
  expect(sondershausen.offers.length).toBeGreaterThan(0);
  for (const offer of sondershausen.offers) {
    const towns = offer.places.map((place: { municipality: { name: string } }) => place.municipality.name);
    expect(offer.online || towns.length === 0 || towns.includes('Sondershausen'), offer.title).toBe(true);
  }
  // The VHS holds its courses in Sondershausen and Artern: not an offer for Bad Frankenhausen.
  const vhs = (offers: { title: string }[]) => offers.some((offer) => offer.title.startsWith('Integrationsangebote VHS'));
  const offersFor = async (town: string) => (await places(town, 'offers { title }'))[0].offers;
  expect([vhs(sondershausen.offers), vhs(await offersFor('Artern')), vhs(await offersFor('Bad Frankenhausen'))]).toEqual([
    true,
    true,
    false,
  ]);
  // Offers not tied to a town (the online handbook) reach every town of the district.
  expect((await offersFor('Bad Frankenhausen')).length).toBe(sondershausen.offers.length - 1);
});

test('a search of nothing is refused', async () => {
  const { errors } = await server.graphql('{ places(search: " ") { name } }');
  expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});
