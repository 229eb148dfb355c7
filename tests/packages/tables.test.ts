// Every model of the data model is decided for: a table of the packages, or named as kept out
// of them with a reason. A model added without that decision would drop out of import and
// export unnoticed.
import { expect, test } from 'vitest';
import { modelNames } from '../../src/db/datamodel.js';
import { notInPackages, tables } from '../../src/packages/tables.js';

test('every model is a package table or kept out of packages with a reason', () => {
  const inTables = new Set<string>(tables.map((table) => table.model));
  const undecided = modelNames.filter((model) => !inTables.has(model) && !notInPackages[model]);
  expect(undecided).toEqual([]);
});

test('no model is both in the packages and kept out of them', () => {
  expect(tables.filter((table) => notInPackages[table.model]).map((table) => table.model)).toEqual([]);
});

test('each table names a model of the data model once', () => {
  const models = tables.map((table) => table.model);
  expect(models.filter((model) => !modelNames.includes(model))).toEqual([]);
  expect(new Set(models).size).toBe(models.length);
});
