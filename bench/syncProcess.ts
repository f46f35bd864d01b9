import { spawn } from 'node:child_process';
import path from 'node:path';

/** The stream the issue benchmarks: the largest sample feed, with no entities to upsert. */
export const BENCH_STREAM = 'environment/air-hourly';

/** What bench/syncChild.ts reports on its last stdout line. */
export interface ChildResult {
  status: string;
  error?: string;
  fetched: number;
  inserted: number;
  updated: number;
  quarantined: number;
  syncSeconds: number;
  /** Peak resident set size of the child over its whole life, KiB (getrusage ru_maxrss). */
  maxRssKiB: number;
  /** RSS just before the sync started (modules loaded, database open), KiB: the part no feed size changes. */
  baselineRssKiB: number;
  /** Where the wall time went; "other" is validation, mapping, hashing and the engine's own work. */
  phases: { fetchSeconds: number; dbSeconds: number; otherSeconds: number; dbByStatement: Record<string, number> };
}

const ROOT = path.resolve(__dirname, '..');

/** Runs one sync in a child process (see syncChild.ts) and returns its report. */
export function runSyncProcess(databaseUrl: string, feedsUrl: string): Promise<ChildResult> {
  const args = [path.join(ROOT, 'bin/run-ts.js'), path.join(ROOT, 'bench/syncChild.ts'), '--db', databaseUrl, '--feeds', feedsUrl];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) {
        reject(new Error(`sync child exited with ${code}: ${(stderr || stdout).trim().slice(-2000)}`));
        return;
      }
      resolve(JSON.parse(last) as ChildResult);
    });
  });
}
