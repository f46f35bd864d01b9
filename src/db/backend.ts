import type { Knex } from 'knex';
import { PreparingPostgresClient } from './preparedStatements';

/**
 * True for a PostgreSQL server (node-postgres), false for the embedded PGlite. Some things exist
 * only on a server: other sessions, advisory locks between processes, backends to cancel.
 */
export function isServerPostgres(knex: Knex): boolean {
  return knex.client instanceof PreparingPostgresClient;
}
