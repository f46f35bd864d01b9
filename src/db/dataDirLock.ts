import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The embedded database is a set of files that only one process may open: a second process writing
 * the same files would corrupt them. A lock file holding the owner's pid turns that into a clear
 * refusal; a lock left by a process that has died is taken over.
 *
 * Every step that decides who owns the lock is one atomic file-system operation, so two processes
 * racing never both win:
 * - the lock appears whole, by hard-linking a finished file to its name (a reader never sees it
 *   empty, which would pass for a dead owner);
 * - of the processes that find the same dead owner's lock, only the one that creates that lock's
 *   takeover marker (a link again, which fails if the name exists) may remove it; the others wait
 *   and look again, and find the new owner alive.
 */
export interface DataDirLock {
  release(): void;
}

export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
  constructor(
    message: string,
    /** The pid of the process that holds the data directory. */
    readonly owner?: number,
  ) {
    super(message);
  }
}

const LOCK_FILE = 'hub.lock';
const ATTEMPTS = 200;
const WAIT_MS = 25;

export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  const lockPath = path.join(dataDir, LOCK_FILE);
  // Unique per call: two opens in one process must not share a draft.
  const draft = `${lockPath}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.draft`;
  fs.writeFileSync(draft, String(process.pid));
  try {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (tryLink(draft, lockPath)) {
        sweepLeftovers(dataDir);
        return { release: () => releaseIfOurs(lockPath) };
      }
      const held = readLock(lockPath);
      if (!held) continue; // released just now: try again
      if (isAlive(held.pid) && held.pid !== process.pid) throw inUse(dataDir, held.pid);
      if (!takeOver(lockPath, held, draft)) await sleep(WAIT_MS); // someone else is taking it over
    }
  } finally {
    fs.rmSync(draft, { force: true });
  }
  throw new DataDirInUseError(`Could not lock ${lockPath}: other processes kept taking it. Try again.`);
}

function inUse(dataDir: string, owner: number): DataDirInUseError {
  return new DataDirInUseError(
    `The embedded database in ${path.resolve(dataDir)} is in use by process ${owner} (a running "hub serve"?). ` +
      'Stop that process, set HUB_DATA_DIR to another directory, or use PostgreSQL via DATABASE_URL to share one database.',
    owner,
  );
}

interface HeldLock {
  pid: number;
  /** Which lock file this is: a new lock by the same name is a different file. */
  identity: string;
}

function readLock(lockPath: string): HeldLock | undefined {
  let fd: number;
  try {
    fd = fs.openSync(lockPath, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    // One open file for both, so the pid and the identity are of the same lock file.
    const stat = fs.fstatSync(fd);
    const pid = Number(fs.readFileSync(fd, 'utf8'));
    return { pid, identity: `${stat.ino}-${Math.trunc(stat.mtimeMs)}-${pid}` };
  } finally {
    fs.closeSync(fd);
  }
}

/** Creates `name` as a copy of the finished draft, atomically; false if the name exists. */
function tryLink(draft: string, name: string): boolean {
  try {
    fs.linkSync(draft, name);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!NO_HARD_LINKS.has(code)) throw error;
  }
  // A file system without hard links (FAT, some network shares): an exclusive create is as
  // exclusive, only a reader may for a moment find the file still empty.
  try {
    fs.writeFileSync(name, fs.readFileSync(draft), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Removes the dead owner's lock if this process wins the right to: creating the takeover marker
 * named after that very lock file. Returns false when another live process holds the marker.
 * A marker whose holder died mid-takeover would block the lock for good, so contenders then race
 * for the next marker of the same lock instead; no marker is ever removed but by its holder, so
 * at most one live process holds one at a time.
 */
function takeOver(lockPath: string, stale: HeldLock, draft: string): boolean {
  for (let generation = 0; ; generation++) {
    const marker = `${lockPath}.takeover-${stale.identity}-${generation}`;
    if (tryLink(draft, marker)) return removeHoldingMarker(lockPath, stale, marker);
    const holder = readPid(marker);
    if (holder === undefined) return false; // its holder just finished: look at the lock again
    if (isAlive(holder)) return false;
  }
}

function removeHoldingMarker(lockPath: string, stale: HeldLock, marker: string): boolean {
  try {
    // Only a marker holder removes this lock, so if it is still the one we saw, it is still stale.
    if (readLock(lockPath)?.identity === stale.identity) fs.rmSync(lockPath, { force: true });
  } finally {
    fs.rmSync(marker, { force: true });
  }
  return true;
}

/**
 * Files of earlier takeovers whose process died in them. Holding a live lock, every takeover
 * marker is about a lock file that is gone, so none is in use; a draft is, while its process lives.
 */
function sweepLeftovers(dataDir: string): void {
  for (const name of fs.readdirSync(dataDir)) {
    const draftOf = /^hub\.lock\.(\d+)-\w+\.draft$/.exec(name);
    if (name.startsWith(`${LOCK_FILE}.takeover-`) || (draftOf && !isAlive(Number(draftOf[1])))) {
      fs.rmSync(path.join(dataDir, name), { force: true });
    }
  }
}

function readPid(file: string): number | undefined {
  try {
    return Number(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Whether a process with this pid runs (on this machine). */
export function isAlive(pid: number): boolean {
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
