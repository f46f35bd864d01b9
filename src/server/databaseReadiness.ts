import type { Knex } from 'knex';
import type { Logger } from 'pino';

/**
 * Whether the database answers, for /readyz: an orchestrator stops sending traffic to a hub whose
 * database is gone and sends it again once it is back, without restarting anything (liveness,
 * /healthz, does not follow the database: a restart would not bring it back).
 *
 * Each /readyz call runs `select 1` (calls that arrive together share one). The answer waits for
 * it at most `waitMs`; a probe still running after that leaves the last known state in place, so a
 * database that is merely busy (PGlite has a single connection, held by a sync's write) does not
 * make the hub flap out of service. A probe that fails, or that has not answered for `stuckMs`,
 * makes the database unavailable until a later probe succeeds.
 */
export type DatabaseState = { available: true } | { available: false; reason: string; since: Date };

export interface DatabaseReadiness {
  check(): Promise<DatabaseState>;
}

export interface ReadinessOptions {
  waitMs?: number;
  stuckMs?: number;
}

export function databaseReadiness(knex: Knex, logger: Logger, options: ReadinessOptions = {}): DatabaseReadiness {
  const waitMs = options.waitMs ?? 1000;
  const stuckMs = options.stuckMs ?? 10000;
  let state: DatabaseState = { available: true };
  let probe: { done: Promise<void>; startedAt: number } | undefined;

  function settle(next: DatabaseState, error?: unknown): void {
    if (state.available && !next.available) logger.warn({ err: error, reason: next.reason }, `the database is unavailable: ${next.reason}; /readyz answers 503 until it answers again`);
    if (!state.available && next.available) logger.info({ downSince: state.since }, `the database answers again after ${Math.round((Date.now() - state.since.getTime()) / 1000)} s; /readyz answers 200`);
    state = next;
  }

  function unavailable(reason: string): DatabaseState {
    return { available: false, reason, since: state.available ? new Date() : state.since };
  }

  function startProbe() {
    const startedAt = Date.now();
    const done = knex
      .raw('select 1')
      .then(
        () => settle({ available: true }),
        (error: unknown) => settle(unavailable(describeFailure(error)), error),
      )
      .finally(() => {
        probe = undefined;
      });
    return { done, startedAt };
  }

  return {
    async check() {
      probe ??= startProbe();
      const running = probe;
      await Promise.race([running.done, delay(waitMs)]);
      if (probe === running && Date.now() - running.startedAt >= stuckMs && state.available) {
        settle(unavailable(`the database has not answered a query for ${Math.round(stuckMs / 1000)} s`));
      }
      return state;
    },
  };
}

/**
 * What failed, for operators reading /readyz; the address stays out of it (/readyz needs no
 * token), the log has the driver's full error.
 */
function describeFailure(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (code === 'ECONNREFUSED') return 'the database refused the connection (ECONNREFUSED)';
  if (typeof code === 'string' && code) return `the database connection failed (${code})`;
  const name = (error as { name?: unknown })?.name;
  if (name === 'KnexTimeoutError') return 'no database connection could be had in time';
  return `the database did not answer a query (${typeof name === 'string' ? name : 'error'})`;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
