// The one place data is changed: every write — an editor's mutation, a reader's problem report,
// a webhook registered by a ministry, a package import, the seed — runs in this transaction.
// It takes the data lock (shared by edits, held alone by imports and the seed), lets the work
// lock the rows it changes and check the versions the writer read, and at the end writes the
// audit records and the change-feed entries of what was done, under the feed lock, last.
//
// Locks are taken in one order, so that two writers never wait for each other the other way
// round: the data lock first; then the rows the work changes; the feed lock last, held until
// commit (one writer at a time announces, so feed positions commit in order). The one exception
// is a district's row, which announcing locks under the feed lock (a part's change raises the
// district's version): whoever locks it takes the feed lock before it (`lockedUnderFeed`).
import { type Database, db, type Tx } from '../db/client.js';
import { type ModelName, sqlTable } from '../db/datamodel.js';
import { dataLockKey } from '../db/locks.js';
import { Prisma } from '../generated/prisma/client.js';
import { type Announcement, lockFeed } from './announce.js';
import { type AuditEntry, recordAudits } from './audit.js';
import { editorialSource } from './editorialSource.js';
import { NotFoundError, VersionConflictError } from './problems.js';

/** Who the audit log names for a change. */
export interface Actor {
  /** The API token's id; null for an identity-provider JWT, a script or an anonymous reader. */
  tokenId: string | null;
  name: string;
}

/** A reader who reports a problem without an account. */
export const anonymousReader: Actor = { tokenId: null, name: 'reader (anonymous report)' };

/** A record that editors change under optimistic concurrency. */
export interface VersionedRecord {
  districtId: string | null;
  version: number;
  archivedAt: Date | null;
}

export interface WriteOptions {
  actor: Actor;
  /** The moment of the change: editorial sources are dated by it, archived records stamped with it. */
  now: Date;
  /**
   * The data lock: package imports and the seed replace many records at once, so they hold it
   * alone ('exclusive'), waiting for the edits under way (and those after them wait for them).
   * Edits of district data share it (the default). Writes of records that are no district's
   * data — problem reports, webhooks, API tokens — take none: they need not wait for an import.
   */
  dataLock?: 'shared' | 'exclusive' | 'none';
  timeoutMs?: number;
  /** The database, where it is not the server's (a script's, the seed at start). */
  client?: Database;
}

/** What the work of a write may do besides reading and writing through `tx`. */
export interface Write {
  readonly tx: Tx;
  readonly actor: Actor;
  readonly now: Date;
  /** Locks a record's row until commit (two writers of one record take turns). */
  lock(model: ModelName, id: string): Promise<void>;
  /**
   * Locks a current record and checks that it is still at the version the writer read; the
   * record as `load` reads it. NotFoundError for none (or an archived one), VersionConflictError
   * for another version.
   */
  lockCurrent<Row extends { version: number; archivedAt?: Date | null }>(
    model: ModelName,
    id: string,
    expectedVersion: number | null,
    load: (tx: Tx, id: string) => Promise<Row | null>,
  ): Promise<Row>;
  /** The source that what editors enter today cites: one per district (null: the catalogue) and day. */
  editorialSource(districtId: string | null): Promise<string>;
  /** Records the change in the audit log and the change feed when the work is done (with other records it announces). */
  audit(entry: AuditEntry, alsoAnnounced?: Announcement[]): void;
  /** Announces changes in the feed that the audit log does not record (the seed's first load, the official list). */
  announce(changes: Announcement[]): void;
}

const takeDataLock = {
  shared: (tx: Tx) => tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${dataLockKey})`,
  exclusive: (tx: Tx) => tx.$executeRaw`SELECT pg_advisory_xact_lock(${dataLockKey})`,
  none: async () => {},
};

/**
 * A district's row is locked under the feed lock by other writers: announcing a change of its
 * parts (the day's first editorial source, a town) raises its version there. Whoever locks it
 * takes the feed lock first, so that the two never wait for each other the other way round.
 */
const lockedUnderFeed = new Set<ModelName>(['District']);

// FOR NO KEY UPDATE, the lock an UPDATE of the row takes: a writer inserting a row that refers to
// this one (a district's editorial source) holds KEY SHARE on it until commit, which FOR UPDATE
// would wait for — while holding the feed lock that writer needs to commit: a deadlock.
async function lockRow(tx: Tx, model: ModelName, id: string): Promise<void> {
  if (lockedUnderFeed.has(model)) await lockFeed(tx);
  await tx.$queryRaw`SELECT id FROM ${Prisma.raw(sqlTable(model))} WHERE id = ${id} FOR NO KEY UPDATE`;
}

/** Runs `work` as one audited write; nothing of it is kept if it throws. */
export function write<T>(options: WriteOptions, work: (write: Write) => Promise<T>): Promise<T> {
  return (options.client ?? db()).$transaction(
    async (tx) => {
      await takeDataLock[options.dataLock ?? 'shared'](tx);
      const audits: AuditEntry[] = [];
      const announced: Announcement[] = [];
      const sources = new Map<string | null, string>();
      const handle: Write = {
        tx,
        actor: options.actor,
        now: options.now,
        lock: (model, id) => lockRow(tx, model, id),
        async lockCurrent(model, id, expectedVersion, load) {
          await lockRow(tx, model, id);
          const current = await load(tx, id);
          if (!current || current.archivedAt) throw new NotFoundError(`No current ${model} with this ID.`);
          if (expectedVersion !== null && current.version !== expectedVersion)
            throw new VersionConflictError(expectedVersion, current.version);
          return current;
        },
        async editorialSource(districtId) {
          const known = sources.get(districtId);
          if (known) return known;
          const source = await editorialSource(tx, districtId, options.now);
          sources.set(districtId, source.id);
          announced.push(...source.created);
          return source.id;
        },
        audit(entry, alsoAnnounced = []) {
          audits.push(entry);
          announced.push(...alsoAnnounced);
        },
        announce(changes) {
          announced.push(...changes);
        },
      };
      const result = await work(handle);
      // The records first, then (under the feed lock, held until commit) the log and the feed.
      await recordAudits(tx, options.actor, audits, announced);
      return result;
    },
    { timeout: options.timeoutMs ?? 30_000 },
  );
}
