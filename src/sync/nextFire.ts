import { upcomingFires } from './cronTimes';

/** When a cron expression fires next, as an ISO time; what `hub status` shows without a running scheduler. */
export function nextFire(expression: string, timezone: string): string | null {
  const [next] = upcomingFires(expression, 1, timezone);
  return next ? next.toISOString() : null;
}
