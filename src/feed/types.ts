// The public change feed: `changes` pages through it from a cursor, the `changes` subscription
// follows it live (Server-Sent Events). It names what changed — type, ID, district, version —
// never who changed it or how: a portal fetches the records it needs by ID.
import { Repeater } from '@repeaterjs/repeater';
import { GraphQLError } from 'graphql';
import { badInput } from '../common/errors.js';
import { encodeGlobalId } from '../common/globalId.js';
import { db } from '../db/client.js';
import { FeedAction } from '../generated/prisma/enums.js';
import { builder } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';
import { describedEnum } from '../graphql/enums.js';
import { logger } from '../logger.js';
import { parseDistrictAgs } from '../rules/districtKeys.js';
import { type FeedType, feedTypes } from '../writes/announce.js';
import {
  checkNotExpired,
  decodeFeedCursor,
  defaultRetentionDays,
  encodeFeedCursor,
  type FeedCursor,
  type FeedFilter,
  feedHead,
  type ReadEvent,
  readFeed,
} from './read.js';

const ChangeAction = describedEnum('ChangeAction', FeedAction, 'What happened to a record.', {
  CREATED: 'The record was created.',
  UPDATED: 'The record or one of its parts changed (or it was restored).',
  ARCHIVED: `The record was archived or withdrawn (a tombstone): it stays reachable by ID and says \`archivedAt\`. Tombstones stay in the feed for ${defaultRetentionDays} days by default.`,
});

export const ChangedType = builder.enumType('ChangedType', {
  description: 'A kind of record the change feed announces (the GraphQL type of the record).',
  values: Object.fromEntries(feedTypes.map((type) => [type, { value: type, description: `\`${type}\` records.` }])) as Record<
    FeedType,
    { value: FeedType; description: string }
  >,
});

const ChangeEvent = builder.objectRef<ReadEvent>('ChangeEvent').implement({
  description: 'A change of a public record, in the order the changes were committed.',
  fields: (t) => ({
    cursor: t.string({
      description: 'Resume the feed after this event: pass it as `since`.',
      resolve: encodeFeedCursor,
    }),
    action: t.expose('action', { type: ChangeAction, description: 'What happened.' }),
    type: t.field({ type: ChangedType, description: 'The record’s GraphQL type.', resolve: (event) => event.entityType as FeedType }),
    id: t.id({
      description: 'The record’s global ID: fetch it with `node(id:)` or `nodes(ids:)`.',
      resolve: (event) => encodeGlobalId(event.entityType, event.entityId),
    }),
    districtAgs: t.string({
      nullable: true,
      description: 'The district the record belongs to (AGS); null for shared records.',
      resolve: (event) => event.districtId,
    }),
    version: t.exposeInt('version', { description: 'The record’s version after the change.' }),
    at: t.expose('at', { type: 'DateTime', description: 'When the change was written.' }),
  }),
});

const ChangeFeedPage = builder.objectRef<{ events: ReadEvent[]; cursor: string; hasMore: boolean }>('ChangeFeedPage').implement({
  description: 'A page of the change feed.',
  fields: (t) => ({
    events: t.expose('events', { type: [ChangeEvent], description: 'The changes after `since`, oldest first.' }),
    cursor: t.exposeString('cursor', {
      description:
        'Where to resume: pass it as `since` next time. It moves past events the filter left out, so keep it even when `events` is empty.',
    }),
    hasMore: t.exposeBoolean('hasMore', { description: 'Whether more changes are waiting: ask again at once with `cursor`.' }),
  }),
});

const maxFeedPage = 100;

const feedArgs = builder.args((t) => ({
  since: t.string({ description: 'A `cursor` from an earlier answer; none: from the beginning (every record there is).' }),
  types: t.field({ type: [ChangedType], description: 'Only records of these types.' }),
  districts: t.stringList({ description: 'Only records of these districts (AGS); shared records (catalogues) are left out.' }),
}));

function feedFilter(args: { types?: readonly FeedType[] | null; districts?: readonly string[] | null }): FeedFilter {
  return { types: args.types, districts: args.districts?.map((ags, index) => parseDistrictAgs(ags, `districts[${index}]`)) };
}

builder.queryField('changes', (t) =>
  t.field({
    type: ChangeFeedPage,
    description:
      'The change feed: what was created, changed or archived since a cursor, in commit order. A copy of our data stays current by asking with the `cursor` of its last answer: it misses nothing and sees nothing twice.',
    args: {
      ...feedArgs,
      first: t.arg.int({ description: `At most this many events (default 100, at most ${maxFeedPage}).`, defaultValue: 100 }),
    },
    extensions: { neverCached: true },
    resolve: async (_root, args) => {
      const first = args.first ?? 100;
      if (first < 1 || first > maxFeedPage) throw badInput(`"first" must be between 1 and ${maxFeedPage}.`, 'first');
      const page = await readFeed(db(), decodeFeedCursor(args.since), first, feedFilter(args));
      return { events: page.events, cursor: encodeFeedCursor(page.cursor), hasMore: page.hasMore };
    },
  }),
);

/** The feed from a position on, as it grows: read, wait to be woken (or for the poll), read again. */
function follow(from: FeedCursor, filter: FeedFilter, context: Context, leave: () => void) {
  return new Repeater<ReadEvent>(async (push, stop) => {
    const stopped = new AbortController();
    void stop.then(() => {
      stopped.abort();
      leave();
    });
    let cursor = from;
    while (!stopped.signal.aborted) {
      let hasMore = false;
      try {
        const page = await readFeed(db(), cursor, 100, filter);
        for (const event of page.events) await push(event);
        ({ cursor, hasMore } = page);
      } catch (error) {
        if (error instanceof GraphQLError) throw error;
        // The database is away: the follower waits and reads again from where it was.
        logger.warn({ err: error }, 'change feed subscription: reading the feed failed');
      }
      if (!hasMore && !(await context.changeNotifier.next(stopped.signal))) break;
    }
    stop();
  });
}

builder.subscriptionType({ description: 'Live updates, over Server-Sent Events (Accept: text/event-stream).' });

builder.subscriptionField('changes', (t) =>
  t.field({
    type: ChangeEvent,
    description:
      'The change feed, live: first the changes since `since` (none: from now on), then each new one as it is committed, on any instance.',
    args: { ...feedArgs, since: t.arg.string({ description: 'A `cursor` from an earlier answer; none: from now on.' }) },
    subscribe: async (_root, args, context) => {
      const filter = feedFilter(args);
      const from = args.since == null ? { position: await feedHead(db()), basis: null } : decodeFeedCursor(args.since);
      const checked = await checkNotExpired(db(), from); // an expired cursor is refused before the stream starts
      const leave = context.changeNotifier.admit();
      if (!leave) {
        throw new GraphQLError('This instance follows as many subscriptions as it can; try again later or poll `changes`.', {
          extensions: { code: 'SUBSCRIPTIONS_EXHAUSTED', http: { status: 503, headers: { 'retry-after': '30' } } },
        });
      }
      return follow(checked, filter, context, leave);
    },
    resolve: (event) => event,
  }),
);
