// Schmalkalden-Meiningen (16066): the page on the project Kommunaler Integrationsmanager (003).
import { contact, date, merge, positionTasks } from './helpers.js';
import { ags, src } from './reference.js';
import type { SeedData } from './types.js';

const district = ags.schmalkalden;
const manager = `${district}/position/integration-manager`;
const project = `${district}/project/integration-manager`;
const concept = `${district}/concept`;

const newsletters: [id: string, title: string, issued: string][] = [
  ['sbi-2021-12', 'Newsletter SBI – Dezember 2021', '2021-12'],
  ['abi-2021-01', 'Newsletter ABI – Januar 2021', '2021-01'],
  ['abi-2020-11', 'Newsletter ABI – November 2020', '2020-11'],
  ['abi-2020-09', 'Newsletter ABI – September 2020', '2020-09'],
  ['abi-2020-07', 'Newsletter ABI – Juli 2020', '2020-07'],
];

export const schmalkaldenMeiningen: SeedData = merge(
  {
    municipalities: [{ id: `${district}/meiningen`, name: 'Meiningen', districtId: district, sourceId: src.schmalkalden }],
    positions: [
      {
        id: manager,
        title: 'Integrationsmanagerin',
        roleId: 'integration-manager',
        districtId: district,
        sourceId: src.schmalkalden,
      },
    ],
    projects: [
      {
        id: project,
        districtId: district,
        name: 'Kommunaler Integrationsmanager',
        description:
          'Entwicklung und Umsetzung eines Integrationskonzeptes für den Landkreis Schmalkalden-Meiningen: passgenaue Handlungsstrategien für die langfristige gesellschaftliche Teilhabe von Menschen mit Migrationshintergrund.',
        periodStart: '2016-10',
        positionId: manager,
        sourceId: src.schmalkalden,
      },
    ],
    fundings: [
      {
        id: `${district}/funding/project-esf`,
        districtId: district,
        programmeId: 'esf',
        funderId: 'eu',
        projectId: project,
        positionId: manager,
        periodStart: '2014',
        periodEnd: '2020',
        description: 'Im Rahmen der ESF-Förderperiode 2014 bis 2020 Mittel für die Erarbeitung einer Konzeption zur langfristigen gesellschaftlichen Teilhabe von Menschen mit Migrationshintergrund.',
        sourceId: src.schmalkalden,
      },
      {
        id: `${district}/funding/project-thilik`,
        districtId: district,
        programmeId: 'thilik',
        funderId: 'freistaat-thueringen',
        projectId: project,
        positionId: manager,
        periodEnd: '2020-12',
        description: 'Koordinierung des Projekts noch bis Ende 2020 über ThILIK abgedeckt.',
        sourceId: src.schmalkalden,
      },
    ],
    concepts: [
      {
        id: concept,
        districtId: district,
        title: 'Integrationskonzept Landkreis Schmalkalden-Meiningen',
        status: 'ADOPTED',
        adoptedOn: date('2019-05-13'),
        adoptedBy: 'Kreistag',
        versionAsOf: '2019-05',
        summary:
          'Strategies for the long-term participation of people with a migration background: language, cultural prejudice, labour-market integration. The concept may be updated continuously.',
        sourceId: src.schmalkalden,
      },
    ],
    milestones: [
      {
        kind: 'ACHIEVED' as const,
        title: 'Bestand- und Bedarfsanalyse',
        periodStart: '2016',
        periodEnd: '2016',
        items: [
          'Bestandserhebung der Angebotsstruktur im Sinne einer gelingenden Integration',
          'Welche Angebote, Projekte und Strukturen im Sozial-, Bildungs-, Kultur-, Arbeitsmarkt- und im Gesundheitsbereich gibt es derzeit im Landkreis? Und sind den Neuzugewanderten in welcher Form zugänglich?',
          'Welcher Bedarf ergibt sich für die Zielgruppe?',
          'Fachwissen der Akteure dieser Handlungsfelder einholen und einbinden',
        ],
      },
      {
        kind: 'ACHIEVED' as const,
        title: 'Maßnahmen zur Erstellung Integrationskonzept',
        periodStart: '2017',
        periodEnd: '2019',
        items: [
          'Gemeinsame Erarbeitung von Strategien für integrationsfördernde Umstände im Landkreis Schmalkalden-Meiningen: Arbeitsmarkt/Wirtschaft, Wohnen, Integration/Migration, Infrastruktur/Ländlicher Raum, Gesundheit, Bildung/Schule, Kinder und Familie',
          'Einbindung lokaler Akteure in den Integrationsprozess durch aktive Mitwirkung in den Arbeitskreisen des Integrationsnetzwerkes',
        ],
      },
      {
        kind: 'ACHIEVED' as const,
        title: 'Vorstellung des Integrationskonzeptes',
        periodStart: '2018-12',
        periodEnd: '2019-05',
        items: [
          'Entwicklung und Erweiterung von Strukturen für die kommunale Integrationspolitik',
          'Finale Abstimmung des Konzeptes mit den Akteuren der Integrationsarbeit im Landkreis',
          'Beschluss des Konzeptes im Kreistag am 13. Mai und anschließende Veröffentlichung',
        ],
      },
      {
        kind: 'PLANNED' as const,
        title: 'Ausblick',
        periodStart: '2019-06',
        items: [
          'Langfristiges Ziel: Kompetenzen des Integrationsnetzwerkes bündeln und Arbeitskreise bedarfsgerecht ausbauen',
          'Integrationsbeirat etablieren',
          'Weiterführende Ermittlung der Bedarfe der Zielgruppe und Entwicklung passgenauer Angebote',
          'Entwicklung eines Projekt-Monitorings',
          'Koordinierung des Projekts noch bis Ende 2020 über THILIK abgedeckt',
        ],
      },
    ].map((milestone, ordinal) => ({ ...milestone, id: `${concept}/milestone/${ordinal}`, conceptId: concept, ordinal, sourceId: src.schmalkalden })),
    conceptFields: [
      ['labour', 'Arbeitsmarkt/Wirtschaft'],
      ['housing', 'Wohnen'],
      ['integration-migration', 'Integration/Migration'],
      ['infrastructure-rural', 'Infrastruktur/Ländlicher Raum'],
      ['health', 'Gesundheit'],
      ['education', 'Bildung/Schule'],
      ['children-family', 'Kinder und Familie'],
    ].map(([fieldOfActionId, label], ordinal) => ({
      id: `${concept}/field/${fieldOfActionId}`,
      conceptId: concept,
      fieldOfActionId: fieldOfActionId!,
      label: label!,
      ordinal,
      sourceId: src.schmalkalden,
    })),
    documents: [
      {
        id: `${district}/document/integration-concept`,
        title: 'Integrationskonzept Landkreis Schmalkalden-Meiningen',
        kind: 'INTEGRATION_CONCEPT',
        format: 'PDF',
        issued: '2019-05',
        districtId: district,
        conceptId: concept,
        sourceId: src.schmalkalden,
      },
      {
        id: `${district}/document/armutspraeventionsrichtlinie`,
        title: 'Armutspräventionsrichtlinie',
        kind: 'GUIDELINE',
        format: 'PDF',
        districtId: district,
        programmeId: 'armutspraeventionsrichtlinie',
        sourceId: src.schmalkalden,
      },
      ...newsletters.map(([id, title, issued]) => ({
        id: `${district}/document/newsletter-${id}`,
        title,
        kind: 'NEWSLETTER' as const,
        format: 'PDF',
        issued,
        districtId: district,
        sourceId: src.schmalkalden,
      })),
    ],
    networks: [
      {
        id: `${district}/network/integrationsnetzwerk`,
        name: 'Integrationsnetzwerk',
        description: 'Full-time and voluntary actors of integration work in the district, organised in working groups (Arbeitskreise).',
        districtId: district,
        sourceId: src.schmalkalden,
      },
    ],
  },
  positionTasks(manager, src.schmalkalden, [
    ['integration-concept', 'Entwicklung und Umsetzung eines Integrationskonzeptes für den Landkreis Schmalkalden-Meiningen'],
    ['binding-structures', 'der Aufbau und die Pflege verbindlicher Integrationsstrukturen'],
    ['regional-network-work', 'die Intensivierung der regionalen Netzwerkarbeit'],
    ['volunteer-and-project-coordination', 'die Koordination örtlicher Projekten, Veranstaltungen und Maßnahmen'],
    ['public-relations', 'die Mitwirkung bei regionaler Öffentlichkeitsarbeit zur Information von Flüchtlingen und der einheimischen Bevölkerung'],
  ]),
  contact({
    id: `${district}/contact/lange`,
    districtId: district,
    positionId: manager,
    sourceId: src.schmalkalden,
    person: { salutation: 'Frau', familyName: 'Lange' },
    validFrom: date('2021-12-01'),
    validityNote: 'Start not stated: counted from the page’s date (December 2021 or later).',
    channels: [
      ['PHONE', '03693 / 485 8144'],
      ['EMAIL', 'l.lange(a)lra-sm.de'],
    ],
    addresses: [
      {
        kind: 'OFFICE',
        placeName: 'Landratsamt Schmalkalden-Meiningen',
        street: 'Obertshäuser Platz 1',
        postalCode: '98617',
        locality: 'Meiningen',
        room: 'Haus I, Raum 114',
        lines: ['Landratsamt Schmalkalden-Meiningen', 'Obertshäuser Platz 1', '98617 Meiningen', 'Büro: Haus I, Raum 114'],
      },
    ],
  }),
);
