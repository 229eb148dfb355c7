// Where an office or an offer's place is, and how it can be reached (Barrierefreiheit): the same
// columns on addresses and offer places, given the same way (a point as numbers or as a pasted
// OpenStreetMap link) and answered by the same types.
import { builder, type Types } from '../graphql/builder.js';
import { said } from '../rules/issues.js';
import { mapLinkOf, type Point, pointOfMapLink } from '../rules/mapLinks.js';
import type { Problems } from '../writes/problems.js';

/** The columns, as input fields and as they are stored. */
export const locationColumns = [
  'latitude',
  'longitude',
  'stepFreeEntrance',
  'lift',
  'accessibleToilet',
  'hearingLoop',
  'accessibilityNote',
] as const;

export const GeoCoordinates = builder.objectRef<Point>('GeoCoordinates').implement({
  description: 'A point in WGS 84, as the editors entered it (from a map; never geocoded).',
  fields: (t) => ({
    latitude: t.exposeFloat('latitude', { description: 'Latitude in decimal degrees, e.g. 51.37021.' }),
    longitude: t.exposeFloat('longitude', { description: 'Longitude in decimal degrees, e.g. 10.87203.' }),
    mapUrl: t.string({ description: 'The point on openstreetmap.org, with a marker.', resolve: mapLinkOf }),
  }),
});

interface Access {
  stepFreeEntrance: boolean | null;
  lift: boolean | null;
  accessibleToilet: boolean | null;
  hearingLoop: boolean | null;
  accessibilityNote: string | null;
}

export const Accessibility = builder.objectRef<Access>('Accessibility').implement({
  description: 'How a place can be reached and used (Barrierefreiheit). Each feature is true, false, or null where not known.',
  fields: (t) => ({
    stepFreeEntrance: t.exposeBoolean('stepFreeEntrance', { nullable: true, description: 'Step-free entrance (stufenloser Zugang).' }),
    lift: t.exposeBoolean('lift', { nullable: true, description: 'A lift to the floors visitors use (Aufzug).' }),
    accessibleToilet: t.exposeBoolean('accessibleToilet', { nullable: true, description: 'An accessible toilet (barrierefreies WC).' }),
    hearingLoop: t.exposeBoolean('hearingLoop', { nullable: true, description: 'A hearing loop (induktive Höranlage).' }),
    note: t.exposeString('accessibilityNote', { nullable: true, description: 'More about access, as the editors wrote it.' }),
  }),
});

/** The input fields of a place's point and access, for an input type's `fields`. */
export const locationInputFields = (t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) => ({
  latitude: t.float({ description: 'Where the entrance is: latitude in WGS 84 decimal degrees, e.g. 51.37021 (with `longitude`).' }),
  longitude: t.float({ description: 'Longitude in WGS 84 decimal degrees, e.g. 10.87203 (with `latitude`).' }),
  mapLink: t.string({
    description:
      'Instead of latitude and longitude: a link from openstreetmap.org naming the point (its marker, ?mlat=…&mlon=…, or the map’s centre, #map=19/51.37021/10.87203). Not stored: the point is.',
  }),
  stepFreeEntrance: t.boolean({ description: 'Step-free entrance (stufenloser Zugang); left out: not known.' }),
  lift: t.boolean({ description: 'A lift to the floors visitors use (Aufzug); left out: not known.' }),
  accessibleToilet: t.boolean({ description: 'An accessible toilet (barrierefreies WC); left out: not known.' }),
  hearingLoop: t.boolean({ description: 'A hearing loop (induktive Höranlage); left out: not known.' }),
  accessibilityNote: t.string({ description: 'More about access, e.g. "Klingel am Seiteneingang; Rampe über den Hof".' }),
});

interface GivenPoint {
  latitude?: number | null;
  longitude?: number | null;
  mapLink?: string | null;
}

/** The input with its point: as given, or read from the map link given instead (a problem at `path` where it cannot be). */
export function withPoint<Given extends GivenPoint>(
  { mapLink, ...given }: Given,
  path: string,
  problems: Problems,
): Omit<Given, 'mapLink'> {
  if (mapLink == null) return given;
  if (given.latitude != null || given.longitude != null) {
    problems.add(`${path}.mapLink`, said('POINT_TWICE', 'give the point once: as mapLink or as latitude and longitude, not both'));
    return given;
  }
  const point = pointOfMapLink(mapLink);
  if (!point)
    problems.add(`${path}.mapLink`, said('MAP_LINK', `"${mapLink}" is not an OpenStreetMap link naming a point`, { text: mapLink }));
  return { ...given, ...point };
}
