// Two instances on one PostgreSQL database, as production runs them: a subscriber on one hears
// of an edit made on the other (NOTIFY; their own polling is ten minutes away), and a webhook
// gets each event once although both instances deliver.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { createToken } from '../../src/tokens/issue.js';
import { changeFields, subscribe } from '../support/feed.js';
import { processDatabaseEnv, type ServerProcess, startServerProcess } from '../support/serverProcess.js';

let first: ServerProcess;
let second: ServerProcess;
let env: Record<string, string>;
let editor: string;
let ministry: string;

async function ask(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

beforeAll(async () => {
  env = {
    ...(await processDatabaseEnv('instances')),
    FEED_POLL_MS: '600000',
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
  };
  first = await startServerProcess(env);
  second = await startServerProcess(env);
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL });
  editor = (await createToken(database.client, { name: 'Redaktion Kyffhäuserkreis', role: 'EDITOR', districtIds: ['16065'] })).token;
  ministry = (await createToken(database.client, { name: 'TMASGFF', role: 'MINISTRY', stateId: 'TH' })).token;
  await database.close();
}, 120_000);
afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
});

async function editOffers(url: string, count: number) {
  // Read as the editor: anonymous answers may come from the response cache, a minute old.
  const { data } = await ask(url, '{ district(ags: "16065") { offers(first: 50) { edges { node { id version } } } } }', {}, editor);
  const offers = data.district.offers.edges.slice(0, count).map((edge: { node: unknown }) => edge.node);
  for (const offer of offers) {
    const result = await ask(
      url,
      'mutation ($input: UpdateOfferInput!) { updateOffer(input: $input) { __typename } }',
      { input: { id: offer.id, version: offer.version, fields: { description: 'Jetzt auch online.' } } },
      editor,
    );
    expect(result.data.updateOffer.__typename).toBe('MutationUpdateOfferSuccess');
  }
  return offers as { id: string; version: number }[];
}

test('a subscriber on one instance hears of an edit committed through the other', async () => {
  const stream = await subscribe(second.url, `subscription { changes(types: [Offer]) { ${changeFields} } }`);
  try {
    const [offer] = await editOffers(first.url, 1);
    const { data } = await stream.next(15_000);
    expect(data.changes).toMatchObject({ action: 'UPDATED', type: 'Offer', id: offer!.id, version: offer!.version + 1 });
  } finally {
    stream.close();
  }
});

test('a webhook gets every event exactly once while both instances deliver', async () => {
  const received: string[] = [];
  const receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push(...JSON.parse(body).events.map((event: { cursor: string }) => event.cursor));
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const registered = await ask(
      first.url,
      'mutation ($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret } }',
      { input: { url, types: ['Offer'] } },
      ministry,
    );
    expect(registered.errors).toBeUndefined();
    await editOffers(second.url, 5);
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(5);
    expect(new Set(received).size).toBe(5);
  } finally {
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  }
});

test('a cursor outlives a restart: resumed on the restarted instance, it gives exactly what was committed since', async () => {
  const read = async (url: string, since: string | null) => {
    const { data } = await ask(url, 'query ($since: String) { changes(since: $since) { events { id version } cursor hasMore } }', {
      since,
    });
    return data.changes as { events: { id: string; version: number }[]; cursor: string; hasMore: boolean };
  };
  let cursor: string | null = null;
  for (let page = await read(first.url, null); ; page = await read(first.url, cursor)) {
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  await first.stop();
  const [offer] = await editOffers(second.url, 1);
  first = await startServerProcess(env);
  const resumed = await read(first.url, cursor);
  expect(resumed.events.filter((event) => event.id === offer!.id)).toEqual([{ id: offer!.id, version: offer!.version + 1 }]);
  expect((await read(first.url, resumed.cursor)).events).toEqual([]);
});
