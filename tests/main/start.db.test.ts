// The README's run command, for real: `npm start`'s entry point in a child process, twice on
// the same database (the second start finds the seed districts already there). The embedded
// database by default — a copy of the one `npm ci` prepares —;
// a scratch PostgreSQL database in the PostgreSQL suite.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { rootDir } from '../../src/paths.js';
import { postgresUrl } from '../support/database.js';
import { processDatabaseEnv, startServerProcess } from '../support/serverProcess.js';

// Not there yet, parents included: as .data/pglite on a fresh clone.
const databaseEnv = await processDatabaseEnv('start', join('.data', 'pglite'));

test('starts with the seed districts, is ready, and restarts without reseeding', async () => {
  // As `npm ci` leaves a clone: the embedded database prepared for new data directories.
  await promisify(execFile)(process.execPath, ['--import', 'tsx', join('scripts', 'prepare-database.ts')], { cwd: rootDir });
  const first = await startServerProcess(databaseEnv);
  try {
    expect((await fetch(first.url.replace('/graphql', '/health'))).status).toBe(200);
    const ready = await fetch(first.url.replace('/graphql', '/ready'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    const response = await fetch(first.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ districts { totalCount } }' }),
    });
    expect(await response.json()).toEqual({ data: { districts: { totalCount: 35 } } });
    expect(first.log.join('\n')).toContain(postgresUrl ? 'seed package loaded' : 'a new copy of the one prepared at install');
    const graphiql = await fetch(first.url, { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).toContain('Integrationsgraph');
  } finally {
    expect(await first.stop()).toBe(0);
  }
  const second = await startServerProcess(databaseEnv);
  expect(second.log.join('\n')).toContain('database schema is current');
  expect(second.log.join('\n')).toContain('seed package already applied');
  expect(second.log.join('\n')).not.toContain('seed package loaded');
  expect(await second.stop()).toBe(0);
}, 120_000);
