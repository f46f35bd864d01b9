import cron from 'node-cron';
import { CHINA_ZONE } from '../domain/chinaTime';

/**
 * The next `count` fires of a cron expression, computed from the expression alone: no task is
 * started, so asking costs no timer. Empty for an expression that is not cron (an override typo
 * reaches here when the scheduler, which would refuse it, is off).
 */
export function upcomingFires(expression: string, count: number, timezone = CHINA_ZONE): Date[] {
  if (!cron.validate(expression)) return [];
  const task = cron.createTask(expression, () => undefined, { timezone });
  // getNextRun() answers only for a started task; getNextRuns() computes from the expression.
  const fires = task.getNextRuns(count);
  void task.destroy();
  return fires;
}

/**
 * Enough consecutive fires to see a whole week of the schedule, for the usual expressions: twice a
 * day on weekdays, say, has its longest gap (Friday evening to Monday morning) within 16 fires.
 */
const FIRES_TO_MEASURE = 16;

const periods = new Map<string, number | null>();

/**
 * A schedule's period: the longest gap between consecutive fires, so "every hour" is an hour and
 * "09:00 on weekdays" is the weekend's three days. China keeps one offset all year, so the answer
 * does not depend on when it is asked and is kept per expression (computing a weekly expression's
 * fires takes tens of milliseconds). Null for an expression that is not cron.
 */
export function schedulePeriodMs(expression: string, timezone = CHINA_ZONE): number | null {
  const key = `${timezone} ${expression}`;
  if (!periods.has(key)) periods.set(key, longestGap(upcomingFires(expression, FIRES_TO_MEASURE, timezone)));
  return periods.get(key)!;
}

function longestGap(fires: Date[]): number | null {
  if (fires.length < 2) return null;
  let longest = 0;
  for (let i = 1; i < fires.length; i++) longest = Math.max(longest, fires[i].getTime() - fires[i - 1].getTime());
  return longest;
}
