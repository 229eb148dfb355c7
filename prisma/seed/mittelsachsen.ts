// Mittelsachsen (14522): the page on the Kommunale Integrationskoordination (004).
import { contact, merge, positionTasks } from './helpers.js';
import { ags, src } from './reference.js';
import type { SeedData } from './types.js';

const district = ags.mittelsachsen;
const unit = `${district}/unit/koordination-unterbringung-integration`;
const coordinators = `${district}/position/municipal-integration-coordinators`;

const partners: [id: string, name: string, kind: 'PUBLIC_AUTHORITY' | 'WELFARE_ORGANISATION' | 'ASSOCIATION' | 'CIVIL_SOCIETY' | 'POLICE' | 'EDUCATION'][] = [
  ['agentur-fuer-arbeit', 'Agentur für Arbeit', 'PUBLIC_AUTHORITY'],
  ['jobcenter', 'Jobcenter', 'PUBLIC_AUTHORITY'],
  ['wohlfahrtstraeger', 'Wohlfahrtsträger', 'WELFARE_ORGANISATION'],
  ['vereine', 'Vereine', 'ASSOCIATION'],
  ['netzwerke-integrationsarbeit', 'Netzwerke der Integrationsarbeit', 'CIVIL_SOCIETY'],
  ['zivilgesellschaftliche-initiativen', 'Zivilgesellschaftliche Initiativen', 'CIVIL_SOCIETY'],
  ['polizei', 'Polizei', 'POLICE'],
  ['schulen', 'Schulen', 'EDUCATION'],
  ['kitas', 'Kitas', 'EDUCATION'],
  ['traeger-freie-wohlfahrtspflege', 'Träger der freien Wohlfahrtspflege', 'WELFARE_ORGANISATION'],
];

const districtSpecialists: [role: string, title: string][] = [
  ['integration-coordination-staff', 'Koordinationskraft Integration'],
  ['education-coordinator', 'Bildungskoordinatoren'],
  ['foreigners-commissioner', 'Ausländerbeauftragte'],
];

export const mittelsachsen: SeedData = merge(
  {
    municipalities: [{ id: `${district}/freiberg`, name: 'Freiberg', districtId: district, sourceId: src.mittelsachsen }],
    units: [{ id: unit, name: 'Stabsbereich Koordination Unterbringung und Integration', districtId: district, sourceId: src.mittelsachsen }],
    positions: [
      {
        id: coordinators,
        title: 'Kommunale Integrationskoordinatoren/innen (KIK)',
        roleId: 'municipal-integration-coordinator',
        districtId: district,
        unitId: unit,
        sourceId: src.mittelsachsen,
      },
      ...districtSpecialists.map(([roleId, title]) => ({
        id: `${district}/position/${roleId}`,
        title,
        roleId,
        districtId: district,
        sourceId: src.mittelsachsen,
      })),
    ],
    fundings: [
      {
        id: `${district}/funding/kik-richtlinie`,
        districtId: district,
        programmeId: 'richtlinie-integrative-massnahmen',
        funderId: 'freistaat-sachsen',
        positionId: coordinators,
        sharePercent: 90,
        description: 'Die kommunalen Integrationskoordinatoren werden zu 90 Prozent über die Richtlinie Integrative Maßnahmen Teil 2 des Freistaates Sachsen gefördert.',
        sourceId: src.mittelsachsen,
      },
    ],
    partners: partners.map(([id, name, kind]) => ({ id, name, kind, sourceId: src.mittelsachsen })),
    cooperations: partners.map(([id]) => ({
      id: `${district}/cooperation/${id}`,
      districtId: district,
      partnerId: id,
      description: 'Enge Zusammenarbeit der kommunalen Integrationskoordinatoren; Vernetzung und Wissenstransfer in den Bereichen Asyl und Integration.',
      sourceId: src.mittelsachsen,
    })),
    offers: [
      {
        id: `${district}/offer/kik-counselling`,
        districtId: district,
        title: 'Beratung der Städte und Gemeinden durch die kommunalen Integrationskoordinatoren',
        category: 'COUNSELLING',
        providerName: 'Kommunale Integrationskoordinatoren/innen (KIK)',
        description:
          'Beratungsangebote für die kreisangehörigen Städte und Gemeinden und andere Institutionen zu Unterbringung, Begleitung und Integration von Personen mit Migrationshintergrund, zu Fördermöglichkeiten (EU, Bund, Land) und zur interkulturellen Öffnung.',
        targetGroups: ['MUNICIPALITIES'],
        sourceId: src.mittelsachsen,
      },
    ],
  },
  positionTasks(coordinators, src.mittelsachsen, [
    ['local-contact-for-municipalities', 'Zentraler Ansprechpartner vor Ort für die kreisangehörigen Städte und Gemeinden zum Thema Integration von Personen mit Migrationshintergrund, insbesondere von Asylbewerbern und anerkannten Flüchtlingen'],
    ['cooperation-with-local-actors', 'Enge Zusammenarbeit mit weiteren Funktions- und Verantwortungsträgern vor Ort (u. a. Agentur für Arbeit, Jobcenter, Wohlfahrtsträger, Vereine, Netzwerke der Integrationsarbeit, zivilgesellschaftliche Initiativen, Polizei, Schulen, Kitas, Träger der freien Wohlfahrtspflege etc.) sowie Kooperation mit den Fachkräften des Landkreises (insbesondere Koordinationskraft Integration, Bildungskoordinatoren, Ausländerbeauftragte)'],
    ['referral-to-counselling', 'Sammlung, Bündelung sowie Information und Vermittlung zu lokalen Beratungsstellen und Unterstützungsangeboten'],
    ['integration-monitoring', 'Unterstützung bei der Dokumentation von Integrationsbedarfen und –angeboten in den Kommunen (Integrationsmonitoring)'],
    ['experience-exchange', 'Organisation des Erfahrungsaustauschs zwischen den kreisangehörigen Städten und Gemeinden'],
    ['information-on-funding', 'Information zu relevanten Fördermöglichkeiten (EU, Bund, Land)'],
    ['intercultural-opening', 'Unterstützung bei Vorhaben der interkulturellen Öffnung in den Kommunen'],
  ]),
  // The page names no person: the contact is the coordinators' office.
  contact({
    id: `${district}/contact/kik-office`,
    districtId: district,
    positionId: coordinators,
    sourceId: src.mittelsachsen,
    validityNote: 'The page states no dates.',
    addresses: [
      {
        kind: 'VISITOR',
        placeName: 'Stabsbereich Koordination Unterbringung und Integration',
        street: 'Am Rotvorwerk 3',
        postalCode: '09599',
        locality: 'Freiberg',
        lines: ['Am Rotvorwerk 3', '09599 Freiberg'],
      },
      {
        kind: 'POSTAL',
        street: 'Frauensteiner Straße 43',
        postalCode: '09599',
        locality: 'Freiberg',
        lines: ['Frauensteiner Straße 43', '09599 Freiberg'],
      },
    ],
  }),
);
