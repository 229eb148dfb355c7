// npm run schema:print — writes schema/schema.graphql from the code.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { rootDir } from '../src/paths.js';
import { printSortedSchema } from '../src/schemaArtefact.js';

const target = join(rootDir, 'schema', 'schema.graphql');
await writeFile(target, printSortedSchema());
console.log(`Wrote ${target}`);
