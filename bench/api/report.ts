import type { QueryName, ServerName, Target } from './options';
import type { RunFigures } from './load';
import type { ProfileSummary } from './cpuProfile';
import type { Environment } from '../harness/environment';
import { alignColumns, round } from '../harness/results';

/**
 * The targets, on every workload with the hub's response cache off: at least PostGraphile's
 * throughput and a p99 no worse; and the search page at least as fast as the hub's own list page,
 * with a p99 under 50 ms.
 */
export const API_TARGET = { minRatio: 1.0, maxP99Ratio: 1.0, minSearchToList: 1.0, maxSearchP99Ms: 50 };

export interface ServerFigures {
  server: ServerName;
  /** Means over the measured rounds. */
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  meanLatencyMs: number;
  /** The worst round's p99. */
  worstP99Ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
  /** Statements per request over one pass through every variant, with nothing else running. */
  statementsPerRequest: number;
  /** The first variant's statements, by verb and table, and as sent. */
  statementLabels: Record<string, number>;
  sql: string[];
  /** The same over the load runs (statements sent / responses received). */
  statementsPerRequestUnderLoad: number;
  serverCpuMsPerRequest: number;
  /** Share of one core the server process used under load: near 100 % it is bound by its own CPU, well below it waits (on PostgreSQL). */
  serverCpuShare: number;
  /** Mean over the variants. */
  responseBytes: number;
  runs: RunFigures[];
}

/** hub / PostGraphile: above 1 means the hub serves more requests per second, has the higher p99, spends more CPU per request. */
export interface Ratio {
  reqPerSec: number;
  p99: number;
  serverCpuMsPerRequest: number;
}

export interface QueryFigures {
  query: QueryName;
  /** What each request varied by, in the order they were sent (cycled). */
  variants: string[];
  /** Rows in the hub's answers, mean over the variants. */
  rowsPerAnswer: number;
  servers: Record<ServerName, ServerFigures>;
  /** The hub with its response cache off against PostGraphile: the headline. */
  ratio: Ratio;
  /** The hub with its response cache on against PostGraphile. */
  cachedRatio: Ratio;
  /** Whether the uncached hub meets the target on this workload, and what it missed. */
  verdict: { met: boolean; missed: string[] };
  /** How the two answers differ (see each workload for why they may). */
  differences: string[];
  graphql: Record<Target, string>;
  caveat?: string;
}

export interface SkippedQuery {
  query: QueryName;
  skipped: string;
}

export interface SearchVerdict {
  /** Hub search req/s / hub list req/s, both with the response cache off. */
  toList: number;
  p99Ms: number;
  met: boolean;
}

export interface ApiBenchResults {
  startedAt: string;
  environment: Environment & { postgraphile: string; autocannon: string; loadAverageStart: number[]; loadAverageEnd: number[] };
  settings: { scale: number; duration: number; warmup: number; connections: number; rounds: number; variants: number; poolSize: number; hubLogLevel: string };
  data: { disclosures: number; entities: number; parties: number; syncSeconds: number };
  queries: QueryFigures[];
  skipped: SkippedQuery[];
  target: typeof API_TARGET & { met: boolean | null; search: SearchVerdict | null };
  profiles: Array<{ target: Target; query: QueryName; summary: ProfileSummary }>;
  notes: string[];
}

export function serverFigures(
  server: ServerName,
  checked: { first: { byLabel: Record<string, number>; sql: string[] }; statementsPerRequest: number; bytes: number },
  runs: RunFigures[],
): ServerFigures {
  const sum = (f: (r: RunFigures) => number) => runs.reduce((s, r) => s + f(r), 0);
  const mean = (f: (r: RunFigures) => number) => sum(f) / Math.max(1, runs.length);
  return {
    server,
    reqPerSec: round(mean((r) => r.reqPerSec), 1),
    p50Ms: round(mean((r) => r.latencyMs.p50), 1),
    p99Ms: round(mean((r) => r.latencyMs.p99), 1),
    meanLatencyMs: round(mean((r) => r.latencyMs.mean), 2),
    worstP99Ms: Math.max(...runs.map((r) => r.latencyMs.p99)),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    non2xx: sum((r) => r.non2xx),
    mismatches: sum((r) => r.mismatches),
    statementsPerRequest: round(checked.statementsPerRequest, 2),
    statementLabels: checked.first.byLabel,
    sql: checked.first.sql,
    statementsPerRequestUnderLoad: round(mean((r) => r.statementsPerRequest), 3),
    serverCpuMsPerRequest: round(mean((r) => r.serverCpuMsPerRequest), 3),
    serverCpuShare: round(mean((r) => r.serverCpuShare), 3),
    responseBytes: checked.bytes,
    runs,
  };
}

export function queryFigures(q: Omit<QueryFigures, 'ratio' | 'cachedRatio' | 'verdict'>): QueryFigures {
  const pg = q.servers.postgraphile;
  const ratio = ratioOf(q.servers.hub, pg);
  const missed: string[] = [];
  // Judged on the figures themselves, not the rounded ratio: 2,213 req/s against 2,214 is a miss, not × 1.000.
  const hub = q.servers.hub;
  if (hub.reqPerSec < pg.reqPerSec * API_TARGET.minRatio) missed.push(`req/s × ${(hub.reqPerSec / pg.reqPerSec).toFixed(3)} < × ${API_TARGET.minRatio.toFixed(1)}`);
  if (hub.p99Ms > pg.p99Ms * API_TARGET.maxP99Ratio) missed.push(`p99 × ${(hub.p99Ms / pg.p99Ms).toFixed(3)} worse`);
  return { ...q, ratio, cachedRatio: ratioOf(q.servers.hubCached, pg), verdict: { met: missed.length === 0, missed } };
}

function ratioOf(hub: ServerFigures, pg: ServerFigures): Ratio {
  return {
    reqPerSec: round(hub.reqPerSec / pg.reqPerSec, 3),
    p99: round(hub.p99Ms / pg.p99Ms, 3),
    serverCpuMsPerRequest: round(hub.serverCpuMsPerRequest / pg.serverCpuMsPerRequest, 3),
  };
}

export function targetVerdict(queries: QueryFigures[]): ApiBenchResults['target'] {
  const list = queries.find((q) => q.query === 'list');
  const found = queries.find((q) => q.query === 'search');
  let search: SearchVerdict | null = null;
  if (list && found) {
    const toList = round(found.servers.hub.reqPerSec / list.servers.hub.reqPerSec, 3);
    const p99Ms = found.servers.hub.p99Ms;
    search = { toList, p99Ms, met: toList >= API_TARGET.minSearchToList && p99Ms < API_TARGET.maxSearchP99Ms };
  }
  const met = queries.length ? queries.every((q) => q.verdict.met) && (search?.met ?? true) : null;
  return { ...API_TARGET, met, search };
}

const LABELS: Record<ServerName, string> = { hub: 'hub, cache off', postgraphile: 'PostGraphile', hubCached: 'hub, cache on' };
const COLUMNS = ['workload', 'server', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'mismatch', 'SQL/req', 'CPU ms/req', 'CPU %', 'bytes/resp', 'rounds (req/s | p99 ms)'];

function serverRow(query: string, s: ServerFigures): string[] {
  return [
    query,
    LABELS[s.server],
    s.reqPerSec.toFixed(0),
    s.p50Ms.toFixed(1),
    s.p99Ms.toFixed(1),
    String(s.errors + s.timeouts + s.non2xx),
    String(s.mismatches),
    statementsCell(s),
    s.serverCpuMsPerRequest.toFixed(2),
    (s.serverCpuShare * 100).toFixed(0),
    String(s.responseBytes),
    s.runs.map((run) => `${run.reqPerSec.toFixed(0)} | ${run.latencyMs.p99}`).join(', '),
  ];
}

function ratioRow(query: string, r: Ratio, verdict: string): string[] {
  return [query, 'hub / PG', `× ${r.reqPerSec.toFixed(2)}`, '', `× ${r.p99.toFixed(2)}`, '', '', '', `× ${r.serverCpuMsPerRequest.toFixed(2)}`, '', '', verdict];
}

/** Words (workload, server, the rounds at the end) to the left, figures to the right. */
const table = (rows: string[][]) => alignColumns([COLUMNS, ...rows], (i) => i >= 2 && i < COLUMNS.length - 1, '  ');

export function formatApiReport(r: ApiBenchResults): string {
  const s = r.settings;
  const header = [
    `API benchmark: hub vs PostGraphile ${r.environment.postgraphile} (autocannon ${r.environment.autocannon}), ${s.connections} connections, ${s.rounds} × ${s.duration} s per server and workload (interleaved), ${s.warmup} s warm-up`,
    `data: ${r.data.disclosures} disclosures, ${r.data.entities} entities, ${r.data.parties} parties (sample feeds, ${s.scale} records per stream, synced in ${r.data.syncSeconds} s)`,
    `PostgreSQL ${r.environment.postgres}, Node ${r.environment.node}, ${r.environment.cpus} CPUs; load average ${fmtLoad(r.environment.loadAverageStart)} at start, ${fmtLoad(r.environment.loadAverageEnd)} at end`,
    `every server in a child process, ${s.poolSize} database connections each; hub LOG_LEVEL=${s.hubLogLevel}; each request a different variant (up to ${s.variants} per workload), the same sequence for every server`,
  ];
  const headline = r.queries.flatMap((q) => [
    serverRow(q.query, q.servers.hub),
    serverRow(q.query, q.servers.postgraphile),
    ratioRow(q.query, q.ratio, q.verdict.met ? 'met' : `TARGET MISSED: ${q.verdict.missed.join(', ')}`),
  ]);
  const cached = r.queries.flatMap((q) => [serverRow(q.query, q.servers.hubCached), ratioRow(q.query, q.cachedRatio, '')]);
  const lines = [
    ...header,
    '',
    'Hub with its response cache OFF (HUB_RESPONSE_CACHE=off) vs PostGraphile: every request reaches PostgreSQL on both',
    ...table(headline),
    '',
    ...verdictLines(r),
    '',
    'Hub with its response cache ON (the default), same requests, vs PostGraphile above',
    ...table(cached),
    '',
    ...r.queries.map((q) => `variants: ${q.query}: ${q.variants.length} (${q.variants.slice(0, 3).join(', ')}${q.variants.length > 3 ? ', …' : ''}), ${q.rowsPerAnswer.toFixed(1)} rows per hub answer`),
    ...r.skipped.map((q) => `skipped: ${q.query}: ${q.skipped}`),
    ...r.queries.flatMap((q) => q.differences).map((d) => `answers differ: ${d}`),
    ...r.notes.map((n) => `note: ${n}`),
  ];
  return lines.join('\n');
}

function verdictLines(r: ApiBenchResults): string[] {
  const t = r.target;
  const lines = [
    t.met === null
      ? 'no workload ran: no verdict on the target'
      : `target (cache off): hub ≥ × ${t.minRatio.toFixed(1)} PostGraphile's req/s and p99 no worse on every workload: ${t.met ? 'met' : 'TARGET MISSED'}`,
  ];
  if (t.search) {
    lines.push(
      `target (cache off): search ≥ × ${t.minSearchToList.toFixed(1)} the hub's list req/s and p99 < ${t.maxSearchP99Ms} ms: × ${t.search.toList.toFixed(2)}, p99 ${t.search.p99Ms.toFixed(1)} ms, ${t.search.met ? 'met' : 'TARGET MISSED'}`,
    );
  }
  return lines;
}

/** The count over one pass through the variants, with the load's average (statements / responses) when it differs. */
function statementsCell(s: ServerFigures): string {
  const load = s.statementsPerRequestUnderLoad;
  const single = Number.isInteger(s.statementsPerRequest) ? String(s.statementsPerRequest) : s.statementsPerRequest.toFixed(2);
  return Math.abs(load - s.statementsPerRequest) < 0.05 ? single : `${single} (${load.toFixed(2)})`;
}

const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');

export function notesFor(cpus: number, loadAverageStart: number[], queries: QueryFigures[]): string[] {
  const notes = [
    'SQL/req: statements per request over one pass through every variant, counted at pg Client#query in each server process; in brackets the average over the load runs when it differs ' +
      '(the cached hub sends none for an answer it has in memory).',
    "CPU ms/req: the server process's own CPU time per response (PostgreSQL's is not included): steadier than req/s on a shared machine. " +
      'CPU %: how much of one core the server process used under load; near 100 % it is bound by its own (single-threaded) CPU, well below it waits on PostgreSQL.',
    'errors: socket errors, timeouts and non-2xx responses; mismatch: 2xx answers that differ from the answer to the same variant checked before the load.',
    'each run starts once PostgreSQL has no statement left running from the run before (a server keeps running the requests it had when its load stopped).',
    "the cached hub's check before the load fills its cache, so under load it answers from memory for as long as each answer's max-age allows.",
    ...queries.filter((q) => q.caveat).map((q) => `${q.query}: ${q.caveat}`),
  ];
  if (loadAverageStart[0] > cpus) {
    notes.push(
      `the machine was busy (1-minute load average ${loadAverageStart[0].toFixed(2)} on ${cpus} CPUs at start): absolute figures are low and noisy; the ratios, ` +
        'from interleaved runs, are the figures to read.',
    );
  }
  return notes;
}
