// npm run gateway: the statistics subgraph on STATISTICS_PORT (4001) and a Hive Gateway on
// GATEWAY_PORT (4100) in front of it and of Integrationsgraph at API_URL
// (http://localhost:4000/graphql, started beside it with `npm start` and the same GATEWAY_SECRET).
import { createServer } from 'node:http';
import { startGateway } from './gateway.js';
import { statisticsSubgraph } from './statistics.js';

const secret = process.env.GATEWAY_SECRET ?? '';
if (secret.length < 32) {
  console.error('Set GATEWAY_SECRET (at least 32 characters) here and for npm start, e.g. export GATEWAY_SECRET=$(openssl rand -hex 32)');
  process.exit(2);
}
const apiUrl = process.env.API_URL ?? 'http://localhost:4000/graphql';
const statisticsPort = Number(process.env.STATISTICS_PORT ?? 4001);
await new Promise<void>((resolve) => createServer(statisticsSubgraph()).listen(statisticsPort, '127.0.0.1', resolve));
const gateway = await startGateway({
  subgraphs: [
    { name: 'integrationsgraph', url: apiUrl },
    { name: 'statistics', url: `http://127.0.0.1:${statisticsPort}/graphql` },
  ],
  secret,
  port: Number(process.env.GATEWAY_PORT ?? 4100),
  host: process.env.HOST ?? '127.0.0.1',
});
console.log(`Gateway at ${gateway.url} (Integrationsgraph at ${apiUrl}, statistics at http://127.0.0.1:${statisticsPort}/graphql)`);
