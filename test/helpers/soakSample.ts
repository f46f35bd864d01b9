import type { KindFigures } from '../../bench/soak/loadTally';
import { QUERY_KINDS, type QueryKind } from '../../bench/soak/queryKinds';
import type { Sample } from '../../bench/soak/sampler';

/** Every kind answered at `p50Ms` in the interval, except the kinds given their own (null: no response). */
export function kindsAt(p50Ms: number, own: Partial<Record<QueryKind, number | null>> = {}): Record<QueryKind, KindFigures> {
  return Object.fromEntries(
    QUERY_KINDS.map((kind) => {
      const p50 = kind in own ? (own[kind] ?? null) : p50Ms;
      return [kind, { responses: p50 === null ? 0 : 100, latencyMs: { p50, p99: p50 === null ? null : p50 * 3 } }];
    }),
  ) as Record<QueryKind, KindFigures>;
}

/**
 * One sample of a soak's series that ended `seconds` in: a steady 10 s interval of 3,000 responses
 * at p50 20 ms and p99 100 ms, 300 MiB resident and 64 MiB live, unless the test says otherwise.
 */
export function soakSample(seconds: number, fields: Partial<Sample> = {}): Sample {
  const intervalSeconds = fields.intervalSeconds ?? 10;
  const responses = fields.responses ?? 3000;
  return {
    seconds,
    at: new Date(seconds * 1000).toISOString(),
    rssKiB: 300 * 1024,
    liveHeapKiB: 64 * 1024,
    fullCollections: seconds,
    intervalSeconds,
    responses,
    reqPerSec: responses / intervalSeconds,
    errors: { non2xx: 0, graphql: 0, socket: 0 },
    latencyMs: { p50: 20, p99: 100 },
    byKind: kindsAt(20),
    syncRuns: 0,
    serverCpuShare: 0.9,
    othersCpu: null,
    machineCpu: null,
    database: null,
    ...fields,
  };
}
