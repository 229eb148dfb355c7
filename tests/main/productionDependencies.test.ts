// A production install (`npm ci --omit=dev`, README "Deployment") holds package.json's
// `dependencies` only, and runs the server from its bundle. So `dependencies` are exactly what
// the bundle loads from node_modules at run time: what esbuild leaves out of it
// (scripts/server-bundle.mjs) and the packages whose files the server reads (src/paths.ts).
// Everything built into the bundle, and every tool, is a devDependency.
import { readFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { expect, test } from 'vitest';
import { serverBundleOptions } from '../../scripts/server-bundle.mjs';
import { packagesReadAtRunTime, rootDir } from '../../src/paths.js';

/** "@scope/name/sub/path" → "@scope/name", "name/sub" → "name". */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

test('the production dependencies are exactly what the bundle loads from node_modules', async () => {
  const { metafile } = await build({
    ...serverBundleOptions(rootDir),
    // Bundled in memory only, to read what the bundle imports.
    outfile: join(rootDir, 'build', 'server.mjs'),
    write: false,
    metafile: true,
    sourcemap: false,
    logLevel: 'silent',
  });
  const imported = Object.values(metafile.outputs).flatMap((output) => output.imports.filter((entry) => entry.external));
  const loaded = new Set(
    [...imported.map((entry) => entry.path).filter((path) => !isBuiltin(path)), ...packagesReadAtRunTime].map(packageOf),
  );
  // pg requires its native binding inside a try, for `pg.native` only, which we never use.
  loaded.delete('pg-native');
  const { dependencies } = JSON.parse(await readFile(join(rootDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  expect(
    Object.keys(dependencies).sort(),
    "package.json's dependencies are what build/server.mjs loads from node_modules; a package built into it is a devDependency",
  ).toEqual([...loaded].sort());
}, 60_000);
