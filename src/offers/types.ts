import { badInput, quote } from '../common/errors.js';
import { db } from '../db/client.js';
import { AreaFilter, inArea } from '../districts/scope.js';
import { OfferCategory, TargetGroup } from '../generated/prisma/enums.js';
import { builder } from '../graphql/builder.js';
import { ChangeTracked, currentOrModifiedSince, modifiedSinceDescription } from '../graphql/changeTracked.js';
import { entityByGlobalId } from '../graphql/entities.js';
import { describedEnum } from '../graphql/enums.js';
import { Accessibility, GeoCoordinates } from '../places/location.js';
import { pointOf } from '../rules/mapLinks.js';
import { languageCode } from '../rules/values.js';
import { translatedString, translationFields } from '../translations/types.js';

describedEnum('OfferCategory', OfferCategory, 'Kind of offer.', {
  LANGUAGE_COURSE: 'Integration and language courses (Integrationskurse, Sprachkurse).',
  COUNSELLING: 'Counselling and advice (Beratung).',
  RETURN_COUNSELLING: 'Counselling on voluntary return (Rückkehrberatung).',
  SCHOOL_SOCIAL_WORK: 'School social work (Schulsozialarbeit).',
  SOCIAL_SERVICES: 'Social services such as the Allgemeiner Sozialer Dienst.',
  CHILDCARE: 'Childcare: Kitas and childminders.',
  ADULT_EDUCATION: 'Adult education, e.g. the Volkshochschule (VHS).',
  INFORMATION: 'Information, online or printed.',
  HEALTH: 'Health information and care.',
});

describedEnum('TargetGroup', TargetGroup, 'Who an offer is for.', {
  NEWCOMERS: 'Newcomers: immigrants and refugees (Neuzugewanderte).',
  REFUGEES: 'Refugees and asylum seekers.',
  PARENTS: 'Parents.',
  CHILDREN: 'Children.',
  PUPILS: 'School pupils.',
  ALL_RESIDENTS: 'Every resident of the district.',
  MUNICIPALITIES: 'Towns and municipalities and their staff.',
});

builder.prismaObject('OfferPlace', {
  description: 'A town where an offer is available.',
  fields: (t) => ({
    municipality: t.relation('municipality', { description: 'The town.' }),
    label: t.exposeString('label', { nullable: true, description: 'What is there, e.g. "Geschäftsstelle".' }),
    coordinates: t.field({
      type: GeoCoordinates,
      nullable: true,
      description: 'Where the offer is held in the town, where the editors entered it.',
      resolve: pointOf,
    }),
    accessibility: t.field({ type: Accessibility, description: 'How the place can be reached and used.', resolve: (place) => place }),
  }),
});

export const Offer = builder.prismaNode('Offer', {
  description: 'A local offer (Angebot) for newcomers and residents: courses, counselling, childcare, information.',
  interfaces: [ChangeTracked],
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    title: translatedString(t, 'Offer', 'title'),
    nominativeTitle: t.exposeString('nominativeTitle', {
      nullable: true,
      description:
        'The title in the nominative, where the page prints it in the grammar of its sentence ("Allgemeinen Sozialen Dienst" → "Allgemeiner Sozialer Dienst"): an editorial normalisation, not printed (`title` is as printed). What to show as the offer’s name, where set and no translation applies.',
    }),
    category: t.expose('category', { type: OfferCategory }),
    providerName: t.exposeString('providerName', { nullable: true }),
    nominativeProviderName: t.exposeString('nominativeProviderName', {
      nullable: true,
      description:
        'The provider’s name in the nominative, where the page prints it in the grammar of its sentence: an editorial normalisation, not printed (`providerName` is as printed).',
    }),
    provider: t.relation('provider', { nullable: true, description: 'The providing organisation, where it is a partner in the graph.' }),
    description: translatedString(t, 'Offer', 'description'),
    targetGroups: t.field({
      type: [TargetGroup],
      description: 'Who the offer is for.',
      select: { targetGroups: true },
      resolve: (offer) => offer.targetGroups as TargetGroup[],
    }),
    languages: t.exposeStringList('languages'),
    languageCount: t.exposeInt('languageCount', { nullable: true }),
    online: t.exposeBoolean('online'),
    website: t.exposeString('website', { nullable: true }),
    places: t.relation('places', {
      description: 'Towns where the offer is available, by name.',
      query: { orderBy: { municipality: { name: 'asc' } } },
    }),
    district: t.relation('district', { description: 'The district of the offer.' }),
    source: t.relation('source', { description: 'The page the offer is described on.' }),
    ...translationFields(t, 'Offer'),
  }),
});

const OfferFilter = builder.inputType('OfferFilter', {
  description: 'Which offers to list.',
  fields: (t) => ({
    area: t.field({ type: AreaFilter, description: 'Only offers of this state or district.' }),
    category: t.field({ type: OfferCategory, description: 'Only offers of this kind.' }),
    targetGroup: t.field({ type: TargetGroup, description: 'Only offers for this group.' }),
    language: t.string({ description: 'Only offers available in this language (ISO 639-1 code, e.g. "ar").' }),
    online: t.boolean({ description: 'Only online offers (true) or only offers in a place (false).' }),
    modifiedSince: t.field({ type: 'DateTime', description: modifiedSinceDescription }),
  }),
});

function offerWhere(filter: typeof OfferFilter.$inferInput | null | undefined) {
  const language = filter?.language?.toLowerCase();
  if (language !== undefined && !languageCode.safeParse(language).success) {
    throw badInput(`${quote(filter?.language)} is not an ISO 639-1 language code (two letters, e.g. "uk").`, 'filter.language');
  }
  return {
    ...currentOrModifiedSince(filter?.modifiedSince, { archivedAt: null }),
    ...inArea(filter?.area),
    ...(filter?.category ? { category: filter.category } : {}),
    ...(filter?.targetGroup ? { targetGroups: { hasSome: [filter.targetGroup] } } : {}),
    ...(language ? { languages: { hasSome: [language] } } : {}),
    ...(filter?.online != null ? { online: filter.online } : {}),
  };
}

builder.prismaObjectField('District', 'offers', (t) =>
  t.relatedConnection('offers', {
    description: 'The district’s offers.',
    cursor: 'id',
    totalCount: true,
    args: { category: t.arg({ type: OfferCategory, description: 'Only offers of this kind.' }) },
    query: (args) => ({ where: { archivedAt: null, ...(args.category ? { category: args.category } : {}) }, orderBy: { id: 'asc' } }),
  }),
);

builder.queryFields((t) => ({
  offers: t.prismaConnection({
    type: 'Offer',
    cursor: 'id',
    description: 'Offers across districts.',
    args: { filter: t.arg({ type: OfferFilter, description: 'Narrow the list; all conditions must hold.' }) },
    resolve: (query, _root, args) =>
      db().offer.findMany({ ...query, where: offerWhere(args.filter), orderBy: [{ districtId: 'asc' }, { id: 'asc' }] }),
    totalCount: (_connection, args) => db().offer.count({ where: offerWhere(args.filter) }),
  }),
}));

entityByGlobalId(Offer, (id) => db().offer.findUnique({ where: { id } }));
