// PostGraphile 5 with the amber preset, in production mode, on the database given as the first
// argument; prints its URL when it listens. Started by bench/run.ts with Node.js 22.
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const [connectionString, poolSize = '10'] = process.argv.slice(2);
const preset = {
  extends: [PostGraphileAmberPreset],
  // Conditions and orders on columns without an index of their own (archivedAt, ordinal): the
  // same filters our API applies.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ connectionString, schemas: ['public'], poolConfig: { max: Number(poolSize) } })],
  // GET for queries too (bench:mix reads as GETs, which a cache in front can keep, as the widget's are).
  grafserv: { watch: false, graphiql: false, graphqlOverGET: true },
  grafast: { explain: false },
};
const server = createServer();
const serv = postgraphile(preset).createServ(grafserv);
serv.addTo(server);
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}/graphql`));
