import { autocannon } from '../harness/autocannon';
import { round } from '../harness/results';
import { answeredCleanly } from './graphqlAnswer';
import type { ErrorCounts, LoadTally } from './loadTally';
import type { QueryKind, RequestMix } from './requestMix';

/** One run of the mix, as autocannon saw it, with its failures by kind. */
export interface MixRunFigures {
  seconds: number;
  requests: number;
  reqPerSec: number;
  /** autocannon's histogram over the whole run (1 ms resolution). */
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  errors: ErrorCounts;
  /** Requests built per kind: how the draw came out. */
  sentByKind: Record<QueryKind, number>;
}

/**
 * Drives the hub with the mix for `seconds`: every request a body drawn afresh, every outcome told
 * to `tally` as it happens, so a sampler can read the run interval by interval.
 */
export async function driveMix(graphqlUrl: string, mix: RequestMix, settings: { connections: number; seconds: number }, tally: LoadTally): Promise<MixRunFigures> {
  mix.takeSent();
  const run = autocannon({
    url: graphqlUrl,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => ({ ...request, body: mix.next() }),
        onResponse: (status, body) => {
          if (status >= 200 && status < 300 && !answeredCleanly(body)) tally.graphqlError();
        },
      },
    ],
    connections: settings.connections,
    duration: settings.seconds,
    pipelining: 1,
  });
  run.on('response', (_client, status, _bytes, latencyMs) => tally.response(status, latencyMs));
  run.on('reqError', () => tally.socketError());
  const result = await run;
  const { latency } = result;
  return {
    seconds: result.duration,
    requests: result.requests.total,
    reqPerSec: round(result.requests.total / result.duration, 1),
    latencyMs: { mean: round(latency.average, 2), p50: latency.p50, p90: latency.p90, p99: latency.p99, max: latency.max },
    errors: tally.totals(),
    sentByKind: mix.takeSent(),
  };
}
