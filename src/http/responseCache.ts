// The response cache for anonymous reads, and keeping it true. Anonymous reads are the same for
// everyone: identical queries within the TTL are answered from the cache (with an ETag, so
// revalidation costs a 304), and GET answers tell browsers and CDNs they may keep them.
// Requests with credentials are never cached, and neither are fields that declare
// `extensions: { neverCached: true }` (the change feed).
//
// The cache is in memory, or in Redis when REDIS_URL is set, so that every instance shares it.
// It is invalidated by record (Yoga's entity-level invalidation: every cached answer knows the
// records it shows) from the change feed, which names every record a write touches and the
// district it belongs to — for edits, imports and seeding alike, whoever made them:
// - a request that wrote (a mutation) brings the cache up to date before it is answered, so
//   that an edit is visible to everyone at once, on every instance sharing the cache;
// - every instance also follows the feed (woken by PostgreSQL's NOTIFY), for writes made
//   elsewhere: another instance with its own cache, an import from the command line.
import { createHash } from 'node:crypto';
import { type Cache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import stableStringify from 'fast-json-stable-stringify';
import { type GraphQLSchema, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import { encodeGlobalId } from '../common/globalId.js';
import { acceptedLanguages } from '../common/languages.js';
import { db } from '../db/client.js';
import type { ChangeNotifier } from '../db/notifier.js';
import { logger } from '../logger.js';
import { type AnswerBytes, createAnswerBytes } from './answerBytes.js';
import { type CacheGeneration, cacheGeneration, guardedCache } from './cacheGeneration.js';
import { fieldsDeclaring, selectedDeclarations } from './fieldDeclarations.js';

export interface ResponseCaching {
  plugins: Plugin[];
  /** The GraphQL route's hook that answers repeated anonymous GETs from their finished bytes, before Yoga. */
  answer: AnswerBytes['answer'];
  /** Brings the cache up to date with the feed: every record changed since the last call is invalidated. */
  catchUp(): Promise<void>;
  /** Stops following the feed; resolves when an invalidation under way is done. */
  close(): Promise<void>;
}

const batch = 5_000;

/**
 * The cache key (and ETag) of an answer: what the plugin's default hashes, in its order and with
 * its stable JSON (variables in any key order share an entry), hashed at once with node:crypto
 * instead of through WebCrypto's promise (5 % of the CPU of a cached POST).
 */
function cacheKey({
  documentString,
  variableValues,
  operationName,
  sessionId,
}: {
  documentString: string;
  variableValues: unknown;
  operationName?: string | null;
  sessionId: string | null | undefined;
}): string {
  return createHash('sha256')
    .update([documentString, operationName ?? '', stableStringify(variableValues ?? {}), sessionId ?? ''].join('|'))
    .digest('hex');
}

/** Follows the change feed and invalidates the cached answers that show a changed record or its district. */
function feedInvalidator(cache: Cache, bytes: AnswerBytes, generation: CacheGeneration) {
  let position: bigint | null = null;
  // From the feed's head when the instance starts (retried on the next call if the database did not answer).
  const started = async () => {
    const head = await db().feedEvent.aggregate({ _max: { position: true } });
    position = head._max.position ?? 0n;
  };
  // The first catch-up waits for it: one reading of the head, never two at once.
  let running: Promise<void> = started().catch(() => {});
  const invalidateSince = async () => {
    if (position === null) await started();
    for (;;) {
      const events = await db().feedEvent.findMany({
        where: { position: { gt: position! } },
        orderBy: { position: 'asc' },
        take: batch,
        select: { position: true, entityType: true, entityId: true, districtId: true },
      });
      if (!events.length) return;
      const entities = new Map<string, { typename: string; id: string }>();
      for (const event of events) {
        entities.set(`${event.entityType}:${event.entityId}`, {
          typename: event.entityType,
          id: encodeGlobalId(event.entityType, event.entityId),
        });
        if (event.districtId)
          entities.set(`District:${event.districtId}`, { typename: 'District', id: encodeGlobalId('District', event.districtId) });
      }
      await generation.invalidateThrough(events.at(-1)!.position, () => cache.invalidate(entities.values()));
      bytes.invalidated();
      position = events.at(-1)!.position;
      if (events.length < batch) return;
    }
  };
  // One catch-up at a time; a call during one waits for it and then looks again.
  const catchUp = () => {
    running = running.then(invalidateSince).catch((error) => logger.warn({ err: error }, 'response cache: invalidation failed'));
    return running;
  };
  return Object.assign(catchUp, { idle: () => running });
}

/**
 * While Redis is away, requests are answered uncached rather than failing (and an invalidation
 * that could not be made is logged: entries cached before the outage end with their TTL).
 */
function failingOpen(cache: Cache): Cache {
  // Once per outage, not once per request (connectRedis logs the connection's side).
  let failing = false;
  const attempt = async <T>(action: string, work: () => T | Promise<T>): Promise<T | null> => {
    try {
      const result = await work();
      failing = false;
      return result;
    } catch (error) {
      if (!failing) logger.warn({ err: error }, `response cache: ${action} failed; answering uncached while Redis is away`);
      failing = true;
      return null;
    }
  };
  return {
    get: async (key) => (await attempt('reading', () => cache.get(key))) ?? null,
    set: async (...args) => void (await attempt('storing', () => cache.set(...args))),
    invalidate: async (entities) => void (await attempt('invalidating', () => cache.invalidate(entities))),
  };
}

export function createResponseCaching({
  schema,
  ttlMs,
  redis,
  changeNotifier,
  publicUrl,
}: {
  schema: GraphQLSchema;
  ttlMs: number;
  /** A shared cache; without, each instance keeps its own in memory. */
  redis?: Redis | null;
  changeNotifier: ChangeNotifier;
  /** The API's address for links; without it, links name the address each request was sent to. */
  publicUrl?: string;
}): ResponseCaching {
  if (ttlMs <= 0) return { plugins: [], answer: () => (_request, _reply, done) => done(), catchUp: async () => {}, close: async () => {} };
  const generation = cacheGeneration(redis);
  const guarded = guardedCache(generation, redis);
  const cache = redis ? failingOpen(guarded) : guarded;
  /** The generation each execution began in, for the store after it. */
  const startedIn = new WeakMap<object, string | null>();
  // Without PUBLIC_URL, export links are made from the request's Host: answers to one Host must
  // never be served to another, or anyone could plant links to their own site in the cache.
  const byHost = !publicUrl;
  const bytes = createAnswerBytes({ ttlMs, generation, byHost, entryOf: guarded.entry });
  const catchUp = feedInvalidator(cache, bytes, generation);
  const stopFollowing = changeNotifier.subscribe(() => void catchUp());
  const anonymous = (request: Request) => !request.headers.has('authorization');
  const neverCached = fieldsDeclaring(schema, 'neverCached');
  const selectsNeverCached = selectedDeclarations(schema, 'neverCached');
  const live = new WeakSet<Request>();
  const wrote = new WeakSet<Request>();
  return {
    catchUp,
    answer: bytes.answer,
    close: () => {
      stopFollowing();
      return catchUp.idle();
    },
    plugins: [
      useResponseCache({
        cache,
        // Answers differ by the languages asked for (and the Host, see byHost): each has its own entries.
        session: (request) =>
          [byHost ? request.headers.get('host') : '', acceptedLanguages(request.headers.get('accept-language')).join(',')]
            .join(' ')
            .trim() || null,
        enabled: anonymous,
        ttl: ttlMs,
        ttlPerSchemaCoordinate: Object.fromEntries([...neverCached.keys()].map((coordinate) => [coordinate, 0])),
        // Before the execution begins: the generation it begins in.
        buildResponseCacheKey: (params) => {
          const key = cacheKey(params);
          const keyIn = (seen: string | null) => {
            startedIn.set(params.context as object, seen);
            return key;
          };
          const current = generation.current();
          return typeof current === 'string' ? keyIn(current) : current.then(keyIn);
        },
        // Called at once before each store: tells the store which generation the answer was made in.
        onTtl: ({ ttl, context }) => {
          guarded.madeIn(startedIn.get(context as object) ?? null);
          return ttl;
        },
      }),
      {
        onExecute({ args }) {
          const operation = getOperationAST(args.document, args.operationName);
          const request = (args.contextValue as { request: Request }).request;
          if (operation?.operation === 'mutation') wrote.add(request);
          if (selectsNeverCached(args.document, args.operationName).length) live.add(request);
        },
        async onResultProcess({ request }) {
          // The write has committed: nobody may be answered from the cache as it was before.
          if (wrote.has(request)) await catchUp();
        },
        onResponse({ request, response }) {
          if (live.has(request)) {
            response.headers.set('cache-control', 'no-store');
            return;
          }
          if (request.method === 'GET' && anonymous(request) && response.status === 200 && !response.headers.has('cache-control')) {
            response.headers.set('cache-control', `public, max-age=${Math.floor(ttlMs / 1000)}`);
            response.headers.append('vary', 'Accept-Language');
          }
        },
      },
      bytes.plugin,
    ],
  };
}
