import { runForJsonLine } from '../harness/childScript';

/** The stream the issue benchmarks: the largest sample feed, with no entities to upsert. */
export const BENCH_STREAM = 'environment/air-hourly';

/** What bench/sync/child.ts reports on its last stdout line. */
export interface ChildResult {
  status: string;
  error?: string;
  fetched: number;
  inserted: number;
  updated: number;
  quarantined: number;
  /** Records the review held (not stored): the planted ones in the text-bearing sample streams. */
  held: number;
  syncSeconds: number;
  /** Peak resident set size of the child over its whole life, KiB (getrusage ru_maxrss). */
  maxRssKiB: number;
  /** RSS just before the sync started (modules loaded, database open), KiB: the part no feed size changes. */
  baselineRssKiB: number;
  /** Where the wall time went; "other" is validation, mapping, hashing and the engine's own work. */
  phases: { fetchSeconds: number; dbSeconds: number; otherSeconds: number; dbByStatement: Record<string, number> };
}

/** Where the child reads the records from: the sample feed server, or a file (as `hub sync --file`). */
export type SyncInput = { feeds: string } | { file: string };

/** Which stream a child syncs (BENCH_STREAM unless named), whether it reviews (it does unless told), and whether it is profiled. */
export interface SyncChoice {
  stream?: string;
  review?: 'on' | 'off';
  /** Write a CPU profile of the sync here (the profiler slows it: such a run is not a figure). */
  cpuProf?: string;
}

/** Runs one sync into `databaseUrl` in a child process (see child.ts) and returns its report. */
export function runSyncProcess(databaseUrl: string, input: SyncInput, choice: SyncChoice = {}): Promise<ChildResult> {
  const from = 'feeds' in input ? ['--feeds', input.feeds] : ['--file', input.file];
  const stream = choice.stream ? ['--stream', choice.stream] : [];
  const review = choice.review ? ['--review', choice.review] : [];
  const profile = choice.cpuProf ? ['--cpu-prof', choice.cpuProf] : [];
  return runForJsonLine<ChildResult>('sync/child.ts', ['--db', databaseUrl, ...from, ...stream, ...review, ...profile]);
}
