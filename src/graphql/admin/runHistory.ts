import type { Knex } from 'knex';
import { badInput } from '../shared/badInput';
import { RUN_COLUMNS } from '../feeds/latestRuns';
import { servedSyncRun, type ServedSyncRun } from './servedSyncRun';

/** The charts reach back a quarter at most: beyond that, points crowd and the scan grows. */
export const MAX_HISTORY_DAYS = 90;

/**
 * Finished runs that started in the last `days` days, oldest first: the charts' points. A running
 * run has no duration yet, so it joins once it ends and both charts show the same runs.
 */
export async function runHistory(knex: Knex, days: number, stream?: string | null): Promise<ServedSyncRun[]> {
  if (!Number.isInteger(days) || days < 1 || days > MAX_HISTORY_DAYS) {
    throw badInput(`"days" must be between 1 and ${MAX_HISTORY_DAYS}, got ${days}`);
  }
  const q = knex('sync_runs')
    .select(RUN_COLUMNS)
    .whereNot('status', 'running')
    .where('started_at', '>=', knex.raw(`now() - (? || ' days')::interval`, [String(days)]))
    .orderBy([{ column: 'started_at' }, { column: 'id' }]);
  if (stream) q.where('stream', stream);
  return (await q).map(servedSyncRun);
}
