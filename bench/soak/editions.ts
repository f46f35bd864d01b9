import { progress } from '../harness/lifecycle';
import type { FeedProcess } from './feedProcess';
import type { SyncPlan } from './syncSchedule';

/**
 * Publishes edition k + 1 of the feeds half a period before sync round k, for the rounds that start
 * before `until`: each round then finds corrections to write (updates, revisions, removals from
 * lists) as after a source's next publication, instead of only re-reading records it has.
 */
export function publishEditions(feeds: FeedProcess, plan: SyncPlan, until: Date): { published(): number; stop(): void } {
  const halfPeriodMs = (plan.everyMinutes * 60_000) / 2;
  const timers: NodeJS.Timeout[] = [];
  let published = 0;
  for (let k = 1; ; k++) {
    const roundStart = plan.roundStart(k).getTime();
    if (roundStart >= until.getTime()) break;
    const at = roundStart - halfPeriodMs;
    const edition = k + 1;
    timers.push(
      setTimeout(() => {
        feeds.setEdition(edition).then(
          () => published++,
          (error: unknown) => progress(`edition ${edition} not published: ${error instanceof Error ? error.message : String(error)}`),
        );
      }, Math.max(0, at - Date.now())),
    );
  }
  return {
    published: () => published,
    stop: () => timers.forEach(clearTimeout),
  };
}
