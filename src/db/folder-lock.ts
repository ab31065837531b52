import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export class DataFolderLockedError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock on the embedded data folder. PGlite does not lock its folder, and two
 * processes writing one folder silently lose rows, so a second process must refuse to start.
 * A lock left by a process that died is taken over.
 */
export function lockDataFolder(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'rapport.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: { pid?: number; host?: string; since?: string } = {};
      try {
        holder = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        // A half-written lock file: its writer is starting right now or died mid-write.
      }
      const sameHost = !holder.host || holder.host === hostname();
      if (holder.pid && (!sameHost || isAlive(holder.pid))) {
        throw new DataFolderLockedError(
          `The data folder ${dir} is in use by another Rapport process (pid ${holder.pid} on ${holder.host}, since ${holder.since}). ` +
            'The embedded database allows one process at a time: stop the other process, set RAPPORT_DATA_DIR to another folder, ' +
            'or set DATABASE_URL to run several processes on PostgreSQL.',
        );
      }
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new DataFolderLockedError(`Could not lock the data folder ${dir}; another process keeps taking it.`);
}
