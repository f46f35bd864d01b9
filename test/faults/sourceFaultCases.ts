import type { FaultPlan } from '../../samples/kit/faults';
import { ATTEMPTS, type SyncOptions } from './sourceFaultSync';

/** A fault of the sample feed server (samples/kit/faults.ts), as the suite switches it on. */
export interface SourceFault {
  name: string;
  plan: FaultPlan;
  sync?: SyncOptions;
}

/** A fault that ends a run: what the failed stream's summary says. */
export interface FailingSourceFault extends SourceFault {
  reason: RegExp;
  /** The streams it fails (default: all). */
  fails?: string[];
}

/**
 * Fewer failures than the engine's attempts, so its retries absorb them: the run itself must end
 * with exactly the rows of a clean sync. A request the server answers too slowly is aborted at the
 * engine's time limit and retried; one answered slowly within it is only waited for.
 */
export const ABSORBED: SourceFault[] = [
  { name: 'HTTP 500 errors', plan: { errors: ATTEMPTS - 2 } },
  { name: '429 throttling with Retry-After', plan: { throttled: ATTEMPTS - 2 } },
  { name: 'truncated answers (half a JSON page, a CSV export cut inside a row)', plan: { truncated: ATTEMPTS - 2 } },
  // One slow answer per stream is enough to be aborted and retried; the time limit is 1.5 s, not
  // less, so that spurious timeouts on a busy machine do not use up the spare attempts.
  { name: 'answers slower than the request time limit', plan: { slow: 1, slowMs: 5000 }, sync: { requestTimeoutMs: 1500 } },
  { name: 'every answer slow, within the request time limit', plan: { slow: 1000, slowMs: 150 } },
];

/**
 * Faults that outlast the engine's attempts, or its run's time limit: the stream they hit fails
 * part-way, keeping the pages committed before the fault, and a rerun must complete it.
 */
export const FAILING: FailingSourceFault[] = [
  { name: 'HTTP 500 errors', plan: { errors: ATTEMPTS }, reason: /HTTP 500/ },
  { name: '429 throttling with Retry-After', plan: { throttled: ATTEMPTS }, reason: /HTTP 429/ },
  { name: 'truncated answers', plan: { truncated: ATTEMPTS }, reason: /not valid JSON|cut short/ },
  {
    // Short: every stream waits out all its attempts, and a spurious timeout only fails it sooner.
    name: 'answers slower than the request time limit',
    plan: { slow: ATTEMPTS, slowMs: 4000 },
    sync: { requestTimeoutMs: 500 },
    reason: /no (complete )?answer within 500 ms/,
  },
  { name: 'a source that goes down', plan: { down: true }, reason: /HTTP 503/ },
  {
    // Armed after the first page, when the second is already fetched: each of the four pages left
    // waits 800 ms, 3.2 s, more than the run's 2.5 s however fast the machine, while the first
    // pages have the whole limit to be stored. The CSV export is one request: one wait, then it
    // streams, so it may well finish in time.
    name: 'a source too slow for the run time limit',
    plan: { slow: 1000, slowMs: 800 },
    sync: { runTimeLimitMs: 2500 },
    reason: /passed its time limit/,
    fails: ['environment/air-hourly', 'credit/serious-violations'],
  },
];
