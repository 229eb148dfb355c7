import { badInput } from '../common/errors.js';
import { decodeGlobalId } from '../common/globalId.js';
import { db } from '../db/client.js';
import { AuditAction } from '../generated/prisma/enums.js';
import { builder } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';
import { describedEnum } from '../graphql/enums.js';
import { parseDistrictAgs } from '../rules/districtKeys.js';

describedEnum('AuditAction', AuditAction, 'What a change did.', {
  CREATE: 'A record was created.',
  UPDATE: 'A record was changed (for facts with history: its successor was opened).',
  ARCHIVE: 'A record was archived: no longer current, kept for history.',
  VERIFY: 'The district’s editors confirmed its data as correct.',
});

const AuditEvent = builder.prismaNode('AuditEvent', {
  description:
    'A change to the data: who, when, which record, before and after. Visible to ministries (their state) and admins; a record’s `history` also to its district’s editors.',
  id: { field: 'id' },
  nullable: true,
  // The same rule as the auditEvents list, wherever an event is reached (node, nodes); a
  // district's editors read the changes of their district's records, not who was given access.
  authScopes: (event) => ({
    $any: { auditorOf: event.districtId ?? '', ...(event.entityType === 'ApiToken' ? {} : { editorOf: event.districtId ?? '' }) },
  }),
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: 'When the change was committed.' }),
    actorName: t.exposeString('actorName'),
    action: t.expose('action', { type: AuditAction }),
    entityType: t.exposeString('entityType'),
    entityId: t.exposeString('entityId', { description: 'The changed record’s key (use the type’s own lookup; global IDs encode it).' }),
    district: t.relation('district', { nullable: true, description: 'The district whose data changed.' }),
    before: t.string({
      nullable: true,
      description: 'The record before the change, as JSON; null for a creation.',
      resolve: (event) => (event.before == null ? null : JSON.stringify(event.before)),
    }),
    after: t.string({
      nullable: true,
      description: 'The record after the change, as JSON.',
      resolve: (event) => (event.after == null ? null : JSON.stringify(event.after)),
    }),
  }),
});

const AuditFilter = builder.inputType('AuditFilter', {
  description: 'Which changes to list.',
  fields: (t) => ({
    district: t.string({ description: 'Only changes of this district (AGS).' }),
    actor: t.string({ description: 'Only changes by this token (its id, as `npm run tokens -- list` shows).' }),
    from: t.field({ type: 'DateTime', description: 'Only changes at or after this moment.' }),
    to: t.field({ type: 'DateTime', description: 'Only changes before this moment.' }),
  }),
});

function auditWhere(filter: typeof AuditFilter.$inferInput | null | undefined, context: Context) {
  const viewer = context.viewer!;
  const district = filter?.district ? parseDistrictAgs(filter.district, 'filter.district') : undefined;
  if (filter?.from && filter.to && filter.from > filter.to) throw badInput('"from" is after "to".', 'filter.from');
  // A ministry sees the changes of its own state's districts only.
  const stateScope = viewer.role === 'ADMIN' ? {} : { districtId: { startsWith: viewer.stateRegionalKey ?? '-' } };
  return {
    AND: [
      stateScope,
      district ? { districtId: district } : {},
      filter?.actor ? { actorId: filter.actor } : {},
      filter?.from || filter?.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {},
    ],
  };
}

builder.queryField('auditEvents', (t) =>
  t.prismaConnection({
    type: 'AuditEvent',
    cursor: 'id',
    description: 'The audit log, newest first. For ministries (their state’s districts) and admins.',
    authScopes: { auditor: true },
    args: { filter: t.arg({ type: AuditFilter, description: 'Narrow the list; all conditions must hold.' }) },
    resolve: (query, _root, args, context) =>
      db().auditEvent.findMany({ ...query, where: auditWhere(args.filter, context), orderBy: [{ at: 'desc' }, { id: 'desc' }] }),
    totalCount: (_connection, args, context) => db().auditEvent.count({ where: auditWhere(args.filter, context) }),
  }),
);

/** How many changes of one record `history` lists at most, newest first. */
const historyLength = 100;

builder.queryField('history', (t) =>
  t.field({
    type: [AuditEvent],
    description: `Who changed a record, what and when (the audit log), newest first, at most ${historyLength}: its changes and those of its translations. For the editors of its district, its state’s ministry and administrators.`,
    args: { of: t.arg.id({ required: true, description: 'The record’s `id` (an offer, a contact …).' }) },
    resolve: async (_root, args) => {
      const { typename, id } = decodeGlobalId(String(args.of));
      // A contact's office hours are translated as records of their own, and shown with the contact.
      const hours = typename === 'Contact' ? await db().officeHours.findMany({ where: { contactId: id }, select: { id: true } }) : [];
      const translated = [{ type: typename, id }, ...hours.map((each) => ({ type: 'OfficeHours', id: each.id }))];
      // A translation's events name their record in the row they recorded: a removed one is gone from its table.
      const about = (row: 'before' | 'after', record: { type: string; id: string }) => ({
        AND: [{ [row]: { path: ['entityType'], equals: record.type } }, { [row]: { path: ['entityId'], equals: record.id } }],
      });
      return db().auditEvent.findMany({
        where: {
          OR: [
            { entityType: typename, entityId: id },
            { entityType: 'Translation', OR: translated.flatMap((record) => [about('after', record), about('before', record)]) },
          ],
        },
        orderBy: [{ at: 'desc' }, { id: 'desc' }],
        take: historyLength,
      });
    },
  }),
);
