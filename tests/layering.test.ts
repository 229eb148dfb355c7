// The layers of src/ and the one direction their imports may point (CONTRIBUTING, "Where things
// are"): a module imports its own layer and the layers below it, never one above. Type-only
// imports count too: they tie a lower layer to what a higher one declares.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { expect, test } from 'vitest';
import { rootDir } from '../src/paths.js';

const src = join(rootDir, 'src');

/** From the bottom up. A path is in the layer of its longest matching prefix. */
const layers: { name: string; paths: string[] }[] = [
  // exports/formats.ts is the registry of export addresses that domain modules link to: a leaf.
  { name: 'leaf helpers', paths: ['common/', 'generated/', 'types/', 'paths.ts', 'logger.ts', 'config.ts', 'exports/formats.ts'] },
  { name: 'database', paths: ['db/'] },
  { name: 'rules and authentication', paths: ['rules/', 'auth/'] },
  { name: 'the GraphQL builder', paths: ['graphql/'] },
  { name: 'the write path', paths: ['writes/'] },
  {
    name: 'domain modules',
    paths: [
      'audit/',
      'calendar/',
      'comparison/',
      'concepts/',
      'contacts/',
      'districts/',
      'documents/',
      'feed/',
      'funding/',
      'indicators/',
      'networks/',
      'offers/',
      'packages/',
      'partners/',
      'places/',
      'positions/',
      'projects/',
      'reports/',
      'sources/',
      'states/',
      'tokens/',
      'translations/',
    ],
  },
  {
    name: 'the schema and the HTTP edge',
    paths: ['schema.ts', 'schemaArtefact.ts', 'http/', 'exports/', 'dashboard/', 'editor/', 'main.ts'],
  },
];

function layerOf(path: string): number {
  let found = -1;
  let longest = -1;
  layers.forEach((layer, index) => {
    for (const prefix of layer.paths) {
      if ((path === prefix || path.startsWith(prefix)) && prefix.length > longest) {
        longest = prefix.length;
        found = index;
      }
    }
  });
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every relative import of a file (static, type-only and dynamic), as paths under src/. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => relative(src, resolve(dirname(file), name)).replace(/\.js$/, '.ts'));
}

const files = sourceFiles(src).map((file) => relative(src, file));

test('every file of src/ belongs to a layer', () => {
  expect(files.filter((file) => layerOf(file) < 0)).toEqual([]);
});

test('no module imports a layer above its own', () => {
  const upward: string[] = [];
  for (const file of files) {
    const own = layerOf(file);
    for (const target of importsOf(join(src, file))) {
      const theirs = layerOf(target);
      if (theirs > own) upward.push(`${file} (${layers[own]!.name}) imports ${target} (${layers[theirs]!.name})`);
    }
  }
  expect(upward).toEqual([]);
});

test('common/ holds leaf helpers: they import nothing of src/ but each other and generated code', () => {
  const reaching = files
    .filter((file) => file.startsWith('common/'))
    .flatMap((file) =>
      importsOf(join(src, file))
        .filter((target) => !/^(common|generated)\//.test(target))
        .map((target) => `${file} → ${target}`),
    );
  expect(reaching).toEqual([]);
});
