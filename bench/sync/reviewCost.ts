/**
 * What the review (保密审查) adds to a sync: the same full sync with the default rules and with
 * none, each into a fresh database, on the streams whose records carry the most text (the review
 * reads every text a row serves) and on the benchmark's own stream.
 *
 * Each stream is synced four times, off-on-on-off, and each side keeps its faster run: a busy
 * machine only ever slows a run down, so the faster of two is the nearer to the sync's own cost,
 * and alternating keeps a slow spell from landing on one side only.
 */
import type { ChildResult } from './syncProcess';
import { BENCH_STREAM } from './syncProcess';

/** Text-bearing streams first: penalty facts, notice texts, project overviews; then the bench's. */
export const REVIEW_STREAMS = ['credit/penalties', 'trading/notices', 'ppp/projects', BENCH_STREAM] as const;

/** The target: review adds under 10 % to sync time. */
export const MAX_REVIEW_OVERHEAD = 0.1;

export interface ReviewPair {
  stream: string;
  scale: number;
  off: ChildResult;
  on: ChildResult;
}

export interface ReviewCost {
  streams: Array<{ stream: string; fetched: number; held: number; offSeconds: number; onSeconds: number; overhead: number }>;
  /** Over all the streams: total time with review against total time without. */
  overhead: number;
  met: boolean;
}

/** Syncs one stream four times (off, on, on, off) and keeps each side's faster run. */
export async function measurePair(stream: string, scale: number, sync: (review: 'on' | 'off') => Promise<ChildResult>): Promise<ReviewPair> {
  const runs: Record<'on' | 'off', ChildResult[]> = { on: [], off: [] };
  for (const review of ['off', 'on', 'on', 'off'] as const) runs[review].push(await sync(review));
  const faster = (a: ChildResult, b: ChildResult) => (a.syncSeconds <= b.syncSeconds ? a : b);
  return { stream, scale, off: runs.off.reduce(faster), on: runs.on.reduce(faster) };
}

export function reviewCost(pairs: ReviewPair[]): ReviewCost {
  const streams = pairs.map(({ stream, off, on }) => ({
    stream,
    fetched: on.fetched,
    held: on.held,
    offSeconds: off.syncSeconds,
    onSeconds: on.syncSeconds,
    overhead: on.syncSeconds / off.syncSeconds - 1,
  }));
  const total = (side: 'offSeconds' | 'onSeconds') => streams.reduce((sum, s) => sum + s[side], 0);
  const overhead = total('onSeconds') / total('offSeconds') - 1;
  return { streams, overhead, met: overhead < MAX_REVIEW_OVERHEAD };
}
