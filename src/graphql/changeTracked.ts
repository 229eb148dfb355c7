// What a portal copying our data needs on every record: when it was made and last changed, its
// version, and whether it was archived (archived records stay reachable by ID and say so).
import { builder } from './builder.js';

export interface ChangeTrackedShape {
  /** The record's key (its global ID encodes it). */
  id: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  archivedAt?: Date | null;
}

export const ChangeTracked = builder.interfaceRef<ChangeTrackedShape>('ChangeTracked').implement({
  description: 'A record whose changes the change feed (`changes`) announces.',
  fields: (t) => ({
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the record was created in this database.' }),
    updatedAt: t.expose('updatedAt', {
      type: 'DateTime',
      description: 'When the record last changed, including its parts (a contact’s office hours, a district’s towns).',
    }),
    version: t.exposeInt('version', { description: 'Increases with every change; a change must name the version it read.' }),
    archivedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the record was archived or withdrawn; null while it is current (and for kinds of record that are never archived).',
      resolve: (record) => record.archivedAt ?? null,
    }),
  }),
});

/** The `modifiedSince` condition of list filters. */
export const modifiedSinceDescription =
  'Only records changed at or after this moment, whatever their state: archived ones (they say `archivedAt`) and, for records with a validity period, ended ones are included, so a copy learns of removals too.';

/** The condition for "current" records, or — with `modifiedSince` — for every record changed since. */
export function currentOrModifiedSince<Current extends object>(modifiedSince: Date | null | undefined, current: Current) {
  return modifiedSince ? { updatedAt: { gte: modifiedSince } } : current;
}
