import fs from 'node:fs';
import path from 'node:path';
import type { ChildResult } from './syncProcess';
import type { CopyResult } from './copyBaseline';

/** The targets: sync at ≥ 50 % of COPY speed (aim 70 %), memory ×1.3 at most for 10× the records. */
export const TARGETS = { minCopyRatio: 0.5, aimCopyRatio: 0.7, maxRssRatio: 1.3 };

export interface ThroughputFigures {
  scale: number;
  storedRows: number;
  sync: ChildResult;
  copy: CopyResult;
}

export interface MemoryFigures {
  small: { scale: number; sync: ChildResult };
  large: { scale: number; sync: ChildResult };
}

export interface Environment {
  node: string;
  postgres: string;
  cpus: number;
  /** Server settings that move the figures; autovacuum decides whether the new rows have statistics. */
  settings: Record<string, string>;
}

export interface BenchResults {
  startedAt: string;
  environment: Environment;
  scale: number;
  storedRows: number;
  syncSeconds: number;
  syncRecordsPerSec: number;
  copySeconds: number;
  copyRecordsPerSec: number;
  ratio: number;
  syncPhases: ChildResult['phases'];
  rss: {
    smallScale: number;
    largeScale: number;
    smallKiB: number;
    largeKiB: number;
    ratio: number;
    /** RSS before each sync started; peak minus this is what the sync itself added. */
    smallBaselineKiB: number;
    largeBaselineKiB: number;
    /** Informational: how the sync's own addition grew; noisy when the additions are small. */
    growthRatio: number;
  };
  targets: typeof TARGETS & { copyRatioMet: boolean; copyRatioAimMet: boolean; rssRatioMet: boolean; allMet: boolean };
  /** Every child's full report, phases included, for digging into a surprising figure. */
  runs: { throughput: ChildResult; rssSmall: ChildResult; rssLarge: ChildResult };
  notes: string[];
}

export function summarize(startedAt: Date, environment: Environment, t: ThroughputFigures, m: MemoryFigures): BenchResults {
  const syncRecordsPerSec = t.storedRows / t.sync.syncSeconds;
  // Both rates count disclosures rows; the COPY time includes any entities the stream stored.
  const copyRecordsPerSec = t.storedRows / t.copy.seconds;
  const ratio = syncRecordsPerSec / copyRecordsPerSec;
  const small = m.small.sync;
  const large = m.large.sync;
  const rssRatio = large.maxRssKiB / small.maxRssKiB;
  const growthRatio = (large.maxRssKiB - large.baselineRssKiB) / Math.max(1, small.maxRssKiB - small.baselineRssKiB);
  const copyRatioMet = ratio >= TARGETS.minCopyRatio;
  const rssRatioMet = rssRatio <= TARGETS.maxRssRatio;
  return {
    startedAt: startedAt.toISOString(),
    environment,
    scale: t.scale,
    storedRows: t.storedRows,
    syncSeconds: round(t.sync.syncSeconds, 3),
    syncRecordsPerSec: Math.round(syncRecordsPerSec),
    copySeconds: round(t.copy.seconds, 3),
    copyRecordsPerSec: Math.round(copyRecordsPerSec),
    ratio: round(ratio, 3),
    syncPhases: t.sync.phases,
    rss: {
      smallScale: m.small.scale,
      largeScale: m.large.scale,
      smallKiB: small.maxRssKiB,
      largeKiB: large.maxRssKiB,
      ratio: round(rssRatio, 3),
      smallBaselineKiB: small.baselineRssKiB,
      largeBaselineKiB: large.baselineRssKiB,
      growthRatio: round(growthRatio, 3),
    },
    targets: { ...TARGETS, copyRatioMet, copyRatioAimMet: ratio >= TARGETS.aimCopyRatio, rssRatioMet, allMet: copyRatioMet && rssRatioMet },
    runs: { throughput: t.sync, rssSmall: small, rssLarge: large },
    notes: notesFor(environment),
  };
}

function notesFor(environment: Environment): string[] {
  const notes: string[] = [];
  if (environment.settings.autovacuum === 'off') {
    notes.push(
      'autovacuum is off on this server: the freshly synced rows never get planner statistics, which changes how the ' +
        "engine's per-page key lookup is planned (see runs.*.phases.dbByStatement['select disclosures']).",
    );
  }
  return notes;
}

export function formatReport(r: BenchResults): string {
  const pass = (ok: boolean) => (ok ? 'pass' : 'TARGET MISSED');
  const p = r.syncPhases;
  const rows: Array<[string, string, string]> = [
    ['sync (runSync, full)', rate(r.syncRecordsPerSec), `${r.storedRows} rows in ${r.syncSeconds.toFixed(2)} s`],
    // The engine fetches the next page while it writes the last, so these overlap: they can add up
    // to more than the wall time, and "not waiting" is what is left when they do not.
    ['  HTTP fetch + JSON parse', seconds(p.fetchSeconds), `${share(p.fetchSeconds, r.syncSeconds)} (overlaps writing)`],
    ['  database statements', seconds(p.dbSeconds), `${share(p.dbSeconds, r.syncSeconds)}; slowest: ${slowest(p.dbByStatement)}`],
    ['  not waiting on either', seconds(Math.max(0, p.otherSeconds)), 'validate, map, hash, and whatever the overlap hides'],
    ['COPY of the same rows', rate(r.copyRecordsPerSec), `${r.storedRows} rows in ${r.copySeconds.toFixed(2)} s`],
    ['sync / COPY', `${(r.ratio * 100).toFixed(1)} %`, `target ≥ ${TARGETS.minCopyRatio * 100} % (aim ${TARGETS.aimCopyRatio * 100} %): ${pass(r.targets.copyRatioMet)}`],
    memoryRow(r.rss.smallScale, r.runs.rssSmall),
    memoryRow(r.rss.largeScale, r.runs.rssLarge),
    ['peak RSS ratio', `× ${r.rss.ratio.toFixed(2)}`, `target ≤ × ${TARGETS.maxRssRatio}: ${pass(r.targets.rssRatioMet)}`],
  ];
  const widths = [0, 1].map((i) => Math.max(...rows.map((row) => row[i].length)));
  const lines = rows.map(([what, figure, detail]) => `${what.padEnd(widths[0])}   ${figure.padStart(widths[1])}   ${detail}`.trimEnd());
  const verdict = r.targets.allMet ? 'All targets met.' : 'TARGET MISSED: see the rows marked above.';
  const { postgres, node, cpus } = r.environment;
  const header = `Sync benchmark: environment/air-hourly, scale ${r.scale} (PostgreSQL ${postgres}, Node ${node}, ${cpus} CPUs)`;
  return [header, ...lines, verdict, ...r.notes.map((n) => `note: ${n}`)].join('\n');
}

function memoryRow(scale: number, run: ChildResult): [string, string, string] {
  const recordsPerSec = Math.round(scale / run.syncSeconds);
  return [`peak RSS, ${scale} records`, mib(run.maxRssKiB), `${mib(run.baselineRssKiB)} before the sync; synced at ${rate(recordsPerSec)}`];
}

/** Writes the figures to bench/results/sync-<timestamp>.json (git-ignored); returns the path. */
export function writeResults(r: BenchResults, dir = path.join(__dirname, 'results')): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `sync-${r.startedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}

function slowest(byStatement: Record<string, number>): string {
  return Object.entries(byStatement)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([statement, s]) => `${statement} ${s.toFixed(2)} s`)
    .join(', ');
}

function share(part: number, whole: number): string {
  return whole > 0 ? `${((part / whole) * 100).toFixed(0)} % of the sync` : '';
}

const rate = (perSec: number) => `${perSec.toLocaleString('en-US')} rec/s`;
const seconds = (s: number) => `${s.toFixed(2)} s`;
const mib = (kib: number) => `${(kib / 1024).toFixed(1)} MiB`;
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
