// Editors describe their district's integration posts: which role, which catalogue tasks in the
// district's own wording. Who holds a post is a contact (see the contact mutations).
import { randomUUID } from 'node:crypto';
import { builder } from '../builder.js';
import type { Issue } from '../common/mutationErrors.js';
import type { Tx } from '../db/client.js';
import { db } from '../db/client.js';
import { entityMutations, givenColumns } from '../editing/entityMutations.js';
import { Position } from './types.js';

const PositionTaskInput = builder.inputType('PositionTaskInput', {
  description: 'A task of a post.',
  fields: (t) => ({
    task: t.string({ required: true, description: 'The catalogue task, by key (see `tasks`).' }),
    wording: t.string({ required: true, description: 'The task in the district’s own words.' }),
  }),
});

const PositionFields = builder.inputType('PositionFieldsInput', {
  description: 'A post. In a change, fields left out keep their value; a task list given replaces the current one.',
  fields: (t) => ({
    title: t.string({ description: 'Title as published, e.g. "Integrationslotse (m/w/d)".' }),
    role: t.string({ description: 'The kind of post, by key (see `roles`).' }),
    headcount: t.int({ description: 'Number of people in the post.' }),
    since: t.field({ type: 'PartialDate', description: 'Since when the post exists.' }),
    tasks: t.field({ type: [PositionTaskInput], description: 'The post’s tasks, in order.' }),
  }),
});

type PositionFieldsInput = typeof PositionFields.$inferInput;

async function checkPosition(fields: PositionFieldsInput, _districtId: string, issues: Issue[]) {
  if (fields.role && !(await db().role.findUnique({ where: { id: fields.role } })))
    issues.push({ path: 'fields.role', message: `"${fields.role}" is not a role (see roles)` });
  if (fields.headcount != null && fields.headcount < 1) issues.push({ path: 'fields.headcount', message: 'must be 1 or more' });
  const keys = (fields.tasks ?? []).map((task) => task.task);
  const known = new Set((await db().task.findMany({ where: { id: { in: keys } } })).map((task) => task.id));
  keys.forEach((key, index) => {
    if (!known.has(key)) issues.push({ path: `fields.tasks[${index}].task`, message: `"${key}" is not a catalogue task (see tasks)` });
    else if (keys.indexOf(key) !== index) issues.push({ path: `fields.tasks[${index}].task`, message: `"${key}" is listed twice` });
  });
}

async function writeTasks(tx: Tx, positionId: string, fields: PositionFieldsInput, sourceId: string) {
  if (!fields.tasks) return;
  await tx.positionTask.deleteMany({ where: { positionId } });
  await tx.positionTask.createMany({
    data: fields.tasks.map(({ task, wording }, ordinal) => ({ id: randomUUID(), positionId, taskId: task, wording, ordinal, sourceId })),
  });
}

const columns = ({ role, ...fields }: PositionFieldsInput) => ({ ...givenColumns(fields, ['tasks']), ...(role ? { roleId: role } : {}) });

entityMutations({
  entity: 'Position',
  noun: 'post',
  article: 'a',
  required: ['title', 'role'],
  ref: Position,
  fields: PositionFields,
  check: checkPosition,
  load: (tx, id) => tx.position.findUnique({ where: { id }, include: { tasks: { orderBy: { ordinal: 'asc' } } } }),
  async create(tx, { id, districtId, sourceId, fields }) {
    await tx.position.create({ data: { ...columns(fields), title: fields.title!, roleId: fields.role!, id, districtId, sourceId } });
    await writeTasks(tx, id, fields, sourceId);
  },
  async update(tx, { id, sourceId, fields }) {
    await tx.position.update({ where: { id }, data: { ...columns(fields), version: { increment: 1 } } });
    await writeTasks(tx, id, fields, sourceId);
  },
  archive: (tx, id, now) =>
    tx.position.update({ where: { id }, data: { archivedAt: now, version: { increment: 1 } } }).then(() => undefined),
});
