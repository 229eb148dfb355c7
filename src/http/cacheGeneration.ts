// The generation of the cached answers. Every invalidation advances it twice: before it removes
// what it invalidates, so that no answer whose execution began earlier is stored (it may show the
// data before the write); and after, so that no answer taken from an entry it was about to remove
// is kept by the bytes in front (answerBytes.ts stamps what it keeps with the generation its
// request began in). Without the first, a read that began before a write committed put the old
// answer back after the invalidation; without the second, the bytes kept an old entry read in
// between. Either way some readers got the old phone number for the whole TTL after an editor's
// save was acknowledged (bench:mix, two instances sharing Redis).
//
// Where instances share the cache through Redis, they share the generation too, and the check
// and the store are one Redis script, so that no invalidation falls between them. The generation
// is made from the change feed's position, not counted: instances following the same feed
// advance it to the same values, and the second invalidation of a change refuses nothing more.
import { type Cache, createInMemoryCache } from '@graphql-yoga/plugin-response-cache';
import type { Redis } from 'ioredis';

export interface CacheGeneration {
  /** The generation now; null while Redis is away (then nothing may be kept or answered from what was). */
  current(): string | Promise<string | null>;
  /** Runs `invalidate` (removing what changed through feed position `through`) between the two advances. */
  invalidateThrough(through: bigint, invalidate: () => unknown): Promise<void>;
}

/** Advances the generation to `value` unless it is there or beyond already. */
type Advance = (value: bigint) => Promise<void>;

const between =
  (advance: Advance): CacheGeneration['invalidateThrough'] =>
  async (through, invalidate) => {
    await advance(2n * through);
    await invalidate();
    await advance(2n * through + 1n);
  };

// The name it had when only the kept bytes (answerBytes.ts) used it: instances of both versions agree during an update.
const sharedGenerationKey = 'integrationsgraph:answer-bytes:generation';

function localGeneration(): CacheGeneration {
  let generation = 0n;
  return {
    current: () => String(generation),
    invalidateThrough: between(async (value) => {
      if (value > generation) generation = value;
    }),
  };
}

const advanceTo = `
if tonumber(redis.call('GET', KEYS[1]) or '0') < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end`;

function sharedGeneration(redis: Redis): CacheGeneration {
  return {
    current: () =>
      redis.get(sharedGenerationKey).then(
        (value) => `${value ?? 0}`,
        () => null,
      ),
    // An instance that cannot reach Redis answers uncached (current() is null) until it is back.
    invalidateThrough: between(async (value) => void (await redis.eval(advanceTo, 1, sharedGenerationKey, String(value)).catch(() => {}))),
  };
}

export const cacheGeneration = (redis?: Redis | null): CacheGeneration => (redis ? sharedGeneration(redis) : localGeneration());

const answerKey = (responseId: string) => `integrationsgraph:answer:${responseId}`;
/** The set of the answers that show a record (or, without an ID, a type). */
const showingKey = ({ typename, id }: { typename: string; id?: string | number }) =>
  `integrationsgraph:showing:${typename}${id == null ? '' : `:${id}`}`;

/**
 * Keeps an answer, and notes it under each record it shows, if the generation is still the one
 * its execution began in. A set lives as long as the last answer added to it.
 */
const storeIfCurrent = `
if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
for i = 3, #KEYS do
  redis.call('SADD', KEYS[i], ARGV[4])
  redis.call('PEXPIRE', KEYS[i], ARGV[3])
end
return 1`;

/**
 * Removes the answers that show the records, and their sets, at once: an answer kept between
 * reading a set and removing it would otherwise stay, noted nowhere, when the set went.
 */
const removeShowing = `
for _, showing in ipairs(KEYS) do
  for _, responseId in ipairs(redis.call('SMEMBERS', showing)) do
    redis.call('DEL', ARGV[1] .. responseId)
  end
  redis.call('DEL', showing)
end`;

function redisStore(redis: Redis) {
  return {
    get: (responseId: string) => redis.get(answerKey(responseId)).then((text) => (text ? JSON.parse(text) : undefined)),
    setIfCurrent: (seen: string, ...[responseId, result, entities, ttl]: Parameters<Cache['set']>) => {
      const showing = [...entities].map(showingKey);
      return redis
        .eval(
          storeIfCurrent,
          2 + showing.length,
          sharedGenerationKey,
          answerKey(responseId),
          ...showing,
          seen,
          JSON.stringify(result),
          ttl,
          responseId,
        )
        .then(() => undefined);
    },
    invalidate: async (entities: Parameters<Cache['invalidate']>[0]) => {
      const showing = [...entities].map(showingKey);
      if (showing.length) await redis.eval(removeShowing, showing.length, ...showing, answerKey(''));
    },
  };
}

export interface GuardedCache extends Cache {
  /** The generation the next `set` was made in: called by the plugin's onTtl, at once before it. */
  madeIn(generation: string | null): void;
  /**
   * In memory only: the entry kept under `responseId` now, the same object until it is replaced,
   * invalidated or expires (answerBytes.ts holds its bytes valid exactly that long).
   */
  entry?(responseId: string): object | null;
}

/**
 * The response cache's store (in memory, or in Redis shared by the instances), keeping only
 * answers made within one generation. `madeIn` tells it the generation read before the answer's
 * execution began (createResponseCaching's onTtl).
 */
export function guardedCache(generation: CacheGeneration, redis?: Redis | null): GuardedCache {
  let seen: string | null = null;
  const consumeSeen = () => {
    const seenAtStart = seen;
    seen = null;
    return seenAtStart;
  };
  const madeIn = (value: string | null) => {
    seen = value;
  };
  if (redis) {
    const store = redisStore(redis);
    return {
      get: store.get,
      invalidate: store.invalidate,
      set(...args) {
        const seenAtStart = consumeSeen();
        if (seenAtStart !== null) return store.setIfCurrent(seenAtStart, ...args);
      },
      madeIn,
    };
  }
  const memory = createInMemoryCache();
  return {
    get: (responseId) => memory.get(responseId),
    // The in-memory cache answers at once, with the object it keeps.
    entry: (responseId) => (memory.get(responseId) as object | null | undefined) ?? null,
    invalidate: (entities) => memory.invalidate(entities),
    set(...args) {
      // In memory the check and the store run without a pause in between.
      if (consumeSeen() === generation.current()) return memory.set(...args);
    },
    madeIn,
  };
}
