// npm run bench:overload — tails and fairness under overload (issue 27, §2): the API on
// PostgreSQL as `npm start` runs it, with cost-bounded admission (src/http/admission.ts) on and
// off. An open-loop load (requests sent at a fixed rate, whenever the last one returns: a closed
// loop such as autocannon's slows down with the server and hides its queue) of the widget's
// contact card (persisted GETs, as the widget sends them) at a steady rate, mixed with the
// dashboard's comparisons (CompareDistricts over the whole seed, CompareState) at rising rates,
// then at twice the highest rate held, then back at that rate (recovery). Latency is measured
// from the moment a request was due, so a late sender does not hide a slow server. The response
// cache is off: a cached contact card never reaches the execution, so only uncached it competes
// with the comparisons. Needs POSTGRES_TEST_URL; writes the section "Overload" of bench/REPORT.md.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import { openDatabase } from '../src/db/client.js';
import { applyMigrations } from '../src/db/migrations.js';
import { persistedDocumentsFile } from '../src/http/persistedOperations.js';
import { seed } from '../src/packages/seed.js';
import { rootDir } from '../src/paths.js';
import { schema } from '../src/schema.js';
import { createScratchDatabase } from '../tests/support/postgres.js';
import { type Loaded, ms, openLoop, percentile, type Stream, send, withSection } from './openLoop.js';
import { type BenchServer, startApi } from './servers.js';

const adminUrl = process.env.POSTGRES_TEST_URL;
if (!adminUrl) throw new Error('Set POSTGRES_TEST_URL (a PostgreSQL the benchmark may create databases on).');
const stepSeconds = Number(process.env.BENCH_SECONDS ?? 8);
const contactCardsPerSecond = 50;
const comparisonRates = [20, 40, 60, 80, 100, 120, 140];
/** What a rate must meet to count as held (issue 27, §1): the contact card's p99 within 100 ms, and no errors. */
const heldP99Ms = 100;

interface Figures {
  step: string;
  comparisonsPerSecond: number;
  card: { p50: number; p99: number };
  comparison: { p50: number; p99: number; served: number };
  overloaded: number;
  overloadedP99: number;
  otherErrors: number;
}

function figuresOf(step: string, comparisonsPerSecond: number, { samples }: Loaded): Figures {
  const ok = (kind: string) => samples.filter((s) => s.kind === kind && s.status === 200).map((s) => s.ms);
  const overloaded = samples.filter((s) => s.code === 'OVERLOADED');
  const cards = ok('contact card');
  const comparisons = ok('comparison');
  return {
    step,
    comparisonsPerSecond,
    card: { p50: percentile(cards, 50), p99: percentile(cards, 99) },
    comparison: { p50: percentile(comparisons, 50), p99: percentile(comparisons, 99), served: comparisons.length },
    overloaded: overloaded.length,
    overloadedP99: percentile(
      overloaded.map((s) => s.ms),
      99,
    ),
    otherErrors: samples.filter((s) => s.status !== 200 && s.code !== 'OVERLOADED').length,
  };
}

const held = (figures: Figures) => figures.card.p99 <= heldP99Ms && figures.overloaded + figures.otherErrors === 0;

execFileSync(process.execPath, [join(rootDir, 'scripts', 'build-server.mjs')], { stdio: 'inherit' });
const scratch = await createScratchDatabase(adminUrl);
const db = await openDatabase({ databaseUrl: scratch.url, poolSize: 2 });
await applyMigrations(db.adapterFactory);
await seed(db.client);
const districts = (await db.client.district.findMany({ select: { id: true } })).map((district) => district.id);
await db.client.$executeRawUnsafe('ANALYZE');
await db.close();

const trusted: Record<string, string> = JSON.parse(await readFile(persistedDocumentsFile, 'utf8'));
const hashOf = (name: string) => Object.entries(trusted).find(([, text]) => text.startsWith(`query ${name}(`))![0];
/** The cost admission weighs an operation by (queryLimits.ts). */
const costOf = (name: string, variables: Record<string, unknown>) =>
  complexityFromQuery(trusted[hashOf(name)]!, { schema, variables }).complexity.toLocaleString('en');
const persisted = (base: string, name: string, variables: Record<string, unknown>) =>
  `${base}?${new URLSearchParams({
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hashOf(name) } }),
    variables: JSON.stringify(variables),
  })}`;

function streams(base: string, comparisonsPerSecond: number): Stream[] {
  return [
    {
      kind: 'contact card',
      perSecond: contactCardsPerSecond,
      send: (i) => send(persisted(base, 'ContactCard', { ags: districts[i % districts.length] })),
    },
    {
      kind: 'comparison',
      perSecond: comparisonsPerSecond,
      send: (i) =>
        send(
          i % 2
            ? persisted(base, 'CompareState', { state: i % 4 === 1 ? 'TH' : 'SN' })
            : persisted(base, 'CompareDistricts', { first: 35 }),
        ),
    },
  ];
}

const settings = {
  'admission on (defaults)': {},
  'admission off': { ADMISSION_COST_IN_FLIGHT: '0' },
} as const;
type Setting = keyof typeof settings;
const results = new Map<Setting, Figures[]>(Object.keys(settings).map((setting) => [setting as Setting, []]));
let overloadRate = 0;
// Both servers run at once (the one not loaded idles); each step loads one, then the other, so
// that the other work on the machine falls on both alike.
const apis = new Map<Setting, BenchServer>();
try {
  for (const [setting, env] of Object.entries(settings) as [Setting, Record<string, string>][])
    apis.set(setting, await startApi({ DATABASE_URL: scratch.url, SEED_ON_START: 'false', RESPONSE_CACHE_TTL_MS: '0', ...env }));
  for (const api of apis.values()) await openLoop(streams(api.url, comparisonRates[1]!), 5); // warm-up, unrecorded
  for (const rate of comparisonRates)
    for (const [setting, api] of apis) {
      results.get(setting)!.push(figuresOf('rising', rate, await openLoop(streams(api.url, rate), stepSeconds)));
      console.log(setting, results.get(setting)!.at(-1));
    }
  const highestHeld = Math.max(
    0,
    ...results
      .get('admission on (defaults)')!
      .filter(held)
      .map((row) => row.comparisonsPerSecond),
  );
  // Twice the rate admission held (the lowest rate, where it held none), for both settings alike;
  // then back at that rate at once.
  overloadRate = 2 * (highestHeld || comparisonRates[0]!);
  const overloadStep = highestHeld ? '2× the highest held' : '2× the lowest (none held)';
  for (const [setting, api] of apis) {
    const overload = openLoop(streams(api.url, overloadRate), stepSeconds);
    // The recovery starts as the overload's sending ends, its answers still outstanding.
    await new Promise((resolve) => setTimeout(resolve, stepSeconds * 1000));
    const recovery = openLoop(streams(api.url, overloadRate / 2), 5);
    const rows = results.get(setting)!;
    rows.push(figuresOf(overloadStep, overloadRate, await overload));
    rows.push(figuresOf('recovery (next 5 s)', overloadRate / 2, await recovery));
    console.log(setting, rows.at(-2), rows.at(-1));
  }
} finally {
  for (const api of apis.values()) await api.stop();
  await scratch.drop();
}

const table = (rows: Figures[]) =>
  [
    '| step | comparisons/s sent | card p50 ms | card p99 ms | card p99/p50 | comparisons served | comparison p50 ms | comparison p99 ms | 503 OVERLOADED | 503 p99 ms | other errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.step}${r.step === 'rising' && held(r) ? ' (held)' : ''} | ${r.comparisonsPerSecond} | ${ms(r.card.p50)} | ${ms(r.card.p99)} | ${(r.card.p99 / r.card.p50).toFixed(1)} | ${r.comparison.served} | ${ms(r.comparison.p50)} | ${ms(r.comparison.p99)} | ${r.overloaded} | ${ms(r.overloadedP99)} | ${r.otherErrors} |`,
    ),
  ].join('\n');

/** What the figures say against issue 27's goals, for one setting. */
function judged(setting: string, rows: Figures[]): string {
  const rising = rows.filter((row) => row.step === 'rising');
  const highest = rising.filter(held).at(-1);
  const [overload, recovery] = rows.slice(-2) as [Figures, Figures];
  const atHighest = highest
    ? `held up to ${highest.comparisonsPerSecond} comparisons/s, where the contact card's p99 was ${ms(highest.card.p99)} ms, ${(highest.card.p99 / highest.card.p50).toFixed(1)}× its p50`
    : 'held no rate of the series';
  return `- ${setting}: ${atHighest}; at ${overload.comparisonsPerSecond}/s ${overload.overloaded} comparisons were answered 503 (p99 ${ms(overload.overloadedP99)} ms), ${overload.otherErrors} failed otherwise, the contact card's p99 was ${ms(overload.card.p99)} ms; in the 5 s after, ${recovery.overloaded} were answered 503 and ${recovery.otherErrors} failed otherwise, the comparisons' p99 was ${ms(recovery.comparison.p99)} ms.`;
}

const section = `## Overload: tails and fairness (\`npm run bench:overload\`)

\`bench/overload.ts\`, run ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB,
Node ${process.version}, PostgreSQL on loopback. The machine is shared with other work and the load generator runs on
it too: the figures are indicative, not a capacity statement. The API as \`npm start\` runs it (pool of 10, seed data:
35 districts, 4 with data), response cache off (a cached contact card never reaches the execution), once with
admission's defaults (\`ADMISSION_COST_IN_FLIGHT\` 40,000, \`ADMISSION_CHEAP_BELOW_COST\` 15,000, queue 16, wait 5 s)
and once with \`ADMISSION_COST_IN_FLIGHT=0\`. Open loop: the contact card (persisted GET, one district after the
other; cost ${costOf('ContactCard', { ags: '16065' })}) at ${contactCardsPerSecond}/s throughout, and comparisons (persisted GETs,
alternately CompareDistricts over all 35 districts, cost ${costOf('CompareDistricts', { first: 35 })}, and CompareState of Thüringen
or Sachsen, ${costOf('CompareState', { state: 'TH' })}) at the rate in the table, ${stepSeconds} s a step, each step on one server and then the other (both run throughout); latency from each request's due time, until its answer (the server's request
timeout is 30 s). "Held": the contact card's p99 ≤ ${heldP99Ms} ms and no error. Then ${stepSeconds} s at
${overloadRate} comparisons/s (twice the highest rate held with admission, or the lowest rate where it held none), and at once back at half that rate for
5 s (recovery: its requests are sent while the overload's are still being answered).

${[...results].map(([setting, rows]) => judged(setting, rows)).join('\n')}

${[...results].map(([setting, rows]) => `### ${setting}\n\n${table(rows)}`).join('\n\n')}
`;

const reportFile = join(rootDir, 'bench', 'REPORT.md');
const report = await readFile(reportFile, 'utf8').catch(() => '# Benchmark report\n');
await writeFile(reportFile, withSection(report, '## Overload', section));
console.log(section);
process.exit(0);
