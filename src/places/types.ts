// Places: "I live in …" leads to the district responsible for the town and to the offers that
// reach it. Towns come from the official list (the Place table, see referenceLoad.ts), found by
// AGS, ARS, name or — through the addresses the graph holds — postcode.

import { badInput } from '../common/errors.js';
import { isoDay } from '../common/history.js';
import { db } from '../db/client.js';
import { builder } from '../graphql/builder.js';
import { Offer } from '../offers/types.js';
import { placeIdsByName, placeKey } from './reference.js';

const printedKind = { TOWN: 'Stadt', MUNICIPALITY: 'Gemeinde' } as const;

const Place = builder.prismaObject('Place', {
  description:
    'A town or municipality (Stadt, Gemeinde) of Sachsen or Thüringen from the official list, and the district responsible for it. Source: BKG, see `attribution`.',
  fields: (t) => ({
    ags: t.exposeString('id', { description: 'Amtlicher Gemeindeschlüssel (8 digits).' }),
    ars: t.exposeString('ars', { description: 'Amtlicher Regionalschlüssel (12 digits).' }),
    name: t.exposeString('name', { description: 'Official name, e.g. "Sondershausen".' }),
    kind: t.string({ description: '"Stadt" or "Gemeinde", as the official list says.', resolve: (place) => printedKind[place.kind] }),
    effectiveSince: t.string({
      description: 'Since when the municipality exists in this form (ISO date), e.g. after a merger, as the official list states it.',
      resolve: (place) => isoDay(place.validFrom),
    }),
    districtAgs: t.exposeString('districtId', { description: 'The responsible district (Landkreis or kreisfreie Stadt), by AGS.' }),
    districtName: t.string({
      description: 'The responsible district’s name.',
      select: { district: { select: { name: true } } },
      resolve: (place) => place.district.name,
    }),
    district: t.relation('district', { description: 'The responsible district, with whatever the graph knows of it.' }),
    offers: t.field({
      type: [Offer],
      description: 'Current offers for people living here: those of its district held in this town, online, or not tied to a town.',
      resolve: (place) =>
        db().offer.findMany({
          where: {
            archivedAt: null,
            districtId: place.districtId,
            OR: [
              { online: true },
              { places: { none: {} } },
              { places: { some: { municipality: { OR: [{ ags: place.id }, { name: place.name }] } } } },
            ],
          },
          orderBy: { id: 'asc' },
        }),
    }),
    source: t.relation('source', { description: 'The official list (BKG) with its date and licence.' }),
    attribution: t.string({
      description: 'The attribution the licence requires wherever these facts are shown (Datenlizenz Deutschland – Namensnennung 2.0).',
      select: { source: { select: { attribution: true } } },
      resolve: (place) => `${place.source.attribution ?? ''}, www.bkg.bund.de`,
    }),
  }),
});

/** Towns named in the graph's addresses under a postcode ("99706" → Sondershausen). */
async function placeIdsByPostcode(postcode: string): Promise<string[]> {
  const addresses = await db().address.findMany({ where: { postalCode: postcode }, select: { locality: true }, distinct: ['locality'] });
  const places = await db().place.findMany({ where: { name: { in: addresses.map((address) => address.locality) } }, select: { id: true } });
  return places.map((place) => place.id);
}

builder.queryField('places', (t) =>
  t.prismaField({
    type: [Place],
    description:
      'Towns and municipalities of Sachsen and Thüringen by 8-digit AGS, 12-digit ARS, name (or its start) or postcode (where the graph knows addresses under it); at most 20.',
    args: {
      search: t.arg.string({ required: true, description: 'AGS, ARS, name or postcode, e.g. "Sondershausen", "16065067", "99706".' }),
    },
    resolve: async (query, _root, { search }) => {
      const text = search.trim();
      if (!text || text.length > 100) throw badInput('"search" must be a name, key or postcode of 1 to 100 characters.', 'search');
      const key = placeKey(text);
      if (key) return db().place.findMany({ ...query, where: 'ags' in key ? { id: key.ags } : { ars: key.ars } });
      const ids = /^\d{5}$/.test(text) ? await placeIdsByPostcode(text) : await placeIdsByName(text);
      const places = await db().place.findMany({ ...query, where: { id: { in: ids } } });
      return ids.map((id) => places.find((place) => place.id === id)!).filter(Boolean);
    },
  }),
);
