// The registries derived from the data model agree with the GraphQL schema and the database
// they are used with: an editable model is a Node type of the same name (its global IDs name
// the model), and raw SQL names the tables and columns the migrations created.
import { isObjectType } from 'graphql';
import { expect, test } from 'vitest';
import { type EditableModel, modelNames, modelOf, sqlTable, storedColumns } from '../../src/db/datamodel.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { schema } from '../../src/schema.js';
import { openTestDatabase } from '../support/database.js';

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

test('raw SQL names the tables and columns the migrations created', async () => {
  const database = await openTestDatabase();
  try {
    await applyMigrations(database.adapterFactory);
    for (const model of modelNames) {
      const [{ table }] = await database.client.$queryRawUnsafe<{ table: string | null }[]>(
        `SELECT to_regclass('${sqlTable(model)}')::text AS "table"`,
      );
      expect(table, model).not.toBeNull();
      const stored = await database.client.$queryRaw<{ column: string }[]>`
        SELECT column_name AS "column" FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${modelOf(model).dbName}`;
      expect(new Set(stored.map(({ column }) => column)), model).toEqual(new Set(storedColumns(model).map((field) => field.dbName)));
    }
  } finally {
    await database.close();
  }
});

test('date-only columns are known from their native type', () => {
  const validFrom = modelOf('Contact').fields.find((field) => field.name === 'validFrom')!;
  const createdAt = modelOf('Contact').fields.find((field) => field.name === 'createdAt')!;
  expect([validFrom.nativeType, createdAt.nativeType]).toEqual(['Date', null]);
});
