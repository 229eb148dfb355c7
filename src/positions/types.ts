import { asOfDescription, effectiveDate, validOn } from '../common/history.js';
import { db } from '../db/client.js';
import { builder } from '../graphql/builder.js';
import { ChangeTracked } from '../graphql/changeTracked.js';
import { translatedString, translationFields } from '../translations/types.js';

export const Task = builder.prismaNode('Task', {
  description:
    'A task (Aufgabe) from the shared catalogue. The ThILIK task list recurs almost word for word across districts, so linking each post to catalogue tasks makes districts comparable.',
  interfaces: [ChangeTracked],
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    key: t.exposeString('id', { description: 'Stable key, e.g. "regional-network-work".' }),
    name: t.exposeString('name', { description: 'English summary.' }),
    germanWording: translatedString(t, 'Task', 'germanWording'),
    ...translationFields(t, 'Task'),
  }),
});

export const Role = builder.prismaNode('Role', {
  description: 'A kind of position that recurs across districts: Integrationslotse, Integrationsmanager, KIK …',
  interfaces: [ChangeTracked],
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    key: t.exposeString('id', { description: 'Stable key, e.g. "integration-guide"; use it in filters.' }),
    name: t.exposeString('name'),
    germanName: translatedString(t, 'Role', 'germanName'),
    description: translatedString(t, 'Role', 'description'),
    positions: t.relation('positions', {
      description: 'Posts of this role in the districts.',
      query: { where: { archivedAt: null }, orderBy: { districtId: 'asc' } },
    }),
    tasks: t.field({
      type: [Task],
      description: 'Catalogue tasks that posts of this role carry in at least one district.',
      select: { positions: { where: { archivedAt: null }, select: { tasks: { select: { task: true }, orderBy: { ordinal: 'asc' } } } } },
      resolve: (role) => {
        const tasks = role.positions.flatMap((position) => position.tasks.map(({ task }) => task));
        return [...new Map(tasks.map((task) => [task.id, task])).values()];
      },
    }),
    ...translationFields(t, 'Role'),
  }),
});

builder.prismaObject('PositionTask', {
  description: 'A task of a post, with the wording its source uses.',
  fields: (t) => ({
    task: t.relation('task', { description: 'The catalogue task.' }),
    wording: t.exposeString('wording'),
  }),
});

export const Position = builder.prismaNode('Position', {
  description:
    'A post of a role in one district, e.g. the Integrationslotse of the Kyffhäuserkreis. People hold it over time (see `contacts`).',
  interfaces: [ChangeTracked],
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    title: translatedString(t, 'Position', 'title'),
    role: t.relation('role', { description: 'The kind of post.' }),
    district: t.relation('district', { description: 'The district of the post.' }),
    organisationalUnit: t.relation('unit', { nullable: true, description: 'The unit of the administration the post belongs to.' }),
    headcount: t.exposeInt('headcount', { nullable: true }),
    since: t.expose('since', { type: 'PartialDate', nullable: true }),
    tasks: t.relation('tasks', { description: 'The post’s tasks, in the source’s order.', query: { orderBy: { ordinal: 'asc' } } }),
    contacts: t.relation('contacts', {
      description: 'Who holds the post; current holders unless `asOf` asks for another day.',
      args: { asOf: t.arg({ type: 'Date', description: asOfDescription }) },
      query: (args, context) => ({ where: { ...validOn(effectiveDate(args.asOf, context)), archivedAt: null }, orderBy: { id: 'asc' } }),
    }),
    source: t.relation('source', { description: 'The page the post is described on.' }),
    ...translationFields(t, 'Position'),
  }),
});

builder.prismaObjectField('District', 'positions', (t) =>
  t.relation('positions', {
    description: 'Integration posts of the district administration.',
    query: { where: { archivedAt: null }, orderBy: { id: 'asc' } },
  }),
);

builder.queryFields((t) => ({
  roles: t.prismaField({
    type: ['Role'],
    description: 'The catalogue of roles, for the `role` filters.',
    resolve: (query) => db().role.findMany({ ...query, orderBy: { id: 'asc' } }),
  }),
  tasks: t.prismaField({
    type: ['Task'],
    description: 'The shared task catalogue.',
    resolve: (query) => db().task.findMany({ ...query, orderBy: { id: 'asc' } }),
  }),
}));
