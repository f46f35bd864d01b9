import type { Knex } from 'knex';
import { RULE_CATEGORIES, type RuleCategory } from '../contract';

export interface ReviewSummary {
  /** Items waiting for a decision, and when the oldest of them was held. */
  held: number;
  oldestHeldAt: Date | null;
  byStream: Array<{ stream: string; held: number; oldestHeldAt: Date }>;
  /** Items decided, by decision. */
  approved: number;
  redacted: number;
  withheld: number;
  /** Withheld items by the exception to disclosure they fall under; each item counts once. */
  withheldByCategory: Record<RuleCategory, number>;
}

/**
 * A withheld item counts under one exception, as a disclosure report counts each 不予公开 once:
 * the first of its findings' categories in the order of RULE_CATEGORIES (a state secret before a
 * commercial secret before personal privacy before a listed word).
 */
const WITHHELD_BY_CATEGORY = `
  SELECT CASE ${RULE_CATEGORIES.map((c) => `WHEN findings @> '[{"category": "${c}"}]' THEN '${c}'`).join(' ')} END AS category, count(*) AS n
  FROM review_items WHERE status = 'withheld' GROUP BY 1`;

/** The review's figures for `hub status`, reviewStats and /metrics: three small aggregate queries. */
export async function reviewSummary(knex: Knex): Promise<ReviewSummary> {
  const streams: Array<{ stream: string; n: number; oldest: Date }> = await knex('review_items')
    .where({ status: 'held' })
    .groupBy('stream')
    .orderBy('stream')
    .select('stream', knex.raw('count(*) AS n'), knex.raw('min(held_at) AS oldest'));
  const byStream = streams.map((s) => ({ stream: s.stream, held: Number(s.n), oldestHeldAt: new Date(s.oldest) }));
  const decided = new Map<string, number>(
    (await knex('review_items').whereIn('status', ['approved', 'redacted', 'withheld']).groupBy('status').select('status', knex.raw('count(*) AS n'))).map(
      (r: { status: string; n: number }) => [r.status, Number(r.n)],
    ),
  );
  const withheldByCategory = Object.fromEntries(RULE_CATEGORIES.map((c) => [c, 0])) as Record<RuleCategory, number>;
  for (const r of (await knex.raw(WITHHELD_BY_CATEGORY)).rows) if (r.category) withheldByCategory[r.category as RuleCategory] = Number(r.n);
  const oldest = byStream.reduce<Date | null>((min, s) => (min === null || s.oldestHeldAt < min ? s.oldestHeldAt : min), null);
  return {
    held: byStream.reduce((sum, s) => sum + s.held, 0),
    oldestHeldAt: oldest,
    byStream,
    approved: decided.get('approved') ?? 0,
    redacted: decided.get('redacted') ?? 0,
    withheld: decided.get('withheld') ?? 0,
    withheldByCategory,
  };
}
