// Editors keep their district's integration concept current: status, adoption, milestones and
// fields of action (from the shared vocabulary, with the concept's own labels).
import { randomUUID } from 'node:crypto';
import { builder } from '../builder.js';
import type { Issue } from '../common/mutationErrors.js';
import type { Tx } from '../db/client.js';
import { db } from '../db/client.js';
import { entityMutations, givenColumns } from '../editing/entityMutations.js';
import { ConceptStatus, FieldEmphasis, MilestoneKind } from '../generated/prisma/enums.js';
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
  description: 'An integration concept. In a change, fields left out keep their value; lists given replace the current ones.',
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

async function checkConcept(fields: ConceptFieldsInput, _districtId: string, issues: Issue[], creating: boolean) {
  if (creating && fields.status === 'ADOPTED' && !fields.adoptedOn)
    issues.push({ path: 'fields.adoptedOn', message: 'an adopted concept needs its adoption date' });
  (fields.milestones ?? []).forEach((milestone, index) => {
    if (milestone.periodStart && milestone.periodEnd && milestone.periodStart > milestone.periodEnd) {
      issues.push({ path: `fields.milestones[${index}].periodEnd`, message: `must not be before the start (${milestone.periodStart})` });
    }
  });
  const keys = (fields.fieldsOfAction ?? []).map((field) => field.fieldOfAction);
  const known = new Set((await db().fieldOfAction.findMany({ where: { id: { in: keys } } })).map((field) => field.id));
  keys.forEach((key, index) => {
    if (!known.has(key))
      issues.push({
        path: `fields.fieldsOfAction[${index}].fieldOfAction`,
        message: `"${key}" is not a field of action (see fieldsOfAction)`,
      });
    else if (keys.indexOf(key) !== index)
      issues.push({ path: `fields.fieldsOfAction[${index}].fieldOfAction`, message: `"${key}" is listed twice` });
  });
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

const columns = (fields: ConceptFieldsInput) => givenColumns(fields, ['milestones', 'fieldsOfAction']);

entityMutations({
  entity: 'IntegrationConcept',
  noun: 'integration concept',
  article: 'an',
  required: ['title', 'status'],
  ref: IntegrationConcept,
  fields: ConceptFields,
  check: checkConcept,
  load: (tx, id) =>
    tx.integrationConcept.findUnique({
      where: { id },
      include: { milestones: { orderBy: { ordinal: 'asc' } }, fieldsOfAction: { orderBy: { ordinal: 'asc' } } },
    }),
  async create(tx, { id, districtId, sourceId, fields }) {
    await tx.integrationConcept.create({
      data: { ...columns(fields), title: fields.title!, status: fields.status!, id, districtId, sourceId },
    });
    await writeLists(tx, id, fields, sourceId);
  },
  async update(tx, { id, sourceId, fields }) {
    await tx.integrationConcept.update({ where: { id }, data: { ...columns(fields), version: { increment: 1 } } });
    await writeLists(tx, id, fields, sourceId);
  },
  archive: (tx, id, now) =>
    tx.integrationConcept.update({ where: { id }, data: { archivedAt: now, version: { increment: 1 } } }).then(() => undefined),
});
