import { round } from '../harness/results';

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

/**
 * Counts the load's outcomes as they happen, for an interval at a time (take) and for the whole
 * run (totals). Latencies are kept per interval only, and sorted when it is taken: a run's
 * percentiles come from autocannon's own histogram.
 */
export class LoadTally {
  private latencies: number[] = [];
  private interval = noErrors();
  private readonly total = noErrors();

  response(status: number, latencyMs: number): void {
    this.latencies.push(latencyMs);
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
