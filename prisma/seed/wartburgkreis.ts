// Wartburgkreis (16063): the Integrationsmanagement page (002).
import { contact, merge, positionTasks } from './helpers.js';
import { ags, src } from './reference.js';
import type { SeedData } from './types.js';

const district = ags.wartburg;
const management = `${district}/position/integration-management`;

export const wartburgkreis: SeedData = merge(
  {
    municipalities: [{ id: `${district}/bad-salzungen`, name: 'Bad Salzungen', districtId: district, sourceId: src.wartburg }],
    units: [
      {
        id: `${district}/unit/integrationsmanagement`,
        name: 'Integrationsmanagement',
        attachedTo: 'Stabsstelle der Dezernatsleitung',
        districtId: district,
        sourceId: src.wartburg,
      },
    ],
    positions: [
      {
        id: management,
        title: 'Integrationsmanagement, Projektmanagement Partnerschaft für Demokratie „Denk bunt im Wartburgkreis“',
        roleId: 'integration-manager',
        districtId: district,
        unitId: `${district}/unit/integrationsmanagement`,
        sourceId: src.wartburg,
      },
    ],
    projects: [
      {
        id: `${district}/project/denk-bunt`,
        districtId: district,
        name: 'Partnerschaft für Demokratie „Denk bunt im Wartburgkreis“',
        description: 'Lokale Partnerschaft für Demokratie, managed by the integration management.',
        positionId: management,
        sourceId: src.wartburg,
      },
    ],
    fundings: [
      {
        id: `${district}/funding/efre`,
        districtId: district,
        programmeId: 'efre',
        funderId: 'eu',
        description: 'Maßnahmen gefördert durch EFRE.',
        sourceId: src.wartburg,
      },
    ],
  },
  positionTasks(management, src.wartburg, [
    ['anchor-across-departments', 'Integration als ressortübergreifende Aufgabe in der Kommunalverwaltung zu verankern und ihrer Bedeutung entsprechend anzusiedeln'],
    ['municipal-strategies', 'kommunale Gesamtstrategien, die den jeweiligen örtlichen Bedürfnissen angepasst sind, zu entwickeln und fortzuschreiben'],
    ['networking-of-actors', 'sich für eine stärkere Vernetzung der gesellschaftlichen, politischen und wirtschaftlichen Akteure einzusetzen und erforderlichenfalls Vernetzungen zu initiieren'],
    ['central-coordination', 'dabei als zentraler Akteur zur Koordinierung und Abstimmung der verschiedenen Integrationsbemühungen aufzutreten'],
    ['civic-engagement', 'bürgerschaftliches Engagement von, für und mit Migrantinnen und Migranten zu unterstützen und zu fördern'],
    ['integration-concept', 'Mitwirkung bei der Erstellung eines kommunalen Integrationskonzeptes unter Berücksichtigung der Vereinbarungen auf Landesebene (Flüchtlingsgipfel; Landesintegrationskonzept etc.)'],
    ['inventory-of-structures', 'Mitwirkung bei der Bestandsaufnahme und Analyse der erforderlichen lokalen Strukturen zur Integration von Flüchtlingen'],
    ['cooperation-with-state', 'Zusammenarbeit mit den zuständigen Landesbehörden und Migrationsbeauftragten des Landes'],
    ['binding-structures', 'Aufbau und Pflege verbindlicher Integrationsstrukturen in Kooperation mit den regionalen Akteuren, insbesondere den beteiligten öffentlichen Dienststellen'],
    ['regional-network-work', 'Intensivierung der regionalen Netzwerkarbeit mit allen Akteuren der Flüchtlingsaufnahme und Flüchtlingsintegration'],
    ['volunteer-and-project-coordination', 'Koordination örtlicher Ehrenamtsstrukturen, Koordination von Projekten'],
    ['public-relations', 'Mitwirkung bei regionaler Öffentlichkeitsarbeit zur Information von Flüchtlingen und der einheimischen Bevölkerung'],
  ]),
  contact({
    id: `${district}/contact/rodeck`,
    districtId: district,
    positionId: management,
    sourceId: src.wartburg,
    person: { salutation: 'Herr', familyName: 'Rodeck' },
    validityNote: 'The page states no dates.',
    channels: [
      ['PHONE', '03695 615803'],
      ['WEB_FORM', 'E-Mail senden'],
    ],
    addresses: [
      {
        kind: 'VISITOR',
        street: 'Erzberger Allee 14',
        postalCode: '36433',
        locality: 'Bad Salzungen',
        lines: ['Erzberger Allee 14', '36433 Bad Salzungen'],
      },
      {
        kind: 'POSTAL',
        postOfficeBox: '11 65',
        postalCode: '36421',
        locality: 'Bad Salzungen',
        lines: ['Postfach 11 65', '36421 Bad Salzungen'],
      },
    ],
    officeHours: {
      printed: 'Für Besuchervorsprachen ist vorab ein Termin zu vereinbaren',
      appointmentRequired: true,
    },
  }),
);
