// Sends the change feed to the registered webhooks. Each instance runs this loop; a webhook is
// leased by one instance at a time (FOR UPDATE SKIP LOCKED), so several instances share the
// work without sending twice. Delivery follows the feed, not the writes: editing never waits
// for an endpoint, and a dead one only falls behind (back-off doubling up to an hour) and
// catches up from its cursor when it returns.
import { createHmac } from 'node:crypto';
import { encodeGlobalId } from '../common/globalId.js';
import type { Database } from '../db/client.js';
import type { ChangeNotifier } from '../db/notifier.js';
import type { Webhook } from '../generated/prisma/client.js';
import { logger } from '../logger.js';
import type { FeedType } from '../writes/announce.js';
import { encodeFeedCursor, type FeedPage, readFeed } from './read.js';
import { targetProblem } from './webhookTargets.js';

export interface DeliveryOptions {
  /** The first retry's delay; each further failure doubles it. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** How long an endpoint may take to answer. */
  timeoutMs?: number;
  /** Events per POST. */
  batchSize?: number;
  allowPrivateTargets?: boolean;
}

export interface WebhookDelivery {
  stop(): Promise<void>;
}

const leaseMs = 60_000;

/** The body of a POST: the events as the `changes` query gives them. */
function deliveryBody(hook: Pick<Webhook, 'id'>, page: FeedPage) {
  return JSON.stringify({
    webhook: hook.id,
    events: page.events.map((event) => ({
      cursor: encodeFeedCursor(event),
      action: event.action,
      type: event.entityType,
      id: encodeGlobalId(event.entityType, event.entityId),
      districtAgs: event.districtId,
      version: event.version,
      at: event.at.toISOString(),
    })),
    cursor: encodeFeedCursor(page.cursor),
    hasMore: page.hasMore,
  });
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the timestamp lets a receiver refuse replays. */
function signature(secret: string, body: string, at = new Date()): string {
  const seconds = Math.floor(at.getTime() / 1000);
  return `t=${seconds},v1=${createHmac('sha256', secret).update(`${seconds}.${body}`).digest('hex')}`;
}

async function claimDue(client: Database): Promise<Webhook[]> {
  return client.$queryRaw<Webhook[]>`
    UPDATE "Webhook" SET "leasedUntil" = now() + ${`${leaseMs} milliseconds`}::interval
    WHERE id IN (
      SELECT id FROM "Webhook"
      WHERE "deletedAt" IS NULL AND "nextAttemptAt" <= now() AND ("leasedUntil" IS NULL OR "leasedUntil" < now())
      ORDER BY "nextAttemptAt" LIMIT 10 FOR UPDATE SKIP LOCKED)
    RETURNING *`;
}

async function post(
  hook: Webhook,
  body: string,
  timeoutMs: number,
  allowPrivateTargets: boolean,
): Promise<{ status: number | null; error: string | null }> {
  const problem = await targetProblem(hook.url, allowPrivateTargets);
  if (problem) return { status: null, error: `The URL ${problem}.` };
  try {
    const response = await fetch(hook.url, {
      method: 'POST',
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Integrationsgraph-Webhook/1',
        'x-integrationsgraph-signature': signature(hook.secret, body),
      },
    });
    await response.body?.cancel();
    return { status: response.status, error: response.ok ? null : `HTTP ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return {
      status: null,
      error: (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (cause ?? (error as Error).message),
    };
  }
}

/** One attempt: the next batch after the webhook's cursor; returns whether events were sent. */
async function deliverOnce(client: Database, hook: Webhook, options: Required<DeliveryOptions>): Promise<boolean> {
  const page = await readFeed(client, { position: hook.deliveredThrough, basis: hook.feedBasis }, options.batchSize, {
    types: hook.types as FeedType[],
    districts: hook.districtIds,
  });
  if (!page.events.length) {
    await client.webhook.update({ where: { id: hook.id }, data: { deliveredThrough: page.cursor.position, leasedUntil: null } });
    return false;
  }
  const started = Date.now();
  const { status, error } = await post(hook, deliveryBody(hook, page), options.timeoutMs, options.allowPrivateTargets);
  const succeeded = error === null;
  const failures = succeeded ? 0 : hook.failures + 1;
  const delayMs = succeeded ? 0 : Math.min(options.backoffBaseMs * 2 ** (failures - 1), options.backoffMaxMs);
  await client.$transaction([
    client.webhookDelivery.create({
      data: {
        webhookId: hook.id,
        at: new Date(started),
        attempt: hook.failures + 1,
        firstPosition: page.events[0]!.position,
        lastPosition: page.events.at(-1)!.position,
        eventCount: page.events.length,
        status,
        error,
        durationMs: Date.now() - started,
        succeeded,
      },
    }),
    client.webhook.update({
      where: { id: hook.id },
      data: {
        ...(succeeded ? { deliveredThrough: page.cursor.position } : {}),
        failures,
        nextAttemptAt: new Date(Date.now() + delayMs),
        leasedUntil: null,
      },
    }),
  ]);
  if (!succeeded) logger.warn({ webhook: hook.id, failures, retryInMs: delayMs, error }, 'webhook delivery failed');
  return succeeded;
}

/** Runs the delivery loop until `stop()`. */
export function startWebhookDelivery(client: Database, notifier: ChangeNotifier, options: DeliveryOptions = {}): WebhookDelivery {
  const settings: Required<DeliveryOptions> = {
    backoffBaseMs: 5_000,
    backoffMaxMs: 3_600_000,
    timeoutMs: 10_000,
    batchSize: 100,
    allowPrivateTargets: false,
    ...options,
  };
  const stopping = new AbortController();
  const loop = (async () => {
    while (!stopping.signal.aborted) {
      let sent = false;
      try {
        const due = await claimDue(client);
        sent = (await Promise.all(due.map((hook) => deliverOnce(client, hook, settings)))).some(Boolean);
      } catch (error) {
        logger.warn({ err: error }, 'webhook delivery: the database could not be read');
      }
      if (sent) continue;
      if (notifier.closed) break;
      // Woken by a change, or after a short while for retries that have come due.
      await notifier.next(AbortSignal.any([stopping.signal, AbortSignal.timeout(Math.min(settings.backoffBaseMs, 1_000))]));
    }
  })();
  return {
    async stop() {
      stopping.abort();
      await loop;
    },
  };
}
