import type { Knex } from 'knex';
import { isServerPostgres } from '../db/backend';
import { isOneSession } from '../db/oneSession';

const RECANCEL_MS = 1000;

/**
 * Runs `work` inside a page's transaction so that a stop reaches the database server. Aborting a
 * run (a signal, its time limit) only stops the JavaScript side: a statement already sent keeps
 * running on its backend — a killed `hub sync` once left an INSERT at full CPU for minutes. So on
 * abort the transaction's backend is sent pg_cancel_backend from another pooled connection; its
 * statement fails, the page rolls back whole, and the run is marked failed with the stop's reason.
 * A cancel that lands between two statements does nothing, so it is repeated until the
 * transaction ends.
 *
 * The embedded database (PGlite) runs in this thread, with no backend to cancel: a statement
 * blocks the event loop until it ends, and the stop takes effect at the next page boundary.
 */
export async function cancelOnAbort<T>(knex: Knex, trx: Knex.Transaction, signal: AbortSignal, work: () => Promise<T>): Promise<T> {
  signal.throwIfAborted();
  if (!isServerPostgres(knex) || isOneSession(knex)) return work();
  const { rows } = await trx.raw('SELECT pg_backend_pid() AS pid');
  const pid = Number(rows[0].pid);
  const cancel = () => void knex.raw('SELECT pg_cancel_backend(?)', [pid]).catch(() => undefined);
  let repeat: NodeJS.Timeout | undefined;
  const onAbort = () => {
    cancel();
    repeat = setInterval(cancel, RECANCEL_MS);
  };
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await work();
  } finally {
    signal.removeEventListener('abort', onAbort);
    clearInterval(repeat);
  }
}
