// The finished bytes of cached anonymous GET answers, kept in front of Yoga: the GraphQL route's
// first onRequest hook. The response cache (responseCache.ts) saves executing a query, but a
// hit still costs Yoga's request and response objects, hashing the cache key and serialising
// the cached result again: about a fifth of what a bare node:http server answers. Here a
// repeated GET (what the widget, the typed client and a CDN send) is answered from the bytes
// Yoga answered it with the first time.
//
// The bytes follow the response cache: only answers it marked public and kept an entry for are
// kept, no longer than that entry lives. With the entries in this process, bytes are answered
// while their entry is the same object: an edit ends the bytes of what showed the edited record
// and leaves the rest of the state's answers alone. Dropping every kept answer at every edit
// sent the whole state's reads through Yoga at once after each one, and that burst was most of
// the contact card's p99 under bench:mix (70 ms at 1,600 reads/s with one edit a second, 8 ms
// without edits). Where instances share the entries through Redis, an instance learns of
// another's edit only through the generation (cacheGeneration.ts): there each kept answer
// carries the generation its request began in, a hit compares it with the current one, and any
// invalidation ends every kept answer.
//
// Identical GETs that arrive while the first is being answered, in the same generation, wait for
// its bytes instead of each being executed: after an edit, every request for the edited
// district's card that came during its first new execution executed it again (at 3,200 reads/s
// with one edit a second, the card's p99 was 51 ms; 8 ms without edits).
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { finished } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Plugin } from 'graphql-yoga';
import type { CacheGeneration } from './cacheGeneration.js';
import { copyHeaders } from './headers.js';

interface Answer {
  url: string;
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  madeAt: number;
  expires: number;
  generation: string;
  /** The response cache's key (the answer's ETag). */
  responseId: string;
  /** The response cache's entry it was made from, where the entries are in this process. */
  entry: object | null;
}

/** A request let through to Yoga, and the identical requests waiting for its answer. */
interface Flight {
  generation: string;
  startedAt: number;
  waiting: ((answer: Answer | null) => void)[];
}

/**
 * What identifies a response-cache entry in the results made from it: its HTTP extensions. The
 * cache stores a result itself, with them (the ETag), and answers a hit with a shallow copy of it.
 */
const tokenOf = (result: object) => (result as { extensions?: { http?: object } }).extensions?.http;

/** An onRequest hook in Fastify's callback form: a kept answer is sent and `done` not called (no promise for a hit). */
export type AnswerHook = (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => void;

export interface AnswerBytes {
  /** The GraphQL route's first onRequest hook: answers a kept GET; while draining, none (their connections must close). */
  answer(draining: () => boolean): AnswerHook;
  /** Keeps what Yoga answers to the requests `answer` let through; the last of the server's plugins. */
  plugin: Plugin;
  /** After an invalidation: drops the kept answers it ended (no longer answered, only using memory). */
  invalidated(): void;
}

const maxAnswers = 5_000;
/**
 * How long an identical request waits for the first one's answer. Beyond it, it is answered as
 * if it were alone (with its own time limit): a slow or silent database does not double anyone's
 * wait, and a first request that never lands holds nobody up for longer.
 */
const maxWaitMs = 1_000;
const maxTotalBytes = 64 * 2 ** 20;
const maxAnswerBytes = 2 ** 20;
/** Headers of the connection, not of the answer. */
const hopHeaders = new Set(['connection', 'keep-alive', 'content-length', 'transfer-encoding', 'date']);
/**
 * Anonymous, unconditional GETs of the GraphQL endpoint (what the response cache may answer):
 * their address, and what else their answer depends on. Answers are found by the address's
 * length and end (a query's variables), then compared whole: hashing a 1.5 KB address on every
 * request cost as much as a tenth of answering it.
 */
interface Key {
  url: string;
  bucket: string;
  variant: string;
}

function cacheKey(request: IncomingMessage, byHost: boolean): Key | null {
  const { method, url = '', headers } = request;
  if (method !== 'GET' || !url.includes('?')) return null;
  if (headers.authorization || headers['if-none-match'] || headers['if-modified-since']) return null;
  if (String(headers.accept ?? '').includes('text/event-stream')) return null;
  return {
    url,
    bucket: `${url.length}${url.slice(-64)}`,
    variant: `${headers.accept ?? ''}\n${headers['accept-language'] ?? ''}\n${headers.origin ?? ''}\n${byHost ? (headers.host ?? '') : ''}`,
  };
}

export function createAnswerBytes({
  ttlMs,
  generation,
  byHost,
  entryOf,
}: {
  ttlMs: number;
  generation: CacheGeneration;
  byHost: boolean;
  /** The response cache's entry under a key now, where the entries are in this process (GuardedCache.entry). */
  entryOf?: (responseId: string) => object | null;
}): AnswerBytes {
  /** By bucket (see cacheKey), then by the rest of the key. */
  const answers = new Map<string, Map<string, Answer>>();
  let count = 0;
  let totalBytes = 0;
  /**
   * The key and generation of a request let through, for the plugin to keep its answer under;
   * for the first of identical requests, where to land its answer for the others.
   */
  const pending = new WeakMap<IncomingMessage, { key: Key; generation: string; landing?: (answer: Answer | null) => void }>();
  /** The requests let through, by address and variant, each with the identical requests waiting for its answer. */
  const flights = new Map<string, Flight>();
  /** What each answer's result was made from (tokenOf), for entryFor. */
  const madeFromOf = new WeakMap<Request, unknown>();

  const drop = ({ bucket, variant }: Pick<Key, 'bucket' | 'variant'>) => {
    const variants = answers.get(bucket);
    const answer = variants?.get(variant);
    if (!answer) return;
    variants!.delete(variant);
    if (!variants!.size) answers.delete(bucket);
    count--;
    totalBytes -= answer.body.length;
  };
  const keep = (key: Key, answer: Answer) => {
    drop(key);
    const variants = answers.get(key.bucket) ?? new Map<string, Answer>();
    answers.set(key.bucket, variants);
    variants.set(key.variant, answer);
    count++;
    totalBytes += answer.body.length;
    // The oldest addresses go first (a Map iterates in insertion order).
    for (const [bucket, oldest] of answers) {
      if (count <= maxAnswers && totalBytes <= maxTotalBytes) break;
      for (const variant of [...oldest.keys()]) drop({ bucket, variant });
    }
  };
  const send = (reply: FastifyReply, answer: Answer) => {
    // Age: as any HTTP cache says how old what it answers with is (RFC 9111).
    const age = Math.max(0, Math.floor((Date.now() - answer.madeAt) / 1000));
    copyHeaders(reply, Object.entries(answer.headers));
    return reply.code(answer.status).header('age', String(age)).send(answer.body);
  };

  const stillShown = (answer: Answer, current: string | null) =>
    entryOf ? entryOf(answer.responseId) === answer.entry : current !== null && answer.generation === current;
  /**
   * What the bytes are kept with; undefined: they are not kept. Only answers the response cache
   * keeps an entry for (with an ETag): not errors, not pages. With the entries in this process:
   * the entry their result was made from, if it is still the one under their key. An entry
   * stored only while no invalidation ran (GuardedCache) and not removed since is as fresh as
   * any; another request may have replaced it meanwhile with an answer made after a write that
   * this one does not show, which may show none of the records the write's invalidation names.
   */
  const entryFor = (responseId: string, madeFrom: unknown): Answer['entry'] | undefined => {
    if (!entryOf) return null;
    const entry = entryOf(responseId);
    return entry && madeFrom !== undefined && tokenOf(entry) === madeFrom ? entry : undefined;
  };

  /**
   * Lands a request let through: the requests waiting for the same answer get its bytes, or, if
   * none were kept (an error, an edit meanwhile, the request gone), go through Yoga themselves.
   */
  const land = (id: string, flight: Flight, answer: Answer | null) => {
    if (flights.get(id) === flight) flights.delete(id);
    for (const waiter of flight.waiting.splice(0)) waiter(answer);
  };

  /** Answers from the kept bytes, waits for the same answer being made, or lets the request through (then `done`). */
  const serve = (request: IncomingMessage, reply: FastifyReply, key: Key, current: string | null, done: () => void) => {
    const kept = answers.get(key.bucket)?.get(key.variant);
    const answer = kept?.url === key.url ? kept : undefined;
    if (answer && stillShown(answer, current) && answer.expires > Date.now()) return void send(reply, answer);
    if (kept) drop(key);
    if (current === null) return done();
    const id = `${key.url}\n${key.variant}`;
    const flight = flights.get(id);
    // Begun in the same generation: its answer is as fresh as one kept, and made once, not once per request.
    if (flight?.generation === current && Date.now() - flight.startedAt < maxWaitMs) {
      const alone = () => {
        pending.set(request, { key, generation: current });
        done();
      };
      const waiter = (made: Answer | null) => {
        clearTimeout(timer);
        if (made) send(reply, made);
        else alone();
      };
      const timer = setTimeout(() => {
        flight.waiting = flight.waiting.filter((other) => other !== waiter);
        alone();
      }, maxWaitMs);
      flight.waiting.push(waiter);
      return;
    }
    const leader: Flight = { generation: current, startedAt: Date.now(), waiting: [] };
    flights.set(id, leader);
    // Also when the client was gone before this hook ran.
    finished(reply.raw, () => land(id, leader, null));
    pending.set(request, { key, generation: current, landing: (made) => land(id, leader, made) });
    done();
  };

  return {
    answer: (draining) => (request, reply, done) => {
      const key = draining() ? null : cacheKey(request.raw, byHost);
      if (key === null) return done();
      const current = generation.current();
      if (typeof current === 'string') return serve(request.raw, reply, key, current, done);
      current.then((value) => serve(request.raw, reply, key, value, done), done);
    },
    plugin: {
      onResultProcess({ request, result }) {
        if (result && typeof result === 'object' && !Array.isArray(result)) madeFromOf.set(request, tokenOf(result));
      },
      onResponse({ request: fetchRequest, response, serverContext }) {
        const request = (serverContext as { req?: IncomingMessage }).req;
        const stamp = request && pending.get(request);
        if (!stamp) return;
        const landing = stamp.landing ?? (() => {});
        const responseId = response.headers.get('etag');
        if (response.status !== 200 || !response.headers.get('cache-control')?.startsWith('public') || responseId === null)
          return landing(null);
        // The response cache's entry was made then; the bytes live no longer than it does.
        const madeAt = Date.parse(response.headers.get('last-modified') ?? '') || Date.now();
        const headers: OutgoingHttpHeaders = {};
        response.headers.forEach((value, name) => {
          if (!hopHeaders.has(name)) headers[name] = value;
        });
        const status = response.status;
        void response
          .clone()
          .arrayBuffer()
          .then((bytes) => {
            const entry = entryFor(responseId, madeFromOf.get(fetchRequest));
            if (bytes.byteLength > maxAnswerBytes || entry === undefined) return landing(null);
            const answer: Answer = {
              url: stamp.key.url,
              status,
              headers,
              body: Buffer.from(bytes),
              madeAt,
              expires: madeAt + ttlMs,
              generation: stamp.generation,
              responseId,
              entry,
            };
            keep(stamp.key, answer);
            landing(answer);
          })
          .catch(() => landing(null));
      },
    },
    invalidated: () => {
      for (const [bucket, variants] of answers)
        for (const [variant, answer] of variants) {
          // Shared through Redis, an invalidation ends every kept answer (see the top of this file).
          if (!entryOf || entryOf(answer.responseId) !== answer.entry) drop({ bucket, variant });
        }
    },
  };
}
