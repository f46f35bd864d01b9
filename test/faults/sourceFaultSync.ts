import type { Knex } from 'knex';
import type { FaultPlan } from '../../samples/kit/faults';
import type { RunningFeedServer } from '../../samples/kit/feedServer';
import { createHttpClient } from '../../src/sync/http/httpClient';
import { runSync } from '../../src/sync/runSync';
import type { StreamSummary } from '../../src/sync/engine';
import { MAPPING, REVIEW } from '../helpers/mapping';
import { FAULT_STREAMS, ONE_REQUEST_STREAMS, SMALL_PAGE_CONNECTORS } from './smallPageStreams';

/** Attempts per request: a fault counted this many times fails the request for good. */
export const ATTEMPTS = 4;

export interface SyncOptions {
  /** The engine's time limit for one request (default 2 s). */
  requestTimeoutMs?: number;
  /** The time limit of each run. */
  runTimeLimitMs?: number;
  /** Read every stream whole, ignoring cursors: how a new edition's corrections are seen. */
  full?: boolean;
}

/**
 * The engine's own retries, with short back-offs so a test takes seconds. The time limit is
 * generous: on a busy two-core machine the in-process feed server shares its thread with the
 * embedded database, and a spurious timeout would use up an attempt the fault was not meant to.
 */
function httpClient(requestTimeoutMs = 2000) {
  return createHttpClient({ timeoutMs: requestTimeoutMs, attempts: ATTEMPTS, backoffMs: 20, maxBackoffMs: 200 });
}

/** A sync of the fault suite's streams, with no fault: the reference, and every rerun. */
export async function syncFaultStreams(knex: Knex, feeds: RunningFeedServer, options: SyncOptions = {}): Promise<StreamSummary[]> {
  return (await syncWithFaultArmed(knex, feeds, undefined, options)).summaries;
}

export interface FaultedSync {
  summaries: StreamSummary[];
  /** How many counted faults each stream met: proof that the fault landed where it was armed. */
  met: Record<string, number>;
}

const COUNTED = ['errors', 'throttled', 'truncated', 'slow'] as const;

/**
 * A sync during which `plan` switches on part-way through each stream: after its first page is
 * committed, or, for a source read in one request, as it starts. Arming it on the feed server
 * object itself (it runs in this process) takes effect for the very next request, so where the
 * fault lands depends on the order of requests, not on timing. With no plan, a plain sync.
 */
export async function syncWithFaultArmed(knex: Knex, feeds: RunningFeedServer, plan: FaultPlan | undefined, options: SyncOptions = {}): Promise<FaultedSync> {
  feeds.faults.set({});
  const met: Record<string, number> = {};
  let armedFor: string | undefined;
  // What the stream armed last consumed of the plan's counts, before the next stream re-arms it.
  const settle = () => {
    if (!plan || !armedFor) return;
    const left = feeds.faults.current();
    met[armedFor] = COUNTED.reduce((sum, count) => sum + (plan[count] ?? 0) - (left[count] ?? 0), 0);
  };
  const arm = (name: string) => {
    if (!plan || name in met) return;
    settle();
    feeds.faults.set(plan);
    armedFor = name;
    met[name] = 0;
  };
  try {
    const summaries = await runSync({
      knex,
      connectors: SMALL_PAGE_CONNECTORS,
      feedUrl: () => feeds.url,
      mapping: MAPPING,
      review: REVIEW,
      // In this order: a source that goes down after the first stream's first page leaves rows behind.
      selectors: FAULT_STREAMS,
      http: httpClient(options.requestTimeoutMs),
      timeLimitMs: options.runTimeLimitMs,
      full: options.full,
      onStreamStart: (name) => {
        if (ONE_REQUEST_STREAMS.has(name)) arm(name);
      },
      onProgress: (name) => arm(name),
    });
    settle();
    return { summaries, met };
  } finally {
    // Cleared for the rerun: "a rerun with the fault cleared".
    feeds.faults.set({});
  }
}
