// An answer is kept only if no invalidation began while it was made: a read that started before
// an edit committed must not put the old answer back after the edit invalidated it, and nothing
// kept may escape the next invalidation (bench:mix found readers on a second instance served an
// old phone number for a minute). In memory, and in a real Redis shared by two instances.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CacheGeneration, cacheGeneration, type GuardedCache, guardedCache } from '../../src/http/cacheGeneration.js';
import { type RedisServer, redisServerInstalled, startRedisServer } from '../support/redis.js';

const answer = { data: { district: { name: 'Kyffhäuserkreis' } } };
const shown = [{ typename: 'District', id: 'RGlzdHJpY3Q6MTYwNjU=' }];

/** A feed position past what the generation has been invalidated through. */
const nextPosition = async (generation: CacheGeneration) => BigInt((await generation.current()) ?? 0) / 2n + 1n;

/** What the response cache does for one answer: the generation before executing, then the store after. */
async function made(cache: GuardedCache, generation: CacheGeneration, key: string, meanwhile?: () => Promise<unknown>) {
  const seen = await generation.current();
  await meanwhile?.();
  cache.madeIn(seen);
  await cache.set(key, answer, shown, 60_000);
}

function behavesAsAGuard(instance: () => { generation: CacheGeneration; cache: GuardedCache }) {
  test('an answer made within one generation is kept, until what it shows is invalidated', async () => {
    const { generation, cache } = instance();
    await made(cache, generation, 'kept');
    expect(await cache.get('kept')).toEqual(answer);
    await generation.invalidateThrough(await nextPosition(generation), () => cache.invalidate(shown));
    expect(await cache.get('kept')).toBeFalsy();
  });

  test('an answer made while an invalidation began is not kept', async () => {
    const { generation, cache } = instance();
    await made(cache, generation, 'raced', async () =>
      generation.invalidateThrough(await nextPosition(generation), () => cache.invalidate(shown)),
    );
    expect(await cache.get('raced')).toBeFalsy();
  });

  test('what is read while an invalidation removes entries is of a generation that ends with it', async () => {
    const { generation } = instance();
    let during: string | null = null;
    await generation.invalidateThrough(await nextPosition(generation), async () => {
      during = await generation.current();
    });
    expect(during).not.toBeNull();
    expect(await generation.current()).not.toBe(during);
  });

  test('a store that the plugin did not announce (no generation seen) is not made', async () => {
    const { cache } = instance();
    await cache.set('unannounced', answer, shown, 60_000);
    expect(await cache.get('unannounced')).toBeFalsy();
  });

  test('the generation is made from the feed position: invalidating through it again changes nothing', async () => {
    const { generation } = instance();
    const position = await nextPosition(generation);
    const nothing = async () => {};
    await generation.invalidateThrough(position, nothing);
    const seen = await generation.current();
    await generation.invalidateThrough(position, nothing);
    await generation.invalidateThrough(position - 1n, nothing);
    expect(await generation.current()).toBe(seen);
    await generation.invalidateThrough(position + 1n, nothing);
    expect(await generation.current()).not.toBe(seen);
  });
}

describe('in memory', () => {
  const generation = cacheGeneration();
  const cache = guardedCache(generation);
  behavesAsAGuard(() => ({ generation, cache }));
});

describe.skipIf(!redisServerInstalled)('in Redis, shared by two instances', () => {
  let server: RedisServer;
  let first: Redis;
  let second: Redis;
  const instanceOn = (redis: Redis) => {
    const generation = cacheGeneration(redis);
    return { generation, cache: guardedCache(generation, redis) };
  };
  beforeAll(async () => {
    server = await startRedisServer();
    first = new Redis(server.url);
    second = new Redis(server.url);
  });
  afterAll(async () => {
    first?.disconnect();
    second?.disconnect();
    await server?.stop();
  });
  behavesAsAGuard(() => instanceOn(first));

  test('an invalidation through one instance refuses what the other was making meanwhile', async () => {
    const mine = instanceOn(first);
    const theirs = instanceOn(second);
    await made(mine.cache, mine.generation, 'across', async () =>
      theirs.generation.invalidateThrough(await nextPosition(theirs.generation), () => theirs.cache.invalidate(shown)),
    );
    expect(await theirs.cache.get('across')).toBeFalsy();
  });

  test('the other instance following the same feed position later refuses nothing more', async () => {
    const mine = instanceOn(first);
    const theirs = instanceOn(second);
    const position = await nextPosition(mine.generation);
    await mine.generation.invalidateThrough(position, async () => {});
    await made(mine.cache, mine.generation, 'after', () => theirs.generation.invalidateThrough(position, async () => {}));
    expect(await theirs.cache.get('after')).toEqual(answer);
  });

  test('answers kept while the other instance invalidates all go with the next invalidation', async () => {
    const mine = instanceOn(first);
    const theirs = instanceOn(second);
    // Stores through one connection, invalidations of the same record through the other, interleaved.
    const keys = Array.from({ length: 200 }, (_, n) => `interleaved-${n}`);
    await Promise.all(
      keys.map(async (key, n) => {
        if (n % 20 === 0) await theirs.cache.invalidate(shown);
        mine.cache.madeIn(await mine.generation.current());
        await mine.cache.set(key, answer, shown, 60_000);
      }),
    );
    await theirs.cache.invalidate(shown);
    const left = await Promise.all(keys.map((key) => mine.cache.get(key)));
    expect(left.filter(Boolean)).toEqual([]);
  });
});
