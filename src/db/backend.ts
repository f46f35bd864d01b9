import type { Knex } from 'knex';

/**
 * True for a PostgreSQL server (node-postgres), false for the embedded PGlite. Some things exist
 * only on a server: other sessions, advisory locks between processes, backends to cancel.
 */
export function isServerPostgres(knex: Knex): boolean {
  return (knex.client as { config: { client: unknown } }).config.client === 'pg';
}
