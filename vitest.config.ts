import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
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

// Run once, on PGlite, what is the same on either database, which keeps CI within its time: a
// page in Chromium (the API's behaviour on PostgreSQL is tested without a browser), the security
// headers, and workbooks refused before they reach the database or round-tripped through
// LibreOffice (the workbook import itself runs on both).
const onPGliteOnly = [
  ...readdirSync('tests', { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.browser.db.test.ts'))
    .map((file) => `tests/${file}`),
  'tests/http/securityHeaders.db.test.ts',
  'tests/packages/workbookHostile.db.test.ts',
  'tests/packages/workbookLibreOffice.db.test.ts',
];

const sequenceSeed = Number(process.env.VITEST_SEQUENCE_SEED ?? Math.floor(Math.random() * 1_000_000));
console.log(`Tests run in random order; to repeat this one: VITEST_SEQUENCE_SEED=${sequenceSeed}`);

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
    // Vitest leaves a core to itself by default, which on a 2-core machine runs the files one by
    // one; most of a test's time is waiting for a database or a child process, so two at a time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Files and the tests in them run in random order: no test may rely on another's data.
    // VITEST_SEQUENCE_SEED=<n> repeats the order a run printed.
    sequence: { shuffle: true, seed: sequenceSeed },
    projects: [
      {
        extends: true,
        // Every test; database tests (*.db.test.ts) on the embedded PGlite.
        test: {
          name: 'pglite',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.pg.test.ts'],
          env: { LOG_LEVEL: 'warn', TEST_DATABASE_URL: '' },
        },
      },
      ...(postgresUrl
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgresql',
                // By name: a database test is *.db.test.ts (tests/support/database.ts refuses any other name).
                include: ['tests/**/*.db.test.ts', 'tests/**/*.pg.test.ts'],
                exclude: onPGliteOnly,
                env: { LOG_LEVEL: 'warn', TEST_DATABASE_URL: postgresUrl },
              },
            },
          ]
        : []),
    ],
  },
});
