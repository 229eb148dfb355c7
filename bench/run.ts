// npm run bench — load on the real HTTP server, on loopback only, bounded in time.
// Measures the district website's contact card (POST and cacheable GET) and a ministry's
// comparison, on the embedded database and, with POSTGRES_TEST_URL, on PostgreSQL.
// Writes bench/REPORT.md.
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startGateway } from '../examples/gateway/gateway.js';
import { statisticsSubgraph } from '../examples/gateway/statistics.js';
import { type OpenDatabase, openDatabase, useDatabase } from '../src/db/client.js';
import { applyMigrations } from '../src/db/migrations.js';
import { startServer } from '../src/http/server.js';
import { seed } from '../src/packages/seed.js';
import { rootDir } from '../src/paths.js';
import { createScratchDatabase } from '../tests/support/postgres.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const operation = (name: string) => readFile(join(rootDir, 'schema', 'operations', `${name}.graphql`), 'utf8');

interface Row {
  database: string;
  scenario: string;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function measure(database: string, open: () => Promise<{ db: OpenDatabase; cleanup?: () => Promise<void> }>): Promise<Row[]> {
  const { db, cleanup } = await open();
  await applyMigrations(db.adapterFactory);
  await seed(db.client);
  useDatabase(db.client);
  const uncached = await startServer({ port: 0, host: '127.0.0.1', responseCacheTtlMs: 0, gatewaySecret });
  const cached = await startServer({ port: 0, host: '127.0.0.1', responseCacheTtlMs: 60_000, gatewaySecret });
  // The same servers behind Hive Gateway (examples/gateway), with the statistics subgraph.
  const behindGateway = (api: { url: string }) =>
    startGateway({
      subgraphs: [
        { name: 'integrationsgraph', url: api.url },
        { name: 'statistics', url: statisticsUrl },
      ],
      secret: gatewaySecret,
      // Every request reaches us: the hop's own cost, not what sharing identical requests saves.
      deduplicate: false,
    });
  const [gatewayUncached, gatewayCached] = [await behindGateway(uncached), await behindGateway(cached)];
  const contactCard = await operation('ContactCard');
  const compare = await operation('CompareDistricts');
  const compareState = await operation('CompareState');
  const exportUrl = (graphqlUrl: string, file: string) => `${new URL(graphqlUrl).origin}/export/${file}?state=TH`;
  const widgetGet = (url: string) =>
    `${url}?query=${encodeURIComponent(contactCard)}&variables=${encodeURIComponent(JSON.stringify({ ags: '16063' }))}`;
  const ceiling = await bareServer(widgetGet(cached.url));
  const scenarios = [
    {
      scenario: 'ContactCard, POST, no cache',
      method: 'POST' as const,
      url: uncached.url,
      body: JSON.stringify({ query: contactCard, variables: { ags: '16065' } }),
    },
    { scenario: 'ContactCard, GET, no cache', method: 'GET' as const, url: widgetGet(uncached.url) },
    { scenario: 'ContactCard, GET, response cache', method: 'GET' as const, url: widgetGet(cached.url) },
    { scenario: 'Ceiling: bare node:http answering the same bytes, GET', method: 'GET' as const, url: ceiling.url },
    {
      scenario: 'ContactCard, POST through the gateway, no cache',
      method: 'POST' as const,
      url: gatewayUncached.url,
      body: JSON.stringify({ query: contactCard, variables: { ags: '16065' } }),
    },
    {
      scenario: 'ContactCard, POST through the gateway, response cache',
      method: 'POST' as const,
      url: gatewayCached.url,
      body: JSON.stringify({ query: contactCard, variables: { ags: '16065' } }),
    },
    {
      scenario: 'ContactCard, POST, response cache',
      method: 'POST' as const,
      url: cached.url,
      body: JSON.stringify({ query: contactCard, variables: { ags: '16065' } }),
    },
    {
      scenario: 'CompareDistricts, POST, no cache',
      method: 'POST' as const,
      url: uncached.url,
      body: JSON.stringify({ query: compare, variables: {} }),
    },
    {
      scenario: 'CompareState (Thüringen, every matrix), POST, no cache',
      method: 'POST' as const,
      url: uncached.url,
      body: JSON.stringify({ query: compareState, variables: { state: 'TH' } }),
    },
    {
      scenario: 'Export fields-of-action.csv (Thüringen), GET',
      method: 'GET' as const,
      url: exportUrl(uncached.url, 'fields-of-action.csv'),
    },
    {
      scenario: 'Export fields-of-action.xlsx (Thüringen), GET',
      method: 'GET' as const,
      url: exportUrl(uncached.url, 'fields-of-action.xlsx'),
    },
  ];
  const rows: Row[] = [];
  for (const { scenario, ...request } of scenarios) {
    const result = await autocannon({ ...request, connections, duration: seconds, headers: { 'content-type': 'application/json' } });
    rows.push({
      database,
      scenario,
      requests: result.requests.total,
      perSecond: Math.round(result.requests.average),
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx,
    });
    console.log(rows.at(-1));
  }
  await ceiling.close();
  await gatewayUncached.close();
  await gatewayCached.close();
  await uncached.close();
  await cached.close();
  await db.close();
  await cleanup?.();
  return rows;
}

/**
 * What answering costs at the least on this machine: a bare node:http server that answers every
 * request with the bytes and headers the API answered the cached contact card with.
 */
async function bareServer(source: string): Promise<{ url: string; close(): Promise<void> }> {
  const answer = await fetch(source);
  const body = Buffer.from(await answer.arrayBuffer());
  const headers = Object.fromEntries(
    [...answer.headers].filter(([name]) => !['content-length', 'connection', 'keep-alive', 'date'].includes(name)),
  );
  const server = createServer((_request, response) => {
    response.writeHead(200, { ...headers, 'content-length': body.length });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * SQL statements per whole-state comparison (schema/operations/CompareState.graphql) for one
 * district, a state and both states: on a database of its own that logs every statement (the
 * log would slow the load scenarios down).
 */
async function comparisonStatements(): Promise<{ scope: string; districts: number; statements: number }[]> {
  let statements = 0;
  const db = await openDatabase({ pgliteDataDir: 'memory://', onQuery: () => statements++ });
  await applyMigrations(db.adapterFactory);
  await seed(db.client);
  useDatabase(db.client);
  const server = await startServer({ port: 0, host: '127.0.0.1', responseCacheTtlMs: 0 });
  // The committed operation, its scope widened by replacing the state argument.
  const query = (await operation('CompareState')).replace('comparison(state: $state, asOf: $asOf)', 'comparison($scope)');
  const counts = [];
  for (const [scope, argument] of [
    ['one district (Kyffhäuserkreis)', 'districts: ["16065"], asOf: $asOf'],
    ['Sachsen', 'state: SN, asOf: $asOf'],
    ['Thüringen', 'state: TH, asOf: $asOf'],
    ['both states', 'asOf: $asOf'],
  ] as const) {
    statements = 0;
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: query.replace('($state: StateCode!, $asOf: Date)', '($asOf: Date)').replace('$scope', argument) }),
    });
    const { data, errors } = (await response.json()) as { data?: { comparison: { districts: unknown[] } }; errors?: unknown[] };
    if (errors || !data) throw new Error(`CompareState for ${scope}: ${JSON.stringify(errors)}`);
    counts.push({ scope, districts: data.comparison.districts.length, statements });
  }
  await server.close();
  await db.close();
  return counts;
}

const gatewaySecret = randomBytes(32).toString('hex');
const statementCounts = await comparisonStatements();
const statistics = createServer(statisticsSubgraph());
await new Promise<void>((resolve) => statistics.listen(0, '127.0.0.1', resolve));
const statisticsUrl = `http://127.0.0.1:${(statistics.address() as AddressInfo).port}/graphql`;

const rows = await measure('PGlite (embedded)', async () => ({ db: await openDatabase({ pgliteDataDir: 'memory://' }) }));
const postgresAdminUrl = process.env.POSTGRES_TEST_URL;
if (postgresAdminUrl) {
  rows.push(
    ...(await measure('PostgreSQL 15 (loopback)', async () => {
      const scratch = await createScratchDatabase(postgresAdminUrl);
      return { db: await openDatabase({ databaseUrl: scratch.url, poolSize: 10 }), cleanup: scratch.drop };
    })),
  );
}
const rss = Math.round(process.memoryUsage().rss / 2 ** 20);

const report = `# Benchmark report

\`npm run bench\` (\`bench/run.ts\`): autocannon against the real HTTP server in the same process,
${connections} connections, ${seconds} s per scenario, seed data, loopback only. Machine: ${cpus().length} cores
(${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Generated ${new Date().toISOString().slice(0, 10)}.

| database | scenario | requests | req/s | p50 ms | p99 ms | errors |
| --- | --- | ---: | ---: | ---: | ---: | ---: |
${rows.map((r) => `| ${r.database} | ${r.scenario} | ${r.requests} | ${r.perSecond} | ${r.p50} | ${r.p99} | ${r.errors} |`).join('\n')}

Resident memory of the process (server, database client, load generator) at the end: ${rss} MiB.

SQL statements per \`CompareState\` request (the whole comparison with every matrix), by scope:

| scope | districts | SQL statements |
| --- | ---: | ---: |
${statementCounts.map((count) => `| ${count.scope} | ${count.districts} | ${count.statements} |`).join('\n')}

Scenarios: \`ContactCard\` is \`schema/operations/ContactCard.graphql\` (district → contacts →
channels, addresses, office hours with intervals; 2 SQL statements per request whatever the
number of contacts: the district with everything below it, joined, and the translations); the GET variant is what the district widget sends, measured without and
with the response cache (\`RESPONSE_CACHE_TTL_MS\`, on by default for anonymous requests). "Through the gateway":
the same POST sent to Hive Gateway (\`examples/gateway\`, in-flight deduplication off, on loopback in the same process) in
front of the server without and with its response cache: the cost of the gateway hop. The ceiling is a bare
\`node:http\` server answering every request with the bytes and headers of the cached contact card: what answering
costs at the least here, against which the cached path is measured. \`CompareDistricts\` is
the ministry's side-by-side query over the first 20 districts (a district list with nested concepts, fundings,
indicators); \`CompareState\` (\`schema/operations/CompareState.graphql\`) the \`comparison\` of all 22 districts of
Thüringen with every matrix and the aggregates (a fixed number of SQL statements whatever the number of districts); the exports
are one matrix as a CSV file and as an Excel workbook (198 lines each), written as they are produced. The embedded PGlite runs in the server's
own thread, so its figures include the database's work on the same core.
`;
await writeFile(join(rootDir, 'bench', 'REPORT.md'), report);
console.log(report);
process.exit(0);
