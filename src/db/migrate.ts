import type { Knex } from 'knex';
import { migrationSource } from '../../migrations';
import { isServerPostgres } from './backend';
import { isOneSession } from './oneSession';

const migrationConfig: Knex.MigratorConfig = { migrationSource, tableName: 'knex_migrations' };

// Any constant works; it names "the migration lock" among PostgreSQL advisory locks.
const MIGRATION_LOCK_KEY = 7_202_611_27;

/**
 * Applies every pending migration; returns the names applied now. Replicas starting together on
 * one PostgreSQL queue on an advisory lock, so one migrates and the others then find nothing to
 * do — knex's own lock would make them fail instead. The embedded database is one session, also
 * when hub commands reach it through a running `hub serve`: an advisory lock there excludes no
 * one, and knex's migration, one transaction, already runs alone in its turn on that session.
 */
export async function migrateLatest(knex: Knex): Promise<string[]> {
  const latest = async () => ((await knex.migrate.latest(migrationConfig)) as [number, string[]])[1];
  if (!isServerPostgres(knex) || isOneSession(knex)) return latest();
  return knex.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK_KEY]);
    return latest();
  });
}

/** Undoes the last batch of migrations; returns the names rolled back. */
export async function migrateRollback(knex: Knex): Promise<string[]> {
  const [, rolledBack] = (await knex.migrate.rollback(migrationConfig)) as [number, string[]];
  return rolledBack;
}

/** True when no migration is pending: the readiness check uses it. */
export async function migrationsCurrent(knex: Knex): Promise<boolean> {
  const [, pending] = (await knex.migrate.list(migrationConfig)) as [unknown[], unknown[]];
  return pending.length === 0;
}
