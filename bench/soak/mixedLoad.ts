import { autocannon } from '../harness/autocannon';
import { round } from '../harness/results';
import { answeredCleanly } from './graphqlAnswer';
import type { ErrorCounts, KindFigures, LoadTally } from './loadTally';
import { QUERY_KINDS, type QueryKind } from './queryKinds';
import type { RequestMix } from './requestMix';

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
  /** Each kind's responses and latency percentiles (the tally's, to 0.1 ms). */
  byKind: Record<QueryKind, KindFigures>;
}

/**
 * Drives the hub with the mix for `seconds`: every request a body drawn afresh, every outcome told
 * to `tally` as it happens, so a sampler can read the run interval by interval.
 */
export async function driveMix(graphqlUrl: string, mix: RequestMix, settings: { connections: number; seconds: number }, tally: LoadTally): Promise<MixRunFigures> {
  mix.takeSent();
  // autocannon hands a response's body and context (onResponse) and then, at once, its latency
  // (the 'response' event), in one synchronous step: the kind read from the context in the first
  // is the kind of the latency told in the second.
  let answeredKind: QueryKind = QUERY_KINDS[0];
  const run = autocannon({
    url: graphqlUrl,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request, context) => {
          const { kind, body } = mix.next();
          context.kind = kind;
          return { ...request, body };
        },
        onResponse: (status, body, context) => {
          answeredKind = context.kind as QueryKind;
          if (status >= 200 && status < 300 && !answeredCleanly(body)) tally.graphqlError();
        },
      },
    ],
    connections: settings.connections,
    duration: settings.seconds,
    pipelining: 1,
  });
  run.on('response', (_client, status, _bytes, latencyMs) => tally.response(status, latencyMs, answeredKind));
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
    byKind: tally.byKind(),
  };
}
