// The embedded database belongs to one process: a second server, or an npm script while the
// server runs, stops before it touches anything and names the process that holds the database.
// What a command reports as done is there afterwards. (PGlite only: PostgreSQL serves many.)
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { rootDir } from '../../src/paths.js';
import { postgresUrl } from '../support/database.js';
import { startServerProcess } from '../support/serverProcess.js';

const scratch = await mkdtemp(join(tmpdir(), 'integrationsgraph-lock-'));
const env = { PGLITE_DATA_DIR: join(scratch, 'pglite') };
afterAll(() => rm(scratch, { recursive: true, force: true }));

const npmRun = (...args: string[]) =>
  promisify(execFile)('npm', ['run', '--silent', ...args], {
    cwd: rootDir,
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
  }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

const tokenQuery = async (url: string, token: string) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'mutation { confirmDistrictData(ags: "16065") { ags } }' }),
  });
  return response.status;
};

describe.skipIf(postgresUrl)('one process per embedded database', () => {
  test('a script and a second server are refused while the server runs, naming it; afterwards the script works and its token too', async () => {
    const server = await startServerProcess(env);
    try {
      const refused = await npmRun('tokens', '--', 'create', '--name', 'Redaktion', '--editor', '16065');
      expect(refused.code).toBe(1);
      expect(refused.stdout).not.toContain('igt_');
      expect(refused.stderr).toContain(`is in use by process ${server.child.pid}`);
      expect(refused.stderr).toContain('stop that process first');

      const second = await startServerProcess(env).then(
        () => 'started',
        (error: Error) => error.message,
      );
      expect(second).toContain(`is in use by process ${server.child.pid}`);
      expect((await fetch(server.url.replace('/graphql', '/ready'))).status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }

    const created = await npmRun('tokens', '--', 'create', '--name', 'Redaktion', '--editor', '16065');
    expect(created.code).toBe(0);
    const token = created.stdout.trim().split('\n').at(-1)!;
    const again = await startServerProcess(env);
    try {
      expect(await tokenQuery(again.url, token)).toBe(200);
    } finally {
      expect(await again.stop()).toBe(0);
    }
  }, 180_000);

  test('a lock left by a process that no longer runs is taken over', async () => {
    const { writeFile } = await import('node:fs/promises');
    const { hostname } = await import('node:os');
    await writeFile(
      `${env.PGLITE_DATA_DIR}.lock`,
      JSON.stringify({ pid: 2 ** 22 + 7, hostname: hostname(), command: 'gone', since: '2026-01-01' }),
    );
    const server = await startServerProcess(env);
    expect(await server.stop()).toBe(0);
  }, 120_000);
});
