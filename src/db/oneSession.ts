import type { Knex } from 'knex';

/**
 * Databases that are one PostgreSQL session however many clients use them: the embedded PGlite,
 * opened directly or reached through a running `hub serve`. There, session-level tools that
 * coordinate separate connections (advisory locks) coordinate nothing, since every client is the
 * same session; callers such as the migrator take the single-session path instead.
 */
const oneSessionDatabases = new WeakSet<Knex>();

export function markOneSession(knex: Knex): Knex {
  oneSessionDatabases.add(knex);
  return knex;
}

export function isOneSession(knex: Knex): boolean {
  return oneSessionDatabases.has(knex);
}
