import { round } from '../harness/results';
import { QUERY_KINDS, type QueryKind } from './queryKinds';
import type { Sample } from './sampler';
import { median, type SoakWindows } from './windows';

/**
 * One kind of query's median latency in the soak's first window against its last. The syncs add
 * data as the soak runs; at a fixed number of connections the kind whose p50 grows most is the one
 * that slows the whole mix, which the mix's own figures cannot tell apart.
 */
export interface KindTrend {
  /** The median of the windows' interval p50s of this kind; null where it had no response. */
  firstP50Ms: number | null;
  lastP50Ms: number | null;
  ratio: number | null;
}

export function kindTrends({ first, last }: SoakWindows): Record<QueryKind, KindTrend> {
  return Object.fromEntries(
    QUERY_KINDS.map((kind) => {
      const p50 = (s: Sample) => s.byKind[kind].latencyMs.p50;
      const [firstP50Ms, lastP50Ms] = [median(first, p50), median(last, p50)].map((ms) => (ms === null ? null : round(ms, 1)));
      const ratio = firstP50Ms && lastP50Ms ? round(lastP50Ms / firstP50Ms, 2) : null;
      return [kind, { firstP50Ms, lastP50Ms, ratio }];
    }),
  ) as Record<QueryKind, KindTrend>;
}
