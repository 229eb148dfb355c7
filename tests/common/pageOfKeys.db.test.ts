// The districts list pages its keys itself (one statement for page and total): every page must be
// the one Prisma's findMany takes with the same take, skip and cursor, forwards and backwards.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { OpenDatabase } from '../../src/db/client.js';
import { pageOfKeys } from '../../src/graphql/connections.js';
import { openTestDatabase } from '../support/database.js';

let database: OpenDatabase;
beforeAll(async () => {
  database = await openTestDatabase(undefined, { migratedAndSeeded: true });
});
afterAll(() => database.close());

const where = { stateId: 'TH' };
const orderBy = [{ name: 'asc' as const }, { id: 'asc' as const }];

test('every page of the Thüringen list is the page Prisma takes', async () => {
  const keys = (await database.client.district.findMany({ where, orderBy, select: { id: true } })).map(({ id }) => id);
  expect(keys.length).toBeGreaterThan(10);
  const cursors = [undefined, keys[0]!, keys[1]!, keys[10]!, keys.at(-2)!, keys.at(-1)!];
  let compared = 0;
  for (const id of cursors) {
    for (const skip of [0, 1, 2]) {
      for (const take of [undefined, 0, 1, 3, 21, 40, -1, -3, -21, -40]) {
        const cursor = id === undefined ? undefined : { id };
        const prisma = await database.client.district.findMany({ where, orderBy, take, skip, cursor, select: { id: true } });
        expect(pageOfKeys(keys, { take, skip, cursor }), JSON.stringify({ id, skip, take })).toEqual(prisma.map((row) => row.id));
        compared++;
      }
    }
  }
  expect(compared).toBe(180);
});

test('a cursor outside the list is left to Prisma', async () => {
  const keys = (await database.client.district.findMany({ where, orderBy, select: { id: true } })).map(({ id }) => id);
  expect(pageOfKeys(keys, { take: 5, skip: 1, cursor: { id: '14522' } })).toBeNull();
  expect(pageOfKeys(keys, { take: 5, cursor: {} })).toBeNull();
});
