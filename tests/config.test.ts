import { describe, expect, test } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  test('defaults: port 4000, embedded database in .data/pglite, seeding on', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 4000, SEED_ON_START: true });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.pgliteDataDir).toMatch(/\.data\/pglite$/);
  });

  test('every problem is named, by variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SEED_ON_START: 'yes' })).toThrow(
      /PORT: .*\n.*DATABASE_URL: must be a postgresql:\/\/ connection string\n.*SEED_ON_START/,
    );
  });
});
