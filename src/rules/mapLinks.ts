// Editors give a place's point by pasting a link from OpenStreetMap (no geocoding service is
// asked: what the editor clicked is where the entrance is). No dependencies, so that the
// editors' app can read a link as it is pasted, as the API does.

export interface Point {
  latitude: number;
  longitude: number;
}

const number = (text: string | null | undefined) => (text != null && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : null);

const point = (latitude: number | null, longitude: number | null): Point | null =>
  latitude === null || longitude === null ? null : { latitude, longitude };

/**
 * The point an OpenStreetMap link names: its marker (`?mlat=…&mlon=…`), else the map's centre
 * (`#map=zoom/lat/lon`); a `geo:lat,lon` URI too. Null for anything else (a short link, a search).
 */
export function pointOfMapLink(link: string): Point | null {
  const geo = /^geo:(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/.exec(link.trim());
  if (geo) return point(number(geo[1]), number(geo[2]));
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  if (!/(^|\.)(openstreetmap\.org|osm\.org)$/.test(url.hostname)) return null;
  const marker = point(number(url.searchParams.get('mlat')), number(url.searchParams.get('mlon')));
  if (marker) return marker;
  const centre = /(?:^|&)map=\d+\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)/.exec(url.hash.slice(1));
  return centre ? point(number(centre[1]), number(centre[2])) : null;
}

/** The point of a stored place, where both halves are known. */
export const pointOf = ({ latitude, longitude }: { latitude: number | null; longitude: number | null }): Point | null =>
  latitude === null || longitude === null ? null : { latitude, longitude };

/** A link to the point on OpenStreetMap, with a marker. */
export const mapLinkOf = ({ latitude, longitude }: Point) =>
  `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=19/${latitude}/${longitude}`;
