// npm run bench — the API side by side with PostGraphile 5 on the same PostgreSQL and data, and
// with a bare node:http server answering the same bytes; on the embedded database too; SQL
// statements per request for 4, 100 and 400 districts; peak memory; time to the first answer.
// Every server is a process of its own; autocannon loads them in interleaved rounds from here,
// on loopback only. Needs POSTGRES_TEST_URL for everything but the embedded figures. Writes
// bench/REPORT.md.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startGateway } from '../examples/gateway/gateway.js';
import { openDatabase, useDatabase } from '../src/db/client.js';
import { applyMigrations } from '../src/db/migrations.js';
import { startServer } from '../src/http/server.js';
import { seed } from '../src/packages/seed.js';
import { rootDir } from '../src/paths.js';
import { createScratchDatabase } from '../tests/support/postgres.js';
import { addSyntheticDistricts } from './growth.js';
import { type BenchServer, postgraphileInstalled, startApi, startBareServer, startPostGraphile } from './servers.js';
import { startStatementCounter } from './statementCounter.js';
import { type Workload, workloads } from './workloads.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
/** Unrecorded load before each comparison: both sides' code optimised, their statements prepared. */
const warmUpSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const connectionCounts = [10, 50];
const poolSize = 10;
const postgresAdminUrl = process.env.POSTGRES_TEST_URL;

interface Load {
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(request: autocannon.Options, duration = seconds): Promise<Load> {
  const result = await autocannon({ duration, ...request });
  return {
    perSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function warmedLoad(request: autocannon.Options): Promise<Load> {
  await load(request, warmUpSeconds);
  return load(request);
}

const post = (url: string, workload: Workload, connections: number, side: 'ours' | 'postgraphile'): autocannon.Options => ({
  url,
  method: 'POST',
  connections,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: workload[side].query, variables: workload[side].variables }),
});

const mean = (values: number[]) => Math.round(values.reduce((sum, value) => sum + value, 0) / values.length);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Rounds of `a` and `b` in turn, so that drift on the machine falls on both alike; after a warm-up of each. */
async function interleaved(a: (duration?: number) => Promise<Load>, b: (duration?: number) => Promise<Load>): Promise<[Load, Load]> {
  await a(warmUpSeconds);
  await b(warmUpSeconds);
  const [first, second]: Load[][] = [[], []];
  for (let round = 0; round < rounds; round++) {
    first.push(await a());
    second.push(await b());
  }
  const summary = (loads: Load[]): Load => ({
    perSecond: mean(loads.map((l) => l.perSecond)),
    p50: median(loads.map((l) => l.p50)),
    p99: median(loads.map((l) => l.p99)),
    errors: loads.reduce((sum, l) => sum + l.errors, 0),
  });
  return [summary(first), summary(second)];
}

async function graphql(url: string, query: string, variables: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`${url}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Both servers answer the same facts before either is measured. */
async function verifySameFacts(ours: string, theirs: string, workload: Workload) {
  const [a, b] = [
    workload.facts.ours(await graphql(ours, workload.ours.query, workload.ours.variables)),
    workload.facts.postgraphile(await graphql(theirs, workload.postgraphile.query, workload.postgraphile.variables)),
  ];
  if (JSON.stringify(a) !== JSON.stringify(b))
    throw new Error(`${workload.name}: the two servers answer different facts:\n${JSON.stringify(a)}\n${JSON.stringify(b)}`);
}

/** A database of `districts` districts with data (the seed's four, and synthetic copies). */
async function prepareDatabase(adminUrl: string, districts: number) {
  const scratch = await createScratchDatabase(adminUrl);
  const db = await openDatabase({ databaseUrl: scratch.url, poolSize: 2 });
  await applyMigrations(db.adapterFactory);
  await seed(db.client);
  await addSyntheticDistricts(db.client, districts);
  // Statistics for the planner, as autovacuum would gather them a little later.
  await db.client.$executeRawUnsafe('ANALYZE');
  await db.close();
  return scratch;
}

/** SQL statements one request costs: the fewest of three (a server may read the change feed meanwhile). */
async function statementsPerRequest(counter: { statements(): number }, url: string, query: string, variables: unknown) {
  await graphql(url, query, variables); // warm: prepared statements, caches of the schema
  const counts = [];
  for (let i = 0; i < 3; i++) {
    const before = counter.statements();
    await graphql(url, query, variables);
    await new Promise((resolve) => setTimeout(resolve, 50));
    counts.push(counter.statements() - before);
  }
  return Math.min(...counts);
}

interface GrowthRow {
  districts: number;
  workload: string;
  ours: number;
  postgraphile: number | null;
  oursPerSecond: number;
  postgraphilePerSecond: number | null;
}

/** Statements per request and throughput at each size, the comparison's page at 100 districts. */
async function growthSeries(adminUrl: string, withPostgraphile: boolean): Promise<GrowthRow[]> {
  const rows: GrowthRow[] = [];
  for (const districts of [4, 100, 400]) {
    const scratch = await prepareDatabase(adminUrl, districts);
    const counter = await startStatementCounter('127.0.0.1', Number(new URL(adminUrl).port || 5432));
    const ours = await startApi({ DATABASE_URL: counter.url(scratch.url), RESPONSE_CACHE_TTL_MS: '0', SEED_ON_START: 'false' });
    const theirs = withPostgraphile ? await startPostGraphile(counter.url(scratch.url), poolSize) : null;
    try {
      for (const workload of workloads({ comparePage: 100 })) {
        if (theirs) await verifySameFacts(ours.url, theirs.url, workload);
        const oursCount = await statementsPerRequest(counter, ours.url, workload.ours.query, workload.ours.variables);
        const theirCount = theirs
          ? await statementsPerRequest(counter, theirs.url, workload.postgraphile.query, workload.postgraphile.variables)
          : null;
        const [oursLoad, theirLoad] = theirs
          ? await interleaved(
              (duration) => load(post(ours.url, workload, 10, 'ours'), duration),
              (duration) => load(post(theirs.url, workload, 10, 'postgraphile'), duration),
            )
          : [await warmedLoad(post(ours.url, workload, 10, 'ours')), null];
        rows.push({
          districts,
          workload: workload.name,
          ours: oursCount,
          postgraphile: theirCount,
          oursPerSecond: oursLoad.perSecond,
          postgraphilePerSecond: theirLoad?.perSecond ?? null,
        });
        console.log(rows.at(-1));
      }
    } finally {
      await ours.stop();
      await theirs?.stop();
      await counter.close();
      await scratch.drop();
    }
  }
  return rows;
}

interface SideBySideRow {
  workload: string;
  connections: number;
  ours: Load;
  postgraphile: Load | null;
}

interface CachedRow {
  scenario: string;
  connections: number;
  cached: Load;
  ceiling: Load;
}

interface Memory {
  server: string;
  /** Under the uncached and cached loads. */
  peakMiB: number;
  /** After the further scenarios too. */
  peakAfterAllMiB: number;
  startedInMs: number;
}

/** Uncached throughput against PostGraphile, and the cached path against the bare ceiling, on the seed data. */
async function sideBySide(adminUrl: string, withPostgraphile: boolean) {
  const scratch = await prepareDatabase(adminUrl, 4);
  const servers: [string, BenchServer][] = [];
  const started = async (name: string, server: Promise<BenchServer>) => {
    servers.push([name, await server]);
    return servers.at(-1)![1];
  };
  try {
    const uncached = await started(
      'API, uncached (PostgreSQL)',
      startApi({ DATABASE_URL: scratch.url, RESPONSE_CACHE_TTL_MS: '0', SEED_ON_START: 'false' }),
    );
    const cached = await started('API, response cache (PostgreSQL)', startApi({ DATABASE_URL: scratch.url, SEED_ON_START: 'false' }));
    const theirs = withPostgraphile ? await started('PostGraphile 5.1.5 (PostgreSQL)', startPostGraphile(scratch.url, poolSize)) : null;
    const side: SideBySideRow[] = [];
    for (const connections of connectionCounts)
      for (const workload of workloads({ comparePage: 20 })) {
        if (theirs) await verifySameFacts(uncached.url, theirs.url, workload);
        const [ours, postgraphile] = theirs
          ? await interleaved(
              (duration) => load(post(uncached.url, workload, connections, 'ours'), duration),
              (duration) => load(post(theirs.url, workload, connections, 'postgraphile'), duration),
            )
          : [await warmedLoad(post(uncached.url, workload, connections, 'ours')), null];
        side.push({ workload: workload.name, connections, ours, postgraphile });
        console.log(side.at(-1));
      }

    const contactCard = workloads({ comparePage: 20 }).find((workload) => workload.name === 'ContactCard')!;
    const widgetGet = `${cached.url}?query=${encodeURIComponent(contactCard.ours.query)}&variables=${encodeURIComponent(JSON.stringify(contactCard.ours.variables))}`;
    const answer = await fetch(widgetGet);
    const ceiling = await started(
      'bare node:http',
      startBareServer(
        Buffer.from(await answer.arrayBuffer()),
        Object.fromEntries([...answer.headers].filter(([name]) => !['content-length', 'connection', 'keep-alive', 'date'].includes(name))),
      ),
    );
    const cachedRows: CachedRow[] = [];
    for (const connections of connectionCounts) {
      for (const [scenario, request] of [
        ['ContactCard, GET (the widget), response cache', { url: widgetGet }],
        ['ContactCard, POST, response cache', post(cached.url, contactCard, connections, 'ours')],
      ] as const) {
        const [cachedLoad, ceilingLoad] = await interleaved(
          (duration) => load({ ...request, connections }, duration),
          // The same request (address, method, body) sent to the bare server.
          (duration) =>
            load(
              { ...request, url: ceiling.url + request.url.slice(request.url.indexOf('/graphql') + '/graphql'.length), connections },
              duration,
            ),
        );
        cachedRows.push({ scenario, connections, cached: cachedLoad, ceiling: ceilingLoad });
        console.log(cachedRows.at(-1));
      }
    }
    // The goal's figure is the peak under the workloads above; the exports and the whole-state
    // comparison below load more (ExcelJS among them), and their peak is shown beside it.
    const peaksUnderLoad = new Map<string, number>();
    for (const [server, running] of servers) peaksUnderLoad.set(server, await running.peakRssMiB());
    const extras = await furtherScenarios(uncached.url, cached.url);
    const memory: Memory[] = [];
    for (const [server, running] of servers)
      memory.push({
        server,
        peakMiB: peaksUnderLoad.get(server)!,
        peakAfterAllMiB: await running.peakRssMiB(),
        startedInMs: running.startedInMs,
      });
    return { side, cachedRows, extras, memory };
  } finally {
    for (const [, server] of servers) await server.stop();
    await scratch.drop();
  }
}

/** The ministry's whole-state comparison, the spreadsheets, and the cost of a gateway hop. */
async function furtherScenarios(uncachedUrl: string, cachedUrl: string) {
  const compareState = await readFile(join(rootDir, 'schema', 'operations', 'CompareState.graphql'), 'utf8');
  const contactCard = workloads({ comparePage: 20 }).find((workload) => workload.name === 'ContactCard')!;
  const secret = randomBytes(32).toString('hex');
  const rows: { scenario: string; load: Load }[] = [];
  const exportUrl = (file: string) => `${new URL(uncachedUrl).origin}/export/${file}?state=TH`;
  for (const [scenario, request] of [
    [
      'CompareState (Thüringen, every matrix), POST, uncached',
      {
        url: uncachedUrl,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: compareState, variables: { state: 'TH' } }),
      },
    ],
    ['Export fields-of-action.csv (Thüringen), GET', { url: exportUrl('fields-of-action.csv') }],
    ['Export fields-of-action.xlsx (Thüringen), GET', { url: exportUrl('fields-of-action.xlsx') }],
  ] as const) {
    rows.push({ scenario, load: await warmedLoad({ ...request, connections: 10 }) });
    console.log(rows.at(-1));
  }
  // The gateway runs in this process, beside the load generator.
  for (const [scenario, url] of [
    ['ContactCard, POST through Hive Gateway (in this process), uncached API', uncachedUrl],
    ['ContactCard, POST through Hive Gateway (in this process), API with response cache', cachedUrl],
  ] as const) {
    const gateway = await startGateway({ subgraphs: [{ name: 'integrationsgraph', url }], secret, deduplicate: false });
    rows.push({ scenario, load: await warmedLoad(post(gateway.url, contactCard, 10, 'ours')) });
    console.log(rows.at(-1));
    await gateway.close();
  }
  return rows;
}

/**
 * The embedded database: throughput and peak memory of `npm start`'s default (a new data
 * directory, a copy of the database `npm ci` prepared), and its statements per request.
 */
async function embedded() {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-embedded-'));
  const api = await startApi({ PGLITE_DATA_DIR: join(dataDir, 'pglite'), RESPONSE_CACHE_TTL_MS: '0' });
  const rows: { workload: string; load: Load; statements: number }[] = [];
  let statements = 0;
  const db = await openDatabase({ pgliteDataDir: 'memory://', onQuery: () => statements++ });
  await applyMigrations(db.adapterFactory);
  await seed(db.client);
  useDatabase(db.client);
  const counting = await startServer({ port: 0, host: '127.0.0.1', responseCacheTtlMs: 0 });
  try {
    for (const workload of workloads({ comparePage: 20 })) {
      const counter = { statements: () => statements };
      rows.push({
        workload: workload.name,
        statements: await statementsPerRequest(counter, counting.url, workload.ours.query, workload.ours.variables),
        load: await warmedLoad(post(api.url, workload, 10, 'ours')),
      });
      console.log(rows.at(-1));
    }
    return { rows, peakMiB: await api.peakRssMiB(), startedInMs: api.startedInMs };
  } finally {
    await counting.close();
    await db.close();
    await api.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** From `npm start` (the README's command, `prestart` included) to the first contact card answered. */
async function firstAnswer(): Promise<{ fresh: number; existing: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-start-'));
  const contactCard = workloads({ comparePage: 20 }).find((workload) => workload.name === 'ContactCard')!;
  const once = async () => {
    const started = performance.now();
    const child = spawn('npm', ['start'], {
      cwd: rootDir,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PGLITE_DATA_DIR: join(dataDir, 'pglite'), LOG_LEVEL: 'info', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    });
    const url = await new Promise<string>((resolve) =>
      child.stdout!.on('data', (chunk: Buffer) => {
        const match = /GraphQL at (http:\/\/\S+\/graphql)/.exec(chunk.toString());
        if (match) resolve(match[1]!);
      }),
    );
    await graphql(url, contactCard.ours.query, contactCard.ours.variables);
    const elapsed = Math.round(performance.now() - started);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
    return elapsed;
  };
  try {
    const fresh = await once();
    const existing = await once();
    return { fresh, existing };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

// As `npm ci` leaves a clone: the server bundled, the embedded database prepared for new data directories.
execFileSync(process.execPath, [join(rootDir, 'scripts', 'build-server.mjs')], { stdio: 'inherit' });
execFileSync(process.execPath, ['--import', 'tsx', join(rootDir, 'scripts', 'prepare-database.ts')], { stdio: 'inherit' });
const startup = await firstAnswer();
console.log('first answer', startup);
const embeddedFigures = await embedded();
const withPostgraphile = !!postgresAdminUrl && postgraphileInstalled();
const production = postgresAdminUrl ? await sideBySide(postgresAdminUrl, withPostgraphile) : null;
const growth = postgresAdminUrl ? await growthSeries(postgresAdminUrl, withPostgraphile) : [];

const ratio = (a: number, b: number | undefined | null) => (b ? (a / b).toFixed(2) : '–');
const loadCells = (l: Load | null) => (l ? `${l.perSecond} | ${l.p50} | ${l.p99}` : '– | – | –');

/** A goal's measured figure and whether it is met; without figures (no PostgreSQL), neither. */
function judge(values: number[], worst: (values: number[]) => number, shown: (value: number) => string, met: (value: number) => boolean) {
  if (!values.length) return { measured: 'not measured (PostgreSQL: set POSTGRES_TEST_URL)', met: null };
  const value = worst(values);
  return { measured: shown(value), met: met(value) };
}

const lowest = (values: number[]) => Math.min(...values);
const highest = (values: number[]) => Math.max(...values);

/** Issue 12's goals, judged from the figures above. */
function goals(): { goal: string; measured: string; met: boolean | null }[] {
  const side = production?.side ?? [];
  const ratios = side.map((r) => (r.postgraphile ? r.ours.perSecond / r.postgraphile.perSecond : 0));
  const statements = growth.filter((r) => r.workload !== 'Offers').map((r) => r.ours);
  const peaks = (production?.memory ?? []).filter((m) => m.server.startsWith('API')).map((m) => m.peakMiB);
  const tails = side.filter((r) => r.connections === 50).map((r) => r.ours.p99 / Math.max(1, r.ours.p50));
  const cachedTails = (production?.cachedRows ?? [])
    .filter((r) => r.connections === 50)
    .map((r) => r.cached.p99 / Math.max(1, r.cached.p50));
  const cachedGet = (production?.cachedRows ?? []).filter((r) => r.scenario.includes('GET'));
  const cachedRatios = cachedGet.map((r) => r.cached.perSecond / r.ceiling.perSecond);
  const times = (value: number) => `${value.toFixed(2)}× at worst`;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return [
    {
      goal: 'uncached ≥ 1.2× PostGraphile (every workload, 10 and 50 connections)',
      ...judge(ratios, lowest, times, (ratio) => ratio >= 1.2),
    },
    {
      goal: '≤ 2 SQL statements for the contact card and the comparison, any number of districts',
      ...judge(
        statements,
        highest,
        (most) => `${most} at most (constant over 4/100/400)`,
        (most) => most <= 2,
      ),
    },
    {
      goal: 'peak RSS ≤ 250 MB on PostgreSQL under load',
      ...judge(
        peaks,
        highest,
        (peak) => `${peak} MiB`,
        (peak) => peak <= 250,
      ),
    },
    {
      goal: 'peak RSS ≤ 400 MB on the embedded database',
      ...judge(
        [embeddedFigures.peakMiB],
        highest,
        (peak) => `${peak} MiB`,
        (peak) => peak <= 400,
      ),
    },
    { goal: 'p99 ≤ 3× p50 at 50 connections, uncached', ...judge(tails, highest, times, (tail) => tail <= 3) },
    { goal: 'p99 ≤ 3× p50 at 50 connections, cached', ...judge(cachedTails, highest, times, (tail) => tail <= 3) },
    {
      goal: 'first answer ≤ 3 s after `npm start`, existing data',
      ...judge([startup.existing], highest, seconds, (ms) => ms <= 3000),
    },
    { goal: 'first answer ≤ 5 s on a fresh clone', ...judge([startup.fresh], highest, seconds, (ms) => ms <= 5000) },
    { goal: 'cached anonymous GET ≥ 0.7× bare node:http', ...judge(cachedRatios, lowest, times, (ratio) => ratio >= 0.7) },
  ];
}

const report = `# Benchmark report

\`npm run bench\` (\`bench/run.ts\`), generated ${new Date().toISOString().slice(0, 10)}. Machine: ${cpus().length} cores
(${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version} (PostGraphile on Node 22 from
\`bench/postgraphile\`), PostgreSQL on loopback. Every server is a process of its own with a pool of ${poolSize}
connections; autocannon loads it from the benchmark's process, ${seconds} s a measurement, ${rounds} interleaved
rounds after an unrecorded warm-up of ${warmUpSeconds} s each (us, them, us, them …; req/s is their mean,
latencies their median). Seed data (four districts with data,
35 districts in all) unless the growth series says otherwise.

## Goals (issue 12), judged from the figures below

| goal | measured | met |
| --- | --- | --- |
${goals()
  .map(({ goal, measured, met }) => `| ${goal} | ${measured} | ${met === null ? '–' : met ? 'yes' : 'no'} |`)
  .join('\n')}

Why the missed ones are missed, and what would close them: see \`bench/FINDINGS.md\` (profiles and heap
snapshots of the same servers).

## Uncached: the API against PostGraphile 5 on the same database

Both answer the same facts (checked before each measurement: \`bench/workloads.ts\`); PostGraphile 5.1.5
with the amber preset in production mode (\`bench/postgraphile\`). The API with \`RESPONSE_CACHE_TTL_MS=0\`.

| workload | connections | us req/s | p50 ms | p99 ms | PostGraphile req/s | p50 ms | p99 ms | ratio |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${(production?.side ?? []).map((r) => `| ${r.workload} | ${r.connections} | ${loadCells(r.ours)} | ${loadCells(r.postgraphile)} | ${ratio(r.ours.perSecond, r.postgraphile?.perSecond)} |`).join('\n')}

## Cached anonymous reads against a bare node:http server

The bare server (a process of its own) gets the same requests (address, method, body) and answers
every one with the bytes and headers the API answered the contact card with: what answering costs
at the least here. (GET: the widget's address with the operation's text, 1.5 KB; with a persisted
operation's hash it is 0.3 KB.)

| scenario | connections | cached req/s | p50 ms | p99 ms | bare req/s | p50 ms | p99 ms | ratio |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${(production?.cachedRows ?? []).map((r) => `| ${r.scenario} | ${r.connections} | ${loadCells(r.cached)} | ${loadCells(r.ceiling)} | ${ratio(r.cached.perSecond, r.ceiling.perSecond)} |`).join('\n')}

## Memory and start

Peak resident memory (VmHWM) of each server process after the uncached and cached loads
above (the goal's figure), after the further scenarios at the end too (exports, the whole-state
comparison, the gateway), and the time from its spawn to listening:

| server | peak RSS MiB | after the further scenarios too | listening after ms |
| --- | ---: | ---: | ---: |
${(production?.memory ?? []).map((m) => `| ${m.server} | ${m.peakMiB} | ${m.peakAfterAllMiB} | ${m.startedInMs} |`).join('\n')}
| API, embedded PGlite (a new data directory, as \`npm start\` makes it) | ${embeddedFigures.peakMiB} | – | ${embeddedFigures.startedInMs} |

From \`npm start\` (the README's command, \`prestart\` included) to the first contact card answered:
${startup.fresh} ms on a new embedded database (a copy of the one \`npm ci\` prepared, migrated and seeded), ${startup.existing} ms with its data already there.

## SQL statements per request, and the growth series

Statements counted in PostgreSQL's wire protocol (simple queries and executions) by a proxy in
front of the server, the same way for both; the fewest of three requests after a warm-up.
Synthetic districts are copies of the Kyffhäuserkreis as data packages (\`bench/growth.ts\`);
CompareDistricts asks for 100 districts here. Throughput at 10 connections, ${rounds} interleaved rounds.

| districts with data | workload | us: statements | PostGraphile: statements | us req/s | PostGraphile req/s | ratio |
| ---: | --- | ---: | ---: | ---: | ---: | ---: |
${growth.map((r) => `| ${r.districts} | ${r.workload} | ${r.ours} | ${r.postgraphile ?? '–'} | ${r.oursPerSecond} | ${r.postgraphilePerSecond ?? '–'} | ${ratio(r.oursPerSecond, r.postgraphilePerSecond)} |`).join('\n')}

## The embedded database (PGlite)

The API as \`npm start\` runs it by default, uncached, 10 connections. PGlite runs in the server's own
thread, so these figures include the database's work on the same core.

| workload | statements per request | req/s | p50 ms | p99 ms |
| --- | ---: | ---: | ---: | ---: |
${embeddedFigures.rows.map((r) => `| ${r.workload} | ${r.statements} | ${loadCells(r.load)} |`).join('\n')}

## Further scenarios (PostgreSQL, 10 connections, one round)

| scenario | req/s | p50 ms | p99 ms | errors |
| --- | ---: | ---: | ---: | ---: |
${(production?.extras ?? []).map((r) => `| ${r.scenario} | ${loadCells(r.load)} | ${r.load.errors} |`).join('\n')}

Errors in all measurements above: ${[...(production?.side ?? []).flatMap((r) => [r.ours.errors, r.postgraphile?.errors ?? 0]), ...(production?.cachedRows ?? []).map((r) => r.cached.errors)].reduce((a, b) => a + b, 0)}.
`;
await writeFile(join(rootDir, 'bench', 'REPORT.md'), report);
console.log(report);
process.exit(0);
