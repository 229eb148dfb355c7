// Behind a real federation gateway: Hive Gateway (examples/gateway) composes our subgraph with
// the statistics subgraph, all on loopback. Entities resolve both ways, errors keep their
// codes, credentials reach us, and a client query is judged once: the gateway's plans (which
// alias every batched call) pass our plan-sized limits only when they carry the gateway secret.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startGateway } from '../../examples/gateway/gateway.js';
import { statisticsSubgraph } from '../../examples/gateway/statistics.js';
import { encodeGlobalId } from '../../src/common/globalId.js';
import { gatewaySecretHeader } from '../../src/http/gateway.js';
import { updateContact } from '../support/contacts.js';
import { startTestServer, type TestServer } from '../support/testServer.js';
import { createTestTokens, type TestTokens } from '../support/tokens.js';

const secret = 'a-test-secret-of-at-least-32-characters';
let api: TestServer;
let statistics: Server;
let statisticsUrl: string;
let tokens: TestTokens;
const gateways: { url: string; close(): Promise<void> }[] = [];

beforeAll(async () => {
  api = await startTestServer({ gatewaySecret: secret });
  tokens = await createTestTokens(api.database.client);
  statistics = createServer(statisticsSubgraph());
  await new Promise<void>((resolve) => statistics.listen(0, '127.0.0.1', resolve));
  statisticsUrl = `http://127.0.0.1:${(statistics.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  await Promise.all(gateways.map((each) => each.close()));
  await new Promise((resolve) => statistics.close(resolve));
  await api.close();
});

async function gatewayWith(gatewaySecret: string) {
  const gateway = await startGateway({
    subgraphs: [
      { name: 'integrationsgraph', url: api.url },
      { name: 'statistics', url: statisticsUrl },
    ],
    secret: gatewaySecret,
  });
  gateways.push(gateway);
  return gateway;
}

async function ask(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** 21 different root fields, none aliased: within our limits when sent directly. */
const twentyOneRootFields = /* GraphQL */ `{
  states { code } districts { totalCount } contacts { totalCount } offers { totalCount } concepts { totalCount }
  fundings { totalCount } fundingProgrammes { totalCount } indicatorValues { totalCount } indicators { key }
  fieldsOfAction { key } roles { key } tasks { key } sources { id } publicHolidays(state: TH, year: 2026) { date }
  district(ags: "16065") { name } state(code: SN) { name } node(id: "${encodeGlobalId('District', '16063')}") { id }
  nodes(ids: ["${encodeGlobalId('District', '16066')}"]) { id } districtStatistics { ags } statisticsAttribution
  sameDistrict: district(ags: "16063") { name }
}`;

/**
 * Within the client limits (20 aliases), but each list asks us for different fields: the
 * gateway batches the 21 lookups into one request to us, each an aliased `_entities` call.
 */
const lookup = (first: number) =>
  `districtStatistics(ags: ["14522", "16063", "16065", "16066"]) { ags name offers(first: ${first}) { totalCount } }`;
const batchedEntities = `{ ${Array.from({ length: 20 }, (_, i) => `s${i}: ${lookup(i + 1)}`).join(' ')} ${lookup(21)} }`;

describe('through the gateway', () => {
  let gateway: { url: string };
  beforeAll(async () => {
    gateway = await gatewayWith(secret);
  });

  test('entities resolve both ways: our districts get statistics, the statistics office’s list gets our names', async () => {
    const ours = await ask(gateway.url, '{ district(ags: "16065") { name municipalityCount nuts3 contacts { totalCount } } }');
    expect(ours.errors).toBeUndefined();
    expect(ours.data.district).toMatchObject({ name: 'Kyffhäuserkreis', nuts3: 'DEG0A' });
    expect(ours.data.district.municipalityCount).toBeGreaterThan(0);

    const theirs = await ask(gateway.url, `{ districtStatistics(ags: ["14522", "16065"]) { ags municipalityCount name state { code } } }`);
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data.districtStatistics).toEqual([
      { ags: '14522', municipalityCount: 53, name: 'Mittelsachsen', state: { code: 'SN' } },
      { ags: '16065', municipalityCount: 28, name: 'Kyffhäuserkreis', state: { code: 'TH' } },
    ]);
  });

  test('node(id:) reaches fields of both subgraphs', async () => {
    const response = await ask(
      gateway.url,
      `{ node(id: "${encodeGlobalId('District', '16063')}") { ... on District { name municipalityCount } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.node.name).toBe('Wartburgkreis');
    expect(response.data.node.municipalityCount).toBeGreaterThan(0);
  });

  test('a query with 21 root fields, which the gateway sends as aliased batches, is answered', async () => {
    const direct = await ask(api.url, twentyOneRootFields.replace(/districtStatistics \{ ags \} statisticsAttribution/, ''));
    expect(direct.errors).toBeUndefined();
    const response = await ask(gateway.url, twentyOneRootFields);
    expect(response.errors).toBeUndefined();
    expect(response.data.district.name).toBe('Kyffhäuserkreis');
    expect(response.data.districtStatistics).toHaveLength(35);
  });

  test('21 entity lookups in one plan — 21 aliased _entities calls to us — are answered', async () => {
    const response = await ask(gateway.url, batchedEntities);
    expect(response.errors).toBeUndefined();
    expect(response.data.s19.find((each: any) => each.ags === '16065').name).toBe('Kyffhäuserkreis');
  });

  test('an error from our subgraph keeps its extensions.code', async () => {
    const response = await ask(gateway.url, '{ district(ags: "1606") { name } }');
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('credentials reach us: an editor may change their district through the gateway, not another', async () => {
    const guideQuery = `{ contacts(filter: { area: { district: "16065" }, role: "integration-guide" }) { edges { node { id version } } } }`;
    const guide = (await ask(gateway.url, guideQuery)).data.contacts.edges[0].node;
    const input = { id: guide.id, version: guide.version, internalNote: 'Über das Landesportal bestätigt.' };
    const own = await ask(gateway.url, updateContact, { input }, { authorization: `Bearer ${tokens.kyffhaeuser}` });
    expect(own.errors).toBeUndefined();
    expect(own.data.updateContact.__typename).toBe('MutationUpdateContactSuccess');
    const other = await ask(
      gateway.url,
      updateContact,
      { input: { ...input, version: guide.version + 1 } },
      { authorization: `Bearer ${tokens.wartburg}` },
    );
    expect(other.data.updateContact.__typename).toBe('NotAllowedError');
  });
});

describe('limits: judged once, where the query enters', () => {
  const aliased = `{ ${Array.from({ length: 21 }, (_, i) => `d${i}: district(ags: "16065") { name }`).join(' ')} }`;

  test('a gateway without the secret is an ordinary client: its plans hit our alias limit', async () => {
    const untrusted = await gatewayWith('not-the-secret-but-long-enough-to-pass');
    const response = await ask(untrusted.url, batchedEntities);
    expect(JSON.stringify(response.errors)).toMatch(/Aliases limit of 20 exceeded/);
  });

  test('directly, 21 aliases are refused — also with a wrong secret — and allowed with the right one', async () => {
    const refused = await ask(api.url, aliased);
    expect(refused.errors?.[0]?.extensions?.code).toBe('ALIAS_LIMIT_EXCEEDED');
    const wrong = await ask(api.url, aliased, undefined, { [gatewaySecretHeader]: 'guessed' });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('ALIAS_LIMIT_EXCEEDED');
    const trusted = await ask(api.url, aliased, undefined, { [gatewaySecretHeader]: secret });
    expect(trusted.errors).toBeUndefined();
    expect(trusted.data.d20.name).toBe('Kyffhäuserkreis');
  });

  test('the gateway itself refuses a client query over the client limits', async () => {
    const gateway = await gatewayWith(secret);
    const response = await ask(gateway.url, aliased);
    expect(JSON.stringify(response.errors)).toMatch(/Aliases limit of 20 exceeded/);
  });
});
