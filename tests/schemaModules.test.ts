// Every module that adds to the GraphQL builder is imported by src/schema.ts: a module that is
// not would leave its types and fields out of the API without an error.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { rootDir } from '../src/paths.js';

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path);
      return path.endsWith('.ts') ? [path] : [];
    }),
  );
  return files.flat();
}

test('src/schema.ts imports every module that defines types or fields', async () => {
  const src = join(rootDir, 'src');
  const schemaSource = await readFile(join(src, 'schema.ts'), 'utf8');
  const imported = new Set([...schemaSource.matchAll(/^import '\.\/(.+)\.js';$/gm)].map((match) => `${match[1]}.ts`));
  const defining: string[] = [];
  for (const file of await sourceFiles(src)) {
    const text = await readFile(file, 'utf8');
    if (
      /\bbuilder\.(prismaNode|prismaObject|queryField|queryFields|mutationField|mutationFields|objectType|objectRef|prismaObjectField|prismaObjectFields|scalarType|enumType)\b/.test(
        text,
      ) ||
      /\b(entityMutations|writeMutation|describedEnum)\(/.test(text.replace(/export function \w+\(/g, ''))
    ) {
      defining.push(relative(src, file));
    }
  }
  const notImported = defining.filter(
    (file) =>
      !imported.has(file) &&
      !['graphql/builder.ts', 'schema.ts'].includes(file) &&
      !file.startsWith('writes/') &&
      !file.startsWith('graphql/enums'),
  );
  expect(notImported).toEqual([]);
});

test('districts/types.ts names every module that adds fields to District', async () => {
  const src = join(rootDir, 'src');
  const pointer = await readFile(join(src, 'districts', 'types.ts'), 'utf8');
  const listed = new Set([...pointer.matchAll(/^\/\/ {3}(\w+\/types\.ts)/gm)].map((match) => match[1]));
  const adding: string[] = [];
  for (const file of await sourceFiles(src)) {
    if (/prismaObjectFields?\('District'/.test(await readFile(file, 'utf8'))) adding.push(relative(src, file));
  }
  expect(new Set(adding)).toEqual(listed);
});
