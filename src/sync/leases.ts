import os from 'node:os';
import type { Knex } from 'knex';
import { processAlive, processHolder } from './runs';

/**
 * Leases are rows in `scheduler_leases`: whoever inserts the row holds it until it expires or is
 * released. PostgreSQL's unique key makes the insert the arbiter, so this works across processes
 * and machines sharing one database.
 */
export async function tryAcquireLease(knex: Knex, key: string, ttlMs: number, holder = processHolder()): Promise<boolean> {
  const result = await knex.raw(
    `INSERT INTO scheduler_leases (key, holder, expires_at) VALUES (?, ?, now() + (? || ' milliseconds')::interval)
     ON CONFLICT (key) DO UPDATE SET holder = excluded.holder, acquired_at = now(), expires_at = excluded.expires_at,
       completed_at = NULL
     WHERE scheduler_leases.expires_at < now() AND scheduler_leases.completed_at IS NULL
     RETURNING key`,
    [key, holder, String(ttlMs)],
  );
  if (result.rows.length > 0) return true;
  return takeOverFromDeadLocalHolder(knex, key, ttlMs, holder);
}

/** A holder on this host whose process has died cannot release its lease; take it at once. */
async function takeOverFromDeadLocalHolder(knex: Knex, key: string, ttlMs: number, holder: string): Promise<boolean> {
  const current = await knex('scheduler_leases').where({ key }).first('holder', 'completed_at');
  if (!current || current.completed_at) return false;
  const [host, pid] = String(current.holder).split(/:(?=\d+$)/);
  if (host !== os.hostname() || processAlive(Number(pid))) return false;
  const taken = await knex('scheduler_leases')
    .where({ key, holder: current.holder })
    .update({ holder, acquired_at: knex.fn.now(), expires_at: knex.raw(`now() + (? || ' milliseconds')::interval`, [String(ttlMs)]) });
  return taken > 0;
}

export async function extendLease(knex: Knex, key: string, ttlMs: number, holder = processHolder()): Promise<void> {
  await knex('scheduler_leases')
    .where({ key, holder })
    .update({ expires_at: knex.raw(`now() + (? || ' milliseconds')::interval`, [String(ttlMs)]) });
}

export async function releaseLease(knex: Knex, key: string, holder = processHolder()): Promise<void> {
  await knex('scheduler_leases').where({ key, holder }).delete();
}

export async function leaseHolder(knex: Knex, key: string): Promise<{ holder: string; acquired_at: Date } | undefined> {
  return knex('scheduler_leases').where({ key }).andWhere('expires_at', '>', knex.fn.now()).first('holder', 'acquired_at');
}
