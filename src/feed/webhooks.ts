// Webhooks: a portal (registered by a ministry or an administrator) is sent the change feed by
// HTTP POST, signed, from where it registered on; delivery.ts does the sending.
import { randomBytes } from 'node:crypto';
import { builder } from '../builder.js';
import { badInput, notFound } from '../common/errors.js';
import type { Context } from '../context.js';
import { db } from '../db/client.js';
import { parseDistrictAgs } from '../districts/ags.js';
import { checkNotExpired, decodeFeedCursor, encodeFeedCursor, feedHead } from './read.js';
import { ChangedType } from './types.js';
import { targetProblem } from './webhookTargets.js';

let allowPrivateTargets = false;

/** Whether webhooks may POST into private networks and loopback (WEBHOOK_ALLOW_PRIVATE_TARGETS). */
export function allowPrivateWebhookTargets(allowed: boolean): void {
  allowPrivateTargets = allowed;
}

builder.prismaObject('WebhookDelivery', {
  description: 'One attempt to deliver events to a webhook.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: 'When the attempt started.' }),
    attempt: t.exposeInt('attempt', { description: 'Which attempt at these events (1 for the first).' }),
    eventCount: t.exposeInt('eventCount', { description: 'How many events the POST carried.' }),
    status: t.exposeInt('status', { nullable: true, description: 'The HTTP status the endpoint answered; null if it did not answer.' }),
    error: t.exposeString('error', { nullable: true, description: 'Why the attempt failed.' }),
    durationMs: t.exposeInt('durationMs', { description: 'How long the attempt took.' }),
    succeeded: t.exposeBoolean('succeeded', { description: 'Whether the endpoint accepted the events (2xx).' }),
  }),
});

const Webhook = builder.prismaObject('Webhook', {
  description: 'A portal’s subscription to the change feed by signed HTTP POST.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The webhook’s key.' }),
    url: t.exposeString('url', { description: 'Where the events are POSTed.' }),
    types: t.field({
      type: [ChangedType],
      description: 'Only records of these types (empty: all).',
      resolve: (hook) => hook.types as (typeof ChangedType.$inferType)[],
    }),
    districtAgs: t.exposeStringList('districtIds', { description: 'Only records of these districts (empty: all).' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was registered.' }),
    createdByName: t.exposeString('createdByName', { description: 'Who registered it (the token’s name).' }),
    deliveredCursor: t.string({
      description: 'The feed cursor up to which the endpoint has accepted events.',
      resolve: (hook) => encodeFeedCursor({ position: hook.deliveredThrough, basis: hook.feedBasis }),
    }),
    failures: t.exposeInt('failures', { description: 'Failed attempts since the last success (the back-off doubles with each).' }),
    nextAttemptAt: t.expose('nextAttemptAt', { type: 'DateTime', description: 'When the next attempt is due.' }),
    deliveries: t.relation('deliveries', {
      description: 'The delivery log, newest first (the last 30 days).',
      args: { first: t.arg.int({ description: 'At most this many (default 20, at most 100).', defaultValue: 20 }) },
      query: (args) => ({ orderBy: { at: 'desc' }, take: Math.min(Math.max(args.first ?? 20, 1), 100) }),
    }),
  }),
});

/** A ministry manages its own state's webhooks, an administrator all. */
const ownedBy = (context: Context) => (context.viewer?.role === 'ADMIN' ? {} : { stateId: context.viewer?.stateId ?? '-' });

builder.queryField('webhooks', (t) =>
  t.prismaField({
    type: [Webhook],
    description: 'The webhooks you registered (a ministry: its state’s; an administrator: all).',
    authScopes: { auditor: true },
    resolve: (query, _root, _args, context) =>
      db().webhook.findMany({ ...query, where: { deletedAt: null, ...ownedBy(context) }, orderBy: { createdAt: 'asc' } }),
  }),
);

const RegisterWebhookInput = builder.inputType('RegisterWebhookInput', {
  description: 'A webhook to register.',
  fields: (t) => ({
    url: t.string({ required: true, description: 'Where to POST the events: an https:// URL of a public address.' }),
    types: t.field({ type: [ChangedType], description: 'Only records of these types (none: all).' }),
    districts: t.stringList({ description: 'Only records of these districts, by AGS (none: all).' }),
    since: t.string({ description: 'Start after this feed cursor (none: with the changes from now on).' }),
  }),
});

const RegisteredWebhook = builder.objectRef<{ webhook: typeof Webhook.$inferType; secret: string }>('RegisteredWebhook').implement({
  description: 'A webhook just registered, with its secret.',
  fields: (t) => ({
    webhook: t.field({ type: Webhook, description: 'The webhook.', resolve: (registered) => registered.webhook }),
    secret: t.exposeString('secret', {
      description:
        'The signing secret, shown this once. Each POST carries `X-Integrationsgraph-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.',
    }),
  }),
});

builder.mutationField('registerWebhook', (t) =>
  t.field({
    type: RegisteredWebhook,
    description: 'Have the change feed POSTed to a portal, signed, with retries and back-off. Needs a ministry or administrator token.',
    authScopes: { auditor: true },
    args: { input: t.arg({ type: RegisterWebhookInput, required: true, description: 'The webhook.' }) },
    resolve: async (_root, { input }, context) => {
      const problem = await targetProblem(input.url, allowPrivateTargets);
      if (problem) throw badInput(`The webhook URL ${problem}.`, 'input.url');
      const districtIds = (input.districts ?? []).map((ags, index) => parseDistrictAgs(ags, `input.districts[${index}]`));
      const from = await checkNotExpired(
        db(),
        input.since == null ? { position: await feedHead(db()), basis: null } : decodeFeedCursor(input.since),
      );
      const secret = randomBytes(32).toString('base64url');
      const viewer = context.viewer!;
      const webhook = await db().webhook.create({
        data: {
          url: input.url,
          secret,
          types: input.types ?? [],
          districtIds,
          createdById: viewer.tokenId,
          createdByName: viewer.name,
          stateId: viewer.role === 'ADMIN' ? null : viewer.stateId,
          deliveredThrough: from.position,
          feedBasis: from.basis,
        },
      });
      return { webhook, secret };
    },
  }),
);

builder.mutationField('deleteWebhook', (t) =>
  t.field({
    type: 'Boolean',
    description: 'Stop a webhook (its delivery log stays). Needs the ministry that registered it or an administrator.',
    authScopes: { auditor: true },
    args: { id: t.arg.id({ required: true, description: 'The webhook’s `id`.' }) },
    resolve: async (_root, { id }, context) => {
      const { count } = await db().webhook.updateMany({
        where: { id, deletedAt: null, ...ownedBy(context) },
        data: { deletedAt: new Date() },
      });
      if (!count) throw notFound(`No webhook "${id}" of yours.`);
      return true;
    },
  }),
);
