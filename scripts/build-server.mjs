// Bundles the server (src/main.ts, our modules and the packages they use) into
// build/server.mjs, which `npm start` runs: plain JavaScript starts faster and in less memory
// than compiling TypeScript at every start (first answer 2.1 s instead of 3.3 s, 300 MB instead
// of 415 MB resident, bench/REPORT.md), and one file loads faster than the ~1,500 modules of
// node_modules it replaces (0.6 s less to the open database). What it leaves out, and loads from
// node_modules at run time, is said with the bundle's options (scripts/server-bundle.mjs).
// Skipped when the bundle is newer than every source file; written elsewhere and renamed, so
// that two starts at once never read half a file.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverBundleOptions } from './server-bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'build', 'server.mjs');

function newestChange(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sources = Math.max(newestChange(join(root, 'src')), statSync(join(root, 'package-lock.json')).mtimeMs);
if (process.argv.includes('--force') || !existsSync(outfile) || statSync(outfile).mtimeMs < sources) {
  const temporary = join(root, 'build', `.server-${process.pid}`);
  // Loaded only to build: a start with a current bundle does not pay for it.
  const { build } = await import('esbuild');
  await build({ ...serverBundleOptions(root), outfile: join(temporary, 'server.mjs') });
  renameSync(join(temporary, 'server.mjs.map'), `${outfile}.map`);
  renameSync(join(temporary, 'server.mjs'), outfile);
  rmSync(temporary, { recursive: true });
}
