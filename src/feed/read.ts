// Reading the change feed from a cursor, and keeping it to its documented length.
import { GraphQLError } from 'graphql';
import type { Database } from '../db/client.js';
import type { FeedEvent } from '../generated/prisma/client.js';
import { logger } from '../logger.js';
import type { FeedType } from '../writes/announce.js';

export interface FeedFilter {
  types?: readonly FeedType[] | null;
  districts?: readonly string[] | null;
}

/**
 * Where a reader stands: the last position it has seen, and the feed's horizon when it began
 * reading from the beginning (null until it has read once). Pruning removes tombstones up to a
 * horizon; a reader that began under the same horizon never saw the records they ended, so
 * only a reader that began earlier and stands before the new horizon must start over.
 */
export interface FeedCursor {
  position: bigint;
  basis: bigint | null;
}

/** An event with the basis of the reader that got it: its `cursor` resumes after it. */
export type ReadEvent = FeedEvent & { basis: bigint };

export interface FeedPage {
  events: ReadEvent[];
  /** Where to resume: after the last event, or at the head when the page is not full. */
  cursor: FeedCursor & { basis: bigint };
  hasMore: boolean;
}

const cursorPattern = /^feed:(\d{1,19}):(\d{1,19})$/;

export const encodeFeedCursor = ({ position, basis }: FeedCursor) => Buffer.from(`feed:${position}:${basis ?? 0n}`).toString('base64url');

export function decodeFeedCursor(cursor: string | null | undefined): FeedCursor {
  if (cursor == null) return { position: 0n, basis: null };
  const match = cursorPattern.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const decoded = match && { position: BigInt(match[1]!), basis: BigInt(match[2]!) };
  if (!decoded || encodeFeedCursor(decoded) !== cursor) {
    throw new GraphQLError(
      `"${cursor.slice(0, 60)}" is not a cursor of the change feed: pass a \`cursor\` it returned, or none to start at the beginning.`,
      {
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'since' },
      },
    );
  }
  return decoded;
}

/** The feed's horizon: tombstones up to it have been pruned. */
async function horizonOf(client: Database): Promise<bigint> {
  return (await client.feedHorizon.findUnique({ where: { id: 1 } }))?.expiredThrough ?? 0n;
}

/** Refuses a cursor that may have missed a pruned tombstone; returns it with its basis known. */
export async function checkNotExpired(client: Database, cursor: FeedCursor): Promise<FeedCursor & { basis: bigint }> {
  const horizon = await horizonOf(client);
  if (cursor.basis === null) return { ...cursor, basis: horizon };
  if (cursor.position < horizon && cursor.basis !== horizon) {
    throw new GraphQLError(
      'This cursor is older than the feed keeps tombstones: start over from the beginning (no `since`) and replace your copy.',
      { extensions: { code: 'CURSOR_EXPIRED' } },
    );
  }
  return { ...cursor, basis: cursor.basis };
}

/** The newest position. */
export async function feedHead(client: Database): Promise<bigint> {
  return (await client.feedEvent.aggregate({ _max: { position: true } }))._max.position ?? 0n;
}

/**
 * The events after `after`. The head is read first and the events up to it: every position
 * up to the head has committed (the feed lock orders them), so resuming from the head later
 * misses none, also of the events the filter left out.
 */
export async function readFeed(client: Database, from: FeedCursor, first: number, filter: FeedFilter = {}): Promise<FeedPage> {
  const { position: after, basis } = await checkNotExpired(client, from);
  const head = await feedHead(client);
  const found = await client.feedEvent.findMany({
    where: {
      position: { gt: after, lte: head },
      ...(filter.types?.length ? { entityType: { in: [...filter.types] } } : {}),
      ...(filter.districts?.length ? { districtId: { in: [...filter.districts] } } : {}),
    },
    orderBy: { position: 'asc' },
    take: first + 1,
  });
  const hasMore = found.length > first;
  const events = found.slice(0, first).map((event) => ({ ...event, basis }));
  const position = hasMore ? events.at(-1)!.position : head > after ? head : after;
  return { events, cursor: { position, basis }, hasMore };
}

export const defaultRetentionDays = 400;

/** How long webhooks' delivery logs are kept. */
const deliveryLogDays = 30;

/**
 * Compacts the feed: events older than the retention period that a later event of the same
 * record supersedes go (a copy still learns the record's state from the later one), and so do
 * tombstones older than it. Whoever resumes from before a removed tombstone is told to start over.
 */
export async function pruneFeed(client: Database, retentionDays = defaultRetentionDays, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - retentionDays * 86_400_000);
  return client.$transaction(async (tx) => {
    const removed = await tx.$queryRaw<{ position: bigint; action: string }[]>`
      DELETE FROM "FeedEvent" AS event
      WHERE event.at < ${before} AND (event.action = 'ARCHIVED' OR EXISTS (
        SELECT 1 FROM "FeedEvent" AS later
        WHERE later."entityType" = event."entityType" AND later."entityId" = event."entityId" AND later.position > event.position))
      RETURNING position, action::text`;
    const lastTombstone = removed
      .filter((event) => event.action === 'ARCHIVED')
      .reduce((max, event) => (event.position > max ? event.position : max), 0n);
    if (lastTombstone > 0n) {
      await tx.$executeRaw`
        INSERT INTO "FeedHorizon" (id, "expiredThrough") VALUES (1, ${lastTombstone})
        ON CONFLICT (id) DO UPDATE SET "expiredThrough" = GREATEST("FeedHorizon"."expiredThrough", EXCLUDED."expiredThrough")`;
    }
    await tx.webhookDelivery.deleteMany({ where: { at: { lt: new Date(now.getTime() - deliveryLogDays * 86_400_000) } } });
    return removed.length;
  });
}

const pruneEveryMs = 6 * 3_600_000;

/** Prunes now and every six hours (the timer does not keep the process alive). */
export function keepFeedPruned(client: Database, retentionDays: number): NodeJS.Timeout {
  const prune = () =>
    pruneFeed(client, retentionDays)
      .then((removed) => removed && logger.info({ removed, retentionDays }, 'change feed pruned'))
      .catch((error) => logger.warn({ err: error }, 'change feed: pruning failed'));
  void prune();
  return setInterval(prune, pruneEveryMs).unref();
}
