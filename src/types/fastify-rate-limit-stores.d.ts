// The stores @fastify/rate-limit counts with (its Redis script, its in-memory LRU), which
// http/rateLimit.ts combines into one that falls back from Redis to memory. The package
// declares types for its plugin only.
declare module '@fastify/rate-limit/store/*.js' {
  type Counted = (error: Error | null, result?: { current: number; ttl: number }) => void;
  interface Store {
    incr(key: string, callback: Counted, timeWindow: number, max: number): void;
    read(key: string, callback: Counted, timeWindow: number, max: number): void;
  }
  const Store: new (continueExceeding: boolean, exponentialBackoff: boolean, ...options: unknown[]) => Store;
  export default Store;
}
