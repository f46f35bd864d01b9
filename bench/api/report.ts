import type { QueryName, Target } from './options';
import type { RunFigures } from './load';
import type { ProfileSummary } from './cpuProfile';
import type { Environment } from '../harness/environment';
import { alignColumns, round } from '../harness/results';

/** The target: the hub serves the portal's list query at least as fast as PostGraphile. */
export const API_TARGET = { minListRatio: 1.0 };

export interface ServerFigures {
  target: Target;
  /** Means over the measured rounds. */
  reqPerSec: number;
  p99Ms: number;
  meanLatencyMs: number;
  /** The worst round's p99. */
  worstP99Ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
  /** Statements one request cost, counted around a single request with nothing else running. */
  statementsPerRequest: number;
  statementLabels: Record<string, number>;
  /** The statements of that request, as sent. */
  sql: string[];
  /** The same over the load runs (statements sent / responses received). */
  statementsPerRequestUnderLoad: number;
  serverCpuMsPerRequest: number;
  /** Share of one core the server process used under load: near 100 % it is bound by its own CPU, well below it waits (on PostgreSQL). */
  serverCpuShare: number;
  responseBytes: number;
  runs: RunFigures[];
}

export interface QueryFigures {
  query: QueryName;
  hub: ServerFigures;
  postgraphile: ServerFigures;
  /** hub / PostGraphile: above 1 means the hub serves more requests per second, has the higher p99, spends more CPU per request. */
  ratio: { reqPerSec: number; p99: number; serverCpuMsPerRequest: number };
  /** How the two answers differ (see queries.ts for why they may). */
  differences: string[];
  graphql: { hub: string; postgraphile: string };
}

export interface ApiBenchResults {
  startedAt: string;
  environment: Environment & { postgraphile: string; autocannon: string; loadAverageStart: number[]; loadAverageEnd: number[] };
  settings: { scale: number; duration: number; warmup: number; connections: number; rounds: number; poolSize: number; hubLogLevel: string };
  data: { disclosures: number; entities: number; parties: number; profileUscc: string; syncSeconds: number };
  queries: QueryFigures[];
  target: typeof API_TARGET & { listRatio: number | null; met: boolean | null };
  profiles: Array<{ target: Target; query: QueryName; summary: ProfileSummary }>;
  notes: string[];
}

export function serverFigures(target: Target, single: { statements: number; byLabel: Record<string, number>; sql: string[]; bytes: number }, runs: RunFigures[]): ServerFigures {
  const sum = (f: (r: RunFigures) => number) => runs.reduce((s, r) => s + f(r), 0);
  const mean = (f: (r: RunFigures) => number) => sum(f) / Math.max(1, runs.length);
  return {
    target,
    reqPerSec: round(mean((r) => r.reqPerSec), 1),
    p99Ms: round(mean((r) => r.latencyMs.p99), 1),
    meanLatencyMs: round(mean((r) => r.latencyMs.mean), 2),
    worstP99Ms: Math.max(...runs.map((r) => r.latencyMs.p99)),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    non2xx: sum((r) => r.non2xx),
    mismatches: sum((r) => r.mismatches),
    statementsPerRequest: single.statements,
    statementLabels: single.byLabel,
    sql: single.sql,
    statementsPerRequestUnderLoad: round(mean((r) => r.statementsPerRequest), 3),
    serverCpuMsPerRequest: round(mean((r) => r.serverCpuMsPerRequest), 3),
    serverCpuShare: round(mean((r) => r.serverCpuShare), 3),
    responseBytes: single.bytes,
    runs,
  };
}

export function queryFigures(query: QueryName, hub: ServerFigures, postgraphile: ServerFigures, differences: string[], graphql: QueryFigures['graphql']): QueryFigures {
  return {
    query,
    hub,
    postgraphile,
    ratio: {
      reqPerSec: round(hub.reqPerSec / postgraphile.reqPerSec, 3),
      p99: round(hub.p99Ms / postgraphile.p99Ms, 3),
      serverCpuMsPerRequest: round(hub.serverCpuMsPerRequest / postgraphile.serverCpuMsPerRequest, 3),
    },
    differences,
    graphql,
  };
}

export function targetVerdict(queries: QueryFigures[]): ApiBenchResults['target'] {
  const list = queries.find((q) => q.query === 'list');
  if (!list) return { ...API_TARGET, listRatio: null, met: null };
  return { ...API_TARGET, listRatio: list.ratio.reqPerSec, met: list.ratio.reqPerSec >= API_TARGET.minListRatio };
}

export function formatApiReport(r: ApiBenchResults): string {
  const header = [
    `API benchmark: hub vs PostGraphile ${r.environment.postgraphile} (autocannon ${r.environment.autocannon}), ${r.settings.connections} connections, ${r.settings.rounds} × ${r.settings.duration} s per server and query (interleaved), ${r.settings.warmup} s warm-up`,
    `data: ${r.data.disclosures} disclosures, ${r.data.entities} entities, ${r.data.parties} parties (sample feeds, ${r.settings.scale} records per stream); profile entity ${r.data.profileUscc}`,
    `PostgreSQL ${r.environment.postgres}, Node ${r.environment.node}, ${r.environment.cpus} CPUs; load average ${fmtLoad(r.environment.loadAverageStart)} at start, ${fmtLoad(r.environment.loadAverageEnd)} at end`,
    `both servers in child processes, ${r.settings.poolSize} database connections each; hub LOG_LEVEL=${r.settings.hubLogLevel}`,
  ];
  const columns = ['query', 'server', 'req/s', 'p99 ms', 'mean ms', 'errors', 'non-2xx', 'mismatch', 'SQL/req', 'CPU ms/req', 'CPU %', 'bytes/resp', 'rounds (req/s | p99 ms)'];
  const rows: string[][] = [];
  for (const q of r.queries) {
    for (const s of [q.hub, q.postgraphile]) {
      rows.push([
        q.query,
        s.target === 'hub' ? 'hub' : 'PostGraphile',
        s.reqPerSec.toFixed(0),
        s.p99Ms.toFixed(1),
        s.meanLatencyMs.toFixed(2),
        String(s.errors + s.timeouts),
        String(s.non2xx),
        String(s.mismatches),
        statementsCell(s),
        s.serverCpuMsPerRequest.toFixed(2),
        (s.serverCpuShare * 100).toFixed(0),
        String(s.responseBytes),
        s.runs.map((run) => `${run.reqPerSec.toFixed(0)} | ${run.latencyMs.p99}`).join(', '),
      ]);
    }
    rows.push([q.query, 'hub / PG', `× ${q.ratio.reqPerSec.toFixed(2)}`, `× ${q.ratio.p99.toFixed(2)}`, '', '', '', '', '', `× ${q.ratio.serverCpuMsPerRequest.toFixed(2)}`, '', '', '']);
  }
  // Words (query, server, the rounds at the end) to the left, figures to the right.
  const table = alignColumns([columns, ...rows], (i) => i >= 2 && i < columns.length - 1, '  ');
  const verdict =
    r.target.met === null
      ? 'list query not run: no verdict on the target'
      : `target: hub ≥ × ${r.target.minListRatio.toFixed(1)} PostGraphile's throughput on the list query: × ${r.target.listRatio!.toFixed(2)}, ${r.target.met ? 'met' : 'TARGET MISSED'}`;
  const differences = r.queries.flatMap((q) => q.differences).map((d) => `answers differ: ${d}`);
  return [...header, '', ...table, '', verdict, ...differences, ...r.notes.map((n) => `note: ${n}`)].join('\n');
}

/** Single-request count, with the load average (statements / responses over the runs) when it differs. */
function statementsCell(s: ServerFigures): string {
  const load = s.statementsPerRequestUnderLoad;
  return Math.abs(load - s.statementsPerRequest) < 0.05 ? String(s.statementsPerRequest) : `${s.statementsPerRequest} (${load.toFixed(2)})`;
}

const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');

export function notesFor(cpus: number, loadAverageStart: number[], queries: QueryFigures[]): string[] {
  const notes = [
    'SQL/req: statements one request sends, counted at pg Client#query in each server process; in brackets the average over the load runs when it differs.',
    'CPU ms/req: the server process\'s own CPU time per response (PostgreSQL\'s is not included): steadier than req/s on a shared machine. ' +
      'CPU %: how much of one core the server process used under load; near 100 % it is bound by its own (single-threaded) CPU, well below it waits on PostgreSQL.',
  ];
  if (queries.some((q) => q.query === 'profile')) {
    notes.push(
      'profile query: PostGraphile has no computed profile, so it counts the entity\'s disclosures and penalties (two totalCounts) where the hub ' +
        'groups counts by domain and sums penalty fines, and it lists disclosures through the foreign key only (the hub also through disclosure_parties).',
    );
  }
  if (loadAverageStart[0] > cpus) {
    notes.push(
      `the machine was busy (1-minute load average ${loadAverageStart[0].toFixed(2)} on ${cpus} CPUs at start): absolute figures are low and noisy; the ratios, ` +
        'from interleaved runs, are the figures to read.',
    );
  }
  return notes;
}
