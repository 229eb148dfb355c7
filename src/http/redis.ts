// Redis, where instances share state (rate-limit counters, the response cache): Debian's
// redis-server or any other, at REDIS_URL.
import type { Redis } from 'ioredis';
import { logger } from '../logger.js';

/** A connection that fails fast while Redis is away (no queueing) and logs each outage once. */
export async function connectRedis(url: string, outage: string): Promise<Redis> {
  // Loaded only where Redis is configured.
  const { Redis: RedisClient } = await import('ioredis');
  const redis = new RedisClient(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
  let reachable = true;
  redis.on('error', (error) => {
    if (reachable) logger.warn({ err: error }, `Redis not reachable: ${outage}`);
    reachable = false;
  });
  redis.on('ready', () => {
    reachable = true;
  });
  // At start the instance waits for Redis a little, so that its first requests are shared too.
  await Promise.race([redis.connect().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
  return redis;
}
