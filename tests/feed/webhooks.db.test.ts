// Webhooks as a portal meets them: registered by a ministry, signed POSTs of the change feed,
// retries with back-off and a delivery log, and editing that never waits for the endpoint.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { startWebhookDelivery, type WebhookDelivery } from '../../src/feed/delivery.js';
import { allowPrivateWebhookTargets } from '../../src/feed/webhooks.js';
import { currentGuide, updateContact } from '../support/contacts.js';
import { editingServer } from '../support/editing.js';

const editing = editingServer();

interface Received {
  body: string;
  signature: string;
}

/** A portal's endpoint on loopback; `answer` decides each response (or holds it). */
async function startReceiver(answer: (request: IncomingMessage, response: ServerResponse, count: number) => void) {
  const received: Received[] = [];
  const waiting: (() => void)[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ body, signature: String(request.headers['x-integrationsgraph-signature']) });
      for (const wake of waiting.splice(0)) wake();
      answer(request, response, received.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    /** Resolves once `count` POSTs have arrived. */
    async arrived(count: number) {
      while (received.length < count) await new Promise<void>((resolve) => waiting.push(resolve));
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

const register = `mutation ($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret webhook { id url } } }`;
const hooks = `{ webhooks { id failures deliveredCursor deliveries(first: 10) { attempt succeeded status error eventCount at } } }`;

let delivery: WebhookDelivery | undefined;
beforeEach(() => {
  allowPrivateWebhookTargets(true);
});
afterEach(async () => {
  allowPrivateWebhookTargets(false);
  await delivery?.stop();
  delivery = undefined;
});

function deliver(options: Parameters<typeof startWebhookDelivery>[2] = {}) {
  delivery = startWebhookDelivery(editing.server.database.client, editing.server.changeNotifier, {
    backoffBaseMs: 100,
    allowPrivateTargets: true,
    ...options,
  });
}

async function editGuide(printed: string) {
  const guide = await currentGuide(editing);
  return editing.as(editing.tokens.kyffhaeuser, updateContact, {
    input: { id: guide.id, version: guide.version, channels: [{ kind: 'PHONE', printed }] },
  });
}

test('only ministries and administrators register webhooks', async () => {
  const input = { url: 'http://127.0.0.1:9/hook' };
  expect((await editing.as(null, register, { input })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect((await editing.as(editing.tokens.kyffhaeuser, register, { input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect((await editing.as(editing.tokens.ministryTH, register, { input })).data.registerWebhook.secret).toMatch(/^[\w-]{43}$/);
  // A ministry sees its own state's webhooks, not the other state's.
  expect((await editing.as(editing.tokens.ministrySN, hooks)).data.webhooks).toEqual([]);
  expect((await editing.as(editing.tokens.admin, hooks)).data.webhooks).toHaveLength(1);
});

test('without permission for private targets, loopback and plain http are refused', async () => {
  allowPrivateWebhookTargets(false);
  const loopback = await editing.as(editing.tokens.ministryTH, register, { input: { url: 'https://127.0.0.1/hook' } });
  expect(loopback.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  expect(loopback.errors?.[0]?.message).toMatch(/private or local address \(127\.0\.0\.1\)/);
  const plain = await editing.as(editing.tokens.ministryTH, register, { input: { url: 'http://portal.example/hook' } });
  expect(plain.errors?.[0]?.message).toMatch(/must be an https:\/\/ URL/);
});

test('a change reaches the endpoint signed with the secret, and the log says so', async () => {
  const receiver = await startReceiver((_request, response) => response.writeHead(204).end());
  try {
    const { data } = await editing.as(editing.tokens.ministryTH, register, { input: { url: receiver.url, types: ['Contact'] } });
    deliver();
    const edited = await editGuide('03632 741 560');
    await receiver.arrived(1);
    const [{ body, signature }] = receiver.received as [Received];
    const [, seconds, mac] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature)!;
    expect(createHmac('sha256', data.registerWebhook.secret).update(`${seconds}.${body}`).digest('hex')).toBe(mac);
    const payload = JSON.parse(body);
    expect(payload.events).toEqual([
      expect.objectContaining({
        action: 'UPDATED',
        type: 'Contact',
        id: edited.data.updateContact.data.id,
        version: edited.data.updateContact.data.version,
      }),
    ]);
    await expect
      .poll(async () => (await editing.as(editing.tokens.ministryTH, hooks)).data.webhooks[0].deliveries)
      .toEqual([expect.objectContaining({ attempt: 1, succeeded: true, status: 204, eventCount: 1 })]);
  } finally {
    await receiver.close();
  }
});

test('a failing endpoint gets the same events again with growing back-off until it accepts them', async () => {
  const receiver = await startReceiver((_request, response, count) => response.writeHead(count <= 2 ? 500 : 200).end());
  try {
    await editing.as(editing.tokens.ministryTH, register, { input: { url: receiver.url, types: ['Contact'] } });
    deliver();
    await editGuide('03632 741 561');
    await receiver.arrived(3);
    const bodies = receiver.received.map(({ body }) => JSON.parse(body).events);
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
    await expect.poll(async () => (await editing.as(editing.tokens.ministryTH, hooks)).data.webhooks[0]).toMatchObject({ failures: 0 });
    const { deliveries } = (await editing.as(editing.tokens.ministryTH, hooks)).data.webhooks[0];
    expect(
      deliveries.map(({ attempt, succeeded, status }: { attempt: number; succeeded: boolean; status: number }) => [
        attempt,
        succeeded,
        status,
      ]),
    ).toEqual([
      [3, true, 200],
      [2, false, 500],
      [1, false, 500],
    ]);
    // The back-off doubles: 100 ms after the first failure, 200 ms after the second.
    const at = deliveries.map((entry: { at: string }) => Date.parse(entry.at)).reverse();
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(100);
    expect(at[2] - at[1]).toBeGreaterThanOrEqual(200);
  } finally {
    await receiver.close();
  }
});

test('an endpoint that does not answer holds up no edit', async () => {
  const receiver = await startReceiver(() => {}); // never answers
  try {
    await editing.as(editing.tokens.ministryTH, register, { input: { url: receiver.url } });
    deliver({ timeoutMs: 60_000 });
    await editGuide('03632 741 562');
    await receiver.arrived(1);
    // The endpoint holds the POST; the next edits are answered all the same.
    const next = await editGuide('03632 741 563');
    expect(next.data.updateContact.__typename).toBe('MutationUpdateContactSuccess');
    const again = await editGuide('03632 741 564');
    expect(again.data.updateContact.__typename).toBe('MutationUpdateContactSuccess');
    expect(receiver.received).toHaveLength(1);
  } finally {
    await receiver.close();
  }
});

test('createWebhook and archiveWebhook answer as typed results, and the audit log keeps both without the secret', async () => {
  const create = `mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) {
    __typename ... on MutationError { message } ... on ValidationError { issues { path message } }
    ... on MutationCreateWebhookSuccess { data { secret webhook { id url } } } } }`;
  const archive = `mutation ($input: ArchiveWebhookInput!) { archiveWebhook(input: $input) { __typename ... on MutationError { message } } }`;
  const input = { fields: { url: 'http://127.0.0.1:9/hook', districts: ['16065', 'Kyffhäuser'] } };
  expect((await editing.as(editing.tokens.kyffhaeuser, create, { input })).data.createWebhook.__typename).toBe('NotAllowedError');
  const refused = await editing.as(editing.tokens.ministryTH, create, { input: { fields: { ...input.fields, since: 'feed:1' } } });
  expect(refused.data.createWebhook.issues).toEqual([
    { path: 'fields.districts[1]', message: expect.stringContaining('"Kyffhäuser" is not a district key') },
    { path: 'fields.since', message: 'is not a cursor of the change feed: give a `cursor` it returned, or none to start now' },
  ]);
  const created = (await editing.as(editing.tokens.ministryTH, create, { input: { fields: { url: input.fields.url } } })).data
    .createWebhook;
  expect(created.__typename).toBe('MutationCreateWebhookSuccess');
  const { id } = created.data.webhook;
  expect((await editing.as(editing.tokens.ministrySN, archive, { input: { id } })).data.archiveWebhook).toEqual({
    __typename: 'NotFoundError',
    message: `No webhook "${id}" of yours.`,
  });
  expect((await editing.as(editing.tokens.ministryTH, archive, { input: { id } })).data.archiveWebhook.__typename).toBe(
    'MutationArchiveWebhookSuccess',
  );
  const events = await editing.server.database.client.auditEvent.findMany({ where: { entityType: 'Webhook' }, orderBy: { at: 'asc' } });
  expect(events.map((event) => [event.action, event.actorName])).toEqual([
    ['CREATE', 'TMASGFF'],
    ['ARCHIVE', 'TMASGFF'],
  ]);
  expect(JSON.stringify(events)).not.toContain(created.data.secret);
});
