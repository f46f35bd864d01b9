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

export interface BenchResults {
  startedAt: string;
  environment: { node: string; postgres: string; cpus: number };
  scale: number;
  storedRows: number;
  syncSeconds: number;
  syncRecordsPerSec: number;
  copySeconds: number;
  copyRecordsPerSec: number;
  ratio: number;
  syncPhases: ChildResult['phases'];
  rss: { smallScale: number; largeScale: number; smallKiB: number; largeKiB: number; ratio: number };
  targets: typeof TARGETS & { copyRatioMet: boolean; copyRatioAimMet: boolean; rssRatioMet: boolean; allMet: boolean };
}

export function summarize(startedAt: Date, environment: BenchResults['environment'], t: ThroughputFigures, m: MemoryFigures): BenchResults {
  const syncRecordsPerSec = t.storedRows / t.sync.syncSeconds;
  // Both rates count disclosures rows; the COPY time includes any entities the stream stored.
  const copyRecordsPerSec = t.storedRows / t.copy.seconds;
  const ratio = syncRecordsPerSec / copyRecordsPerSec;
  const rssRatio = m.large.sync.maxRssKiB / m.small.sync.maxRssKiB;
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
      smallKiB: m.small.sync.maxRssKiB,
      largeKiB: m.large.sync.maxRssKiB,
      ratio: round(rssRatio, 3),
    },
    targets: { ...TARGETS, copyRatioMet, copyRatioAimMet: ratio >= TARGETS.aimCopyRatio, rssRatioMet, allMet: copyRatioMet && rssRatioMet },
  };
}

export function formatReport(r: BenchResults): string {
  const mib = (kib: number) => `${(kib / 1024).toFixed(1)} MiB`;
  const pass = (ok: boolean) => (ok ? 'pass' : 'TARGET MISSED');
  const p = r.syncPhases;
  const rows: Array<[string, string, string]> = [
    ['sync (runSync, full)', `${r.syncRecordsPerSec.toLocaleString('en-US')} rec/s`, `${r.storedRows} rows in ${r.syncSeconds.toFixed(2)} s`],
    ['  of which HTTP fetch + JSON parse', `${p.fetchSeconds.toFixed(2)} s`, share(p.fetchSeconds, r.syncSeconds)],
    ['  of which database statements', `${p.dbSeconds.toFixed(2)} s`, share(p.dbSeconds, r.syncSeconds)],
    ['  of which validate/map/hash/other', `${p.otherSeconds.toFixed(2)} s`, share(p.otherSeconds, r.syncSeconds)],
    ['COPY of the same rows', `${r.copyRecordsPerSec.toLocaleString('en-US')} rec/s`, `${r.storedRows} rows in ${r.copySeconds.toFixed(2)} s`],
    ['sync / COPY', `${(r.ratio * 100).toFixed(1)} %`, `target ≥ ${TARGETS.minCopyRatio * 100} % (aim ${TARGETS.aimCopyRatio * 100} %): ${pass(r.targets.copyRatioMet)}`],
    [`peak RSS, ${r.rss.smallScale} records`, mib(r.rss.smallKiB), ''],
    [`peak RSS, ${r.rss.largeScale} records`, mib(r.rss.largeKiB), ''],
    ['peak RSS ratio', `× ${r.rss.ratio.toFixed(2)}`, `target ≤ × ${TARGETS.maxRssRatio}: ${pass(r.targets.rssRatioMet)}`],
  ];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i].length)));
  const lines = rows.map((row) => row.map((cell, i) => (i === 1 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('   ').trimEnd());
  const verdict = r.targets.allMet ? 'All targets met.' : 'TARGET MISSED: see the rows marked above.';
  return [`Sync benchmark: environment/air-hourly, scale ${r.scale}`, ...lines, verdict].join('\n');
}

/** Writes the figures to bench/results/sync-<timestamp>.json (git-ignored); returns the path. */
export function writeResults(r: BenchResults, dir = path.join(__dirname, 'results')): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `sync-${r.startedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}

function share(part: number, whole: number): string {
  return whole > 0 ? `${((part / whole) * 100).toFixed(0)} % of the sync` : '';
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
