// What a production install runs. `npm ci --omit=dev` installs only the packages the server
// loads at run time (package.json's `dependencies`): none of the tools that generate and bundle
// it (Prisma's CLI, graphql-codegen, esbuild, tsx are devDependencies). So it cannot build; it
// runs what a full install built (`npm run build`, part of `npm ci`), shipped with the checkout.
// The build records the sources it was made from; a production install checks that every
// artefact is there and was made from the sources beside it — where not, it stops and says so:
// a server without its pages, or bundled from other sources than the migrations and the seed it
// applies, never starts.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The tools a full install builds with; a production install has none of them. */
const buildTools = ['prisma', '@graphql-codegen/cli', 'esbuild', 'tsx'];

export const buildToolsInstalled = () => buildTools.every((name) => existsSync(join(root, 'node_modules', name, 'package.json')));

/** What the server reads that a build makes. */
const artefacts = ['build/server.mjs', 'build/dashboard.js', 'build/editor.js', 'schema/generated/persisted-documents.json'];

/** What the artefacts are made from (the generated folders are made by the build too). */
const inputs = [
  'src',
  'prisma/schema.prisma',
  'schema/schema.graphql',
  'schema/operations',
  'codegen.ts',
  'tsconfig.json',
  'scripts',
  'package-lock.json',
];
const outputs = new Set(['src/generated']);

const record = join(root, 'build', 'built-from.json');

function filesUnder(path) {
  if (outputs.has(relative(root, path).split(sep).join('/'))) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}

/** Every input file, by its path in the checkout, with a hash of its content. */
function sources() {
  const files = inputs.flatMap((input) => (existsSync(join(root, input)) ? filesUnder(join(root, input)) : []));
  const hashOf = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
  return Object.fromEntries(files.sort().map((file) => [relative(root, file).split(sep).join('/'), hashOf(file)]));
}

/** Run by `npm run build` when everything is built: what it was built from. */
export function recordBuild() {
  writeFileSync(record, `${JSON.stringify(sources(), null, 1)}\n`);
}

/** Why a production install cannot run here, or null when it can. */
export function buildProblem() {
  const intro = 'This is a production install (`npm ci --omit=dev`): it has no build tools and runs the server a full install built.';
  const howTo =
    'Build it where the full install is (`npm ci` builds it; `npm run build` again after a change), then bring this directory here ' +
    'with build/ and schema/generated/ (without node_modules) and run `npm ci --omit=dev` again. See README.md, "Deployment".';
  const missing = [...artefacts, relative(root, record)].filter((file) => !existsSync(join(root, file)));
  if (missing.length > 0) return `${intro}\nNot built here: ${missing.join(', ')}.\n${howTo}`;
  const built = JSON.parse(readFileSync(record, 'utf8'));
  const now = sources();
  const changed = [...new Set([...Object.keys(built), ...Object.keys(now)])].filter((file) => built[file] !== now[file]).sort();
  if (changed.length === 0) return null;
  const named = changed.length > 5 ? `${changed.slice(0, 5).join(', ')} and ${changed.length - 5} more` : changed.join(', ');
  // npm's own commands other than `npm ci` may write the lockfile (`npm prune --omit=dev` does).
  const lockfile = changed.includes('package-lock.json')
    ? ' (install with `npm ci --omit=dev`: other npm commands may rewrite package-lock.json)'
    : '';
  return `${intro}\nThe build here was made from other sources; changed, added or removed since: ${named}${lockfile}.\n${howTo}`;
}
