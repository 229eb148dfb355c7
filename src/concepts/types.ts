import { db } from '../db/client.js';
import { AreaFilter, inArea } from '../districts/scope.js';
import { ConceptStatus, FieldEmphasis, MilestoneKind } from '../generated/prisma/enums.js';
import { builder } from '../graphql/builder.js';
import { ChangeTracked, currentOrModifiedSince, modifiedSinceDescription } from '../graphql/changeTracked.js';
import { entityByGlobalId } from '../graphql/entities.js';
import { describedEnum } from '../graphql/enums.js';
import { translatedString, translationFields } from '../translations/types.js';

describedEnum('ConceptStatus', ConceptStatus, 'Where a concept stands.', {
  IN_PREPARATION: 'Being drafted, not yet adopted.',
  ADOPTED: 'Adopted by the responsible body (e.g. the Kreistag).',
  BEING_UPDATED: 'A concept exists and is being updated (Fortschreibung).',
});
describedEnum('MilestoneKind', MilestoneKind, 'Whether a milestone is reached or planned.', {
  ACHIEVED: 'Reached.',
  PLANNED: 'Planned (Ausblick).',
});
describedEnum('FieldEmphasis', FieldEmphasis, 'How a concept names a field.', {
  FIELD_OF_ACTION: 'Named as a field of action (Handlungsfeld).',
  THEME: 'Named as a theme (Themenfeld).',
});

export const FieldOfAction = builder.prismaNode('FieldOfAction', {
  description: 'A field of action (Handlungsfeld) from the shared vocabulary that makes concepts comparable.',
  interfaces: [ChangeTracked],
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    key: t.exposeString('id', { description: 'Stable key, e.g. "education"; use it in filters.' }),
    name: t.exposeString('name'),
    germanName: translatedString(t, 'FieldOfAction', 'germanName'),
    ...translationFields(t, 'FieldOfAction'),
  }),
});

builder.prismaObject('ConceptFieldOfAction', {
  description: 'A field of action covered by a concept, with the concept’s own label.',
  fields: (t) => ({
    fieldOfAction: t.relation('fieldOfAction', { description: 'The shared vocabulary entry.' }),
    label: t.exposeString('label'),
    emphasis: t.expose('emphasis', { type: FieldEmphasis }),
  }),
});

builder.prismaObject('ConceptMilestone', {
  description: 'A step in the making of a concept, or a planned one.',
  fields: (t) => ({
    kind: t.expose('kind', { type: MilestoneKind }),
    title: t.exposeString('title'),
    periodStart: t.expose('periodStart', { type: 'PartialDate', nullable: true }),
    periodEnd: t.expose('periodEnd', { type: 'PartialDate', nullable: true }),
    items: t.exposeStringList('items'),
  }),
});

export const IntegrationConcept = builder.prismaNode('IntegrationConcept', {
  description: 'A district’s integration concept (Integrationskonzept): status, adoption, milestones and fields of action.',
  interfaces: [ChangeTracked],
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    title: translatedString(t, 'IntegrationConcept', 'title'),
    status: t.expose('status', { type: ConceptStatus }),
    adoptedOn: t.expose('adoptedOn', { type: 'Date', nullable: true }),
    adoptedBy: t.exposeString('adoptedBy', { nullable: true }),
    versionAsOf: t.expose('versionAsOf', { type: 'PartialDate', nullable: true }),
    summary: translatedString(t, 'IntegrationConcept', 'summary', { nullable: true }),
    district: t.relation('district', { description: 'The district of the concept.' }),
    milestones: t.relation('milestones', { description: 'Milestones in order.', query: { orderBy: { ordinal: 'asc' } } }),
    fieldsOfAction: t.relation('fieldsOfAction', {
      description: 'Fields of action (Handlungsfelder) and themes covered.',
      query: { orderBy: { ordinal: 'asc' } },
      complexity: { multiplier: 15 },
    }),
    documents: t.relation('documents', { description: 'The concept’s published documents.', query: { where: { archivedAt: null } } }),
    source: t.relation('source', { description: 'The page the concept is described on.' }),
    ...translationFields(t, 'IntegrationConcept'),
  }),
});

builder.prismaObjectField('District', 'concepts', (t) =>
  t.relation('concepts', {
    description: 'The district’s integration concepts.',
    query: { where: { archivedAt: null }, orderBy: { id: 'asc' } },
    complexity: { multiplier: 3 },
  }),
);

const ConceptFilter = builder.inputType('ConceptFilter', {
  description: 'Which concepts to list.',
  fields: (t) => ({
    area: t.field({ type: AreaFilter, description: 'Only concepts of this state or district.' }),
    status: t.field({ type: ConceptStatus, description: 'Only concepts with this status.' }),
    fieldOfAction: t.string({ description: 'Only concepts covering this field of action, by key, e.g. "education".' }),
    modifiedSince: t.field({ type: 'DateTime', description: modifiedSinceDescription }),
  }),
});

function conceptWhere(filter: typeof ConceptFilter.$inferInput | null | undefined) {
  return {
    ...currentOrModifiedSince(filter?.modifiedSince, { archivedAt: null }),
    ...inArea(filter?.area),
    ...(filter?.status ? { status: filter.status } : {}),
    ...(filter?.fieldOfAction ? { fieldsOfAction: { some: { fieldOfActionId: filter.fieldOfAction } } } : {}),
  };
}

builder.queryFields((t) => ({
  concepts: t.prismaConnection({
    type: 'IntegrationConcept',
    cursor: 'id',
    description: 'Integration concepts of the districts, to compare status and fields of action.',
    args: { filter: t.arg({ type: ConceptFilter, description: 'Narrow the list; all conditions must hold.' }) },
    resolve: (query, _root, args) =>
      db().integrationConcept.findMany({ ...query, where: conceptWhere(args.filter), orderBy: [{ districtId: 'asc' }, { id: 'asc' }] }),
    totalCount: (_connection, args) => db().integrationConcept.count({ where: conceptWhere(args.filter) }),
  }),
  fieldsOfAction: t.prismaField({
    type: ['FieldOfAction'],
    description: 'The shared vocabulary of fields of action.',
    resolve: (query) => db().fieldOfAction.findMany({ ...query, orderBy: { id: 'asc' } }),
  }),
}));

entityByGlobalId(IntegrationConcept, (id) => db().integrationConcept.findUnique({ where: { id } }));
