import { RULE_CATEGORIES } from '../../review/contract';
import type { ReviewSummary } from '../../review/store';

/** Whole seconds from `since` to `now`. */
const ageSeconds = (since: Date, now: Date) => Math.max(0, Math.floor((now.getTime() - since.getTime()) / 1000));

/** The store's summary as ReviewStats serves it: ages as of `now`, every category listed. */
export function servedStats(summary: ReviewSummary, now: Date) {
  return {
    held: summary.held,
    oldestHeldAt: summary.oldestHeldAt,
    oldestHeldAgeSeconds: summary.oldestHeldAt ? ageSeconds(summary.oldestHeldAt, now) : null,
    byStream: summary.byStream.map((s) => ({ ...s, oldestHeldAgeSeconds: ageSeconds(s.oldestHeldAt, now) })),
    approved: summary.approved,
    redacted: summary.redacted,
    withheld: summary.withheld,
    withheldByCategory: RULE_CATEGORIES.map((category) => ({ category, count: summary.withheldByCategory[category] ?? 0 })),
  };
}
