// npm run schema:check [-- --base <git revision>]
// Lists breaking and dangerous changes of the schema in the code against the committed
// schema/schema.graphql at a revision: by default the last tag, else origin/main, else HEAD~1.
// Exits 1 when a change would break existing clients.
import { execFileSync } from 'node:child_process';
import { rootDir } from '../src/paths.js';
import { compareSchemas, printSortedSchema } from '../src/schemaArtefact.js';

const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: rootDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
const attempt = (...args: string[]) => {
  try {
    return git(...args);
  } catch {
    return null;
  }
};

function defaultBase(): string | null {
  return (
    attempt('describe', '--tags', '--abbrev=0') ??
    (attempt('rev-parse', '--verify', 'origin/main') ? 'origin/main' : null) ??
    (attempt('rev-parse', '--verify', 'HEAD~1') ? 'HEAD~1' : null)
  );
}

const baseFlag = process.argv.indexOf('--base');
const base = baseFlag >= 0 ? process.argv[baseFlag + 1] : defaultBase();
if (!base) {
  console.log('No earlier revision to compare with (no tag, no origin/main, no HEAD~1): nothing to check.');
  process.exit(0);
}
const committed = attempt('show', `${base}:schema/schema.graphql`);
if (committed === null) {
  console.log(`${base} has no schema/schema.graphql: nothing to compare with.`);
  process.exit(0);
}

const { breaking, dangerous, safe } = await compareSchemas(committed, printSortedSchema());
const list = (title: string, changes: typeof breaking) => {
  if (changes.length === 0) return;
  console.log(`\n${title} (${changes.length}):`);
  for (const change of changes) console.log(`  - ${change.message}${change.criticality.reason ? ` — ${change.criticality.reason}` : ''}`);
};
console.log(
  `Schema in the code compared with schema/schema.graphql at ${base}: ${breaking.length} breaking, ${dangerous.length} dangerous, ${safe.length} safe changes.`,
);
list('Breaking', breaking);
list('Dangerous', dangerous);
if (breaking.length > 0) {
  console.log('\nBreaking changes need a deprecation period first: see "Schema changes" in README.md.');
  process.exit(1);
}
