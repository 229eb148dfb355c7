// `npm start`'s entry point in a child process, as an operator runs it.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { rootDir } from '../../src/paths.js';
import { assertDatabaseTestFile, postgresUrl } from './database.js';
import { createScratchDatabase } from './postgres.js';

/**
 * The environment that gives one test file's server processes a database of their own: a
 * PGlite data directory under a temporary folder (at `pgliteDir` inside it, not created yet),
 * or a scratch PostgreSQL database in that suite. Both are removed after the file.
 */
export async function processDatabaseEnv(label: string, pgliteDir = 'pglite'): Promise<Record<string, string>> {
  const scratch = await mkdtemp(join(tmpdir(), `integrationsgraph-${label}-`));
  const postgres = postgresUrl ? await createScratchDatabase() : null;
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
    await postgres?.drop();
  });
  return postgres ? { DATABASE_URL: postgres.url } : { PGLITE_DATA_DIR: join(scratch, pgliteDir) };
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  log: string[];
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

/**
 * The server from the TypeScript sources of this checkout, or (`args`, `cwd`) as given: the bundle
 * of another, as `npm start` runs it there.
 */
export async function startServerProcess(
  env: Record<string, string>,
  { cwd = rootDir, args = ['--import', 'tsx', 'src/main.ts'] }: { cwd?: string; args?: string[] } = {},
): Promise<ServerProcess> {
  assertDatabaseTestFile();
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        log.push(line);
        const match = /GraphQL at (http:\/\/\S+\/graphql)/.exec(line);
        if (match) resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    void exited.then((code) => reject(new Error(`server exited with ${code}:\n${log.join('\n')}`)));
  });
  return {
    url,
    child,
    log,
    exited,
    stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
