import type { Knex } from 'knex';

export interface DatabaseOutage {
  /** From now on every statement fails as on a lost connection, until up(). */
  down(): void;
  up(): void;
  /** Only the next statement whose SQL matches fails: a connection cut while that statement ran. */
  failNext(sql: RegExp): void;
  /** Statements refused so far. */
  readonly refused: number;
  restore(): void;
}

type Query = (this: { config: unknown }, connection: unknown, query: { sql: string }) => Promise<unknown>;

/**
 * A database that goes away on cue, the same way on PostgreSQL and PGlite: while it is down, every
 * statement of this knex — pooled or inside a transaction — fails with node-postgres's message for
 * a dropped connection. It works at knex's client layer (`_query`), which a transaction's client
 * shares through its prototype and is recognised by the knex's config object.
 */
export function databaseOutage(knex: Knex): DatabaseOutage {
  const prototype = Object.getPrototypeOf(knex.client) as { _query: Query };
  const ownMethod = Object.prototype.hasOwnProperty.call(prototype, '_query');
  const original = prototype._query;
  const config = (knex.client as { config: unknown }).config;
  let down = false;
  let next: RegExp | undefined;
  let refused = 0;

  prototype._query = function (connection, query) {
    const mine = this.config === config;
    const cut = mine && (down || (next !== undefined && next.test(query.sql)));
    if (!cut) return original.call(this, connection, query);
    next = undefined;
    refused++;
    return Promise.reject(new Error('Connection terminated unexpectedly'));
  };

  return {
    down: () => void (down = true),
    up: () => void (down = false),
    failNext: (sql) => void (next = sql),
    get refused() {
      return refused;
    },
    restore: () => {
      if (ownMethod) prototype._query = original;
      else delete (prototype as Partial<{ _query: Query }>)._query;
    },
  };
}
