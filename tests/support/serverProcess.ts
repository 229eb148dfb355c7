// `npm start`'s entry point in a child process, as an operator runs it.
import { type ChildProcess, spawn } from 'node:child_process';
import { rootDir } from '../../src/paths.js';
import { assertDatabaseTestFile } from './database.js';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  log: string[];
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  assertDatabaseTestFile();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: rootDir,
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
