// Places: "I live in …" leads to the district responsible for the town and to the offers that
// reach it. Towns come from the official list (src/places/reference.ts), found by AGS, ARS,
// name or — through the addresses the graph holds — postcode.
import { builder } from '../builder.js';
import { badInput } from '../common/errors.js';
import { db } from '../db/client.js';
import { District } from '../districts/types.js';
import { Offer } from '../offers/types.js';
import { findMunicipalities, type ReferenceMunicipality, referenceData } from './reference.js';

const Place = builder.objectRef<ReferenceMunicipality>('Place').implement({
  description:
    'A town or municipality (Stadt, Gemeinde) of Sachsen or Thüringen from the official list, and the district responsible for it. Source: BKG, see `attribution`.',
  fields: (t) => ({
    ags: t.exposeString('ags', { description: 'Amtlicher Gemeindeschlüssel (8 digits).' }),
    ars: t.exposeString('ars', { description: 'Amtlicher Regionalschlüssel (12 digits).' }),
    name: t.exposeString('name', { description: 'Official name, e.g. "Sondershausen".' }),
    kind: t.exposeString('kind', { description: '"Stadt" or "Gemeinde".' }),
    effectiveSince: t.exposeString('effectiveSince', {
      description: 'Since when the municipality exists in this form (ISO date), e.g. after a merger.',
    }),
    districtAgs: t.exposeString('districtAgs', { description: 'The responsible district (Landkreis or kreisfreie Stadt), by AGS.' }),
    districtName: t.string({
      description: 'The responsible district’s name, from the official list.',
      resolve: (place) => referenceData().districtByAgs.get(place.districtAgs)?.name ?? place.districtAgs,
    }),
    district: t.field({
      type: District,
      nullable: true,
      description: 'The responsible district with its contacts; null where the graph holds no data of it yet.',
      resolve: (place) => db().district.findUnique({ where: { id: place.districtAgs } }),
    }),
    offers: t.field({
      type: [Offer],
      description: 'Current offers for people living here: those of its district held in this town, online, or not tied to a town.',
      resolve: (place) =>
        db().offer.findMany({
          where: {
            archivedAt: null,
            districtId: place.districtAgs,
            OR: [
              { online: true },
              { places: { none: {} } },
              { places: { some: { municipality: { OR: [{ ags: place.ags }, { name: place.name }] } } } },
            ],
          },
          orderBy: { id: 'asc' },
        }),
    }),
    attribution: t.string({
      description: 'The attribution the licence requires wherever these facts are shown (Datenlizenz Deutschland – Namensnennung 2.0).',
      resolve: () => `${referenceData().attribution}, www.bkg.bund.de`,
    }),
  }),
});

/** Towns named in the graph's addresses under a postcode ("99706" → Sondershausen). */
async function placesByPostcode(postcode: string): Promise<ReferenceMunicipality[]> {
  const addresses = await db().address.findMany({ where: { postalCode: postcode }, select: { locality: true }, distinct: ['locality'] });
  return addresses.flatMap((address) => findMunicipalities(address.locality).filter((place) => place.name === address.locality));
}

builder.queryField('places', (t) =>
  t.field({
    type: [Place],
    description:
      'Towns and municipalities of Sachsen and Thüringen by 8-digit AGS, 12-digit ARS, name (or its start) or postcode (where the graph knows addresses under it); at most 20.',
    args: {
      search: t.arg.string({ required: true, description: 'AGS, ARS, name or postcode, e.g. "Sondershausen", "16065067", "99706".' }),
    },
    resolve: (_root, { search }) => {
      const text = search.trim();
      if (!text || text.length > 100) throw badInput('"search" must be a name, key or postcode of 1 to 100 characters.', 'search');
      return /^\d{5}$/.test(text) ? placesByPostcode(text) : findMunicipalities(text);
    },
  }),
);
