// The README's run command, for real: `npm start`'s entry point in a child process, twice on
// the same data directory (the second start finds the seed districts already there).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { rootDir } from '../src/paths.js';

const scratch = await mkdtemp(join(tmpdir(), 'integrationsgraph-start-'));
// Not there yet, parents included: as .data/pglite on a fresh clone.
const dataDir = join(scratch, '.data', 'pglite');
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Starts the server, waits for its "GraphQL at" line, runs `use`, then stops it with SIGTERM. */
async function withServer(use: (url: string, log: string[]) => Promise<void>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: rootDir,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PGLITE_DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        log.push(line);
        const match = /GraphQL at (http:\/\/\S+\/graphql)/.exec(line);
        if (match) resolve(match[1]!);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${log.join('\n')}`)));
  });
  try {
    await use(url, log);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

test('starts on the embedded database with the seed districts, and restarts without reseeding', async () => {
  await withServer(async (url, log) => {
    const health = await fetch(url.replace('/graphql', '/health'));
    expect(health.status).toBe(200);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ districts { totalCount } }' }),
    });
    expect(await response.json()).toEqual({ data: { districts: { totalCount: 4 } } });
    expect(log.join('\n')).toContain('seed districts loaded');
    const graphiql = await fetch(url, { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).toContain('Integrationsgraph');
  });
  await withServer(async (_url, log) => {
    expect(log.join('\n')).toContain('database schema is current');
    expect(log.join('\n')).toContain('seed districts already present');
  });
}, 120_000);
