// The point an OpenStreetMap link names, as an editor pastes it.
import { expect, test } from 'vitest';
import { mapLinkOf, pointOfMapLink } from '../../src/rules/mapLinks.js';

test.each([
  ['https://www.openstreetmap.org/?mlat=51.37021&mlon=10.87203#map=19/51.37021/10.87203', { latitude: 51.37021, longitude: 10.87203 }],
  ['https://www.openstreetmap.org/#map=18/51.3702/10.8720', { latitude: 51.3702, longitude: 10.872 }],
  ['https://www.openstreetmap.org/#map=18/51.3702/10.8720&layers=N', { latitude: 51.3702, longitude: 10.872 }],
  ['https://osm.org/?mlat=50.9&mlon=11.03', { latitude: 50.9, longitude: 11.03 }],
  ['  geo:51.37021,10.87203  ', { latitude: 51.37021, longitude: 10.87203 }],
  ['https://www.openstreetmap.org/node/123456', null],
  ['https://www.openstreetmap.org/search?query=Markt%208', null],
  ['https://maps.example.org/?mlat=51&mlon=10', null],
  ['Markt 8, Sondershausen', null],
])('%s', (link, point) => {
  expect(pointOfMapLink(link)).toEqual(point);
});

test('a point’s link names it with a marker, and reads back as the same point', () => {
  const point = { latitude: 51.37021, longitude: 10.87203 };
  expect(pointOfMapLink(mapLinkOf(point))).toEqual(point);
});
