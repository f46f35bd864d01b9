import { summarizeSoak } from '../../bench/soak/report';
import type { MixRunFigures } from '../../bench/soak/mixedLoad';
import type { Sample } from '../../bench/soak/sampler';

const SAMPLE_SECONDS = 10;

function sample(seconds: number, fields: { intervalSeconds?: number; responses: number; p99: number; syncRuns: number }): Sample {
  const intervalSeconds = fields.intervalSeconds ?? SAMPLE_SECONDS;
  return {
    seconds,
    at: new Date(seconds * 1000).toISOString(),
    rssKiB: 300 * 1024,
    liveHeapKiB: 64 * 1024,
    fullCollections: seconds,
    intervalSeconds,
    responses: fields.responses,
    reqPerSec: fields.responses / intervalSeconds,
    errors: { non2xx: 0, graphql: 0, socket: 0 },
    latencyMs: { p50: 20, p99: fields.p99 },
    syncRuns: fields.syncRuns,
    serverCpuShare: 0.9,
    othersCpu: null,
    database: null,
  };
}

function run(p99: number): MixRunFigures {
  return { seconds: 60, requests: 18000, reqPerSec: 300, latencyMs: { mean: 25, p50: 20, p90: 60, p99, max: 300 }, errors: { non2xx: 0, graphql: 0, socket: 0 }, sentByKind: {} as MixRunFigures['sentByKind'], byKind: {} as MixRunFigures['byKind'] };
}

describe("the soak's worst intervals", () => {
  test("leave out the short remainder at stop (the wind-down's stragglers), not a full last interval", () => {
    const samples = [
      sample(10, { responses: 3000, p99: 90, syncRuns: 0 }),
      sample(20, { responses: 2800, p99: 140, syncRuns: 1 }),
      sample(30, { responses: 3100, p99: 100, syncRuns: 0 }),
      sample(30.4, { intervalSeconds: 0.4, responses: 29, p99: 170, syncRuns: 0 }),
    ];
    const { p99 } = summarizeSoak(samples, SAMPLE_SECONDS, run(80), run(110));
    expect(p99.worstIntervalWithSyncMs).toBe(140);
    expect(p99.worstIntervalWithoutSyncMs).toBe(100);

    const fullLast = [...samples.slice(0, 3), sample(40, { responses: 2000, p99: 170, syncRuns: 0 })];
    expect(summarizeSoak(fullLast, SAMPLE_SECONDS, run(80), run(110)).p99.worstIntervalWithoutSyncMs).toBe(170);
  });
});
