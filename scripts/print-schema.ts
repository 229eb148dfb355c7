// npm run schema:print — writes the published schemas from the code: schema/schema.graphql
// (the API) and schema/package.schema.json (the data package format).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageJsonSchema } from '../src/packages/format.js';
import { rootDir } from '../src/paths.js';
import { printSortedSchema } from '../src/schemaArtefact.js';

for (const [file, text] of [
  ['schema.graphql', printSortedSchema()],
  ['package.schema.json', packageJsonSchema()],
] as const) {
  const target = join(rootDir, 'schema', file);
  await writeFile(target, text);
  console.log(`Wrote ${target}`);
}
