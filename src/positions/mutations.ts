// Editors describe their district's integration posts: which role, which catalogue tasks in the
// district's own wording. Who holds a post is a contact (see the contact mutations).
import { randomUUID } from 'node:crypto';
import { builder } from '../graphql/builder.js';
import { checkEach } from '../writes/checks.js';
import { entityMutations } from '../writes/entityMutations.js';
import { catalogueKey, catalogueKeys } from '../writes/references.js';
import { Position } from './types.js';

const PositionTaskInput = builder.inputType('PositionTaskInput', {
  description: 'A task of a post.',
  fields: (t) => ({
    task: t.string({ required: true, description: 'The catalogue task, by key (see `tasks`).' }),
    wording: t.string({ required: true, description: 'The task in the district’s own words.' }),
  }),
});

const PositionFields = builder.inputType('PositionFieldsInput', {
  description:
    'A post. In a change, fields left out keep their value, null empties an optional one; a task list given replaces the current one.',
  fields: (t) => ({
    title: t.string({ description: 'Title as published, e.g. "Integrationslotse (m/w/d)".' }),
    role: t.string({ description: 'The kind of post, by key (see `roles`).' }),
    headcount: t.int({ description: 'Number of people in the post.' }),
    since: t.field({ type: 'PartialDate', description: 'Since when the post exists.' }),
    tasks: t.field({ type: [PositionTaskInput], description: 'The post’s tasks, in order.' }),
  }),
});

type PositionFieldsInput = typeof PositionFields.$inferInput;

entityMutations({
  model: 'Position',
  noun: 'post',
  article: 'a',
  ref: Position,
  fields: PositionFields,
  columns: { title: 'title', role: 'roleId', headcount: 'headcount', since: 'since' },
  async resolve(fields: PositionFieldsInput, _districtId, problems) {
    if (fields.role) await catalogueKey('Role', fields.role, 'fields.role', problems, 'a role (see roles)');
    if (fields.tasks) {
      checkEach('PositionTask', fields.tasks, { wording: 'wording' }, problems, 'fields.tasks');
      const keys = fields.tasks.map((task) => task.task);
      await catalogueKeys('Task', keys, (index) => `fields.tasks[${index}].task`, problems, 'a catalogue task (see tasks)');
    }
    return { columns: {} };
  },
  async writeLists(tx, positionId, fields, _resolved, sourceId) {
    if (!fields.tasks) return;
    await tx.positionTask.deleteMany({ where: { positionId } });
    await tx.positionTask.createMany({
      data: fields.tasks.map(({ task, wording }, ordinal) => ({ id: randomUUID(), positionId, taskId: task, wording, ordinal, sourceId })),
    });
  },
  load: (tx, id) => tx.position.findUnique({ where: { id }, include: { tasks: { orderBy: { ordinal: 'asc' } } } }),
});
