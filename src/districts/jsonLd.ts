// A district's contacts and offers as schema.org JSON-LD, for district websites to embed
// (search engines read it): the district a GovernmentOrganization, each contact a
// GovernmentOffice with its ContactPoint and OpeningHoursSpecification (closures and special
// hours as specialOpeningHoursSpecification), each offer a Service.
// Typed with schema-dts, so that only properties schema.org defines for a type compile.
import type {
  ContactPoint,
  DayOfWeek,
  GeoCoordinates,
  GovernmentOffice,
  GovernmentOrganization,
  Graph,
  LocationFeatureSpecification,
  OpeningHoursSpecification,
  PostalAddress,
  Service,
  ServiceChannel,
} from 'schema-dts';
import { encodeGlobalId } from '../common/globalId.js';
import { isoDay, validOn } from '../common/history.js';
import { db } from '../db/client.js';
import { exportLink } from '../exports/formats.js';
import { pointOf } from '../rules/mapLinks.js';

const days: DayOfWeek[] = [
  'https://schema.org/Monday',
  'https://schema.org/Monday',
  'https://schema.org/Tuesday',
  'https://schema.org/Wednesday',
  'https://schema.org/Thursday',
  'https://schema.org/Friday',
  'https://schema.org/Saturday',
  'https://schema.org/Sunday',
];

/** Where the document says things are: the API's node IDs as URLs, so that each thing has one name. */
const idOf = (origin: string, type: string, key: string) => `${origin}/graphql#${encodeGlobalId(type, key)}`;

async function loadDistrict(ags: string, now: Date) {
  return db().district.findUnique({
    where: { id: ags },
    include: {
      contacts: {
        where: { archivedAt: null, ...validOn(now) },
        orderBy: [{ positionId: 'asc' }, { id: 'asc' }],
        include: {
          person: true,
          position: true,
          channels: { orderBy: { ordinal: 'asc' } },
          addresses: true,
          officeHours: {
            include: { intervals: { orderBy: [{ weekday: 'asc' }, { opens: 'asc' }] }, exceptions: { orderBy: { firstDay: 'asc' } } },
          },
        },
      },
      offers: { where: { archivedAt: null }, orderBy: { id: 'asc' }, include: { places: { include: { municipality: true } } } },
    },
  });
}

type LoadedDistrict = NonNullable<Awaited<ReturnType<typeof loadDistrict>>>;
type LoadedContact = LoadedDistrict['contacts'][number];

const channel = (contact: LoadedContact, kind: string) =>
  contact.channels.find((each) => each.kind === kind && each.value)?.value ?? undefined;

type LoadedAddress = LoadedContact['addresses'][number];

/** Where visitors go: the office or visitor address, else any. */
const placeOf = (contact: LoadedContact): LoadedAddress | undefined =>
  contact.addresses.find((each) => each.kind === 'OFFICE' || each.kind === 'VISITOR') ?? contact.addresses[0];

function postalAddress(address: LoadedAddress | undefined): PostalAddress | undefined {
  if (!address) return undefined;
  return {
    '@type': 'PostalAddress',
    streetAddress: [address.placeName, address.street].filter(Boolean).join(', ') || undefined,
    postOfficeBoxNumber: address.postOfficeBox ?? undefined,
    postalCode: address.postalCode,
    addressLocality: address.locality,
    addressCountry: 'DE',
  };
}

type Located = Pick<
  LoadedAddress,
  'latitude' | 'longitude' | 'stepFreeEntrance' | 'lift' | 'accessibleToilet' | 'hearingLoop' | 'accessibilityNote'
>;

/** The accessibility features the editors know of, as schema.org amenity features (true or false; the note as text). */
function accessFeatures(place: Located): LocationFeatureSpecification[] {
  const known: [string, boolean | string | null][] = [
    ['Stufenloser Zugang', place.stepFreeEntrance],
    ['Aufzug', place.lift],
    ['Barrierefreies WC', place.accessibleToilet],
    ['Induktive Höranlage', place.hearingLoop],
    ['Hinweise zur Barrierefreiheit', place.accessibilityNote],
  ];
  return known.flatMap(([name, value]) => (value === null ? [] : [{ '@type': 'LocationFeatureSpecification' as const, name, value }]));
}

/** A place's point and access, as schema.org says them of a Place. */
function whereAndAccess(place: Located): { geo?: GeoCoordinates; amenityFeature?: LocationFeatureSpecification[] } {
  const point = pointOf(place);
  const features = accessFeatures(place);
  return {
    geo: point ? { '@type': 'GeoCoordinates', latitude: point.latitude, longitude: point.longitude } : undefined,
    amenityFeature: features.length ? features : undefined,
  };
}

/** An offer's places where the editors placed or described them: the service is available there. */
function serviceLocations(offer: LoadedDistrict['offers'][number]): ServiceChannel[] {
  return offer.places
    .filter((place) => pointOf(place) || accessFeatures(place).length)
    .map((place) => ({
      '@type': 'ServiceChannel',
      serviceLocation: {
        '@type': 'Place',
        name: [place.label, place.municipality.name].filter(Boolean).join(', '),
        ...whereAndAccess(place),
      },
    }));
}

function office(contact: LoadedContact, district: LoadedDistrict, origin: string): GovernmentOffice {
  const place = placeOf(contact);
  const name = contact.person
    ? [contact.person.salutation, contact.person.givenName, contact.person.familyName].filter(Boolean).join(' ')
    : undefined;
  const hours: OpeningHoursSpecification[] = contact.officeHours.flatMap((each) =>
    each.intervals.map((interval) => ({
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: days[interval.weekday]!,
      opens: interval.opens,
      closes: interval.closes,
    })),
  );
  // Closures and special hours: schema.org's special opening hours (closed: no times).
  const special: OpeningHoursSpecification[] = contact.officeHours.flatMap((each) =>
    each.exceptions.map((exception) => ({
      '@type': 'OpeningHoursSpecification',
      validFrom: isoDay(exception.firstDay),
      validThrough: isoDay(exception.lastDay),
      opens: exception.opens ?? '00:00',
      closes: exception.closes ?? '00:00',
      description: exception.note ?? undefined,
    })),
  );
  const point: ContactPoint = {
    '@type': 'ContactPoint',
    contactType: contact.position.title,
    name,
    telephone: channel(contact, 'PHONE') ?? channel(contact, 'MOBILE'),
    email: channel(contact, 'EMAIL'),
    faxNumber: channel(contact, 'FAX'),
    availableLanguage: 'de',
    hoursAvailable: hours.length ? hours : undefined,
  };
  return {
    '@type': 'GovernmentOffice',
    '@id': idOf(origin, 'Contact', contact.id),
    name: `${contact.position.title}, ${district.name}`,
    parentOrganization: { '@id': idOf(origin, 'District', district.id) },
    address: postalAddress(place),
    ...(place ? whereAndAccess(place) : {}),
    telephone: point.telephone,
    email: point.email,
    openingHoursSpecification: hours.length ? hours : undefined,
    specialOpeningHoursSpecification: special.length ? special : undefined,
    contactPoint: point,
    url: exportLink(origin, 'vcard', { contact: encodeGlobalId('Contact', contact.id) }),
  };
}

function service(offer: LoadedDistrict['offers'][number], district: LoadedDistrict, origin: string): Service {
  const channels: ServiceChannel[] = [
    ...(offer.online ? [{ '@type': 'ServiceChannel' as const, serviceUrl: offer.website ?? undefined }] : []),
    ...serviceLocations(offer),
  ];
  return {
    '@type': 'Service',
    '@id': idOf(origin, 'Offer', offer.id),
    name: offer.title,
    description: offer.description,
    serviceType: offer.category,
    provider: offer.providerName ? { '@type': 'Organization', name: offer.providerName } : { '@id': idOf(origin, 'District', district.id) },
    areaServed: offer.places.length
      ? offer.places.map((place) => ({ '@type': 'AdministrativeArea', name: place.municipality.name }))
      : { '@type': 'AdministrativeArea', name: district.name },
    audience: offer.targetGroups.map((group) => ({ '@type': 'Audience', audienceType: group })),
    availableChannel: channels.length ? channels : undefined,
    url: offer.website ?? undefined,
  };
}

/** Drops undefined members, which JSON would drop anyway, so that the document is exactly what is sent. */
const clean = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The district's current contacts and offers as one JSON-LD graph; null for an unknown district. */
export async function districtJsonLd(ags: string, origin: string, now: Date): Promise<Graph | null> {
  const district = await loadDistrict(ags, now);
  if (!district) return null;
  const organisation: GovernmentOrganization = {
    '@type': 'GovernmentOrganization',
    '@id': idOf(origin, 'District', district.id),
    name: district.name,
    identifier: { '@type': 'PropertyValue', propertyID: 'AGS', value: district.id },
    department: district.contacts.map((contact) => ({ '@id': idOf(origin, 'Contact', contact.id) })),
  };
  return clean({
    '@context': 'https://schema.org',
    '@graph': [
      organisation,
      ...district.contacts.map((contact) => office(contact, district, origin)),
      ...district.offers.map((offer) => service(offer, district, origin)),
    ],
  });
}

/**
 * The document as the text a website pastes into `<script type="application/ld+json">`: `<`, `>`
 * and `&` written as JSON escapes (`\u003c` …), which every JSON parser reads back unchanged, so
 * that an editor's `</script>` in a title cannot end the block and run the rest on the site.
 */
export function jsonLdText(document: Graph): string {
  return JSON.stringify(document, null, 2).replace(/[<>&]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
