import type { ApiBenchResults } from '../api/report';
import type { Environment } from '../harness/environment';
import { alignColumns, mib, pass, round } from '../harness/results';
import { activityText, mergeActivity, type DatabaseActivity } from './databaseActivity';
import { errorSum, type ErrorCounts } from './loadTally';
import { kindTrends, type KindTrend } from './kindTrend';
import { MAX_MEMORY_RATIO, memoryVerdict, type MemoryComparison, type MemoryVerdict } from './memoryVerdict';
import type { MixRunFigures } from './mixedLoad';
import type { SoakOptions } from './options';
import type { QueryKind } from './queryKinds';
import type { Sample } from './sampler';
import type { SyncSummary } from './syncRuns';
import { soakWindows, WINDOW_SECONDS } from './windows';

/** The issue's targets: memory flat once warm (memoryVerdict), no failed request, syncs at most double the p99. */
export const SOAK_TARGETS = { maxMemoryRatio: MAX_MEMORY_RATIO, maxErrors: 0, maxP99Ratio: 2 };
/** Rows of the printed time series at most; past that, consecutive samples share a row. */
const MAX_SERIES_ROWS = 40;

export interface SoakResults {
  startedAt: string;
  environment: Environment & { autocannon: string; loadAverageStart: number[]; loadAverageEnd: number[] };
  settings: Omit<SoakOptions, 'adminUrl'> & { warmupSeconds: number; weights: Record<QueryKind, number>; variants: Record<QueryKind, number>; streams: string[]; staggerSeconds: number };
  data: ApiBenchResults['data'];
  /** The same mix on a hub with its schedule off, before the soak. */
  idle: MixRunFigures;
  soak: MixRunFigures & { startRssKiB: number | null };
  samples: Sample[];
  syncs: SyncSummary & { editionsPublished: number };
  summary: SoakSummary;
  notes: string[];
}

export interface SoakSummary {
  memory: MemoryVerdict;
  /** Each kind of query's p50 in the memory verdict's first window against its last. */
  kinds: Record<QueryKind, KindTrend>;
  errors: ErrorCounts & { total: number; met: boolean };
  p99: {
    idleMs: number;
    soakMs: number;
    ratio: number;
    met: boolean;
    /** The worst interval's p99 with a sync running, and without. */
    worstIntervalWithSyncMs: number | null;
    worstIntervalWithoutSyncMs: number | null;
  };
  allMet: boolean;
}

export function summarizeSoak(samples: Sample[], sampleSeconds: number, idle: MixRunFigures, soak: MixRunFigures): SoakSummary {
  const memory = memoryVerdict(samples, soak.seconds);
  const total = errorSum(soak.errors);
  const errors = { ...soak.errors, total, met: total <= SOAK_TARGETS.maxErrors };
  const ratio = round(soak.latencyMs.p99 / Math.max(1, idle.latencyMs.p99), 2);
  const p99 = {
    idleMs: idle.latencyMs.p99,
    soakMs: soak.latencyMs.p99,
    ratio,
    met: ratio <= SOAK_TARGETS.maxP99Ratio,
    worstIntervalWithSyncMs: worstP99(samples.filter((s) => s.syncRuns > 0 && !isRemainder(s, sampleSeconds))),
    worstIntervalWithoutSyncMs: worstP99(samples.filter((s) => s.syncRuns === 0 && !isRemainder(s, sampleSeconds))),
  };
  const memoryMet = memory.peakRss.met !== false && memory.liveHeapMedian.met !== false;
  return { memory, kinds: kindTrends(soakWindows(samples, soak.seconds)), errors, p99, allMet: memoryMet && errors.met && p99.met };
}

/**
 * The last sample when it is the short remainder at stop: it holds the load's wind-down, a few
 * dozen responses still in flight as the connections close, whose p99 is their slowest and whose
 * rate is no rate of the soak, so the worst-interval figures leave it out (its responses still count).
 */
const isRemainder = (s: Sample, sampleSeconds: number) => s.intervalSeconds < sampleSeconds / 2;

function worstP99(samples: Sample[]): number | null {
  const p99s = samples.map((s) => s.latencyMs.p99).filter((p): p is number => p !== null);
  return p99s.length ? Math.max(...p99s) : null;
}

export function formatSoakReport(r: SoakResults): string {
  const s = r.settings;
  const header = [
    `Soak benchmark: ${s.minutes} min of the portal's query mix at ${s.connections} connections against one hub (response cache ${s.responseCache}), its own scheduler syncing all ${s.streams.length} streams every ${s.syncEvery} min (autocannon ${r.environment.autocannon})`,
    `data: ${r.data.disclosures} disclosures, ${r.data.entities} entities (sample feeds, ${s.scale} records per stream); mix per 100 requests: ${mixText(s.weights, s.variants)}`,
    `PostgreSQL ${r.environment.postgres}, Node ${r.environment.node}, ${r.environment.cpus} CPUs; load average ${loadText(r.environment.loadAverageStart)} at start, ${loadText(r.environment.loadAverageEnd)} at end`,
    `idle baseline, ${s.idleSeconds} s with no sync: ${runText(r.idle)}`,
    `soak: ${runText(r.soak)}`,
  ];
  const verdict = r.summary.allMet ? 'All targets met.' : 'TARGET MISSED: see the rows marked above.';
  return [...header, '', ...seriesTable(r.samples, s.sampleSeconds), '', ...kindTable(r.idle, r.soak, r.summary), '', ...verdictTable(r.summary, r.soak.startRssKiB), ...syncLines(r), verdict, ...r.notes.map((n) => `note: ${n}`)]
    .join('\n');
}

/**
 * Each kind of query's share of the soak and its latencies, beside the idle baseline's (which page
 * makes the tail), and its p50 in the first window against the last (which page slows as data grows).
 */
function kindTable(idle: MixRunFigures, soak: MixRunFigures, summary: SoakSummary): string[] {
  const ms = (value: number | null) => (value === null ? '-' : value.toFixed(1));
  const window = clock(summary.memory.windowSeconds);
  const rows = [['kind', 'responses', 'p50 ms', 'p99 ms', 'idle p50 ms', 'idle p99 ms', `p50 ms first ${window}`, `last ${window}`, 'growth']];
  for (const kind of Object.keys(soak.byKind) as QueryKind[]) {
    const [s, i, trend] = [soak.byKind[kind], idle.byKind[kind], summary.kinds[kind]];
    const growth = trend.ratio === null ? '-' : `× ${trend.ratio.toFixed(2)}`;
    rows.push([kind, String(s.responses), ms(s.latencyMs.p50), ms(s.latencyMs.p99), ms(i.latencyMs.p50), ms(i.latencyMs.p99), ms(trend.firstP50Ms), ms(trend.lastP50Ms), growth]);
  }
  return alignColumns(rows, (column) => column > 0, '  ');
}

function verdictTable(summary: SoakSummary, startRssKiB: number | null): string[] {
  const { memory, errors, p99 } = summary;
  const windows = `first ${clock(memory.windowSeconds)} → last ${clock(memory.windowSeconds)}`;
  const before = startRssKiB === null ? '' : `; ${mib(startRssKiB)} before the load`;
  const peak = memory.peakKiB === null ? '' : `; ${mib(memory.peakKiB)} at most`;
  const rows = [
    ['', 'measured', 'target', ''],
    memoryRow(`peak RSS, ${windows}`, memory.peakRss, `${before}${peak}`),
    memoryRow(`median live heap, ${windows}`, memory.liveHeapMedian, ''),
    ['errors', `${errors.total} (non-2xx ${errors.non2xx}, GraphQL ${errors.graphql}, socket ${errors.socket})`, `${SOAK_TARGETS.maxErrors}`, pass(errors.met)],
    ['p99, soak vs idle', `${p99.soakMs} ms vs ${p99.idleMs} ms (× ${p99.ratio.toFixed(2)})`, `≤ × ${SOAK_TARGETS.maxP99Ratio}`, pass(p99.met)],
  ];
  return alignColumns(rows, () => false, '   ');
}

function memoryRow(label: string, c: MemoryComparison, more: string): string[] {
  const measured = c.ratio === null ? 'not read' : `${mib(c.firstKiB!)} → ${mib(c.lastKiB!)} (× ${c.ratio.toFixed(2)})${more}`;
  return [label, measured, `≤ × ${SOAK_TARGETS.maxMemoryRatio}`, c.met === null ? 'no verdict' : pass(c.met)];
}

function syncLines(r: SoakResults): string[] {
  const y = r.syncs;
  const statuses = Object.entries(y.byStatus).map(([status, n]) => `${status} ${n}`).join(', ') || 'none';
  const worst = (ms: number | null) => (ms === null ? 'no such interval' : `${ms} ms`);
  return [
    `syncs: ${y.runs} scheduled runs (${statuses}), mean ${y.meanSeconds} s, longest ${y.maxSeconds} s; ${y.fetched} records fetched, ${y.inserted} inserted, ${y.updated} updated; ${y.editionsPublished} new feed editions published`,
    `worst interval p99: ${worst(r.summary.p99.worstIntervalWithSyncMs)} with a sync running, ${worst(r.summary.p99.worstIntervalWithoutSyncMs)} without`,
  ];
}

/** The time series, a row per sample, or per run of samples when there are many (then the worst p50/p99 of the run). */
function seriesTable(samples: Sample[], sampleSeconds: number): string[] {
  const size = Math.ceil(samples.length / MAX_SERIES_ROWS);
  const rows = [['time', 'RSS', 'live heap', 'req/s', size > 1 ? 'p50 ms (worst)' : 'p50 ms', size > 1 ? 'p99 ms (worst)' : 'p99 ms', 'errors', 'CPU % hub', 'PG', 'feeds', 'load', 'idle', 'iowait', 'steal', 'sync', 'PostgreSQL']];
  for (let i = 0; i < samples.length; i += size) rows.push(seriesRow(samples.slice(i, i + size), sampleSeconds));
  return alignColumns(rows, (column) => column < 14, '  ');
}

function seriesRow(group: Sample[], sampleSeconds: number): string[] {
  const last = group[group.length - 1];
  const worst = (f: (s: Sample) => number | null) => {
    const values = group.map(f).filter((v): v is number => v !== null);
    return values.length ? Math.max(...values).toFixed(1) : '-';
  };
  const meanPercent = (f: (s: Sample) => number | null | undefined) => {
    const shares = group.map(f).filter((c): c is number => c !== null && c !== undefined);
    return percentText(shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : null);
  };
  return [
    group.length === 1 && isRemainder(last, sampleSeconds) ? `${clock(last.seconds)} (${last.intervalSeconds} s)` : clock(last.seconds),
    last.rssKiB === null ? '-' : mib(last.rssKiB),
    last.liveHeapKiB === null ? '-' : mib(last.liveHeapKiB),
    // Responses over time, not a mean of rates: a group may end with the short remainder at stop.
    (group.reduce((n, s) => n + s.responses, 0) / group.reduce((t, s) => t + s.intervalSeconds, 0)).toFixed(0),
    worst((s) => s.latencyMs.p50),
    worst((s) => s.latencyMs.p99),
    String(group.reduce((n, s) => n + errorSum(s.errors), 0)),
    meanPercent((s) => s.serverCpuShare),
    meanPercent((s) => s.othersCpu?.postgres),
    meanPercent((s) => s.othersCpu?.feeds),
    meanPercent((s) => s.othersCpu?.load),
    meanPercent((s) => s.machineCpu?.idle),
    meanPercent((s) => s.machineCpu?.iowait),
    meanPercent((s) => s.machineCpu?.steal),
    group.some((s) => s.syncRuns > 0) ? 'syncing' : '',
    activityText(mergeActivity(group.map((s) => s.database).filter((a): a is DatabaseActivity => a !== null))),
  ];
}

/** One line per sample on stderr while the soak runs. */
export function sampleLine(s: Sample): string {
  const rss = s.rssKiB === null ? 'RSS unread' : `RSS ${mib(s.rssKiB)}`;
  const live = s.liveHeapKiB === null ? '' : ` (live heap ${mib(s.liveHeapKiB)})`;
  const p99 = s.latencyMs.p99 === null ? 'no response' : `p99 ${s.latencyMs.p99} ms`;
  const database = s.database ? activityText(s.database) : '';
  return `  ${clock(s.seconds)}  ${rss}${live}, ${s.reqPerSec.toFixed(0)} req/s, ${p99}, ${errorSum(s.errors)} errors, ${cpuText(s)}${s.syncRuns ? ', syncing' : ''}${database ? `, PostgreSQL: ${database}` : ''}`;
}

/** "CPU % hub 45, PG 60, feeds 2, load 38, idle 50, iowait 3, steal 0" (of one core each). */
function cpuText(s: Sample): string {
  const { othersCpu: o, machineCpu: m } = s;
  return `CPU % hub ${percentText(s.serverCpuShare)}, PG ${percentText(o?.postgres)}, feeds ${percentText(o?.feeds)}, load ${percentText(o?.load)}, idle ${percentText(m?.idle)}, iowait ${percentText(m?.iowait)}, steal ${percentText(m?.steal)}`;
}

/** A share of one core as a whole percentage; '-' where it was not read. */
function percentText(share: number | null | undefined): string {
  return share === null || share === undefined ? '-' : (share * 100).toFixed(0);
}

export function notesFor(r: Omit<SoakResults, 'notes'>): string[] {
  const notes = [
    'the idle baseline ran on a hub of its own with its schedule off (as bench:api runs it), before the soaked hub started: a hub fixes its schedule when it starts.',
    "p99 soak vs idle: autocannon's histograms over each whole run (1 ms resolution); the time series' percentiles are each interval's own.",
  ];
  const last = r.samples[r.samples.length - 1];
  if (last && isRemainder(last, r.settings.sampleSeconds)) {
    notes.push(`the series' last ${last.intervalSeconds} s are the load's wind-down (the responses in flight as autocannon stopped): no rate of the soak, and left out of the worst-interval figures.`);
  }
  if (r.summary.memory.windowSeconds < WINDOW_SECONDS) {
    notes.push(`a short soak: memory and each kind's p50 are compared over its halves instead of its first and last 5 minutes; the target is meant for the 30-minute default.`);
  }
  for (const f of r.syncs.failures) notes.push(`scheduled sync of ${f.stream} failed: ${f.error ?? 'no reason recorded'}`);
  if (r.environment.loadAverageStart[0] > r.environment.cpus) {
    notes.push(`the machine was busy (1-minute load average ${r.environment.loadAverageStart[0].toFixed(2)} on ${r.environment.cpus} CPUs at start): latencies are high and noisy.`);
  }
  return notes;
}

function runText(run: MixRunFigures): string {
  return `${run.requests} requests, ${run.reqPerSec.toFixed(0)} req/s, p50 ${run.latencyMs.p50} ms, p99 ${run.latencyMs.p99} ms, ${errorSum(run.errors)} errors`;
}

function mixText(weights: Record<QueryKind, number>, variants: Record<QueryKind, number>): string {
  return Object.entries(weights).map(([kind, weight]) => `${kind} ${weight} (${variants[kind as QueryKind]} variants)`).join(', ');
}

const loadText = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');

/** Seconds as m:ss. */
function clock(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
