import type { Knex } from 'knex';
import { setTimeout as sleep } from 'node:timers/promises';
import { serverMessage } from '../db/connectionErrors';
import { finishRun, type RunStatus } from './runs';
import { releaseLease } from './leases';

export interface Settlement {
  runId: number;
  leaseKey: string;
  status: Exclude<RunStatus, 'running'>;
  error?: string;
}

// Short: a connection cut by a restart or pg_terminate_backend is usually back at once, and a
// `hub sync` of many streams should not wait long on each when the database is gone.
const RETRY_DELAYS_MS = [250, 1000];

/** Runs whose end could not be recorded, per database, to record when it answers again. */
const deferred = new WeakMap<Knex, Settlement[]>();

/**
 * Records a run's end and releases its lease. The database may be why the run failed, so this
 * retries briefly; if the database still does not answer, the settlement is kept and made by the
 * next sync in this process that reaches it (settleDeferredRuns), so the run gets its real reason
 * instead of the reaper's "no heartbeat". Returns undefined when settled, else what went wrong.
 */
export async function settleRun(knex: Knex, settlement: Settlement): Promise<string | undefined> {
  let failure: unknown;
  for (const delay of [0, ...RETRY_DELAYS_MS]) {
    if (delay) await sleep(delay);
    try {
      await settle(knex, settlement);
      return undefined;
    } catch (error) {
      failure = error;
    }
  }
  deferred.set(knex, [...(deferred.get(knex) ?? []), settlement]);
  return `the run could not be marked ${settlement.status} (${serverMessage(failure)}); the next sync that reaches the database marks it`;
}

/** Records the ends kept by settleRun, oldest first; stops at the first that still fails. */
export async function settleDeferredRuns(knex: Knex): Promise<void> {
  const pending = deferred.get(knex) ?? [];
  while (pending.length > 0) {
    try {
      await settle(knex, pending[0]);
    } catch {
      return;
    }
    pending.shift();
  }
}

async function settle(knex: Knex, { runId, leaseKey, status, error }: Settlement): Promise<void> {
  await finishRun(knex, runId, status, error);
  await releaseLease(knex, leaseKey);
}
