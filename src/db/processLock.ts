// The embedded database belongs to one process at a time: PGlite keeps it in that process's
// memory, so a second process writing to the same directory would write to a copy that the
// first never sees (a token it reports as created would be gone). A lock file beside the data
// directory names its holder; a second process stops before it touches anything and says who
// holds the database and what to do instead.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

export interface LockHolder {
  pid: number;
  hostname: string;
  command: string;
  since: string;
}

export class DatabaseInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by process ${holder.pid} (${holder.command}, since ${holder.since}). ` +
        'PGlite serves one process at a time: stop that process first (Ctrl+C, or kill ' +
        `${holder.pid}), or do this through the running server's API instead.`,
    );
    this.name = 'DatabaseInUseError';
  }
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function readHolder(path: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    return null; // half-written or gone: treated as stale
  }
}

/**
 * Takes the lock of a data directory for this process, or throws DatabaseInUseError naming the
 * live process that holds it. A lock left by a process that no longer runs is taken over.
 * Returns the function that releases it.
 */
export function lockDataDir(dataDir: string, command = process.argv.slice(1).join(' ')): () => void {
  const path = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const file = openSync(path, 'wx');
      const holder: LockHolder = { pid: process.pid, hostname: hostname(), command, since: new Date().toISOString() };
      writeSync(file, JSON.stringify(holder));
      closeSync(file);
      const release = () => {
        if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (holder && holder.hostname === hostname() && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new DatabaseInUseError(dataDir, holder);
      }
      if (holder && holder.hostname !== hostname()) throw new DatabaseInUseError(dataDir, holder);
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not lock ${dataDir} (${path} keeps reappearing)`);
}
