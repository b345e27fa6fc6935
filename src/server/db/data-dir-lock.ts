import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Thrown when another live process holds the data directory. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `Another Sextant process (pid ${holderPid}) is using the data directory ${dataDir}. ` +
        'Stop it first, or point SEXTANT_DATA_DIR at another directory. Two processes on one embedded database would lose data.',
    );
  }
}

interface LockBody {
  pid: number;
  /** The holder's process start time (from /proc), so a recycled pid is not mistaken for the holder. */
  started: string | null;
}

function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name (which may hold spaces): state first, starttime 20th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z') return 'zombie'; // killed, not yet reaped: it holds nothing any more
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(body: LockBody): boolean {
  try {
    process.kill(body.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const started = processStart(body.pid);
  if (started === 'zombie') return false;
  return body.started === null || started === null || started === body.started;
}

/**
 * Takes the exclusive lock on an embedded data directory, or throws DataDirLockedError.
 * PGlite has no lock of its own. The lock file is created with O_EXCL; a lock left by a dead process
 * (kill -9) is recognised by its pid and start time and taken over, so a crash never blocks the next start.
 * Not covered: a data directory on a network file system shared between machines.
 */
export function lockDataDir(dataDir: string): { release: () => void } {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'sextant.lock');
  const me: LockBody = { pid: process.pid, started: processStart(process.pid) };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const body = JSON.parse(readFileSync(path, 'utf8')) as LockBody;
          if (body.pid === me.pid) rmSync(path, { force: true });
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder: LockBody | null = null;
    try {
      holder = JSON.parse(readFileSync(path, 'utf8')) as LockBody;
    } catch {
      holder = null; // half-written by a process that died while writing: stale
    }
    if (holder && holder.pid !== process.pid && isAlive(holder)) throw new DataDirLockedError(dataDir, holder.pid);
    // Stale: move it aside atomically, so two starters cannot both remove a fresh lock.
    try {
      renameSync(path, `${path}.stale-${process.pid}`);
      rmSync(`${path}.stale-${process.pid}`, { force: true });
    } catch {
      // someone else moved it first; try again
    }
  }
  throw new Error(`Could not take the lock on ${dataDir}`);
}
