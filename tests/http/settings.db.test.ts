// Production defaults: nothing internal reaches a client unless explicitly asked for, and
// introspection, field suggestions and GraphiQL are each a setting. Three servers: the
// defaults (built while NODE_ENV says development, which made Yoga send stack traces), all three
// settings off, and error details asked for.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { useDatabase } from '../../src/db/client.js';
import { openTestDatabase } from '../support/database.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

let defaults: TestServer;
let settingsOff: TestServer;
let withDetails: TestServer;
const nodeEnv = process.env.NODE_ENV;

beforeAll(async () => {
  process.env.NODE_ENV = 'development';
  defaults = await startTestServer();
  settingsOff = await startTestServer({ introspection: false, fieldSuggestions: false, graphiql: false });
  withDetails = await startTestServer({ exposeErrorDetails: true });
});
afterAll(async () => {
  process.env.NODE_ENV = nodeEnv;
  await Promise.all([defaults, settingsOff, withDetails].map((server) => server?.close()));
});

/** Runs `work` while the resolvers' database has no tables: every query fails, as a bug would. */
async function withBrokenDatabase<T>(running: TestServer, work: () => Promise<T>): Promise<T> {
  const broken = await openTestDatabase();
  useDatabase(broken.client);
  try {
    return await work();
  } finally {
    useDatabase(running.database.client);
    await broken.close();
  }
}

test('with NODE_ENV=development an unexpected error still says only "Unexpected error."', async () => {
  const response = await withBrokenDatabase(defaults, () => defaults.graphql('{ states { code } }'));
  expect(response.errors?.[0]?.message).toBe('Unexpected error.');
  expect(JSON.stringify(response)).not.toMatch(/stack|originalError|prisma|\.ts:\d/i);
});

test('error details are sent only when the setting asks for them', async () => {
  const response = await withBrokenDatabase(withDetails, () => withDetails.graphql('{ states { code } }'));
  expect(response.errors?.[0]?.extensions?.originalError).toBeDefined();
});

test('introspection is on by default and can be turned off', async () => {
  const query = '{ __schema { queryType { name } } }';
  expect((await defaults.graphql(query)).data.__schema.queryType.name).toBe('Query');
  const response = await settingsOff.graphql(query);
  expect(response.data ?? null).toBeNull();
  expect(response.errors?.[0]?.message).toContain('introspection');
});

test('field suggestions are on by default and can be turned off', async () => {
  expect((await defaults.graphql('{ stats { code } }')).errors?.[0]?.message).toContain('Did you mean');
  const message = (await settingsOff.graphql('{ stats { code } }')).errors?.[0]?.message;
  expect(message).toContain('Cannot query field "stats"');
  expect(message).not.toContain('Did you mean');
});

test('GraphiQL is served by default and can be turned off', async () => {
  const page = (url: string) => fetch(url, { headers: { accept: 'text/html' } });
  expect((await page(defaults.url)).headers.get('content-type')).toContain('text/html');
  expect((await page(settingsOff.url)).headers.get('content-type') ?? '').not.toContain('text/html');
});
