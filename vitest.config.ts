import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Each test file opens its own in-memory PGlite (a few seconds to start).
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
