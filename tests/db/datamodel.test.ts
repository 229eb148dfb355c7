// The registries derived from the data model agree with the GraphQL schema and the database
// they are used with: an editable model is a Node type of the same name (its global IDs name
// the model), and raw SQL names the table Prisma created.
import { isObjectType } from 'graphql';
import { expect, test } from 'vitest';
import { type EditableModel, modelNames, modelOf, sqlTable } from '../../src/db/datamodel.js';
import { schema } from '../../src/schema.js';

const editable = modelNames.filter((name) => {
  const columns = new Set(modelOf(name).fields.map((field) => field.name));
  return ['id', 'districtId', 'version', 'archivedAt'].every((column) => columns.has(column));
}) as EditableModel[];

test('every editable model is a Node type of the same name, so that its global IDs name the model', () => {
  expect(editable.length).toBeGreaterThanOrEqual(7);
  for (const model of editable) {
    const type = schema.getType(model);
    expect(isObjectType(type) && type.getInterfaces().some((face) => face.name === 'Node'), model).toBe(true);
  }
});

test('raw SQL names tables as the data model maps them, quoted', () => {
  for (const model of modelNames) expect(sqlTable(model)).toBe(`"${modelOf(model).dbName}"`);
  expect(modelOf('Contact').dbName).toBe('Contact');
});

test('date-only columns are known from their native type', () => {
  const validFrom = modelOf('Contact').fields.find((field) => field.name === 'validFrom')!;
  const createdAt = modelOf('Contact').fields.find((field) => field.name === 'createdAt')!;
  expect([validFrom.nativeType, createdAt.nativeType]).toEqual(['Date', null]);
});
