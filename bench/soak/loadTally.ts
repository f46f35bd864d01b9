import { round } from '../harness/results';
import { QUERY_KINDS, type QueryKind } from './queryKinds';

/** Requests that failed, by how: an HTTP status other than 2xx, GraphQL errors in a 2xx body, no response at all. */
export interface ErrorCounts {
  non2xx: number;
  graphql: number;
  /** Socket errors and timeouts. */
  socket: number;
}

/** One kind of query's responses, over an interval or a whole run. */
export interface KindFigures {
  responses: number;
  latencyMs: { p50: number | null; p99: number | null };
}

/** What the load did in one interval. */
export interface IntervalFigures {
  responses: number;
  errors: ErrorCounts;
  /** Of the responses in the interval; null when there were none. */
  latencyMs: { p50: number | null; p99: number | null };
  /** The same, each kind of query on its own: which page slows as the syncs add data. */
  byKind: Record<QueryKind, KindFigures>;
}

/**
 * Counts the load's outcomes as they happen, for an interval at a time (take) and for the whole
 * run (totals, byKind). Latencies are kept per interval, all kinds together and each kind on its
 * own, and sorted when it is taken; and per kind of query for the whole run, which says which of
 * the portal's pages makes the mix's tail. The run's own percentiles come from autocannon's histogram.
 */
export class LoadTally {
  private latencies: number[] = [];
  private intervalKindLatencies = byKindLists();
  private interval = noErrors();
  private readonly total = noErrors();
  private readonly kindLatencies = byKindLists();

  response(status: number, latencyMs: number, kind: QueryKind): void {
    this.latencies.push(latencyMs);
    this.intervalKindLatencies[kind].push(latencyMs);
    this.kindLatencies[kind].push(latencyMs);
    if (status < 200 || status >= 300) this.count('non2xx');
  }

  graphqlError(): void {
    this.count('graphql');
  }

  socketError(): void {
    this.count('socket');
  }

  /** The figures since the last take, and a fresh interval. */
  take(): IntervalFigures {
    const figures = { ...figuresOf(this.latencies), errors: this.interval, byKind: figuresByKind(this.intervalKindLatencies) };
    this.latencies = [];
    this.intervalKindLatencies = byKindLists();
    this.interval = noErrors();
    return figures;
  }

  totals(): ErrorCounts {
    return { ...this.total };
  }

  byKind(): Record<QueryKind, KindFigures> {
    return figuresByKind(this.kindLatencies);
  }

  private count(kind: keyof ErrorCounts): void {
    this.interval[kind]++;
    this.total[kind]++;
  }
}

export const errorSum = (e: ErrorCounts) => e.non2xx + e.graphql + e.socket;

const noErrors = (): ErrorCounts => ({ non2xx: 0, graphql: 0, socket: 0 });

const byKindLists = () => Object.fromEntries(QUERY_KINDS.map((kind) => [kind, [] as number[]])) as Record<QueryKind, number[]>;

/** The count and percentiles of some latencies (sorted in place). */
function figuresOf(latencies: number[]): KindFigures {
  const sorted = latencies.sort((a, b) => a - b);
  return { responses: sorted.length, latencyMs: { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) } };
}

const figuresByKind = (lists: Record<QueryKind, number[]>) =>
  Object.fromEntries(QUERY_KINDS.map((kind) => [kind, figuresOf(lists[kind])])) as Record<QueryKind, KindFigures>;

/** Nearest-rank percentile of sorted values, to 0.1 ms. */
function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return round(sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)], 1);
}
