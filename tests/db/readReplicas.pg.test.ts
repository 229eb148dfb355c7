// With DATABASE_REPLICA_URLS, reads go to a replica and writes to the primary. Two scratch
// databases stand in for primary and replica; they differ in one name, so the answer shows
// where it was read.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type OpenDatabase, openDatabase, useDatabase } from '../../src/db/client.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { type RunningServer, startServer } from '../../src/http/server.js';
import { seed } from '../../src/packages/seed.js';
import { createScratchDatabase } from '../support/postgres.js';

let primaryDb: Awaited<ReturnType<typeof createScratchDatabase>>;
let replicaDb: Awaited<ReturnType<typeof createScratchDatabase>>;
let primary: OpenDatabase;
let replica: OpenDatabase;
let routed: OpenDatabase;
let server: RunningServer;

beforeAll(async () => {
  [primaryDb, replicaDb] = await Promise.all([createScratchDatabase(), createScratchDatabase()]);
  [primary, replica] = await Promise.all([openDatabase({ databaseUrl: primaryDb.url }), openDatabase({ databaseUrl: replicaDb.url })]);
  for (const each of [primary, replica]) {
    await applyMigrations(each.adapterFactory);
    await seed(each.client);
  }
  await replica.client.district.update({ where: { id: '16065' }, data: { name: 'Kyffhäuserkreis (replica)' } });
  routed = await openDatabase({ databaseUrl: primaryDb.url, replicaUrls: [replicaDb.url] });
  useDatabase(routed.client);
  server = await startServer({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await server?.close();
  await Promise.all([routed, primary, replica].map((each) => each?.close()));
  await Promise.all([primaryDb, replicaDb].map((each) => each?.drop()));
});

test('GraphQL reads come from the replica', async () => {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ district(ags: "16065") { name } }' }),
  });
  expect(await response.json()).toEqual({ data: { district: { name: 'Kyffhäuserkreis (replica)' } } });
});

test('writes go to the primary', async () => {
  const verifiedAt = new Date('2026-11-01T10:00:00Z');
  await routed.client.district.update({ where: { id: '16063' }, data: { lastVerifiedAt: verifiedAt } });
  expect((await primary.client.district.findUniqueOrThrow({ where: { id: '16063' } })).lastVerifiedAt).toEqual(verifiedAt);
  expect((await replica.client.district.findUniqueOrThrow({ where: { id: '16063' } })).lastVerifiedAt).toBeNull();
});
