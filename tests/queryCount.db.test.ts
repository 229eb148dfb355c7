// No N+1: a nested query costs the same number of SQL statements however many rows it returns.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CompareDistrictsDocument } from '../schema/generated/graphql.js';
import type { Row } from '../src/packages/rows.js';
import { insertRows, rowsOf } from '../src/packages/seed.js';

type SeedRows = Record<string, Row[]>;
const seedData = rowsOf();

import { startTestServer, type TestServer } from './support/testServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const nested = /* GraphQL */ `
  query ($asOf: Date) {
    district(ags: "16065") {
      name
      contacts(first: 100, asOf: $asOf) {
        totalCount
        edges {
          node {
            person { displayName }
            channels { kind value }
            addresses { street }
            officeHours { printed location { street } intervals { weekday opens closes } }
            position { title role { key } fundings { sharePercent programme { shortName } funder { name } } }
          }
        }
      }
    }
  }
`;

/** Nine more copies of everything the Kyffhäuserkreis has about its contacts and posts. */
function tenfold(): SeedRows {
  const district = '16065';
  const copy = (rows: Row[], n: number, refs: string[]) =>
    rows.map((row) => {
      const copied: Row = { ...row, id: `${String(row.id)}#${n}` };
      for (const ref of refs) if (row[ref] != null) copied[ref] = `${String(row[ref])}#${n}`;
      return copied;
    });
  const positions = seedData.positions!.filter((p) => p.districtId === district);
  const positionIds = new Set(positions.map((p) => p.id));
  const contacts = seedData.contacts!.filter((c) => c.districtId === district);
  const contactIds = new Set(contacts.map((c) => c.id));
  const hours = seedData.officeHours!.filter((h) => contactIds.has(h.contactId));
  const hourIds = new Set(hours.map((h) => h.id));
  const parts: SeedRows[] = [];
  for (let n = 1; n <= 9; n++) {
    parts.push({
      positions: copy(positions, n, []),
      fundings: copy(
        seedData.fundings!.filter((f) => f.positionId && positionIds.has(f.positionId as string)),
        n,
        ['positionId'],
      ),
      persons: copy(
        seedData.persons!.filter((p) => contacts.some((c) => c.personId === p.id)),
        n,
        [],
      ),
      contacts: copy(contacts, n, ['positionId', 'personId']),
      channels: copy(
        seedData.channels!.filter((c) => contactIds.has(c.contactId)),
        n,
        ['contactId'],
      ),
      addresses: copy(
        seedData.addresses!.filter((a) => a.contactId && contactIds.has(a.contactId)),
        n,
        ['contactId'],
      ),
      officeHours: copy(hours, n, ['contactId', 'locationId']),
      officeHourIntervals: copy(
        seedData.officeHourIntervals!.filter((i) => hourIds.has(i.officeHoursId)),
        n,
        ['officeHoursId'],
      ),
    });
  }
  const merged: SeedRows = {};
  for (const part of parts) for (const [table, rows] of Object.entries(part)) merged[table] = [...(merged[table] ?? []), ...rows];
  return merged as SeedRows;
}

async function run(asOf?: string) {
  server.resetQueryLog();
  const response = await server.graphql(nested, { asOf });
  expect(response.errors).toBeUndefined();
  return { statements: server.queries.length, contacts: response.data.district.contacts.edges.length };
}

test('the nested contact query needs as many SQL statements with ten times the data', async () => {
  const before = { today: await run(), in2017: await run('2017-01-01') };
  expect(before.today.contacts).toBe(2);
  expect(before.in2017.contacts).toBe(1);

  await server.database.client.$transaction((tx) => insertRows(tx, { tables: tenfold() }));

  const after = { today: await run(), in2017: await run('2017-01-01') };
  expect(after.today.contacts).toBe(20);
  expect(after.in2017.contacts).toBe(10);
  expect(after.today.statements).toBe(before.today.statements);
  expect(after.in2017.statements).toBe(before.in2017.statements);
  // The district with everything below it is one statement (relation joins: contacts, people,
  // channels, addresses, office hours and their places and intervals, posts, roles, fundings,
  // programmes, funders). In German (no Accept-Language) that is all; in Arabic the
  // translations of the texts asked for are a second, for all contacts at once.
  expect(before.in2017.statements).toBe(1);
  expect(before.today.statements).toBe(1);
  server.resetQueryLog();
  const arabic = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'ar' },
    body: JSON.stringify({ query: nested }),
  });
  expect((await arabic.json()).errors).toBeUndefined();
  expect(server.queries.length).toBe(2);
});

test('ten such queries aliased into one request exceed the cost limit and run nothing', async () => {
  const body = nested.slice(nested.indexOf('district('), nested.lastIndexOf('}'));
  const aliased = `query ($asOf: Date) { ${Array.from({ length: 10 }, (_, i) => `d${i}: ${body}`).join('\n')} }`;
  server.resetQueryLog();
  const response = await server.graphql(aliased);
  expect(response.errors?.[0].extensions?.code).toBe('COST_LIMIT_EXCEEDED');
  expect(response.errors?.[0].message).toMatch(/^Query cost \d+ exceeds the limit of 50000/);
  expect(server.queries).toEqual([]);
});

test('the ministry’s district comparison costs the same statements for a page of 20 as for all 35 districts', async () => {
  const statementsFor = async (first: number) => {
    server.resetQueryLog();
    const response = await server.graphql(CompareDistrictsDocument, { first });
    expect(response.errors).toBeUndefined();
    expect(response.data!.districts.edges.length).toBe(first);
    return server.queries.length;
  };
  // (Both pages hold the Kyffhäuserkreis, whose concept has texts to translate.)
  const few = await statementsFor(20);
  expect(await statementsFor(35)).toBe(few);
  // The list's keys (the page and the total); the page with concepts, fundings, indicators and
  // coverage joined. In German (no Accept-Language) no translations are read; in English they
  // are one statement more, for the whole page.
  expect(few).toBe(2);
  server.resetQueryLog();
  const english = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    body: JSON.stringify({ query: CompareDistrictsDocument.toString(), variables: { first: 35 } }),
  });
  expect((await english.json()).errors).toBeUndefined();
  expect(server.queries.length).toBe(3);
  expect(server.queries.filter((sql) => sql.includes('"Translation"'))).toHaveLength(1);
});
