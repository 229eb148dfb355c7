// Kyffhäuserkreis (16065): the older page on the Integrationslotsin (000) and the newer
// page on migration and integration (001). Both are kept: they describe different times.
import { contact, date, merge, positionTasks } from './helpers.js';
import { ags, src } from './reference.js';
import type { SeedData } from './types.js';

const district = ags.kyffhaeuser;
const guide = `${district}/position/integration-guide`;
const commissioner = `${district}/position/integration-migration-commissioner`;
const newPageAsOf = date('2019-12-31');
const markt8 = {
  kind: 'OFFICE' as const,
  street: 'Markt 8',
  postalCode: '99706',
  locality: 'Sondershausen',
  lines: ['Markt 8', '99706 Sondershausen'],
};

export const kyffhaeuserkreis: SeedData = merge(
  {
    municipalities: [
      { id: `${district}/sondershausen`, name: 'Sondershausen', districtId: district, sourceId: src.kyffhaeuserOld },
      { id: `${district}/artern`, name: 'Artern', districtId: district, sourceId: src.kyffhaeuserNew },
    ],
    units: [
      { id: `${district}/unit/innere-verwaltung`, name: 'Fachbereich Innere Verwaltung', districtId: district, sourceId: src.kyffhaeuserOld },
      {
        id: `${district}/unit/schulverwaltung-sport-vhs`,
        name: 'Schulverwaltung/ Sport/ VHS',
        districtId: district,
        parentId: `${district}/unit/innere-verwaltung`,
        sourceId: src.kyffhaeuserOld,
      },
    ],
    positions: [
      {
        id: guide,
        title: 'Integrationslotse (m/w/d)',
        roleId: 'integration-guide',
        districtId: district,
        unitId: `${district}/unit/schulverwaltung-sport-vhs`,
        since: '2016-06',
        sourceId: src.kyffhaeuserOld,
      },
      {
        id: commissioner,
        title: 'Integrations- und Migrationsbeauftragte',
        roleId: 'integration-migration-commissioner',
        districtId: district,
        sourceId: src.kyffhaeuserNew,
      },
    ],
    fundings: [
      {
        id: `${district}/funding/integration-guide-esf`,
        districtId: district,
        programmeId: 'esf',
        funderId: 'eu',
        positionId: guide,
        periodStart: '2016-06',
        description: 'Anstellung ab Juni 2016 beim Landkreis, finanziell unterstützt über den Europäischen Sozialfonds.',
        sourceId: src.kyffhaeuserOld,
      },
      {
        id: `${district}/funding/integration-guide-state`,
        districtId: district,
        funderId: 'freistaat-thueringen',
        positionId: guide,
        periodStart: '2016-06',
        description: 'Die vom Freistaat Thüringen geförderte Tätigkeit des Integrationslotsen.',
        sourceId: src.kyffhaeuserOld,
      },
    ],
    concepts: [
      {
        id: `${district}/concept`,
        districtId: district,
        title: 'Integrationskonzept des Kyffhäuserkreises',
        status: 'BEING_UPDATED',
        summary:
          'A concept exists and is being updated (Fortschreibung); needs found in surveys and social-space experience feed a guiding vision (Leitbild) for integration. Main emphasis: “Bildung integriert”.',
        sourceId: src.kyffhaeuserNew,
      },
    ],
    conceptFields: [
      ['education', 'Bildung', 'FIELD_OF_ACTION'],
      ['labour', 'Arbeit und Ausbildung', 'FIELD_OF_ACTION'],
      ['poverty-prevention', 'Armutsprävention', 'THEME'],
      ['participation', 'Partizipation', 'THEME'],
      ['integration-migration', 'Migration', 'THEME'],
    ].map(([fieldOfActionId, label, emphasis], ordinal) => ({
      id: `${district}/concept/field/${fieldOfActionId}`,
      conceptId: `${district}/concept`,
      fieldOfActionId: fieldOfActionId!,
      label: label!,
      emphasis: emphasis as 'FIELD_OF_ACTION' | 'THEME',
      ordinal,
      sourceId: src.kyffhaeuserNew,
    })),
    documents: [
      {
        id: `${district}/document/integration-concept`,
        title: 'Integrationskonzept des Kyffhäuserkreises',
        kind: 'INTEGRATION_CONCEPT',
        districtId: district,
        conceptId: `${district}/concept`,
        sourceId: src.kyffhaeuserNew,
      },
    ],
    partners: [{ id: `${district}/auslaenderbehoerde`, name: 'Ausländerbehörde des Kyffhäuserkreises', kind: 'PUBLIC_AUTHORITY', sourceId: src.kyffhaeuserNew }],
    cooperations: [
      {
        id: `${district}/cooperation/auslaenderbehoerde`,
        districtId: district,
        partnerId: `${district}/auslaenderbehoerde`,
        description: 'Beratung zum Thema freiwillige Rückkehr.',
        sourceId: src.kyffhaeuserNew,
      },
    ],
    offers: [
      {
        id: `${district}/offer/return-counselling`,
        districtId: district,
        title: 'Rückkehrberatung',
        category: 'RETURN_COUNSELLING',
        providerName: 'Ausländerbehörde',
        providerId: `${district}/auslaenderbehoerde`,
        description: 'Beratung zum Thema freiwillige Rückkehr im Kyffhäuserkreis erhalten Sie in der zuständigen Ausländerbehörde.',
        targetGroups: ['NEWCOMERS'],
        sourceId: src.kyffhaeuserNew,
      },
      {
        id: `${district}/offer/language-courses`,
        districtId: district,
        title: 'Integrationskurse und weitere Sprachkurse',
        category: 'LANGUAGE_COURSE',
        providerName: 'Sprachkursträger und Organisationen der Bildungs- und Integrationsarbeit',
        description:
          'Im Kyffhäuserkreis werden Integrationskurse und weitere Sprachkurse angeboten, die von Sprachkursträgern und verschiedenen Organisationen der Bildungs- und Integrationsarbeit durchgeführt werden.',
        targetGroups: ['NEWCOMERS'],
        sourceId: src.kyffhaeuserNew,
      },
      {
        id: `${district}/offer/school-social-work`,
        districtId: district,
        title: 'Schulsozialarbeit',
        category: 'SCHOOL_SOCIAL_WORK',
        providerName: 'Schulsozialarbeiter/-innen an Gemeinschaftsschulen, Regelschulen und am Berufsschulzentrum',
        description:
          'Beratungs- und Hilfsangebote für Schülerinnen, Schüler und Eltern bei schulischen Problemlagen. Zuerst Lehrer oder Schulleitung ansprechen; an Gemeinschaftsschulen, Regelschulen und am Berufsschulzentrum helfen die Schulsozialarbeiter/-innen.',
        targetGroups: ['PUPILS', 'PARENTS'],
        sourceId: src.kyffhaeuserNew,
      },
      {
        id: `${district}/offer/general-social-service`,
        districtId: district,
        title: 'Allgemeiner Sozialer Dienst',
        category: 'SOCIAL_SERVICES',
        providerName: 'Allgemeiner Sozialer Dienst',
        description: 'Befinden Sie sich in einer Problemlage mit Ihrem Kind? Melden Sie sich beim Allgemeinen Sozialen Dienst.',
        targetGroups: ['PARENTS'],
        sourceId: src.kyffhaeuserNew,
      },
      {
        id: `${district}/offer/childcare`,
        districtId: district,
        title: 'Kinderbetreuung',
        category: 'CHILDCARE',
        description:
          '53 Kindertagesstätten und 1 Kindertagespflegeperson (Tagesmutter). Alle Kitas bieten Ganztagsbetreuung mit Mittagsversorgung; 52 betreuen Kinder ab dem 1. Lebensjahr, 1 ab 2 Jahren, jeweils bis zum Schuleintritt.',
        targetGroups: ['CHILDREN', 'PARENTS'],
        sourceId: src.kyffhaeuserNew,
      },
      {
        id: `${district}/offer/vhs`,
        districtId: district,
        title: 'Integrationsangebote VHS „Kyffhäuserkreis“',
        category: 'ADULT_EDUCATION',
        providerName: 'VHS „Kyffhäuserkreis“',
        description:
          'Non-formale (außerschulische) und informelle Bildung für alle Bürger im Kyffhäuserkreis, in den Fachbereichen Gesellschaft, Kultur, Gesundheit, Sprachen, Beruf; Geschäftsstellen in Sondershausen und Artern und ein flächendeckendes Außenstellennetz.',
        targetGroups: ['ALL_RESIDENTS'],
        sourceId: src.kyffhaeuserNew,
      },
      {
        id: `${district}/offer/handbook-germany`,
        districtId: district,
        title: 'Deutschland von A-Z – Handbook Germany',
        category: 'INFORMATION',
        providerName: 'Handbook Germany',
        description:
          'Videos und Texte mit Antworten zum Leben in Deutschland: Asyl, Wohnung, Ausbildung, Arbeit, Studium, Gesundheit, Kita und mehr.',
        targetGroups: ['NEWCOMERS'],
        languageCount: 7,
        online: true,
        website: 'https://handbookgermany.de',
        sourceId: src.kyffhaeuserNew,
      },
      {
        id: `${district}/offer/health`,
        districtId: district,
        title: 'Gesundheit – Informationen & ärztliche Versorgung',
        category: 'HEALTH',
        description: 'In gesundheitlichen Fragen wenden Sie sich an Ihren Hausarzt, für Ihre Kinder an einen Kinderarzt.',
        targetGroups: ['ALL_RESIDENTS'],
        sourceId: src.kyffhaeuserNew,
      },
    ],
    offerPlaces: [
      { id: `${district}/offer/vhs/sondershausen`, offerId: `${district}/offer/vhs`, municipalityId: `${district}/sondershausen`, label: 'Geschäftsstelle' },
      { id: `${district}/offer/vhs/artern`, offerId: `${district}/offer/vhs`, municipalityId: `${district}/artern`, label: 'Geschäftsstelle' },
    ],
    indicatorValues: [
      {
        id: `${district}/population-migration-background/000`,
        indicatorId: 'population-migration-background',
        districtId: district,
        value: 1800,
        qualifier: 'MORE_THAN',
        printed: 'mehr als 1.800',
        validTo: newPageAsOf,
        sourceId: src.kyffhaeuserOld,
      },
      {
        id: `${district}/population-migration-background/001`,
        indicatorId: 'population-migration-background',
        districtId: district,
        value: 3900,
        qualifier: 'MORE_THAN',
        printed: 'mehr als 3.900',
        validFrom: newPageAsOf,
        sourceId: src.kyffhaeuserNew,
      },
      ...(
        [
          ['childcare-average-parental-fee', 130.35, '130,35 € (Stand: 31.12.2019)', date('2019-12-31')],
          ['childcare-centres', 53, '53 Kindertagesstätten', null],
          ['childcare-centres-from-first-year', 52, '52 Kitas betreuen Kinder ab dem 1. Lebensjahr', null],
          ['childcare-centres-from-age-two', 1, '1 Kindertagesstätte nimmt Kinder erst im Alter von 2 Jahren', null],
          ['childminders', 1, '1 Kindertagespflegeperson (Tagesmutter)', null],
        ] as const
      ).map(([indicatorId, value, printed, referenceDate]) => ({
        id: `${district}/${indicatorId}/001`,
        indicatorId,
        districtId: district,
        value,
        printed,
        referenceDate,
        validFrom: newPageAsOf,
        sourceId: src.kyffhaeuserNew,
      })),
    ],
  },
  positionTasks(guide, src.kyffhaeuserOld, [
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
    ['public-relations', 'Mitwirkung bei regionaler Öffentlichkeitsarbeit zur Information v. Flüchtlingen und der einheimischen Bevölkerung'],
  ]),
  positionTasks(commissioner, src.kyffhaeuserNew, [
    ['promote-integration', 'Förderung der Integration von MigrantInnen'],
    ['counter-xenophobia', 'Fremdenfeindlichkeit und Ungleichbehandlung von Personen mit Migrationshintergrund entgegenzuwirken'],
    ['foster-coexistence', 'Voraussetzung schaffen, die das Zusammenleben zwischen Personen mit Migrationshintergrund und Personen ohne Migrationshintergrund fördern'],
    ['represent-concerns', 'Personen mit Migrationshintergrund dabei unterstützen, dass ihre Belange im Kyffhäuserkreis Berücksichtigung finden'],
  ]),
  contact({
    id: `${district}/contact/weise`,
    districtId: district,
    positionId: guide,
    sourceId: src.kyffhaeuserOld,
    person: { salutation: 'Frau', givenName: 'Christin', familyName: 'Weise' },
    validFrom: date('2016-06-01'),
    validFromStated: true,
    validTo: newPageAsOf,
    validityNote:
      'Start as stated: employment from June 2016. End not stated: the newer page (as of 31.12.2019 or later) names Herr Pilavskij instead.',
    channels: [
      ['PHONE', '03632 / 741 - 273'],
      ['MOBILE', '0162 / 2435214'],
      ['FAX', '03632 / 741 - 88252'],
      ['EMAIL', 'integrationslotse[at]kyffhaeuser.de'],
    ],
    addresses: [
      {
        kind: 'OFFICE',
        placeName: 'Landratsamt Kyffhäuserkreis, Fachbereich Innere Verwaltung, Schulverwaltung/ Sport/ VHS',
        street: 'Markt 8',
        postalCode: '99706',
        locality: 'Sondershausen',
        lines: ['Landratsamt Kyffhäuserkreis', 'Fachbereich Innere Verwaltung', 'Schulverwaltung/ Sport/ VHS', 'Markt 8', '99706 Sondershausen'],
      },
    ],
    officeHours: {
      printed:
        'Sprechzeiten im Streetworker-Büro, Crucisstr. 16, 99706 Sondershausen: Montag 09:00 Uhr - 11:00 Uhr & 13:00 Uhr - 20:00 Uhr, Mittwoch 14:00 Uhr - 17:30 Uhr, Freitag 09:00 Uhr - 11:30 Uhr und nach Vereinbarung',
      location: {
        kind: 'OFFICE_HOURS',
        placeName: 'Streetworker-Büro',
        street: 'Crucisstr. 16',
        postalCode: '99706',
        locality: 'Sondershausen',
        lines: ['Streetworker-Büro', 'Crucisstr. 16', '99706 Sondershausen'],
      },
      byAppointment: true,
      intervals: [
        [1, '09:00', '11:00'],
        [1, '13:00', '20:00'],
        [3, '14:00', '17:30'],
        [5, '09:00', '11:30'],
      ],
    },
  }),
  contact({
    id: `${district}/contact/pilavskij`,
    districtId: district,
    positionId: guide,
    sourceId: src.kyffhaeuserNew,
    person: { salutation: 'Herr', familyName: 'Pilavskij' },
    validFrom: newPageAsOf,
    validityNote: 'Start not stated: counted from the newer page’s date (31.12.2019 or later), where he is first named.',
    channels: [
      ['PHONE', '03632 / 741-261'],
      ['EMAIL', 'r.pilavskij@kyffhaeuser.de'],
    ],
    addresses: [markt8],
  }),
  contact({
    id: `${district}/contact/ziegner`,
    districtId: district,
    positionId: commissioner,
    sourceId: src.kyffhaeuserNew,
    person: { givenName: 'Alexandra', familyName: 'Ziegner' },
    validFrom: newPageAsOf,
    validityNote: 'Start not stated: counted from the page’s date (31.12.2019 or later).',
    channels: [
      ['PHONE', '03632 / 741-270'],
      ['EMAIL', 'a.ziegner@kyffhaeuser.de'],
    ],
    addresses: [markt8],
  }),
);
