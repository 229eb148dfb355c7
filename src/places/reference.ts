// Finding municipalities of the official list (the Place table, loaded by referenceLoad.ts) by
// key or name. Names are matched without case, diacritics or punctuation ("bad-salzungen" finds
// Bad Salzungen), which PostgreSQL cannot do without an extension PGlite lacks: the 1,050 names
// are read once per database and searched here; the places themselves come from the database.
import { db } from '../db/client.js';
import { referenceSourceId } from './referenceKeys.js';

/** Lower case without diacritics or punctuation: "Bad Salzungen" and "bad-salzungen" match. */
const searchKey = (name: string) =>
  name
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

type NameIndex = { id: string; key: string }[];
const indexes = new WeakMap<object, Promise<NameIndex>>();

function nameIndex(): Promise<NameIndex> {
  const database = db();
  let index = indexes.get(database);
  if (!index) {
    index = database.place
      .findMany({ select: { id: true, name: true }, orderBy: { id: 'asc' } })
      .then((places) => places.map((place) => ({ id: place.id, key: searchKey(place.name) })));
    indexes.set(database, index);
  }
  return index;
}

const maxMatches = 20;

/** AGS of the municipalities matching a name (exact matches first, then those starting with it); at most twenty. */
export async function placeIdsByName(search: string): Promise<string[]> {
  const key = searchKey(search);
  if (!key) return [];
  const index = await nameIndex();
  const exact = index.filter((place) => place.key === key);
  const starting = index.filter((place) => place.key !== key && place.key.startsWith(key));
  return [...exact, ...starting].slice(0, maxMatches).map((place) => place.id);
}

/** Which kind of key a text is: a district's (5 digits, or 8/12 with the rest zero), a municipality's AGS (8) or ARS (12). */
export function placeKey(text: string): { ags: string } | { ars: string } | null {
  if (/^\d{8}$/.test(text)) return { ags: text };
  if (/^\d{12}$/.test(text)) return { ars: text };
  return null;
}

/** The official list's source (title, licence, attribution); null before the list is loaded. */
export const officialListSource = () => db().source.findUnique({ where: { id: referenceSourceId } });
