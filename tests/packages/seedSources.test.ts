// The seed data says only what its pages say: every value of a column that claims to be "as
// printed" is found, word for word, on the page its record names as its source
// (../shared/seeds/). Multi-line texts (addresses, office hours) are stored with their lines
// joined by ", "; each line must be on the page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readSeedPackages } from '../../src/packages/seed.js';
import { rootDir } from '../../src/paths.js';

const pagesDir = join(rootDir, '..', 'shared', 'seeds');
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
const page = (file: string) => normalise(readFileSync(join(pagesDir, file), 'utf8'));

/** Table → the columns whose description promises the text as printed (prisma/schema.prisma). */
const asPrinted: Record<string, string[]> = {
  units: ['name', 'attachedTo'],
  positions: ['title'],
  positionTasks: ['wording'],
  persons: ['salutation', 'givenName', 'familyName'],
  channels: ['printed'],
  addresses: ['printed'],
  officeHours: ['printed'],
  conceptMilestones: ['title', 'items'],
  conceptFieldsOfAction: ['label'],
  offers: ['title', 'providerName'],
  partners: ['name'],
  cooperations: ['description'],
  projects: ['name'],
  indicatorValues: ['printed'],
  documents: ['title'],
};
const joinedLines = new Set(['addresses.printed', 'officeHours.printed']);

test('every "as printed" value of the seed packages is on its source page', () => {
  const missing: string[] = [];
  for (const { file, content } of readSeedPackages()) {
    for (const source of content.tables.sources ?? []) {
      if (source.kind === 'WEB_PAGE' && !page(String(source.id)).includes(normalise(String(source.title)))) {
        missing.push(`${file} sources ${String(source.id)} title: ${String(source.title)}`);
      }
    }
    for (const [table, columns] of Object.entries(asPrinted)) {
      for (const row of content.tables[table] ?? []) {
        const text = page(String(row.sourceId));
        for (const column of columns) {
          const values = ([] as unknown[]).concat(row[column] ?? []).map(String);
          const parts = joinedLines.has(`${table}.${column}`) ? values.flatMap((value) => value.split(', ')) : values;
          for (const part of parts)
            if (!text.includes(normalise(part))) missing.push(`${file} ${table} ${String(row.id)} ${column}: ${part}`);
        }
      }
    }
  }
  expect(missing).toEqual([]);
});
