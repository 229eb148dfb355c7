// `prisma generate` that works offline. The CLI refuses to run without a native schema
// engine, although generating the client never uses it. Where a real engine is present
// (PRISMA_SCHEMA_ENGINE_BINARY set, or downloaded by @prisma/engines) it is used as usual;
// otherwise the CLI is pointed at a stand-in that fails loudly if anything calls it.
//
// What it generates depends only on prisma/schema.prisma, the generators and Prisma's version:
// when those are as at the last run (a hash beside the output), it does nothing — `npm start`
// then starts without the 2.5 s `prisma generate` costs. `--force` generates anyway.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

const inputs = [
  readFileSync(join(root, 'prisma', 'schema.prisma')),
  readFileSync(join(root, 'scripts', 'datamodel-generator.mjs')),
  readFileSync(join(root, 'node_modules', 'prisma', 'package.json')),
  readFileSync(join(root, 'node_modules', '@pothos', 'plugin-prisma', 'package.json')),
];
const fingerprint = createHash('sha256').update(inputs.join('\0')).digest('hex');
const fingerprintFile = join(root, 'src', 'generated', '.inputs-sha256');
const outputs = ['prisma/client.ts', 'pothos-prisma-types.ts', 'datamodel.ts'].map((file) => join(root, 'src', 'generated', file));
const force = process.argv.includes('--force');
const current = !force && outputs.every(existsSync) && existsSync(fingerprintFile) && readFileSync(fingerprintFile, 'utf8') === fingerprint;
if (!current) generate();

function generate() {
  // Generators such as prisma-pothos-types are found on PATH, as under `npx`.
  const env = { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH}` };
  if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !downloadedEngine()) {
    env.PRISMA_SCHEMA_ENGINE_BINARY = join(root, 'scripts', 'no-schema-engine.sh');
  }
  const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  const result = spawnSync(process.execPath, [prismaCli, 'generate', ...process.argv.slice(2).filter((arg) => arg !== '--force')], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(fingerprintFile, fingerprint);
}
