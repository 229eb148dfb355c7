// Editors keep their district's integration concept current: status, adoption, milestones and
// fields of action (from the shared vocabulary, with the concept's own labels).
import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/client.js';
import { ConceptStatus, FieldEmphasis, MilestoneKind } from '../generated/prisma/enums.js';
import { builder } from '../graphql/builder.js';
import { checkEach, sameNames } from '../writes/checks.js';
import { entityMutations } from '../writes/entityMutations.js';
import type { Problems } from '../writes/problems.js';
import { catalogueKeys } from '../writes/references.js';
import { IntegrationConcept } from './types.js';

const MilestoneInput = builder.inputType('ConceptMilestoneInput', {
  description: 'A milestone of a concept.',
  fields: (t) => ({
    kind: t.field({ type: MilestoneKind, required: true, description: 'Reached or planned.' }),
    title: t.string({ required: true, description: 'Title as published.' }),
    periodStart: t.field({ type: 'PartialDate', description: 'Start.' }),
    periodEnd: t.field({ type: 'PartialDate', description: 'End.' }),
    items: t.stringList({ description: 'The steps listed under it.' }),
  }),
});

const FieldInput = builder.inputType('ConceptFieldOfActionInput', {
  description: 'A field of action covered by a concept.',
  fields: (t) => ({
    fieldOfAction: t.string({ required: true, description: 'The shared vocabulary entry, by key (see `fieldsOfAction`).' }),
    label: t.string({ required: true, description: 'The concept’s own label, e.g. "Bildung/Schule".' }),
    emphasis: t.field({ type: FieldEmphasis, description: 'Field of action (default) or theme.' }),
  }),
});

const ConceptFields = builder.inputType('ConceptFieldsInput', {
  description:
    'An integration concept. In a change, fields left out keep their value, null empties an optional one; lists given replace the current ones.',
  fields: (t) => ({
    title: t.string({ description: 'Title as published.' }),
    status: t.field({ type: ConceptStatus, description: 'In preparation, adopted, being updated.' }),
    adoptedOn: t.field({ type: 'Date', description: 'Date of adoption.' }),
    adoptedBy: t.string({ description: 'The adopting body, e.g. "Kreistag".' }),
    versionAsOf: t.field({ type: 'PartialDate', description: '"Stand" of the current version.' }),
    summary: t.string({ description: 'What the concept is about, in brief.' }),
    milestones: t.field({ type: [MilestoneInput], description: 'Milestones in order.' }),
    fieldsOfAction: t.field({ type: [FieldInput], description: 'Fields of action and themes, in order.' }),
  }),
});

type ConceptFieldsInput = typeof ConceptFields.$inferInput;

async function resolveConcept(fields: ConceptFieldsInput, _districtId: string, problems: Problems) {
  checkEach(
    'ConceptMilestone',
    fields.milestones ?? [],
    sameNames('kind', 'title', 'periodStart', 'periodEnd', 'items'),
    problems,
    'fields.milestones',
  );
  checkEach('ConceptFieldOfAction', fields.fieldsOfAction ?? [], sameNames('label', 'emphasis'), problems, 'fields.fieldsOfAction');
  const keys = (fields.fieldsOfAction ?? []).map((field) => field.fieldOfAction);
  await catalogueKeys(
    'FieldOfAction',
    keys,
    (index) => `fields.fieldsOfAction[${index}].fieldOfAction`,
    problems,
    'a field of action (see fieldsOfAction)',
  );
  return { columns: {} };
}

async function writeLists(tx: Tx, conceptId: string, fields: ConceptFieldsInput, sourceId: string) {
  if (fields.milestones) {
    await tx.conceptMilestone.deleteMany({ where: { conceptId } });
    await tx.conceptMilestone.createMany({
      data: fields.milestones.map((milestone, ordinal) => ({
        ...milestone,
        items: milestone.items ?? [],
        id: randomUUID(),
        conceptId,
        ordinal,
        sourceId,
      })),
    });
  }
  if (fields.fieldsOfAction) {
    await tx.conceptFieldOfAction.deleteMany({ where: { conceptId } });
    await tx.conceptFieldOfAction.createMany({
      data: fields.fieldsOfAction.map(({ fieldOfAction, label, emphasis }, ordinal) => ({
        id: randomUUID(),
        conceptId,
        fieldOfActionId: fieldOfAction,
        label,
        emphasis: emphasis ?? 'FIELD_OF_ACTION',
        ordinal,
        sourceId,
      })),
    });
  }
}

entityMutations({
  model: 'IntegrationConcept',
  noun: 'integration concept',
  article: 'an',
  ref: IntegrationConcept,
  fields: ConceptFields,
  columns: sameNames('title', 'status', 'adoptedOn', 'adoptedBy', 'versionAsOf', 'summary'),
  resolve: resolveConcept,
  writeLists: (tx, id, fields, _resolved, sourceId) => writeLists(tx, id, fields, sourceId),
  load: (tx, id) =>
    tx.integrationConcept.findUnique({
      where: { id },
      include: { milestones: { orderBy: { ordinal: 'asc' } }, fieldsOfAction: { orderBy: { ordinal: 'asc' } } },
    }),
});
