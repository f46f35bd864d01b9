import { schedulePeriodMs } from './cronTimes';
import { STALE_AFTER_PERIODS } from '../domain/dataAge';

/**
 * How many schedule periods a stream's last success may age before its data counts as stale: the
 * count the data's own age uses too (domain/dataAge.ts). One missed fire is normal (a run in
 * progress, a source down for a moment); a second one means the feed has fallen behind and its
 * readers should be told.
 */
export { STALE_AFTER_PERIODS };

/**
 * Whether a stream's data is stale: never synced successfully, or its last success older than
 * STALE_AFTER_PERIODS periods of its schedule. Without a schedule (or with one that is not cron)
 * there is nothing to fall behind, so only a stream that never succeeded is stale.
 */
export function isStale(lastSuccessAt: Date | null, schedule: string | null, now: Date = new Date()): boolean {
  if (!lastSuccessAt) return true;
  const period = schedule ? schedulePeriodMs(schedule) : null;
  if (period === null) return false;
  return now.getTime() - lastSuccessAt.getTime() > STALE_AFTER_PERIODS * period;
}
