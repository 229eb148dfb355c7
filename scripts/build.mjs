// `npm run build`: everything the server runs from that is not in the repository — the Prisma
// client and the typed documents (generated), the pages' browser code and the server (bundled),
// and the record of the sources they were made from (scripts/built.mjs). Each step skips what is
// current where it can.
//
// `--install` is `npm install`/`npm ci`'s last step (postinstall): a full install builds, then
// prepares the embedded database new data directories are copied from; a production install
// (`npm ci --omit=dev`, no build tools) checks the build it was given instead, and fails, saying
// why, where there is none or it was made from other sources.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildProblem, buildToolsInstalled, recordBuild } from './built.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const install = process.argv.includes('--install');

if (!buildToolsInstalled()) {
  const problem = buildProblem();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  if (install) {
    console.log('Production install: `npm start` runs the server built with these sources (build/server.mjs).');
    process.exit(0);
  }
  console.error('`npm run build` needs the build tools, which are devDependencies: run `npm ci` (not `--omit=dev`) first.');
  process.exit(1);
}

/** Runs a command of node_modules/.bin in the checkout, as npm runs scripts; stops the build if it fails. */
function run(command, ...args) {
  const env = { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH}` };
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, 'scripts/prisma-generate.mjs');
run('graphql-codegen', '--config', 'codegen.ts', '--silent');
run(process.execPath, 'scripts/build-pages.mjs');
run(process.execPath, 'scripts/build-server.mjs');
recordBuild();
if (install) run('tsx', 'scripts/prepare-database.ts');
