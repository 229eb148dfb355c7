// The production install (README, "Deployment") for real, without the network: a copy of this
// checkout is built as on the build machine, given only the packages `npm ci --omit=dev`
// installs (package-lock.json's, without the dev ones, linked from this install) and started
// from its bundle as `npm start` does, on a new database — migrations, seed, pages, GraphiQL and
// a spreadsheet; PGlite here, a scratch database in the PostgreSQL suite. A build that is not
// there, or was made from other sources, stops the install and the start with the reason.
// (That `dependencies` are what the bundle loads: productionDependencies.test.ts.)
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, cp, link, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, test } from 'vitest';
import { rootDir } from '../../src/paths.js';
import { processDatabaseEnv, startServerProcess } from '../support/serverProcess.js';

const databaseEnv = await processDatabaseEnv('production');
const scratch = await mkdtemp(join(tmpdir(), 'integrationsgraph-production-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** A hard link, as cheap as the files are many; a copy where the temporary folder is on another disk. */
const linkFile = (source: string, target: string) =>
  link(source, target).catch((error: NodeJS.ErrnoException) => (error.code === 'EXDEV' ? copyFile(source, target) : Promise.reject(error)));

/** Links a package's files (not its node_modules: those are lockfile entries of their own). */
async function linkPackage(from: string, to: string, packageRoot = true): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (packageRoot && entry.name === 'node_modules') continue;
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) await linkPackage(source, target, false);
    else if (entry.isSymbolicLink()) await symlink(await readlink(source), target);
    else await linkFile(source, target);
  }
}

/** node_modules as `npm ci --omit=dev` leaves it: every package of the lockfile that is not dev-only. */
async function productionNodeModules(dir: string): Promise<void> {
  const lockfile = JSON.parse(await readFile(join(rootDir, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; link?: boolean; optional?: boolean }>;
  };
  for (const [path, entry] of Object.entries(lockfile.packages)) {
    if (!path.startsWith('node_modules/') || entry.dev || entry.link) continue;
    // An optional package for another platform is absent here, as it would be there.
    if (existsSync(join(rootDir, path))) await linkPackage(join(rootDir, path), join(dir, path));
    else expect(entry.optional, `${path} is not installed`).toBe(true);
  }
}

test('a production install starts from the build: migrations, seed, pages, GraphiQL, a spreadsheet', async () => {
  const run = (dir: string, ...args: string[]) => promisify(execFile)(process.execPath, args, { cwd: dir });
  // The build machine: a copy of this checkout with the full install; `npm run build` makes what is
  // not current yet (here, as a rule, only the pages and the typed documents, which it always makes).
  const checkout = join(scratch, 'checkout');
  const left = ['node_modules', '.data', '.git', 'coverage', 'test-output'];
  await cp(rootDir, checkout, {
    recursive: true,
    preserveTimestamps: true,
    filter: (source) => !left.includes(relative(rootDir, source).split('/')[0]!),
  });
  await symlink(join(rootDir, 'node_modules'), join(checkout, 'node_modules'));
  try {
    await run(checkout, 'scripts/build.mjs');
  } finally {
    await unlink(join(checkout, 'node_modules'));
  }
  // The production machine: the same directory, with the production install.
  await productionNodeModules(checkout);
  expect((await run(checkout, 'scripts/build.mjs', '--install')).stdout).toContain('Production install');
  await run(checkout, 'scripts/prestart.mjs');

  const server = await startServerProcess(databaseEnv, {
    cwd: checkout,
    args: ['--heap-growing-percent=20', '--enable-source-maps', 'build/server.mjs'],
  });
  try {
    const log = server.log.join('\n');
    expect(log).toContain('"applied":["20261122210232_init"');
    expect(log).toContain('seed package loaded');
    expect(log).not.toContain('no persisted documents');
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ districts(first: 3) { totalCount } }' }),
    });
    expect(await response.json()).toEqual({ data: { districts: { totalCount: 35 } } });
    const origin = new URL(server.url).origin;
    expect(await (await fetch(server.url, { headers: { accept: 'text/html' } })).text()).toContain('Integrationsgraph');
    for (const page of ['/editor', '/editor/editor.js', '/editor/kern/kern.min.css', '/dashboard']) {
      expect((await fetch(`${origin}${page}`)).status, page).toBe(200);
    }
    const workbook = await fetch(`${origin}/export/fields-of-action.xlsx?state=TH`);
    expect(workbook.status).toBe(200);
    expect(
      Buffer.from(await workbook.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  } finally {
    expect(await server.stop()).toBe(0);
  }

  // Sources changed after the build, or a build not there: the install and the start say so and stop.
  await writeFile(join(checkout, 'src', 'changed.ts'), 'export const changed = true;\n');
  await expect(run(checkout, 'scripts/prestart.mjs')).rejects.toMatchObject({
    stderr: expect.stringContaining('changed, added or removed since: src/changed.ts.'),
  });
  await rm(join(checkout, 'src', 'changed.ts'));
  await rm(join(checkout, 'build', 'editor.js'));
  await expect(run(checkout, 'scripts/build.mjs', '--install')).rejects.toMatchObject({
    stderr: expect.stringContaining('Not built here: build/editor.js'),
  });
}, 120_000);
