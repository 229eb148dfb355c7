// Where an office is and how it can be reached (issue: what newcomers ask that the graph could not
// say): editors give the entrance's point — pasted from an OpenStreetMap link, or as latitude and
// longitude — and its accessibility; the API, the vCard, the JSON-LD and the district's package
// carry them, and what is not known stays unknown.
import { expect, test } from 'vitest';
import { exportPackages } from '../../src/packages/export.js';
import { currentGuide } from '../support/contacts.js';
import { answerOf, editingServer, mutate } from '../support/editing.js';

const editing = editingServer();

const townHall = {
  kind: 'VISITOR',
  placeName: 'Landratsamt Kyffhäuserkreis',
  street: 'Markt 8',
  postalCode: '99706',
  locality: 'Sondershausen',
};
const located = `addresses { kind coordinates { latitude longitude mapUrl } accessibility { stepFreeEntrance lift accessibleToilet hearingLoop note } }`;

async function giveAddresses(addresses: object[]) {
  const guide = await currentGuide(editing);
  const response = await editing.as(editing.tokens.kyffhaeuser, mutate('updateContact', 'UpdateContactInput', located), {
    input: { id: guide.id, version: guide.version, fields: { addresses } },
  });
  return answerOf(response) as { __typename: string; data?: { addresses: any[] }; issues?: { path: string; code: string }[] };
}

test('a point pasted from an OpenStreetMap link and the access the editors know; unknown stays unknown', async () => {
  const saved = await giveAddresses([
    {
      ...townHall,
      mapLink: 'https://www.openstreetmap.org/?mlat=51.37021&mlon=10.87203#map=19/51.37021/10.87203',
      stepFreeEntrance: true,
      lift: false,
      accessibilityNote: 'Klingel am Seiteneingang',
    },
    { kind: 'POSTAL', postOfficeBox: '11 65', postalCode: '99701', locality: 'Sondershausen' },
  ]);
  expect(saved.__typename).toBe('MutationUpdateContactSuccess');
  const byKind = (kind: string) => saved.data!.addresses.find((address) => address.kind === kind);
  const [visitor, postal] = [byKind('VISITOR'), byKind('POSTAL')];
  expect(visitor).toEqual({
    kind: 'VISITOR',
    coordinates: {
      latitude: 51.37021,
      longitude: 10.87203,
      mapUrl: 'https://www.openstreetmap.org/?mlat=51.37021&mlon=10.87203#map=19/51.37021/10.87203',
    },
    accessibility: { stepFreeEntrance: true, lift: false, accessibleToilet: null, hearingLoop: null, note: 'Klingel am Seiteneingang' },
  });
  expect(postal).toMatchObject({ coordinates: null, accessibility: { stepFreeEntrance: null, lift: null, note: null } });

  // The card says where it is; the package carries it, to be edited in a workbook and imported back.
  const guide = await currentGuide(editing);
  const { data } = await editing.as(null, `{ node(id: "${guide.id}") { ... on Contact { vcardUrl } } }`);
  const card = await (await fetch(data.node.vcardUrl)).text();
  expect(card).toContain('GEO;VALUE=uri:geo:51.37021,10.87203');
  const vCard3 = await (await fetch(`${data.node.vcardUrl}?version=3.0`)).text();
  expect(vCard3).toMatch(/^GEO:51\.37021;10\.87203\r?$/m);
  const [kyffhaeuser] = (await exportPackages(editing.server.database.client)).filter((file) => file.dataPackage.district === '16065');
  const exported = (kyffhaeuser!.dataPackage.tables.addresses as Record<string, unknown>[]).find((row) => row.latitude != null);
  expect(exported).toMatchObject({ latitude: 51.37021, longitude: 10.87203, stepFreeEntrance: true, lift: false });
  expect(exported).not.toHaveProperty('accessibleToilet');
});

test('the JSON-LD names the entrance as geo and the access as amenity features', async () => {
  await giveAddresses([{ ...townHall, latitude: 51.37021, longitude: 10.87203, accessibleToilet: true, hearingLoop: false }]);
  const { data } = await editing.as(null, '{ district(ags: "16065") { jsonLdUrl } }');
  const document = await (await fetch(data.district.jsonLdUrl)).json();
  const guide = await currentGuide(editing);
  const office = document['@graph'].find((node: { '@id': string }) => node['@id'].endsWith(guide.id));
  expect(office.geo).toEqual({ '@type': 'GeoCoordinates', latitude: 51.37021, longitude: 10.87203 });
  expect(office.amenityFeature).toEqual([
    { '@type': 'LocationFeatureSpecification', name: 'Barrierefreies WC', value: true },
    { '@type': 'LocationFeatureSpecification', name: 'Induktive Höranlage', value: false },
  ]);
});

test('swapped, half or unreadable points are refused with their codes, at their fields, and nothing is written', async () => {
  const refused = await giveAddresses([
    { ...townHall, latitude: 10.87203, longitude: 51.37021 },
    { ...townHall, latitude: 51.37021 },
    { ...townHall, mapLink: 'https://www.openstreetmap.org/search?query=Markt%208' },
    { ...townHall, mapLink: 'geo:51.37021,10.87203', latitude: 51.37021, longitude: 10.87203 },
  ]);
  expect(refused.__typename).toBe('ValidationError');
  expect(refused.issues!.map(({ path, code }) => [path, code])).toEqual([
    ['fields.addresses[0].latitude', 'OUTSIDE_GERMANY'],
    ['fields.addresses[0].longitude', 'OUTSIDE_GERMANY'],
    ['fields.addresses[1].longitude', 'COORDINATES_PAIR'],
    ['fields.addresses[2].mapLink', 'MAP_LINK'],
    ['fields.addresses[3].mapLink', 'POINT_TWICE'],
  ]);
  expect(await editing.server.database.client.address.count({ where: { latitude: { not: null } } })).toBe(0);
});

test('addresses are answered office, visitor, postal, whatever order they were sent in and however often saved', async () => {
  const postal = { kind: 'POSTAL', postOfficeBox: '11 65', postalCode: '99701', locality: 'Sondershausen' };
  const office = { ...townHall, kind: 'OFFICE' };
  for (let save = 0; save < 3; save++) {
    const saved = await giveAddresses([postal, townHall, office]);
    expect(saved.data!.addresses.map((address) => address.kind)).toEqual(['OFFICE', 'VISITOR', 'POSTAL']);
  }
});
