// Production defaults: nothing internal reaches a client unless explicitly asked for, and
// introspection, field suggestions and GraphiQL are each a setting.
import { afterEach, expect, test } from 'vitest';
import { useDatabase } from '../../src/db/client.js';
import { openTestDatabase } from '../support/database.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
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
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'development';
  try {
    const running = await startTestServer();
    server = running;
    const response = await withBrokenDatabase(running, () => running.graphql('{ states { code } }'));
    expect(response.errors?.[0]?.message).toBe('Unexpected error.');
    expect(JSON.stringify(response)).not.toMatch(/stack|originalError|prisma|\.ts:\d/i);
  } finally {
    process.env.NODE_ENV = before;
  }
});

test('error details are sent only when the setting asks for them', async () => {
  const running = await startTestServer({ exposeErrorDetails: true });
  server = running;
  const response = await withBrokenDatabase(running, () => running.graphql('{ states { code } }'));
  expect(response.errors?.[0]?.extensions?.originalError).toBeDefined();
});

test('introspection is on by default and can be turned off', async () => {
  const query = '{ __schema { queryType { name } } }';
  server = await startTestServer();
  expect((await server.graphql(query)).data.__schema.queryType.name).toBe('Query');
  await server.close();
  server = await startTestServer({ introspection: false });
  const response = await server.graphql(query);
  expect(response.data ?? null).toBeNull();
  expect(response.errors?.[0]?.message).toContain('introspection');
});

test('field suggestions are on by default and can be turned off', async () => {
  server = await startTestServer();
  expect((await server.graphql('{ stats { code } }')).errors?.[0]?.message).toContain('Did you mean');
  await server.close();
  server = await startTestServer({ fieldSuggestions: false });
  const message = (await server.graphql('{ stats { code } }')).errors?.[0]?.message;
  expect(message).toContain('Cannot query field "stats"');
  expect(message).not.toContain('Did you mean');
});

test('GraphiQL is served by default and can be turned off', async () => {
  const page = (url: string) => fetch(url, { headers: { accept: 'text/html' } });
  server = await startTestServer();
  expect((await page(server.url)).headers.get('content-type')).toContain('text/html');
  await server.close();
  server = await startTestServer({ graphiql: false });
  expect((await page(server.url)).headers.get('content-type') ?? '').not.toContain('text/html');
});
