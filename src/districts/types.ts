// The District type and its own fields. Each domain area adds the fields of its records to
// District where they are defined (a test keeps this list complete):
//   concepts/types.ts   concepts
//   contacts/types.ts   contacts
//   documents/types.ts  documents
//   funding/types.ts    fundings
//   indicators/types.ts indicators
//   networks/types.ts   networks
//   offers/types.ts     offers
//   partners/types.ts   cooperations, partners
//   positions/types.ts  positions
//   projects/types.ts   projects
//   reports/types.ts    problemReports
//   tokens/types.ts     editorTokens

import { notFound } from '../common/errors.js';
import { asOfDescription, berlinDate } from '../common/history.js';
import { requestLoader } from '../common/requestLoader.js';
import { db } from '../db/client.js';
import { exportLink } from '../exports/formats.js';
import { DistrictKind } from '../generated/prisma/enums.js';
import { builder } from '../graphql/builder.js';
import { ChangeTracked } from '../graphql/changeTracked.js';
import { pageOfKeys } from '../graphql/connections.js';
import { describedEnum } from '../graphql/enums.js';
import { StateCode } from '../states/types.js';
import { answeredAsBefore } from '../writes/deprecated.js';
import { editorsOfDistrict, inputDistrict, writeMutation } from '../writes/mutation.js';
import { districtIdForKey } from './ags.js';
import { coverageFrom, coverageSelect, DistrictCoverage, newestDatedSource } from './coverage.js';
import { districtsWhere } from './existing.js';

describedEnum('DistrictKind', DistrictKind, 'Kind of district.', {
  RURAL_DISTRICT: 'Landkreis: a rural district of several municipalities.',
  DISTRICT_FREE_CITY: 'Kreisfreie Stadt: a city that is a district of its own.',
});

export const District = builder.prismaNode('District', {
  description: 'A district (Landkreis, or a kreisfreie Stadt), identified by its official key (AGS): names change, the key does not.',
  interfaces: [ChangeTracked],
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    ags: t.exposeString('id', { description: 'Amtlicher Gemeindeschlüssel of the district, 5 digits, e.g. "16065".' }),
    name: t.exposeString('name', { description: 'Current official name, e.g. "Kyffhäuserkreis".' }),
    kind: t.expose('kind', { type: DistrictKind }),
    state: t.relation('state', { description: 'The state the district belongs to.' }),
    seat: t.exposeString('seatName', { nullable: true, description: 'Seat of the district administration (Kreisstadt).' }),
    lastVerifiedAt: t.expose('lastVerifiedAt', { type: 'DateTime', nullable: true }),
    dataAsOf: t.field({
      type: 'Date',
      nullable: true,
      description: 'Freshness: the newest "as of" date among the district’s sources; null if none of them states a date.',
      select: { sources: newestDatedSource },
      resolve: (district) => district.sources[0]?.asOf ?? null,
    }),
    nuts3: t.exposeString('nuts3', {
      nullable: true,
      description: 'NUTS-3 code in European statistics, e.g. "DEG0B", from the official list.',
    }),
    validFrom: t.expose('validFrom', {
      type: 'Date',
      nullable: true,
      description: 'First day the district exists in this form; null: since before the official list’s date.',
    }),
    validTo: t.expose('validTo', {
      type: 'Date',
      nullable: true,
      description: 'First day the district no longer exists (exclusive), e.g. 2021-07-01 for the city of Eisenach; null while it exists.',
    }),
    successor: t.relation('successor', {
      nullable: true,
      description: 'For a district that no longer exists: the district that took over its area (Eisenach → Wartburgkreis).',
    }),
    predecessors: t.relation('predecessors', {
      description: 'Former districts whose area this district took over.',
      query: { orderBy: { id: 'asc' } },
    }),
    places: t.relation('places', {
      description: 'The municipalities (Städte, Gemeinden) of the district from the official list (BKG), by name.',
      query: { orderBy: [{ name: 'asc' }, { id: 'asc' }] },
      complexity: { multiplier: 100 },
    }),
    officialSource: t.relation('referenceSource', {
      nullable: true,
      description: 'The official list that names the district (BKG Verwaltungsgebiete), with its date and licence.',
    }),
    attribution: t.string({
      nullable: true,
      description: 'The attribution the official list’s licence requires wherever the district’s key facts are shown.',
      select: { referenceSource: { select: { attribution: true } } },
      resolve: (district) => district.referenceSource?.attribution ?? null,
    }),
    coverage: t.field({
      type: DistrictCoverage,
      description:
        'Which integration data the graph holds of the district (contacts, concept, fundings, offers, indicators) and the date of its newest fact.',
      select: coverageSelect,
      resolve: coverageFrom,
    }),
    jsonLdUrl: t.string({
      description:
        'The district’s current contacts and offers as schema.org JSON-LD (GovernmentOffice, ContactPoint, OpeningHoursSpecification, Service), for its website to embed.',
      resolve: (district, _args, context) => exportLink(context.origin, 'districtJsonLd', { ags: district.id }),
    }),
    municipalities: t.relation('municipalities', {
      description: 'Towns and municipalities of the district named in the sources.',
      query: { orderBy: { name: 'asc' } },
    }),
    organisationalUnits: t.relation('units', {
      description: 'Units of the district administration that deal with integration.',
      query: { orderBy: { name: 'asc' } },
    }),
    sources: t.relation('sources', { description: 'The pages the district’s data was taken from.', query: { orderBy: { id: 'asc' } } }),
  }),
});

builder.prismaObject('Municipality', {
  description: 'A town or municipality of a district (kreisangehörige Stadt/Gemeinde).',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name, e.g. "Sondershausen".' }),
    ags: t.exposeString('ags', { nullable: true }),
    district: t.relation('district', { description: 'The district it belongs to.' }),
  }),
});

builder.prismaObject('OrganisationalUnit', {
  description: 'A unit of a district administration (Fachbereich, Stabsstelle, Stabsbereich …).',
  fields: (t) => ({
    name: t.exposeString('name'),
    attachedTo: t.exposeString('attachedTo', { nullable: true }),
    parent: t.relation('parent', { nullable: true, description: 'The unit this one belongs to.' }),
    district: t.relation('district', { description: 'The district whose administration it is part of.' }),
  }),
});

const orderBy = [{ name: 'asc' as const }, { id: 'asc' as const }];

type ListArgs = { state?: string | null; asOf?: Date | null };

/** A list's filter as a loader key: its state (or none) and its day. */
const listKey = (args: ListArgs, now: Date) => JSON.stringify([args.state ?? null, (args.asOf ?? berlinDate(now)).toISOString()]);

async function loadListedDistricts(lists: readonly string[]): Promise<string[][]> {
  return Promise.all(
    lists.map(async (list) => {
      const [state, day] = JSON.parse(list) as [string | null, string];
      const asOf = new Date(day);
      const rows = await db().district.findMany({ where: districtsWhere({ state, asOf }, asOf), orderBy, select: { id: true } });
      return rows.map(({ id }) => id);
    }),
  );
}

/** The keys of the districts a list shows, in its order; read once per request and list (page and total). */
const listedDistricts = (context: object & { now: Date }, args: ListArgs) =>
  requestLoader(context, loadListedDistricts).load(listKey(args, context.now));

builder.queryFields((t) => ({
  districts: t.prismaConnection({
    type: 'District',
    cursor: 'id',
    description: 'Districts that exist on the day asked for (today unless `asOf`), by name.',
    args: {
      state: t.arg({ type: StateCode, description: 'Only the districts of this state.' }),
      asOf: t.arg({ type: 'Date', description: asOfDescription }),
    },
    resolve: async ({ take, skip, cursor, ...nested }, _root, args, context) => {
      // The keys of the whole list (a few hundred districts at most) give the page and the total
      // in one statement; then the page with everything below it in one joined statement. Joined
      // over the whole list, PostgreSQL builds the nested records of every district before it
      // takes the page (400 districts: 340 ms a page of 20); one statement per level instead
      // costs 16 statements. This way: 2, whatever the number of districts.
      const keys = await listedDistricts(context, args);
      const page =
        pageOfKeys(keys, { take, skip, cursor }) ??
        (await db().district.findMany({ where: districtsWhere(args, context.now), orderBy, take, skip, cursor, select: { id: true } })).map(
          ({ id }) => id,
        );
      return db().district.findMany({ ...nested, where: { id: { in: page } }, orderBy, relationLoadStrategy: 'join' });
    },
    totalCount: async (_connection, args, context) => (await listedDistricts(context, args)).length,
  }),
  district: t.prismaField({
    type: 'District',
    description:
      'One district by the official key of any place in it: its own AGS ("16065"), a municipality’s 8-digit AGS ("16065067") or 12-digit ARS ("160630105105", Eisenach, answers the Wartburgkreis). A former district answers by its own key, with `validTo` and `successor`. Fails with NOT_FOUND for an unknown key.',
    args: {
      ags: t.arg.string({
        required: true,
        description: 'Amtlicher Gemeindeschlüssel (5 or 8 digits) or Amtlicher Regionalschlüssel (12 digits), e.g. "16065".',
      }),
    },
    resolve: async (query, _root, args) => {
      const id = await districtIdForKey(args.ags);
      const district = id && (await db().district.findUnique({ ...query, where: { id }, relationLoadStrategy: 'join' }));
      if (!district) throw notFound(`No district or municipality with the key "${args.ags.trim().slice(0, 12)}" in the official list.`);
      return district;
    },
  }),
}));

const VerifyDistrictDataInput = builder.inputType('VerifyDistrictDataInput', {
  description: 'Confirming a district’s data as correct.',
  fields: (t) => ({
    district: t.string({ required: true, description: 'The district (AGS).' }),
    version: t.int({
      description: 'The district’s `version` you read; a stale one returns VersionConflictError. Left out: whatever it is now.',
    }),
  }),
});

const verify = writeMutation('verifyDistrictData', {
  ref: District,
  noun: 'district',
  description:
    'Confirm that the district’s data is correct as it stands ("last verified"), without changing it. Needs an editor token of the district.',
  inputDescription: 'Which district.',
  input: VerifyDistrictDataInput,
  authorise: (input) => editorsOfDistrict(input.district),
  prepare: async (input, problems) => inputDistrict(input.district, 'district', problems),
  async write(write, input, id) {
    const before = await write.lockCurrent('District', id, input.version ?? null, (tx, key) =>
      tx.district.findUnique({ where: { id: key } }),
    );
    const after = await write.tx.district.update({ where: { id }, data: { lastVerifiedAt: write.now, version: { increment: 1 } } });
    write.audit({ action: 'VERIFY', entityType: 'District', entityId: id, districtId: id, before, after });
    return after;
  },
});

builder.mutationField('confirmDistrictData', (t) =>
  t.field({
    type: District,
    description: 'Confirm that the district’s data is correct as it stands (answers failures as errors).',
    deprecationReason: 'Use verifyDistrictData, which answers failures as typed results.',
    args: { ags: t.arg.string({ required: true, description: 'The district (AGS).' }) },
    authScopes: (_parent, { ags }) => editorsOfDistrict(ags),
    resolve: (_root, { ags }, context, info) => answeredAsBefore(verify.run({ district: ags }, context, info), () => 'ags'),
  }),
);

builder.asEntity(District, {
  key: builder.selection<{ ags: string }>('ags'),
  resolveReference: ({ ags }) => db().district.findUnique({ where: { id: ags } }),
});
