// A write the database gave up on — rolled back to let another through, or out of its time — is
// a "try again later" (503 DATABASE_UNAVAILABLE), not an unexpected error: nothing of it was
// written. The errors are the real ones the database and Prisma raise.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../../src/db/client.js';
import { isDatabaseUnavailable } from '../../src/db/unavailable.js';
import { write } from '../../src/writes/transaction.js';
import { databaseKind, openTestDatabase } from '../support/database.js';

let database: OpenDatabase;
beforeAll(async () => {
  database = await openTestDatabase(undefined, { migratedAndSeeded: true });
});
afterAll(async () => {
  await database?.close();
});

const actor = { tokenId: null, name: 'test' };
const failureOf = (attempt: Promise<unknown>) =>
  attempt.then(
    () => expect.unreachable('the write succeeded'),
    (error: unknown) => error,
  );

test('a write out of its time is retryable, and nothing of it is kept', async () => {
  const client = database.client;
  const failure = await failureOf(
    write({ actor, now: new Date(), client, timeoutMs: 200 }, async ({ tx }) => {
      await tx.problemReport.create({
        data: { subjectType: 'Contact', subjectId: 'late', topic: 'GENERAL', districtId: '16065', message: 'zu spät' },
      });
      await sleep(400);
      await tx.district.count();
    }),
  );
  expect(isDatabaseUnavailable(failure), String(failure)).toBe(true);
  expect(await client.problemReport.count({ where: { subjectId: 'late' } })).toBe(0);
});

test('an error of our own making is not', async () => {
  const failure = await failureOf(
    write({ actor, now: new Date(), client: database.client }, ({ tx }) =>
      tx.district.update({ where: { id: 'none' }, data: { version: 2 } }),
    ),
  );
  expect(isDatabaseUnavailable(failure)).toBe(false);
});

// On PGlite, one connection, writers take turns and cannot deadlock.
describe.skipIf(databaseKind === 'pglite')('on PostgreSQL', () => {
  test('of two writers that deadlock, the one the database rolls back is retryable; the other commits', async () => {
    const client = database.client;
    const [first, second] = await client.contact.findMany({ where: { districtId: '16065' }, take: 2, orderBy: { id: 'asc' } });
    let locked = 0;
    const bothLocked = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (locked === 2) resolve(clearInterval(check));
      }, 10);
    });
    // Each locks one contact, then the other's.
    const writer = (own: string, other: string) =>
      write({ actor, now: new Date(), client }, async ({ lock }) => {
        await lock('Contact', own);
        locked++;
        await bothLocked;
        await lock('Contact', other);
      });
    const outcomes = await Promise.allSettled([writer(first!.id, second!.id), writer(second!.id, first!.id)]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failure = outcomes.find((outcome) => outcome.status === 'rejected')!.reason;
    expect(String(failure)).toMatch(/deadlock|40P01|P2034/i);
    expect(isDatabaseUnavailable(failure)).toBe(true);
  });
});
