import type { PGlite } from '@electric-sql/pglite';
import type { EndTurn, Turns } from './turns';

type Query = PGlite['query'];
type Exec = PGlite['exec'];

/**
 * The PGlite that knex-pglite drives in the process that owns the embedded database. knex-pglite
 * sends every statement, BEGIN and COMMIT included, as its own query() call, and PGlite's own
 * mutexes only keep one call from overlapping another. So each call here first waits for the
 * session's turn (see Turns), and keeps it while a transaction is open: a hub command's
 * statements, arriving through the socket, never land inside the server's transaction, nor the
 * server's inside a command's.
 */
export function takingTurns(pglite: PGlite, turns: Turns): PGlite {
  let endTurn: EndTurn | undefined;

  async function inTurn<T>(work: () => Promise<T>): Promise<T> {
    // knex-pglite's pool of one connection sends the calls one after another, so while a
    // transaction keeps the turn, the next call is that transaction's.
    if (!endTurn) endTurn = await turns.take();
    try {
      return await work();
    } finally {
      if (!transactionOpen(pglite)) {
        const end = endTurn;
        endTurn = undefined;
        end?.();
      }
    }
  }

  const query: Query = (...args) => inTurn(() => pglite.query(...args));
  const exec: Exec = (...args) => inTurn(() => pglite.exec(...args));
  return new Proxy(pglite, {
    get(target, key) {
      if (key === 'query') return query;
      if (key === 'exec') return exec;
      // PGlite keeps its state in #private fields: its methods must run on the instance itself.
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function transactionOpen(pglite: PGlite): boolean {
  try {
    return pglite.isInTransaction();
  } catch {
    return false; // closed: nothing is open any more
  }
}
