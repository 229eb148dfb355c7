import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// The API suite runs twice: on the embedded PGlite and on a real PostgreSQL server, when
// POSTGRES_TEST_URL names one (an administrative connection: each test file creates and
// drops a scratch database of its own).
const postgresUrl = process.env.POSTGRES_TEST_URL;
if (!postgresUrl) {
  console.log(
    '\nPostgreSQL suite skipped: POSTGRES_TEST_URL is not set. To run the API tests on PostgreSQL as well, set it to an ' +
      'administrative connection, e.g. POSTGRES_TEST_URL=postgresql://postgres:postgres@127.0.0.1:5432/postgres (.ci/run does).\n',
  );
}

/** Test files that touch a database: these run on both. */
const databaseTests = [
  'tests/seedFacts.test.ts',
  'tests/apiBehaviour.test.ts',
  'tests/queryCount.test.ts',
  'tests/database.test.ts',
  'tests/typedClient.test.ts',
  'tests/start.test.ts',
  'tests/widget.browser.test.ts',
  'tests/federation.test.ts',
  'tests/shutdown.test.ts',
  'tests/responseCache.test.ts',
  'tests/editing.test.ts',
  'tests/jwt.test.ts',
  'tests/packages.test.ts',
];

export default defineConfig({
  resolve: {
    // graphql@16 has no "exports" map: Node (and so Yoga) loads its CommonJS "main", while
    // Vite would pick the "module" build for our sources. Two copies mean two GraphQLError
    // classes, and Yoga would mask our own errors. Resolve it the way Node does.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    // Each test file opens its own database (PGlite takes a few seconds to start).
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'pglite',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/postgresql/**'],
          env: { LOG_LEVEL: 'warn', TEST_DATABASE_URL: '' },
        },
      },
      ...(postgresUrl
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgresql',
                include: [...databaseTests, 'tests/postgresql/**/*.test.ts'],
                env: { LOG_LEVEL: 'warn', TEST_DATABASE_URL: postgresUrl },
              },
            },
          ]
        : []),
    ],
  },
});
