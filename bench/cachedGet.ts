// npm run bench:cached — only the cached anonymous reads of `npm run bench` (the widget's GET and
// the POST, both answered by the response cache) against the bare node:http server, in
// interleaved rounds: for changes to the HTTP edge, where the full run takes too long to repeat.
// BENCH_BASELINE_BUNDLE=build/<file>.mjs (another build of the server, e.g. main's before a
// change) is loaded in the same rounds, so that both are measured under the same conditions.
// Needs POSTGRES_TEST_URL. Runs the bundle as it is: build it first (`npm run build:server`).
import autocannon from 'autocannon';
import { openDatabase } from '../src/db/client.js';
import { applyMigrations } from '../src/db/migrations.js';
import { seed } from '../src/packages/seed.js';
import { createScratchDatabase } from '../tests/support/postgres.js';
import { type BenchServer, startApi, startBareServer } from './servers.js';
import { workloads } from './workloads.js';

const adminUrl = process.env.POSTGRES_TEST_URL;
if (!adminUrl) throw new Error('Set POSTGRES_TEST_URL (a PostgreSQL the benchmark may create databases on).');
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 4);
const baseline = process.env.BENCH_BASELINE_BUNDLE;

const load = async (request: autocannon.Options, duration = seconds) => {
  const result = await autocannon({ duration, ...request });
  return { perSecond: Math.round(result.requests.average), p99: result.latency.p99, errors: result.errors + result.non2xx };
};
type Load = Awaited<ReturnType<typeof load>>;

const scratch = await createScratchDatabase(adminUrl);
const db = await openDatabase({ databaseUrl: scratch.url, poolSize: 2 });
await applyMigrations(db.adapterFactory);
await seed(db.client);
await db.close();
const apis: [string, BenchServer][] = [['this build', await startApi({ DATABASE_URL: scratch.url, SEED_ON_START: 'false' })]];
if (baseline) apis.unshift([baseline, await startApi({ DATABASE_URL: scratch.url, SEED_ON_START: 'false' }, baseline)]);
const contactCard = workloads({ comparePage: 20 }).find((workload) => workload.name === 'ContactCard')!;
const query = `?query=${encodeURIComponent(contactCard.ours.query)}&variables=${encodeURIComponent(JSON.stringify(contactCard.ours.variables))}`;
const answer = await fetch(`${apis.at(-1)![1].url}${query}`);
const bare = await startBareServer(
  Buffer.from(await answer.arrayBuffer()),
  Object.fromEntries([...answer.headers].filter(([name]) => !['content-length', 'connection', 'keep-alive', 'date'].includes(name))),
);
const body = JSON.stringify({ query: contactCard.ours.query, variables: contactCard.ours.variables });
const requests = {
  'ContactCard, GET (the widget), response cache': (url: string) => ({ url: `${url}${query}` }),
  'ContactCard, POST, response cache': (url: string) => ({
    url,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body,
  }),
};
const mean = (loads: Load[]) => Math.round(loads.reduce((sum, each) => sum + each.perSecond, 0) / loads.length);
try {
  for (const connections of [10, 50])
    for (const [scenario, request] of Object.entries(requests)) {
      const servers: [string, BenchServer][] = [...apis, ['bare node:http', bare]];
      const loads = new Map<string, Load[]>(servers.map(([name]) => [name, []]));
      for (const [, server] of servers) await load({ ...request(server.url), connections }, 3);
      for (let round = 0; round < rounds; round++)
        for (const [name, server] of servers) loads.get(name)!.push(await load({ ...request(server.url), connections }));
      const ceiling = mean(loads.get('bare node:http')!);
      console.log(`${scenario}, ${connections} connections:`);
      for (const [name, measured] of loads) {
        const ratios = measured.map((each, index) => (each.perSecond / loads.get('bare node:http')![index]!.perSecond).toFixed(2));
        console.log(
          `  ${name}: ${mean(measured)} req/s (${(mean(measured) / ceiling).toFixed(2)}× bare; rounds ${ratios.join(' ')}), p99 ${measured.map((each) => each.p99).join('/')} ms, errors ${measured.reduce((sum, each) => sum + each.errors, 0)}`,
        );
      }
    }
} finally {
  for (const [, server] of apis) await server.stop();
  await bare.stop();
  await scratch.drop();
}
process.exit(0);
