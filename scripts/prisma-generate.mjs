// `prisma generate` that works offline. The CLI refuses to run without a native schema
// engine, although generating the client never uses it. Where a real engine is present
// (PRISMA_SCHEMA_ENGINE_BINARY set, or downloaded by @prisma/engines) it is used as usual;
// otherwise the CLI is pointed at a stand-in that fails loudly if anything calls it.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function downloadedEngine() {
  try {
    const enginesDir = dirname(createRequire(import.meta.url).resolve('@prisma/engines/package.json'));
    return readdirSync(enginesDir).some((name) => name.startsWith('schema-engine'));
  } catch {
    return false;
  }
}

// Generators such as prisma-pothos-types are found on PATH, as under `npx`.
const env = { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH}` };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !downloadedEngine()) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = join(root, 'scripts', 'no-schema-engine.sh');
}
const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
const result = spawnSync(process.execPath, [prismaCli, 'generate', ...process.argv.slice(2)], {
  cwd: root,
  env,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
