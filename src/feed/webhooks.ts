// Webhooks: a portal (registered by a ministry or an administrator) is sent the change feed by
// HTTP POST, signed, from where it registered on; delivery.ts does the sending. Registering and
// stopping one are changes like any other: audited (without the secret).
import { randomBytes } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { db, type Tx } from '../db/client.js';
import type { Webhook as WebhookRow } from '../generated/prisma/client.js';
import { builder } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';
import { said } from '../rules/issues.js';
import type { AuditEntry } from '../writes/audit.js';
import { answeredAsBefore } from '../writes/deprecated.js';
import { inputDistrict, writeMutation } from '../writes/mutation.js';
import { NotFoundError, type Problems } from '../writes/problems.js';
import { checkNotExpired, decodeFeedCursor, encodeFeedCursor, type FeedCursor, feedHead } from './read.js';
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

const WebhookFieldsInput = builder.inputType('WebhookFieldsInput', {
  description: 'What a webhook is sent.',
  fields: (t) => ({
    url: t.string({ required: true, description: 'Where to POST the events: an https:// URL of a public address.' }),
    types: t.field({ type: [ChangedType], description: 'Only records of these types (none: all).' }),
    districts: t.stringList({ description: 'Only records of these districts, by AGS (none: all).' }),
    since: t.string({ description: 'Start after this feed cursor (none: with the changes from now on).' }),
  }),
});

type WebhookFields = typeof WebhookFieldsInput.$inferInput;

const CreateWebhookInput = builder.inputType('CreateWebhookInput', {
  description: 'A webhook to register.',
  fields: (t) => ({ fields: t.field({ type: WebhookFieldsInput, required: true, description: 'The webhook.' }) }),
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

/** What the audit log keeps of a webhook: everything but its secret. */
const auditOf = (action: AuditEntry['action'], before: WebhookRow | null, { secret: _secret, ...after }: WebhookRow): AuditEntry => ({
  action,
  entityType: 'Webhook',
  entityId: after.id,
  districtId: null,
  before: before && { ...before, secret: '(kept)' },
  after,
});

/** What is wrong with a `since` the feed refuses, as an issue of the input. */
const sinceProblems: Record<string, string> = {
  BAD_USER_INPUT: 'is not a cursor of the change feed: give a `cursor` it returned, or none to start now',
  CURSOR_EXPIRED: 'is older than the feed keeps tombstones: start without `since` and replace your copy',
};

/** Where the feed starts for a new webhook: after the cursor given, or now; a problem at `since` for a cursor that is none or expired. */
async function startOf(since: string | null | undefined, problems: Problems): Promise<FeedCursor & { basis: bigint }> {
  try {
    return await checkNotExpired(db(), since == null ? { position: await feedHead(db()), basis: null } : decodeFeedCursor(since));
  } catch (error) {
    const problem = error instanceof GraphQLError && sinceProblems[String(error.extensions.code)];
    if (!problem) throw error;
    problems.add('since', said('FEED_CURSOR', problem));
    return { position: 0n, basis: 0n };
  }
}

async function checkWebhook(fields: WebhookFields, problems: Problems) {
  const problem = await targetProblem(fields.url, allowPrivateTargets);
  if (problem) problems.add('url', said('WEBHOOK_TARGET', problem, { detail: problem }));
  const districtIds = (fields.districts ?? []).map((ags, index) => inputDistrict(ags, `districts[${index}]`, problems));
  return { districtIds, from: await startOf(fields.since, problems) };
}

const create = writeMutation('createWebhook', {
  ref: RegisteredWebhook,
  noun: 'webhook registered',
  description: 'Have the change feed POSTed to a portal, signed, with retries and back-off. Needs a ministry or administrator token.',
  inputDescription: 'The webhook.',
  input: CreateWebhookInput,
  authorise: () => ({ auditor: true }),
  dataLock: 'none',
  prepare: (input, problems) => checkWebhook(input.fields, problems.within('fields')),
  async write(write, input, { districtIds, from }, context) {
    const secret = randomBytes(32).toString('base64url');
    const viewer = context.viewer!;
    const webhook = await write.tx.webhook.create({
      data: {
        url: input.fields.url,
        secret,
        types: input.fields.types ?? [],
        districtIds,
        createdById: viewer.tokenId,
        createdByName: viewer.name,
        stateId: viewer.role === 'ADMIN' ? null : viewer.stateId,
        deliveredThrough: from.position,
        feedBasis: from.basis,
      },
    });
    write.audit(auditOf('CREATE', null, webhook));
    return { webhook, secret };
  },
});

const ArchiveWebhookInput = builder.inputType('ArchiveWebhookInput', {
  description: 'A webhook to stop.',
  fields: (t) => ({ id: t.id({ required: true, description: 'The webhook’s `id`.' }) }),
});

const loadWebhook = (tx: Tx, id: string) => tx.webhook.findUnique({ where: { id } });

const archive = writeMutation('archiveWebhook', {
  ref: Webhook,
  noun: 'webhook',
  description: 'Stop a webhook (its delivery log stays). Needs the ministry that registered it or an administrator.',
  inputDescription: 'Which webhook.',
  input: ArchiveWebhookInput,
  authorise: () => ({ auditor: true }),
  dataLock: 'none',
  async prepare(input, _problems, context) {
    const id = String(input.id);
    const own = await db().webhook.count({ where: { id, deletedAt: null, ...ownedBy(context) } });
    if (!own) throw new NotFoundError(`No webhook "${id}" of yours.`);
    return id;
  },
  async write(write, _input, id) {
    await write.lock('Webhook', id);
    const before = (await loadWebhook(write.tx, id))!;
    if (before.deletedAt) throw new NotFoundError(`No webhook "${id}" of yours.`); // stopped meanwhile
    const after = await write.tx.webhook.update({ where: { id }, data: { deletedAt: write.now } });
    write.audit(auditOf('ARCHIVE', before, after));
    return after;
  },
});

// ------------------------------------------------------------------ deprecated

const RegisterWebhookInput = builder.inputType('RegisterWebhookInput', {
  description: 'A webhook to register (the input of the deprecated `registerWebhook`).',
  fields: (t) => ({
    url: t.string({ required: true, description: 'Where to POST the events: an https:// URL of a public address.' }),
    types: t.field({ type: [ChangedType], description: 'Only records of these types (none: all).' }),
    districts: t.stringList({ description: 'Only records of these districts, by AGS (none: all).' }),
    since: t.string({ description: 'Start after this feed cursor (none: with the changes from now on).' }),
  }),
});

builder.mutationField('registerWebhook', (t) =>
  t.field({
    type: RegisteredWebhook,
    description: 'Have the change feed POSTed to a portal (answers failures as errors).',
    deprecationReason: 'Use createWebhook, which answers failures as typed results.',
    authScopes: { auditor: true },
    args: { input: t.arg({ type: RegisterWebhookInput, required: true, description: 'The webhook.' }) },
    resolve: (_root, { input }, context, info) => answeredAsBefore(create.run({ fields: input }, context, info)),
  }),
);

builder.mutationField('deleteWebhook', (t) =>
  t.field({
    type: 'Boolean',
    description: 'Stop a webhook (answers failures as errors).',
    deprecationReason: 'Use archiveWebhook, which answers failures as typed results.',
    authScopes: { auditor: true },
    args: { id: t.arg.id({ required: true, description: 'The webhook’s `id`.' }) },
    resolve: async (_root, { id }, context, info) => {
      await answeredAsBefore(archive.run({ id }, context, info), (path) => path);
      return true;
    },
  }),
);
