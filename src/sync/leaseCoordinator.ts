import type { Knex } from 'knex';
import type { RunCoordinator } from 'node-cron';
import { tryAcquireLease } from './leases';

/**
 * node-cron's RunCoordinator backed by the lease table: every replica's scheduler fires, but only
 * the one whose insert of the fire's key wins runs it. The key names the task and the fire's time
 * slot, so each fire runs exactly once however many `hub serve` replicas share the database.
 */
export function leaseCoordinator(knex: Knex): RunCoordinator {
  return {
    shouldRun: (key, ttlMs) => tryAcquireLease(knex, `fire:${key}`, ttlMs),
    onComplete: async (key) => {
      // Kept, not deleted: a replica whose clock runs late must still find this fire taken.
      await knex('scheduler_leases').where({ key: `fire:${key}` }).update({ completed_at: knex.fn.now() });
    },
  };
}

/** Fire leases older than a day can no longer be contested; keep the table small. */
export async function pruneFireLeases(knex: Knex): Promise<number> {
  return knex('scheduler_leases')
    .where('key', 'like', 'fire:%')
    .andWhere('expires_at', '<', knex.raw(`now() - interval '1 day'`))
    .delete();
}
