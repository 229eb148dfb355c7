// npm run bench:workbook — what reading an uploaded workbook costs (src/packages/workbook/read.ts),
// and that hostile files are refused within bounds: a district's real workbook, the largest one
// accepted (25,000 rows), a zip bomb (100 MB of zeros in a 100 KB file), a million rows and a
// merged range over a whole sheet (which a parser would expand cell by cell). Each
// file is read in a process of its own, so its peak memory is its own. Writes bench/WORKBOOK.md.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openDatabase } from '../src/db/client.js';
import { applyMigrations } from '../src/db/migrations.js';
import { seed } from '../src/packages/seed.js';
import { readWorkbook } from '../src/packages/workbook/read.js';
import { districtWorkbook } from '../src/packages/workbook/write.js';
import { rootDir } from '../src/paths.js';
import { Problems } from '../src/writes/problems.js';
import { appendRow, edited, partsOf, zipOf } from '../tests/support/workbooks.js';

interface Measured {
  outcome: string;
  readMs: number;
  /** Peak resident memory of the process, and before the file was read (modules loaded). */
  peakMb: number;
  baseMb: number;
}

/** In the child: reads one file and reports. */
async function readOne(file: string): Promise<Measured> {
  const bytes = await readFile(file);
  await import('exceljs'); // loaded before the baseline: every server that reads a workbook has it
  const baseMb = process.resourceUsage().maxRSS / 1024;
  const started = performance.now();
  const problems = new Problems();
  const read = await readWorkbook(bytes, '16065', problems);
  const readMs = performance.now() - started;
  const outcome = read
    ? `read: ${Object.values(read.dataPackage.tables)
        .reduce((sum, rows) => sum + rows.length, 0)
        .toLocaleString('en')} rows`
    : `refused: ${problems.issues[0]?.message.slice(0, 60)}…`;
  return { outcome, readMs, peakMb: process.resourceUsage().maxRSS / 1024, baseMb };
}

async function files(directory: string): Promise<Record<string, string>> {
  const database = await openDatabase({});
  await applyMigrations(database.adapterFactory);
  await seed(database.client);
  const real = (await districtWorkbook(database.client, '16065', new Date()))!;
  await database.close();
  const largest = await edited(real, (workbook) => {
    const offers = workbook.getWorksheet('Angebote')!;
    for (let index = 0; index < 24_000; index++)
      appendRow(offers, {
        id: `bulk-${index}`,
        title: `Kurs ${index}`,
        category: 'LANGUAGE_COURSE',
        description: 'Deutsch',
        online: false,
        sourceId: 'x',
      });
  });
  const parts = partsOf(real);
  const sheet = Object.keys(parts).find((name) => name.startsWith('xl/worksheets/sheet'))!;
  const rows = Array.from({ length: 1_000_000 }, (_, index) => `<row r="${index + 1}"/>`).join('');
  const cases: Record<string, Buffer> = {
    'Kyffhäuserkreis as exported': real,
    'largest accepted (24,000 offers added)': largest,
    'zip bomb (100 MB of zeros inside)': zipOf({ ...parts, 'xl/media/image1.png': Buffer.alloc(100 * 1024 * 1024) }),
    'a million rows': zipOf({ ...parts, [sheet]: `<worksheet><sheetData>${rows}</sheetData></worksheet>` }),
    'one merged range over the whole sheet': zipOf({
      ...parts,
      [sheet]: parts[sheet]!.toString().replace(
        '</sheetData>',
        '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
      ),
    }),
  };
  const written: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(cases)) {
    written[name] = join(directory, `${Object.keys(written).length}.xlsx`);
    await writeFile(written[name]!, bytes);
  }
  return written;
}

async function main() {
  const directory = await mkdtemp(join(tmpdir(), 'integrationsgraph-bench-workbook-'));
  try {
    const lines = [
      '# Reading uploaded workbooks',
      '',
      `\`npm run bench:workbook\`, ${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}.`,
      'Each file is read by `readWorkbook` in a process of its own (the ZIP checks of `archive.ts`, then exceljs);',
      'peak is the process’s maximum resident memory, base the same before the file was read (modules loaded).',
      '',
      '| file | size | outcome | reading | base | peak |',
      '|---|---|---|---|---|---|',
    ];
    for (const [name, file] of Object.entries(await files(directory))) {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', join(rootDir, 'bench/workbook.ts'), '--read', file],
        {
          maxBuffer: 1024 * 1024,
        },
      );
      const measured = JSON.parse(stdout.trim().split('\n').at(-1)!) as Measured;
      const size = (await readFile(file)).length;
      lines.push(
        `| ${name} | ${(size / 1024).toFixed(0)} KB | ${measured.outcome} | ${measured.readMs.toFixed(0)} ms | ${measured.baseMb.toFixed(0)} MB | ${measured.peakMb.toFixed(0)} MB |`,
      );
      console.log(lines.at(-1));
    }
    await writeFile(join(rootDir, 'bench/WORKBOOK.md'), `${lines.join('\n')}\n`);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

const readIndex = process.argv.indexOf('--read');
if (readIndex > 0) console.log(JSON.stringify(await readOne(process.argv[readIndex + 1]!)));
else await main();
