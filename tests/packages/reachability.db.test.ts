// Every stored fact can be read: each row of each table of the data package format that the seed
// holds is reached through the public API — by the lists a client walks (a district's records, the
// catalogue's root lists), asked for its day where it is history — or its table is named here as
// internal, with the reason. A table added to the format must be decided on here.
import { expect, test } from 'vitest';
import { keyOfType } from '../../src/common/globalId.js';
import { readSeedPackages } from '../../src/packages/seed.js';
import { tables } from '../../src/packages/tables.js';
import { startTestServer } from '../support/testServer.js';

type Row = Record<string, unknown>;
type Ask = (query: string, variables?: Record<string, unknown>) => Promise<any>;

/** Tables whose rows the API does not show as rows of their own, and why. */
const internal: Record<string, string> = {};

/** What the API shows of a row: a key made from the seed row, and the keys of every row a walk through the API reaches. */
interface Reach {
  seed(row: Row): string;
  reached(ask: Ask, rows: Row[]): Promise<Iterable<string>>;
}

const key = (type: string) => (id: string) => keyOfType(id, type) ?? `not a ${type}: ${id}`;
const byId: Reach['seed'] = (row) => String(row.id);
const days = (rows: Row[], column: string) => [...new Set(rows.map((row) => row[column]).filter(Boolean) as string[])];

/** A district's records as a client reads them, on a day (its contacts and values are history on other days). */
const districtQuery = `query ($ags: String!, $asOf: Date) { district(ags: $ags) {
  sources { id }
  municipalities { name }
  organisationalUnits { name }
  positions { id tasks { task { key } wording } }
  contacts(asOf: $asOf, first: 100) { edges { node { id person { familyName }
    channels { printed } addresses { printed }
    officeHours { id location { printed } intervals { weekday opens } exceptions { firstDay } } } } }
  partners { id }
  cooperations { partner { id } description }
  projects { id }
  fundings { id }
  concepts { id milestones { title } fieldsOfAction { fieldOfAction { key } label } }
  offers(first: 100) { edges { node { id places { municipality { name } } } } }
  networks { id supporters { id } }
  indicators(history: true) { id }
  documents { id }
} }`;

/** Every district of the seed on every day its history needs, read once. */
function districtReader(ask: Ask, contactDays: string[]) {
  const read = new Map<string, Promise<any[]>>();
  return (ags: string) => {
    if (!read.has(ags))
      read.set(ags, Promise.all([undefined, ...contactDays].map(async (asOf) => (await ask(districtQuery, { ags, asOf })).district)));
    return read.get(ags)!;
  };
}

const reach = (districts: (ags: string) => Promise<any[]>, agsList: string[], rowsOf: (table: string) => Row[]): Record<string, Reach> => {
  const townName = new Map(rowsOf('municipalities').map((town) => [String(town.id), String(town.name)]));
  const all = async () => (await Promise.all(agsList.map(districts))).flat();
  const contacts = async () => (await all()).flatMap((district) => district.contacts.edges.map((edge: any) => edge.node));
  const hours = async () => (await contacts()).flatMap((contact) => contact.officeHours);
  return {
    states: { seed: byId, reached: async (ask) => (await ask('{ states { code } }')).states.map((state: any) => state.code) },
    districts: {
      seed: byId,
      reached: async (ask) =>
        (await ask('{ districts(first: 100) { edges { node { ags } } } }')).districts.edges.map((edge: any) => edge.node.ags),
    },
    sources: {
      seed: byId,
      reached: async (ask) => [
        ...(await ask('{ sources { id } }')).sources.map((source: any) => key('Source')(source.id)),
        ...(await all()).flatMap((district) => district.sources.map((source: any) => key('Source')(source.id))),
      ],
    },
    municipalities: {
      seed: (row) => String(row.name),
      reached: async () => (await all()).flatMap((d) => d.municipalities.map((m: any) => m.name)),
    },
    units: {
      seed: (row) => String(row.name),
      reached: async () => (await all()).flatMap((d) => d.organisationalUnits.map((u: any) => u.name)),
    },
    roles: { seed: byId, reached: async (ask) => (await ask('{ roles { key } }')).roles.map((role: any) => role.key) },
    tasks: { seed: byId, reached: async (ask) => (await ask('{ tasks { key } }')).tasks.map((task: any) => task.key) },
    positions: { seed: byId, reached: async () => (await all()).flatMap((d) => d.positions.map((p: any) => key('Position')(p.id))) },
    positionTasks: {
      seed: (row) => `${row.positionId}|${row.taskId}`,
      reached: async () =>
        (await all()).flatMap((d) => d.positions.flatMap((p: any) => p.tasks.map((t: any) => `${key('Position')(p.id)}|${t.task.key}`))),
    },
    persons: {
      seed: (row) => String(row.familyName),
      reached: async () => (await contacts()).flatMap((c) => (c.person ? [c.person.familyName] : [])),
    },
    contacts: { seed: byId, reached: async () => (await contacts()).map((c) => key('Contact')(c.id)) },
    channels: {
      seed: (row) => `${row.contactId}|${row.printed}`,
      reached: async () => (await contacts()).flatMap((c) => c.channels.map((ch: any) => `${key('Contact')(c.id)}|${ch.printed}`)),
    },
    addresses: {
      seed: (row) => String(row.printed),
      reached: async () => [
        ...(await contacts()).flatMap((c) => c.addresses.map((a: any) => a.printed)),
        ...(await hours()).flatMap((h) => (h.location ? [h.location.printed] : [])),
      ],
    },
    officeHours: { seed: byId, reached: async () => (await hours()).map((h) => key('OfficeHours')(h.id)) },
    officeHourIntervals: {
      seed: (row) => `${row.officeHoursId}|${row.weekday}|${row.opens}`,
      reached: async () => {
        const weekdays = ['', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
        return (await hours()).flatMap((h) =>
          h.intervals.map((i: any) => `${key('OfficeHours')(h.id)}|${weekdays.indexOf(i.weekday)}|${i.opens}`),
        );
      },
    },
    officeHourExceptions: {
      seed: (row) => `${row.officeHoursId}|${row.firstDay}`,
      reached: async () => (await hours()).flatMap((h) => h.exceptions.map((e: any) => `${key('OfficeHours')(h.id)}|${e.firstDay}`)),
    },
    funders: {
      seed: (row) => String(row.name),
      reached: async (ask) =>
        (await ask('{ fundingProgrammes(first: 100) { edges { node { funder { name } } } } }')).fundingProgrammes.edges.map(
          (e: any) => e.node.funder.name,
        ),
    },
    programmes: {
      seed: byId,
      reached: async (ask) =>
        (await ask('{ fundingProgrammes(first: 100) { edges { node { key } } } }')).fundingProgrammes.edges.map((e: any) => e.node.key),
    },
    partners: {
      seed: byId,
      reached: async (ask) => [
        ...(await all()).flatMap((d) => d.partners.map((p: any) => key('Partner')(p.id))),
        ...(await ask('{ fundingProgrammes(first: 100) { edges { node { partners { id } } } } }')).fundingProgrammes.edges.flatMap(
          (e: any) => e.node.partners.map((partner: any) => key('Partner')(partner.id)),
        ),
        ...(await ask('{ states { networks { supporters { id } } } }')).states.flatMap((s: any) =>
          s.networks.flatMap((n: any) => n.supporters.map((partner: any) => key('Partner')(partner.id))),
        ),
      ],
    },
    projects: { seed: byId, reached: async () => (await all()).flatMap((d) => d.projects.map((p: any) => key('Project')(p.id))) },
    fundings: { seed: byId, reached: async () => (await all()).flatMap((d) => d.fundings.map((f: any) => key('Funding')(f.id))) },
    fieldsOfAction: { seed: byId, reached: async (ask) => (await ask('{ fieldsOfAction { key } }')).fieldsOfAction.map((f: any) => f.key) },
    concepts: {
      seed: byId,
      reached: async () => (await all()).flatMap((d) => d.concepts.map((c: any) => key('IntegrationConcept')(c.id))),
    },
    conceptMilestones: {
      seed: (row) => `${row.conceptId}|${row.title}`,
      reached: async () =>
        (await all()).flatMap((d) =>
          d.concepts.flatMap((c: any) => c.milestones.map((m: any) => `${key('IntegrationConcept')(c.id)}|${m.title}`)),
        ),
    },
    conceptFieldsOfAction: {
      seed: (row) => `${row.conceptId}|${row.fieldOfActionId}`,
      reached: async () =>
        (await all()).flatMap((d) =>
          d.concepts.flatMap((c: any) => c.fieldsOfAction.map((f: any) => `${key('IntegrationConcept')(c.id)}|${f.fieldOfAction.key}`)),
        ),
    },
    offers: { seed: byId, reached: async () => (await all()).flatMap((d) => d.offers.edges.map((e: any) => key('Offer')(e.node.id))) },
    offerPlaces: {
      // The API names the town; the seed row its key.
      seed: (row) => `${row.offerId}|${townName.get(String(row.municipalityId))}`,
      reached: async () =>
        (await all()).flatMap((d) =>
          d.offers.edges.flatMap((e: any) => e.node.places.map((p: any) => `${key('Offer')(e.node.id)}|${p.municipality.name}`)),
        ),
    },
    cooperations: {
      seed: (row) => `${row.partnerId}|${row.description}`,
      reached: async () => (await all()).flatMap((d) => d.cooperations.map((c: any) => `${key('Partner')(c.partner.id)}|${c.description}`)),
    },
    networks: {
      seed: byId,
      reached: async (ask) => [
        ...(await all()).flatMap((d) => d.networks.map((n: any) => key('Network')(n.id))),
        ...(await ask('{ states { networks { id } } }')).states.flatMap((s: any) => s.networks.map((n: any) => key('Network')(n.id))),
      ],
    },
    networkSupports: {
      seed: (row) => `${row.networkId}|${row.partnerId}`,
      reached: async (ask) => [
        ...(await all()).flatMap((d) =>
          d.networks.flatMap((n: any) => n.supporters.map((p: any) => `${key('Network')(n.id)}|${key('Partner')(p.id)}`)),
        ),
        ...(await ask('{ states { networks { id supporters { id } } } }')).states.flatMap((s: any) =>
          s.networks.flatMap((n: any) => n.supporters.map((p: any) => `${key('Network')(n.id)}|${key('Partner')(p.id)}`)),
        ),
      ],
    },
    indicators: { seed: byId, reached: async (ask) => (await ask('{ indicators { key } }')).indicators.map((i: any) => i.key) },
    indicatorValues: {
      seed: byId,
      reached: async (ask) => [
        ...(await all()).flatMap((d) => d.indicators.map((v: any) => key('IndicatorValue')(v.id))),
        ...(await ask('{ indicatorValues(first: 100, history: true) { edges { node { id } } } }')).indicatorValues.edges.map((e: any) =>
          key('IndicatorValue')(e.node.id),
        ),
      ],
    },
    documents: {
      seed: byId,
      reached: async (ask) => [
        ...(await all()).flatMap((d) => d.documents.map((doc: any) => key('Document')(doc.id))),
        ...(await ask('{ fundingProgrammes(first: 100) { edges { node { documents { id } } } } }')).fundingProgrammes.edges.flatMap(
          (e: any) => e.node.documents.map((doc: any) => key('Document')(doc.id)),
        ),
      ],
    },
    factSources: {
      seed: (row) => `${row.entityType}|${row.entityId}|${row.field}|${row.sourceId}`,
      reached: async (ask, rows) =>
        (
          await Promise.all(
            rows.map(async (row) => {
              const id = Buffer.from(`${row.entityType}:${row.entityId}`).toString('base64');
              const answer = await ask(
                'query ($id: ID!) { node(id: $id) { ... on ChangeTracked { fieldSources { field source { key } } } } }',
                { id },
              );
              return (answer.node?.fieldSources ?? []).map(
                (fact: any) => `${row.entityType}|${row.entityId}|${fact.field}|${fact.source.key}`,
              );
            }),
          )
        ).flat(),
    },
    translations: {
      seed: (row) => `${row.entityType}|${row.entityId}|${row.field}|${row.language}`,
      reached: async (ask, rows) =>
        (
          await Promise.all(
            rows.map(async (row) => {
              const id = Buffer.from(`${row.entityType}:${row.entityId}`).toString('base64');
              const answer = await ask(
                `query ($id: ID!, $lang: String) { node(id: $id) { ... on Offer { localized(lang: $lang) { field text language } } } }`,
                {
                  id,
                  lang: row.language,
                },
              );
              const texts = (answer.node?.localized ?? []) as { field: string; text: string; language: string }[];
              return texts.some((text) => text.field === row.field && text.language === row.language && text.text === row.text)
                ? [`${row.entityType}|${row.entityId}|${row.field}|${row.language}`]
                : [];
            }),
          )
        ).flat(),
    },
  };
};

test('every row of every package table of the seed is reached through the public API, or its table is named internal with the reason', async () => {
  const server = await startTestServer();
  try {
    const ask: Ask = async (query, variables) => {
      const { data, errors } = await server.graphql(query, variables);
      expect(
        errors?.map((error) => error.message),
        query,
      ).toBeUndefined();
      return data;
    };
    const packages = readSeedPackages();
    const rowsOf = (table: string) => packages.flatMap(({ content }) => content.tables[table] ?? []);
    const agsList = packages.flatMap(({ content }) => (content.kind === 'district' ? [String(content.district)] : []));
    const ways = reach(districtReader(ask, days(rowsOf('contacts'), 'validFrom')), agsList, rowsOf);
    expect(tables.map((table) => table.key).filter((table) => !(table in ways) && !(table in internal))).toEqual([]);
    const unreached: string[] = [];
    for (const table of tables) {
      const way = ways[table.key];
      const rows = rowsOf(table.key);
      if (!way || !rows.length) continue;
      const reached = new Set(await way.reached(ask, rows));
      for (const row of rows) if (!reached.has(way.seed(row))) unreached.push(`${table.key}: ${way.seed(row)}`);
    }
    expect(unreached).toEqual([]);
  } finally {
    await server.close();
  }
});
