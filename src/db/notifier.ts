// Tells the followers of the feed (subscriptions, webhook delivery) that it has grown: every
// instance hears every commit through PostgreSQL's LISTEN/NOTIFY. A follower also looks on its
// own every `pollMs`, so that a notification lost with a dropped connection delays it, never
// loses it: the feed in the database is the truth, the notification only a wake-up.
import type { OpenDatabase } from './client.js';
import { feedChannel } from './locks.js';

export interface ChangeNotifier {
  /**
   * Resolves on the next change, after `pollMs` at the latest, or at once when `signal` aborts
   * or the notifier closes; says whether the follower should go on.
   */
  next(signal?: AbortSignal): Promise<boolean>;
  /**
   * Counts a follower in; null when the instance already serves its most (each one reads the
   * feed on every commit). Returns the function that counts it out.
   */
  admit(): (() => void) | null;
  /** Calls `listener` on every change; returns the function that stops it. */
  subscribe(listener: () => void): () => void;
  readonly closed: boolean;
  close(): Promise<void>;
}

/** Without a database to listen to, followers only poll. */
export async function createChangeNotifier(
  database: Pick<OpenDatabase, 'listen'> | null,
  { pollMs = 5_000, maxFollowers = 1_000 } = {},
): Promise<ChangeNotifier> {
  const listeners = new Set<() => void>();
  let closed = false;
  let followers = 0;
  const wakeAll = () => {
    for (const listener of [...listeners]) listener();
  };
  const stopListening = database ? await database.listen(feedChannel, wakeAll) : async () => {};
  return {
    get closed() {
      return closed;
    },
    admit() {
      if (followers >= maxFollowers) return null;
      followers += 1;
      let counted = true;
      return () => {
        if (counted) followers -= 1;
        counted = false;
      };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    next(signal) {
      if (closed || signal?.aborted) return Promise.resolve(false);
      return new Promise<boolean>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          listeners.delete(done);
          signal?.removeEventListener('abort', done);
          resolve(!closed && !signal?.aborted);
        };
        const timer = setTimeout(done, pollMs);
        listeners.add(done);
        signal?.addEventListener('abort', done, { once: true });
      });
    },
    async close() {
      closed = true;
      wakeAll();
      await stopListening();
    },
  };
}
