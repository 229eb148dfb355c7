// schema/schema.graphql is a committed artefact: current, fully described, and checked for
// breaking changes.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { rootDir } from '../src/paths.js';
import { compareSchemas, printSortedSchema, undocumentedElements } from '../src/schemaArtefact.js';

const committedSchema = () => readFile(join(rootDir, 'schema', 'schema.graphql'), 'utf8');

test('schema/schema.graphql is current (run `npm run schema:print` after a schema change)', async () => {
  const committed = await committedSchema();
  const current = printSortedSchema();
  if (committed !== current) {
    const { breaking, dangerous, safe } = await compareSchemas(committed, current);
    const differences = [...breaking, ...dangerous, ...safe].map((change) => change.message);
    expect(differences, 'schema/schema.graphql is stale').toEqual([]);
  }
  expect(committed).toBe(current);
});

test('every type, field, argument and enum value has a description', () => {
  expect(undocumentedElements()).toEqual([]);
});

describe('compareSchemas', () => {
  const before = /* GraphQL */ `
    type Query { district(ags: String!): District }
    type District { name: String! seat: String kind: Kind }
    enum Kind { RURAL_DISTRICT }
  `;

  test('a removed field is breaking, a new enum value dangerous, a new field safe', async () => {
    const after = /* GraphQL */ `
      type Query { district(ags: String!): District }
      type District { name: String! kind: Kind population: Int }
      enum Kind { RURAL_DISTRICT DISTRICT_FREE_CITY }
    `;
    const { breaking, dangerous, safe } = await compareSchemas(before, after);
    expect(breaking.map((c) => c.message)).toEqual(["Field 'seat' was removed from object type 'District'"]);
    expect(dangerous.map((c) => c.message)).toEqual(["Enum value 'DISTRICT_FREE_CITY' was added to enum 'Kind'"]);
    expect(safe.map((c) => c.message)).toEqual(["Field 'population' was added to object type 'District'"]);
  });

  test('deprecating a field first is not breaking', async () => {
    const after = before.replace('seat: String', 'seat: String @deprecated(reason: "Use seatMunicipality.")');
    expect((await compareSchemas(before, after)).breaking).toEqual([]);
  });
});

test('npm run schema:check passes against the committed schema at HEAD', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/schema-check.ts', '--base', 'HEAD'], {
    cwd: rootDir,
  });
  expect(stdout).toMatch(/compared with schema\/schema.graphql at HEAD: 0 breaking/);
});
