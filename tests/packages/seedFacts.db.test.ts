// The seed facts, read back through the real HTTP API.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type OfferFilter, OffersDocument, type TypedDocumentString } from '../../schema/generated/graphql.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** The data of an answer without errors; typed for a document of schema/operations. */
async function data<Result, Variables>(document: TypedDocumentString<Result, Variables>, variables: NoInfer<Variables>): Promise<Result>;
async function data(query: string, variables?: Record<string, unknown>): Promise<any>;
async function data(query: string | TypedDocumentString<unknown, never>, variables?: Record<string, unknown>) {
  const response = await server.graphql(query.toString(), variables);
  expect(response.errors).toBeUndefined();
  return response.data;
}

const contactFields = /* GraphQL */ `
  person { salutation givenName familyName displayName }
  position { title role { key } }
  validFrom validTo validFromStated
  channels { kind value printed href }
  addresses { kind street postOfficeBox postalCode locality room placeName }
  officeHours { byAppointment appointmentRequired timeZone printed location { placeName street } intervals { weekday opens closes } }
  source { key }
`;

describe('states and districts', () => {
  test('both states with their districts, identified by AGS', async () => {
    const { states } = await data(
      `{ states { code name regionalKey districts(first: 30) { totalCount edges { node { ags name seat coverage { hasData } } } } } }`,
    );
    expect(states.map((s: any) => [s.code, s.regionalKey])).toEqual([
      ['SN', '14'],
      ['TH', '16'],
    ]);
    const thuringia = states.find((s: any) => s.code === 'TH');
    // Every district of the official list is there; the seed pages give data of three in Thüringen.
    expect(thuringia.districts.totalCount).toBe(22);
    expect(
      thuringia.districts.edges.filter((e: any) => e.node.coverage.hasData).map((e: any) => [e.node.ags, e.node.name, e.node.seat]),
    ).toEqual([
      ['16065', 'Kyffhäuserkreis', 'Sondershausen'],
      ['16066', 'Schmalkalden-Meiningen', 'Meiningen'],
      ['16063', 'Wartburgkreis', 'Bad Salzungen'],
    ]);
    const saxony = states.find((s: any) => s.code === 'SN').districts.edges.filter((e: any) => e.node.coverage.hasData);
    expect(saxony.map((e: any) => e.node)).toMatchObject([{ ags: '14522', name: 'Mittelsachsen' }]);
  });

  test('every one of the five source pages is a source, and facts name theirs', async () => {
    const { sources } = await data(`{ sources { key kind asOf district { ags } } }`);
    const pages = sources.filter((s: any) => s.kind === 'WEB_PAGE');
    expect(pages.map((s: any) => [s.key, s.district.ags])).toEqual([
      ['000_1eab90bdcab76940.txt', '16065'],
      ['001_abe3dd58ee3e23c3.txt', '16065'],
      ['002_127eb0620d91a851.txt', '16063'],
      ['003_c66ffffed3ebd7d0.txt', '16066'],
      ['004_0bb7c98f7c4b86a2.txt', '14522'],
    ]);
    // Pages that state no date keep it unknown rather than invented.
    expect(pages.filter((s: any) => s.asOf === null).map((s: any) => s.key)).toEqual([
      '000_1eab90bdcab76940.txt',
      '002_127eb0620d91a851.txt',
      '004_0bb7c98f7c4b86a2.txt',
    ]);
  });

  test('a fact printed on another page than its record’s names that page: the Integrationslotse post (page 001) began in June 2016 (page 000)', async () => {
    const { district } = await data(
      `{ district(ags: "16065") { positions { title since source { key } fieldSources { field source { key } } } } }`,
    );
    const guide = district.positions.find((post: any) => post.title === 'Integrationslotse (m/w/d)');
    expect(guide).toEqual({
      title: 'Integrationslotse (m/w/d)',
      since: '2016-06',
      source: { key: '001_abe3dd58ee3e23c3.txt' },
      fieldSources: [{ field: 'since', source: { key: '000_1eab90bdcab76940.txt' } }],
    });
    expect(district.positions.filter((post: any) => post !== guide).every((post: any) => post.fieldSources.length === 0)).toBe(true);
  });
});

describe('contacts', () => {
  test('Kyffhäuserkreis today: Herr Pilavskij (no first name stated) and Alexandra Ziegner, phones in E.164', async () => {
    const { district } = await data(`{ district(ags: "16065") { contacts { totalCount edges { node { ${contactFields} } } } } }`);
    const contacts = district.contacts.edges.map((e: any) => e.node);
    expect(district.contacts.totalCount).toBe(2);
    const pilavskij = contacts.find((c: any) => c.person.familyName === 'Pilavskij');
    expect(pilavskij.person).toEqual({ salutation: 'Herr', givenName: null, familyName: 'Pilavskij', displayName: 'Herr Pilavskij' });
    expect(pilavskij.position.role.key).toBe('integration-guide');
    expect(pilavskij.channels).toEqual([
      { kind: 'PHONE', value: '+493632741261', printed: '03632 / 741-261', href: 'tel:+493632741261' },
      {
        kind: 'EMAIL',
        value: 'r.pilavskij@kyffhaeuser.de',
        printed: 'r.pilavskij@kyffhaeuser.de',
        href: 'mailto:r.pilavskij@kyffhaeuser.de',
      },
    ]);
    const ziegner = contacts.find((c: any) => c.person.familyName === 'Ziegner');
    expect(ziegner.person).toMatchObject({ salutation: null, givenName: 'Alexandra' });
    expect(ziegner.position.title).toBe('Integrations- und Migrationsbeauftragte');
    expect(ziegner.channels[0]).toMatchObject({ value: '+493632741270', printed: '03632 / 741-270' });
  });

  test('history: in 2016 the Integrationslotsin was Frau Christin Weise, with all channels and office hours', async () => {
    const { district } = await data(
      `{ district(ags: "16065") { contacts(asOf: "2016-07-01", role: "integration-guide") { edges { node { ${contactFields} } } } } }`,
    );
    expect(district.contacts.edges).toHaveLength(1);
    const weise = district.contacts.edges[0].node;
    expect(weise.person.displayName).toBe('Frau Christin Weise');
    expect(weise).toMatchObject({ validFrom: '2016-06-01', validFromStated: true, source: { key: '000_1eab90bdcab76940.txt' } });
    expect(weise.channels).toEqual([
      { kind: 'PHONE', value: '+493632741273', printed: '03632 / 741 - 273', href: 'tel:+493632741273' },
      { kind: 'MOBILE', value: '+491622435214', printed: '0162 / 2435214', href: 'tel:+491622435214' },
      { kind: 'FAX', value: '+49363274188252', printed: '03632 / 741 - 88252', href: 'fax:+49363274188252' },
      {
        kind: 'EMAIL',
        value: 'integrationslotse@kyffhaeuser.de',
        printed: 'integrationslotse[at]kyffhaeuser.de',
        href: 'mailto:integrationslotse@kyffhaeuser.de',
      },
    ]);
    expect(weise.officeHours).toEqual([
      {
        byAppointment: true,
        appointmentRequired: false,
        timeZone: 'Europe/Berlin',
        printed: expect.stringContaining('Montag 09:00 Uhr - 11:00 Uhr & 13:00 Uhr - 20:00 Uhr'),
        location: { placeName: 'Streetworker-Büro', street: 'Crucisstr. 16' },
        intervals: [
          { weekday: 'MONDAY', opens: '09:00', closes: '11:00' },
          { weekday: 'MONDAY', opens: '13:00', closes: '20:00' },
          { weekday: 'WEDNESDAY', opens: '14:00', closes: '17:30' },
          { weekday: 'FRIDAY', opens: '09:00', closes: '11:30' },
        ],
      },
    ]);
  });

  test('asOf on the root list tells then from now', async () => {
    const query = `query ($asOf: Date) { contacts(asOf: $asOf, filter: { role: "integration-guide" }) { edges { node { person { familyName } } } } }`;
    const names = async (asOf?: string) => (await data(query, { asOf })).contacts.edges.map((e: any) => e.node.person.familyName);
    expect(await names('2016-07-01')).toEqual(['Weise']);
    expect(await names()).toEqual(['Pilavskij']);
    expect(await names('2015-01-01')).toEqual([]);
  });

  test('Wartburgkreis: appointment required, web form without address, visitor and postal address', async () => {
    const { district } = await data(`{ district(ags: "16063") { contacts { edges { node { ${contactFields} } } } } }`);
    const rodeck = district.contacts.edges[0].node;
    expect(rodeck.person.displayName).toBe('Herr Rodeck');
    expect(rodeck.channels).toEqual([
      { kind: 'PHONE', value: '+493695615803', printed: '03695 615803', href: 'tel:+493695615803' },
      { kind: 'WEB_FORM', value: null, printed: 'E-Mail senden', href: null },
    ]);
    expect(rodeck.addresses.map((a: any) => [a.kind, a.street ?? a.postOfficeBox, a.postalCode])).toEqual([
      ['VISITOR', 'Erzberger Allee 14', '36433'],
      ['POSTAL', '11 65', '36421'],
    ]);
    expect(rodeck.officeHours[0]).toMatchObject({ appointmentRequired: true, byAppointment: false, intervals: [] });
  });

  test('Schmalkalden-Meiningen: e-mail written with (a) is de-obfuscated, room kept', async () => {
    const { district } = await data(`{ district(ags: "16066") { contacts { edges { node { ${contactFields} } } } } }`);
    const lange = district.contacts.edges[0].node;
    expect(lange.person.displayName).toBe('Frau Lange');
    expect(lange.channels).toContainEqual({
      kind: 'EMAIL',
      value: 'l.lange@lra-sm.de',
      printed: 'l.lange(a)lra-sm.de',
      href: 'mailto:l.lange@lra-sm.de',
    });
    expect(lange.channels).toContainEqual(expect.objectContaining({ kind: 'PHONE', value: '+4936934858144' }));
    expect(lange.addresses[0]).toMatchObject({
      street: 'Obertshäuser Platz 1',
      postalCode: '98617',
      locality: 'Meiningen',
      room: 'Haus I, Raum 114',
    });
  });

  test('Mittelsachsen: the coordinators’ office without a person, with visitor and postal address', async () => {
    const { district } = await data(`{ district(ags: "14522") { contacts { edges { node { ${contactFields} } } } } }`);
    const office = district.contacts.edges[0].node;
    expect(office.person).toBeNull();
    expect(office.position.role.key).toBe('municipal-integration-coordinator');
    expect(office.addresses.map((a: any) => [a.kind, a.street])).toEqual([
      ['VISITOR', 'Am Rotvorwerk 3'],
      ['POSTAL', 'Frauensteiner Straße 43'],
    ]);
  });
});

describe('roles and tasks', () => {
  test('the ThILIK task list links the Kyffhäuser and Wartburg posts to the same catalogue tasks', async () => {
    const { roles } = await data(`{ roles { key positions { district { ags } tasks { task { key } wording } } } }`);
    const guide = roles.find((r: any) => r.key === 'integration-guide').positions[0];
    const manager = roles.find((r: any) => r.key === 'integration-manager').positions.find((p: any) => p.district.ags === '16063');
    const keys = (position: any) => position.tasks.map((t: any) => t.task.key);
    expect(keys(guide)).toHaveLength(12);
    expect(keys(manager)).toEqual(keys(guide));
    expect(guide.tasks[0].wording).toMatch(/^Integration als ressortübergreifende Aufgabe/);
  });
});

describe('funding', () => {
  test('fundings with programme, funder, share and period', async () => {
    const { fundings } = await data(
      `{ fundings(first: 100) { totalCount edges { node { district { ags } programme { key } funder { name level } sharePercent periodStart periodEnd position { title } project { name } } } } }`,
    );
    const rows = fundings.edges.map((e: any) => e.node);
    expect(fundings.totalCount).toBe(6);
    expect(rows.find((f: any) => f.district.ags === '14522')).toMatchObject({
      programme: { key: 'richtlinie-integrative-massnahmen' },
      funder: { name: 'Freistaat Sachsen', level: 'STATE' },
      sharePercent: 90,
      position: { title: 'kommunale Integrationskoordinatoren/innen (KIK)' },
    });
    const kyffhaeuser = rows.filter((f: any) => f.district.ags === '16065');
    expect(kyffhaeuser.map((f: any) => [f.programme?.key ?? null, f.funder.name, f.periodStart])).toEqual([
      ['esf', 'Europäische Union', '2016-06'],
      [null, 'Freistaat Thüringen', '2016-06'],
    ]);
    expect(rows.filter((f: any) => f.district.ags === '16066').map((f: any) => [f.programme.key, f.periodStart, f.periodEnd])).toEqual([
      ['esf', '2014', '2020'],
      ['thilik', null, '2020-12'],
    ]);
  });

  test('a funder the page does not name is marked as inferred; one it names is not', async () => {
    const { fundingProgrammes } = await data('{ fundingProgrammes { edges { node { key funder { name } funderInferred } } } }');
    const byKey = Object.fromEntries(fundingProgrammes.edges.map(({ node }: any) => [node.key, node]));
    expect(byKey.armutspraeventionsrichtlinie.funderInferred).toMatch(/^Not stated on the page/);
    expect(byKey.sozialstrategierichtlinie.funderInferred).toMatch(/^Not stated on the page/);
    expect(byKey['richtlinie-integrative-massnahmen']).toMatchObject({ funder: { name: 'Freistaat Sachsen' }, funderInferred: null });
  });

  test('programmes by level and state', async () => {
    const keys = async (filter: object) =>
      (
        await data(`query ($f: FundingProgrammeFilter) { fundingProgrammes(filter: $f) { edges { node { key } } } }`, { f: filter })
      ).fundingProgrammes.edges.map((e: any) => e.node.key);
    expect(await keys({ level: 'EU' })).toEqual(['efre', 'esf']);
    expect(await keys({ state: 'SN' })).toEqual(['richtlinie-integrative-massnahmen']);
    expect(await keys({ state: 'TH' })).toEqual(['armutspraeventionsrichtlinie', 'efre', 'esf', 'sozialstrategierichtlinie', 'thilik']);
  });
});

describe('concepts', () => {
  test('Schmalkalden-Meiningen: adopted by the Kreistag on 13 May 2019, seven fields of action, milestones', async () => {
    const { district } = await data(
      `{ district(ags: "16066") { concepts { status adoptedOn adoptedBy versionAsOf fieldsOfAction { label fieldOfAction { key } } milestones { kind title periodStart periodEnd } documents { format issued } } } }`,
    );
    const concept = district.concepts[0];
    expect(concept).toMatchObject({ status: 'ADOPTED', adoptedOn: '2019-05-13', adoptedBy: 'Kreistag', versionAsOf: '2019-05' });
    expect(concept.fieldsOfAction.map((f: any) => f.label)).toEqual([
      'Arbeitsmarkt/Wirtschaft',
      'Wohnen',
      'Integration/Migration',
      'Infrastruktur/Ländlicher Raum',
      'Gesundheit',
      'Bildung/Schule',
      'Kinder und Familie',
    ]);
    expect(concept.milestones.map((m: any) => [m.kind, m.periodStart, m.periodEnd])).toEqual([
      ['ACHIEVED', '2016', '2016'],
      ['ACHIEVED', '2017', '2019'],
      ['ACHIEVED', '2018-12', '2019-05'],
      ['PLANNED', '2019-06', null],
    ]);
    expect(concept.documents).toEqual([{ format: 'PDF', issued: '2019-05' }]);
  });

  test('concepts filtered by field of action and status', async () => {
    const ags = async (filter: object) =>
      (
        await data(`query ($f: ConceptFilter) { concepts(filter: $f) { totalCount edges { node { district { ags } } } } }`, { f: filter })
      ).concepts.edges.map((e: any) => e.node.district.ags);
    expect(await ags({ fieldOfAction: 'education' })).toEqual(['16065', '16066']);
    expect(await ags({ fieldOfAction: 'housing' })).toEqual(['16066']);
    expect(await ags({ status: 'BEING_UPDATED' })).toEqual(['16065']);
    expect(await ags({ area: { state: 'SN' } })).toEqual([]);
  });
});

describe('offers', () => {
  test('filters by category, target group, online and language', async () => {
    const titles = async (filter: OfferFilter) => (await data(OffersDocument, { filter })).offers.edges.map((e) => e.node);
    expect((await titles({ category: 'LANGUAGE_COURSE' })).map((o) => o.title)).toEqual(['Integrationskurse und weitere Sprachkurse']);
    expect((await titles({ online: true }))[0]).toMatchObject({ title: 'Deutschland von A-Z', languageCount: 7 });
    expect((await titles({ targetGroup: 'MUNICIPALITIES', area: { state: 'SN' } })).length).toBe(1);
    expect((await titles({ category: 'ADULT_EDUCATION' }))[0].places.map((p) => p.municipality.name)).toEqual(['Artern', 'Sondershausen']);
    // The pages name no offer's languages: a language filter finds nothing rather than guessing.
    expect(await titles({ language: 'ar' })).toEqual([]);
  });

  test('every seeded target group is a valid enum value', async () => {
    const { offers } = await data(OffersDocument, { first: 100 });
    expect(offers.totalCount).toBe(9);
    expect(offers.edges.flatMap((e) => e.node.targetGroups)).toContain('MUNICIPALITIES');
  });
});

describe('indicators', () => {
  test('residents with a migration background: more than 1,800 then, more than 3,900 now', async () => {
    const query = `query ($asOf: Date, $history: Boolean) { district(ags: "16065") { indicators(asOf: $asOf, history: $history) { indicator { key } value qualifier printed source { key } } } }`;
    const migration = async (variables: Record<string, unknown>) =>
      (await data(query, variables)).district.indicators.filter((v: any) => v.indicator.key === 'population-migration-background');
    expect(await migration({})).toEqual([
      {
        indicator: { key: 'population-migration-background' },
        value: 3900,
        qualifier: 'MORE_THAN',
        printed: 'mehr als 3.900',
        source: { key: '001_abe3dd58ee3e23c3.txt' },
      },
    ]);
    expect((await migration({ asOf: '2017-01-01' })).map((v: any) => v.value)).toEqual([1800]);
    expect((await migration({ history: true })).map((v: any) => v.value)).toEqual([1800, 3900]);
  });

  test('Kita fee with its reference date, and a state-wide value under the state filter', async () => {
    const { indicatorValues } = await data(
      `{ indicatorValues(filter: { area: { state: TH } }) { edges { node { indicator { key unit } value referenceDate district { ags } state { code } } } } }`,
    );
    const values = indicatorValues.edges.map((e: any) => e.node);
    expect(values.find((v: any) => v.indicator.key === 'childcare-average-parental-fee')).toMatchObject({
      value: 130.35,
      referenceDate: '2019-12-31',
      indicator: { unit: 'EUR' },
    });
    expect(values.find((v: any) => v.indicator.key === 'integration-managers-in-network')).toMatchObject({
      value: 15,
      district: null,
      state: { code: 'TH' },
    });
  });
});

describe('open now', () => {
  test('Frau Weise’s office hours were running on a Monday morning in 2016, not on Ostermontag', async () => {
    const query = `query ($at: DateTime) { district(ags: "16065") { contacts(asOf: "2016-07-01") { edges { node { officeHours { isOpen(at: $at) holiday(at: $at) } } } } } }`;
    const hours = async (at: string) => (await data(query, { at })).district.contacts.edges[0].node.officeHours[0];
    expect(await hours('2016-07-04T08:30:00Z')).toEqual({ isOpen: true, holiday: null });
    expect(await hours('2016-07-04T10:00:00Z')).toEqual({ isOpen: false, holiday: null });
    expect(await hours('2016-03-28T08:30:00Z')).toEqual({ isOpen: false, holiday: 'Ostermontag' });
  });

  test('when her office hours opened next, over HTTP: after Ostermontag 2016, on Wednesday at 14:00', async () => {
    const query = `query ($at: DateTime) { district(ags: "16065") { contacts(asOf: "2016-07-01") { edges { node { officeHours { openingHours nextChange(at: $at) { at opens } } } } } } }`;
    const [hours] = (await data(query, { at: '2016-03-28T08:30:00Z' })).district.contacts.edges[0].node.officeHours;
    expect(hours).toEqual({
      openingHours: 'Mo 09:00-11:00,13:00-20:00; We 14:00-17:30; Fr 09:00-11:30; PH off',
      nextChange: { at: '2016-03-30T12:00:00.000Z', opens: true },
    });
  });

  test('appointment-only office hours cannot say', async () => {
    const { district } = await data(
      `{ district(ags: "16063") { contacts { edges { node { officeHours { isOpen nextChange { at } openingHours } } } } } }`,
    );
    expect(district.contacts.edges[0].node.officeHours[0]).toEqual({ isOpen: null, nextChange: null, openingHours: null });
  });

  test('the holiday calendars differ by state', async () => {
    const { th, sn } = await data(
      `{ th: publicHolidays(state: TH, year: 2026) { date name } sn: publicHolidays(state: SN, year: 2026) { date name } }`,
    );
    expect(th).toContainEqual({ date: '2026-09-20', name: 'Weltkindertag' });
    expect(sn).toContainEqual({ date: '2026-11-18', name: 'Buß- und Bettag' });
    const response = await server.graphql(`{ publicHolidays(state: BY, year: 2026) { date } }`);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'state' });
  });
});
