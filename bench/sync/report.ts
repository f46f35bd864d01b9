import type { Environment } from '../harness/environment';
import { alignColumns, mib, pass, rate, round, seconds } from '../harness/results';
import type { CopyResult } from './copyBaseline';
import { BENCH_STREAM, type ChildResult } from './syncProcess';
import { MAX_REVIEW_OVERHEAD, type ReviewCost } from './reviewCost';
import { MAX_MANIFEST_RATIO, type ManifestCost } from './manifestCost';

/**
 * The issues' targets: sync at ≥ 50 % of COPY speed (aim 70 %); memory ×1.3 at most for 10× the
 * records, for a sync from the feed server and for a JSON-array file load alike.
 */
export const TARGETS = { minCopyRatio: 0.5, aimCopyRatio: 0.7, maxRssRatio: 1.3 };

export interface ThroughputFigures {
  scale: number;
  storedRows: number;
  sync: ChildResult;
  copy: CopyResult;
}

/** Two loads of the same kind at two sizes, each in a child process of its own, for their peak RSS. */
export interface MemoryPair {
  small: { scale: number; sync: ChildResult };
  large: { scale: number; sync: ChildResult };
}

/** What a run measured: the sections --only left out are absent. */
export interface Measured {
  throughput?: ThroughputFigures;
  memory?: MemoryPair;
  fileLoad?: MemoryPair;
  review?: ReviewCost;
  manifest?: ManifestCost;
}

/** The run's environment, with the machine's load average (1, 5, 15 minutes) as it started and ended. */
export type SyncEnvironment = Environment & { loadAverageStart: number[]; loadAverageEnd: number[] };

/** Peak RSS at both sizes and their ratio, as the report keeps it. */
export interface RssFigures {
  smallScale: number;
  largeScale: number;
  smallKiB: number;
  largeKiB: number;
  ratio: number;
  /** RSS before each load started; peak minus this is what the load itself added. */
  smallBaselineKiB: number;
  largeBaselineKiB: number;
  /** Informational: how the load's own addition grew; noisy when the additions are small. */
  growthRatio: number;
}

export interface BenchResults {
  startedAt: string;
  environment: SyncEnvironment;
  scale?: number;
  storedRows?: number;
  syncSeconds?: number;
  syncRecordsPerSec?: number;
  copySeconds?: number;
  copyRecordsPerSec?: number;
  ratio?: number;
  syncPhases?: ChildResult['phases'];
  rss?: RssFigures;
  /** Loads of a JSON-array file (`hub sync --file x.json`) of fileLoad.smallScale and largeScale records. */
  fileLoad?: RssFigures;
  /** Syncs with the review's default rules against syncs with none. */
  review?: ReviewCost;
  /** A manifest stream against a coded stream of the same feed (and the manifest through JSONata alone). */
  manifest?: ManifestCost;
  /** A target left out of the run is neither met nor missed: undefined. */
  targets: typeof TARGETS & { copyRatioMet?: boolean; copyRatioAimMet?: boolean; rssRatioMet?: boolean; fileRssRatioMet?: boolean; reviewOverheadMet?: boolean; manifestRatioMet?: boolean; maxManifestRatio: number; allMet: boolean };
  /** Every child's full report, phases included, for digging into a surprising figure. */
  runs: { throughput?: ChildResult; rssSmall?: ChildResult; rssLarge?: ChildResult; fileSmall?: ChildResult; fileLarge?: ChildResult };
  notes: string[];
}

export function summarize(startedAt: Date, environment: SyncEnvironment, measured: Measured): BenchResults {
  const { throughput: t, memory, fileLoad, review, manifest } = measured;
  const throughput = t && throughputFigures(t);
  const rss = memory && rssFigures(memory);
  const fileRss = fileLoad && rssFigures(fileLoad);
  const targets = {
    ...TARGETS,
    copyRatioMet: throughput && throughput.ratio >= TARGETS.minCopyRatio,
    copyRatioAimMet: throughput && throughput.ratio >= TARGETS.aimCopyRatio,
    rssRatioMet: rss && rss.ratio <= TARGETS.maxRssRatio,
    fileRssRatioMet: fileRss && fileRss.ratio <= TARGETS.maxRssRatio,
    reviewOverheadMet: review?.met,
    manifestRatioMet: manifest?.met,
    maxManifestRatio: MAX_MANIFEST_RATIO,
  };
  return {
    startedAt: startedAt.toISOString(),
    environment,
    ...throughput,
    rss,
    fileLoad: fileRss,
    review,
    manifest,
    targets: {
      ...targets,
      allMet:
        targets.copyRatioMet !== false && targets.rssRatioMet !== false && targets.fileRssRatioMet !== false && targets.reviewOverheadMet !== false && targets.manifestRatioMet !== false,
    },
    runs: { throughput: t?.sync, rssSmall: memory?.small.sync, rssLarge: memory?.large.sync, fileSmall: fileLoad?.small.sync, fileLarge: fileLoad?.large.sync },
    notes: notesFor(environment),
  };
}

function throughputFigures(t: ThroughputFigures) {
  const syncRecordsPerSec = t.storedRows / t.sync.syncSeconds;
  // Both rates count disclosures rows; the COPY time includes any entities the stream stored.
  const copyRecordsPerSec = t.storedRows / t.copy.seconds;
  return {
    scale: t.scale,
    storedRows: t.storedRows,
    syncSeconds: round(t.sync.syncSeconds, 3),
    syncRecordsPerSec: Math.round(syncRecordsPerSec),
    copySeconds: round(t.copy.seconds, 3),
    copyRecordsPerSec: Math.round(copyRecordsPerSec),
    ratio: round(syncRecordsPerSec / copyRecordsPerSec, 3),
    syncPhases: t.sync.phases,
  };
}

function rssFigures({ small, large }: MemoryPair): RssFigures {
  const added = (run: ChildResult) => run.maxRssKiB - run.baselineRssKiB;
  return {
    smallScale: small.scale,
    largeScale: large.scale,
    smallKiB: small.sync.maxRssKiB,
    largeKiB: large.sync.maxRssKiB,
    ratio: round(large.sync.maxRssKiB / small.sync.maxRssKiB, 3),
    smallBaselineKiB: small.sync.baselineRssKiB,
    largeBaselineKiB: large.sync.baselineRssKiB,
    growthRatio: round(added(large.sync) / Math.max(1, added(small.sync)), 3),
  };
}

function notesFor(environment: SyncEnvironment): string[] {
  const notes: string[] = [];
  if (environment.loadAverageStart[0] > environment.cpus / 2) {
    notes.push(
      `the machine was busy (1-minute load average ${environment.loadAverageStart[0].toFixed(2)} on ${environment.cpus} CPUs at start): ` +
        'times are slow and noisy, ratios less so (runs alternate and each side keeps its best); measure again on a quiet machine.',
    );
  }
  if (environment.settings.autovacuum === 'off') {
    notes.push(
      'autovacuum is off on this server: the freshly synced rows never get planner statistics, which changes how the ' +
        "engine's per-page key lookup is planned (see the 'select … disclosures' entry of runs.*.phases.dbByStatement).",
    );
  }
  return notes;
}

type Row = [string, string, string];

export function formatReport(r: BenchResults): string {
  const rows: Row[] = [
    ...throughputRows(r),
    ...memoryRows(r.rss, 'peak RSS', ['sync', 'synced'], [r.runs.rssSmall, r.runs.rssLarge], r.targets.rssRatioMet),
    ...memoryRows(r.fileLoad, 'peak RSS, JSON file', ['load', 'loaded'], [r.runs.fileSmall, r.runs.fileLarge], r.targets.fileRssRatioMet),
    ...reviewRows(r.review),
    ...manifestRows(r.manifest),
  ];
  const verdict = r.targets.allMet ? 'All targets met.' : 'TARGET MISSED: see the rows marked above.';
  const { postgres, node, cpus, loadAverageStart, loadAverageEnd } = r.environment;
  const scale = r.scale === undefined ? '' : `: ${BENCH_STREAM}, scale ${r.scale}`;
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  const header = `Sync benchmark${scale} (PostgreSQL ${postgres}, Node ${node}, ${cpus} CPUs; load average ${load(loadAverageStart)} at start, ${load(loadAverageEnd)} at end)`;
  return [header, ...alignColumns(rows, (column) => column === 1, '   '), verdict, ...r.notes.map((n) => `note: ${n}`)].join('\n');
}

function throughputRows(r: BenchResults): Row[] {
  if (r.syncPhases === undefined) return [];
  const p = r.syncPhases;
  const syncSeconds = r.syncSeconds!;
  return [
    ['sync (runSync, full)', rate(r.syncRecordsPerSec!), `${r.storedRows} rows in ${syncSeconds.toFixed(2)} s`],
    // The engine fetches the next page while it writes the last, so these overlap: they can add up
    // to more than the wall time, and "not waiting" is what is left when they do not.
    ['  HTTP fetch + JSON parse', seconds(p.fetchSeconds), `${share(p.fetchSeconds, syncSeconds)} (overlaps writing)`],
    ['  database statements', seconds(p.dbSeconds), `${share(p.dbSeconds, syncSeconds)}; slowest: ${slowest(p.dbByStatement)}`],
    ['  not waiting on either', seconds(Math.max(0, p.otherSeconds)), 'validate, map, hash, and whatever the overlap hides'],
    ['COPY of the same rows', rate(r.copyRecordsPerSec!), `${r.storedRows} rows in ${r.copySeconds!.toFixed(2)} s`],
    ['sync / COPY', `${(r.ratio! * 100).toFixed(1)} %`, `target ≥ ${TARGETS.minCopyRatio * 100} % (aim ${TARGETS.aimCopyRatio * 100} %): ${pass(r.targets.copyRatioMet!)}`],
  ];
}

/** A peak-RSS row per size, then their ratio against the target. */
function memoryRows(rss: RssFigures | undefined, what: string, [noun, done]: [string, string], [small, large]: Array<ChildResult | undefined>, met?: boolean): Row[] {
  if (!rss || !small || !large) return [];
  const row = (scale: number, run: ChildResult): Row => {
    const recordsPerSec = Math.round(scale / run.syncSeconds);
    return [`${what}, ${scale} records`, mib(run.maxRssKiB), `${mib(run.baselineRssKiB)} before the ${noun}; ${done} at ${rate(recordsPerSec)}`];
  };
  return [row(rss.smallScale, small), row(rss.largeScale, large), [`${what} ratio`, `× ${rss.ratio.toFixed(2)}`, `target ≤ × ${TARGETS.maxRssRatio}: ${pass(met!)}`]];
}

/** Each stream's sync with and without the review, then the overhead over all of them. */
function reviewRows(review: ReviewCost | undefined): Row[] {
  if (!review) return [];
  const percent = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;
  return [
    ...review.streams.map((s): Row => [
      `review, ${s.stream}`,
      percent(s.overhead),
      `${s.onSeconds.toFixed(2)} s with, ${s.offSeconds.toFixed(2)} s without; ${s.fetched} records, ${s.held} held`,
    ]),
    ['review, all streams', percent(review.overhead), `target < ${MAX_REVIEW_OVERHEAD * 100} %: ${pass(review.met)}`],
  ];
}

/** Each side's best run, then manifest / coded against the target and JSONata only / coded. */
function manifestRows(m: ManifestCost | undefined): Row[] {
  if (!m) return [];
  const label = { coded: 'coded twin', manifest: 'manifest (quick path)', jsonata: 'manifest (JSONata only)' } as const;
  return [
    ...m.sides.map((s): Row => [
      `manifest bench, ${label[s.side]}`,
      rate(s.recordsPerSec),
      `best ${seconds(s.bestSeconds)} of ${s.runSeconds.map((x) => x.toFixed(2)).join(', ')}; ${s.stored} stored, ${s.held} held; ${s.stream}`,
    ]),
    ['manifest / coded', `× ${m.ratio.toFixed(3)}`, `target ≤ × ${MAX_MANIFEST_RATIO}: ${pass(m.met)} (credit/licences, ${m.scale} records, best of ${m.sides[0].runSeconds.length} per side)`],
    ['JSONata only / coded', `× ${m.jsonataRatio.toFixed(3)}`, 'the same mapping with no quick path: what the quick subset saves'],
  ];
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
