// Reading the change feed as a portal does: page after page from a cursor, or live over
// Server-Sent Events.
import { ChangesSinceDocument, type ChangesSinceQuery, type ChangesSinceQueryVariables } from '../../schema/generated/graphql.js';
import { sqlTable } from '../../src/db/datamodel.js';
import { Prisma, type PrismaClient } from '../../src/generated/prisma/client.js';
import { feedTypes } from '../../src/writes/announce.js';
import type { GraphQLResponse } from './testServer.js';

/** An event of the change feed as the ChangesSince operation reads it. */
type Change = ChangesSinceQuery['changes']['events'][number];

export const changeFields = 'cursor action type id districtAgs version';

/** A server's `graphql`, for the one document a portal's sync step sends. */
type Ask = (document: typeof ChangesSinceDocument, variables: ChangesSinceQueryVariables) => Promise<GraphQLResponse<ChangesSinceQuery>>;

/** Every change after `since` (null: from the beginning), and the cursor to resume from. */
export async function readChanges(
  graphql: Ask,
  since: string | null,
  filter: Pick<ChangesSinceQueryVariables, 'types' | 'districts'> = {},
): Promise<{ events: Change[]; cursor: string }> {
  const events: Change[] = [];
  let cursor = since;
  for (;;) {
    const { data, errors } = await graphql(ChangesSinceDocument, { since: cursor, ...filter });
    if (errors) throw new Error(JSON.stringify(errors));
    events.push(...data!.changes.events);
    cursor = data!.changes.cursor;
    if (!data!.changes.hasMore) return { events, cursor };
  }
}

export interface EventStream<Payload> {
  /** The next `next` event's payload; fails after `timeoutMs`. */
  next(timeoutMs?: number): Promise<Payload>;
  close(): void;
}

/** A subscription over Server-Sent Events (Yoga's "distinct connections" mode). */
export async function subscribe<Payload = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<EventStream<Payload>> {
  const abort = new AbortController();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query, variables }),
    signal: abort.signal,
  });
  if (!response.ok || !response.headers.get('content-type')?.includes('text/event-stream')) {
    throw new Error(`no event stream: ${response.status} ${await response.text()}`);
  }
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const payloads: Payload[] = [];
  const waiting: ((payload: Payload) => void)[] = [];
  let buffer = '';
  const deliver = (payload: Payload) => {
    const waiter = waiting.shift();
    if (waiter) waiter(payload);
    else payloads.push(payload);
  };
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(message)?.[1];
          const data = /^data: (.*)$/m.exec(message)?.[1];
          if (event === 'next' && data) deliver(JSON.parse(data) as Payload);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    next(timeoutMs = 10_000) {
      const ready = payloads.shift();
      if (ready !== undefined) return Promise.resolve(ready);
      return new Promise<Payload>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms`)), timeoutMs);
        waiting.push((payload) => {
          clearTimeout(timer);
          resolve(payload);
        });
      });
    },
    close: () => abort.abort(),
  };
}

/** Every public record in the database as "Type:key@version", sorted: what a complete copy must hold. */
export async function storedVersions(client: PrismaClient): Promise<string[]> {
  const rows = await Promise.all(
    feedTypes.map((type) =>
      client.$queryRaw<{ id: string; version: number }[]>`SELECT id, version FROM ${Prisma.raw(sqlTable(type))}`.then((found) =>
        found.map((row) => `${type}:${row.id}@${row.version}`),
      ),
    ),
  );
  return rows.flat().sort();
}
