import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql@16 has no "exports" map: Node (and so Yoga) loads its CommonJS "main", while
    // Vite would pick the "module" build for our sources. Two copies mean two GraphQLError
    // classes, and Yoga would mask our own errors. Resolve it the way Node does.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // Each test file opens its own in-memory PGlite (a few seconds to start).
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { LOG_LEVEL: 'warn' },
  },
});
