import fs from 'node:fs';
import path from 'node:path';

/**
 * The embedded database is a set of files that only one process may open: a second process writing
 * the same files would corrupt them. A lock file holding the owner's pid turns that into a clear
 * refusal; a lock left by a process that has died is taken over.
 */
export interface DataDirLock {
  release(): void;
}

export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const lockPath = path.join(dataDir, 'hub.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return { release: () => releaseIfOurs(lockPath) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(lockPath, 'utf8'));
      if (isAlive(owner) && owner !== process.pid) {
        throw new DataDirInUseError(
          `The embedded database in ${path.resolve(dataDir)} is in use by process ${owner} (a running "hub serve"?). ` +
            'Stop that process, set HUB_DATA_DIR to another directory, or use PostgreSQL via DATABASE_URL to share one database.',
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirInUseError(`Could not lock ${lockPath}; another process keeps taking it.`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseIfOurs(lockPath: string): void {
  try {
    if (Number(fs.readFileSync(lockPath, 'utf8')) === process.pid) fs.rmSync(lockPath, { force: true });
  } catch {
    // Already gone: nothing to release.
  }
}
