import { summarizeSoak } from '../../bench/soak/report';
import type { MixRunFigures } from '../../bench/soak/mixedLoad';
import type { Sample } from '../../bench/soak/sampler';
import { LoadTally } from '../../bench/soak/loadTally';
import { kindsAt, soakSample } from '../helpers/soakSample';

const SAMPLE_SECONDS = 10;

function sample(seconds: number, fields: { intervalSeconds?: number; responses: number; p99: number; syncRuns: number; byKind?: Sample['byKind'] }): Sample {
  const { p99, ...rest } = fields;
  return soakSample(seconds, { ...rest, latencyMs: { p50: 20, p99 } });
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

describe("each kind of query's p50, first minutes against last", () => {
  test('names the kind that slowed as the data grew, and leaves a kind that kept its pace at × 1', () => {
    // 20 minutes of samples: search slows from 10 to 30 ms over the soak; the rest stay at 8 ms.
    const samples = Array.from({ length: 120 }, (_, i) => {
      const seconds = (i + 1) * SAMPLE_SECONDS;
      return sample(seconds, { responses: 2500, p99: 90, syncRuns: 0, byKind: kindsAt(8, { search: 10 + (20 * i) / 119, air: i < 60 ? 5 : null }) });
    });
    const { kinds: trends } = summarizeSoak(samples, SAMPLE_SECONDS, run(80), { ...run(90), seconds: 1200 });
    expect(trends.newest).toEqual({ firstP50Ms: 8, lastP50Ms: 8, ratio: 1 });
    // The windows are the first and last 5 minutes (30 samples each): medians of 10→15 and 25→30 ms.
    expect(trends.search.firstP50Ms).toBeCloseTo(12.5, 0);
    expect(trends.search.lastP50Ms).toBeCloseTo(27.5, 0);
    expect(trends.search.ratio).toBeGreaterThan(2);
    // A kind with no response in the last window has no verdict rather than a made-up one.
    expect(trends.air).toEqual({ firstP50Ms: 5, lastP50Ms: null, ratio: null });
  });

  test("the tally gives each interval's figures per kind and starts the next interval empty", () => {
    const tally = new LoadTally();
    for (const ms of [4, 6, 8]) tally.response(200, ms, 'newest');
    tally.response(200, 40, 'search');
    const first = tally.take();
    expect(first.responses).toBe(4);
    expect(first.byKind.newest).toEqual({ responses: 3, latencyMs: { p50: 6, p99: 8 } });
    expect(first.byKind.search).toEqual({ responses: 1, latencyMs: { p50: 40, p99: 40 } });
    expect(first.byKind.ppp).toEqual({ responses: 0, latencyMs: { p50: null, p99: null } });

    tally.response(200, 12, 'newest');
    const second = tally.take();
    expect(second.byKind.newest).toEqual({ responses: 1, latencyMs: { p50: 12, p99: 12 } });
    expect(second.byKind.search.responses).toBe(0);
    // The whole run's figures per kind still hold every response.
    expect(tally.byKind().newest).toEqual({ responses: 4, latencyMs: { p50: 6, p99: 12 } });
  });
});
