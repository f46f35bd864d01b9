import { round } from '../harness/results';
import { QUERY_KINDS, type QueryKind } from './queryKinds';

/** Requests that failed, by how: an HTTP status other than 2xx, GraphQL errors in a 2xx body, no response at all. */
export interface ErrorCounts {
  non2xx: number;
  graphql: number;
  /** Socket errors and timeouts. */
  socket: number;
}

/** What the load did in one interval. */
export interface IntervalFigures {
  responses: number;
  errors: ErrorCounts;
  /** Of the responses in the interval; null when there were none. */
  latencyMs: { p50: number | null; p99: number | null };
}

/** One kind of query's responses over a whole run. */
export interface KindFigures {
  responses: number;
  latencyMs: { p50: number | null; p99: number | null };
}

/**
 * Counts the load's outcomes as they happen, for an interval at a time (take) and for the whole
 * run (totals, byKind). Latencies are kept per interval, and sorted when it is taken; and per kind
 * of query for the whole run, which says which of the portal's pages makes the mix's tail. The
 * run's own percentiles come from autocannon's histogram.
 */
export class LoadTally {
  private latencies: number[] = [];
  private interval = noErrors();
  private readonly total = noErrors();
  private readonly kindLatencies = Object.fromEntries(QUERY_KINDS.map((kind) => [kind, [] as number[]])) as Record<QueryKind, number[]>;

  response(status: number, latencyMs: number, kind: QueryKind): void {
    this.latencies.push(latencyMs);
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
    const sorted = this.latencies.sort((a, b) => a - b);
    const figures = { responses: sorted.length, errors: this.interval, latencyMs: { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) } };
    this.latencies = [];
    this.interval = noErrors();
    return figures;
  }

  totals(): ErrorCounts {
    return { ...this.total };
  }

  byKind(): Record<QueryKind, KindFigures> {
    return Object.fromEntries(
      QUERY_KINDS.map((kind) => {
        const sorted = this.kindLatencies[kind].sort((a, b) => a - b);
        return [kind, { responses: sorted.length, latencyMs: { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) } }];
      }),
    ) as Record<QueryKind, KindFigures>;
  }

  private count(kind: keyof ErrorCounts): void {
    this.interval[kind]++;
    this.total[kind]++;
  }
}

export const errorSum = (e: ErrorCounts) => e.non2xx + e.graphql + e.socket;

const noErrors = (): ErrorCounts => ({ non2xx: 0, graphql: 0, socket: 0 });

/** Nearest-rank percentile of sorted values, to 0.1 ms. */
function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return round(sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)], 1);
}
