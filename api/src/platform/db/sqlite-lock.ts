import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, relative } from 'node:path';

/**
 * Embedded SQLite serves one process. A lock file next to the database (`<file>.lock`,
 * holding the owner's pid) refuses a second process on the same data folder with a clear
 * message instead of letting both fight over the file. A lock left by a process that is
 * gone (killed, crashed) is taken over.
 */
export class DatabaseLockedError extends Error {
  constructor(readonly folder: string, readonly pid: number) {
    super(`another Sociodesk process (pid ${pid}) already uses ${folder}: stop it, or give this one another DATA_DIR`);
    this.name = 'DatabaseLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const shown = (path: string) => {
  const rel = relative(process.cwd(), path);
  return !rel ? '.' : rel.startsWith('..') || rel.startsWith('/') ? path : `./${rel}`;
};

/** Takes the lock of a SQLite file; returns the function that releases it. */
export function acquireSqliteLock(sqlitePath: string): () => void {
  const lockPath = `${sqlitePath}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (Number(readFileSync(lockPath, 'utf8').trim()) === process.pid) rmSync(lockPath, { force: true });
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && alive(owner)) throw new DatabaseLockedError(shown(dirname(sqlitePath)), owner);
      rmSync(lockPath, { force: true }); // stale: its process is gone
    }
  }
  throw new DatabaseLockedError(shown(dirname(sqlitePath)), 0);
}
