import type { Knex } from 'knex';
import { CREDIT, STATUS } from '../domain/contract';
import { withinScope, type Scope } from './scope';

/**
 * An enterprise's credit record at a glance (penalties with their count, total fine and latest
 * time; licences; abnormal-operations listings and the current one; the serious-violation listing),
 * one row per enterprise with a credit disclosure: the profile's creditSummary. Kept by the writes
 * that change its credit disclosures (refresh.ts).
 */
export const ENTITY_CREDIT_SUMMARIES = 'entity_credit_summaries';

export const CREDIT_SUMMARY_COLUMNS = ['uscc', 'penalty_count', 'penalty_total_fine', 'latest_penalty_at', 'licence_count', 'abnormal_count', 'current_abnormal_id', 'serious_id'];

/** The credit summaries of the entities in scope, computed from their credit disclosures as they are now. */
export function summarisedCredit(knex: Knex | Knex.Transaction, codes: Scope): Knex.QueryBuilder {
  const { penalty, licence, abnormalOperation, seriousViolation } = CREDIT.kinds;
  return knex('disclosures')
    .modify(withinScope, 'entity_uscc', codes)
    .where('domain', CREDIT.domain)
    .groupBy('entity_uscc')
    .select(
      'entity_uscc as uscc',
      knex.raw(`count(*) FILTER (WHERE kind = ?) AS penalty_count`, [penalty]),
      knex.raw(`coalesce(sum((attributes->>'fine')::numeric) FILTER (WHERE kind = ?), 0) AS penalty_total_fine`, [penalty]),
      knex.raw(`max(published_at) FILTER (WHERE kind = ?) AS latest_penalty_at`, [penalty]),
      knex.raw(`count(*) FILTER (WHERE kind = ?) AS licence_count`, [licence]),
      knex.raw(`count(*) FILTER (WHERE kind = ?) AS abnormal_count`, [abnormalOperation]),
      knex.raw(`max(id) FILTER (WHERE kind = ? AND status = ?) AS current_abnormal_id`, [abnormalOperation, STATUS.listed]),
      knex.raw(`max(id) FILTER (WHERE kind = ? AND status = ?) AS serious_id`, [seriousViolation, STATUS.listed]),
    );
}

/** Recomputes the credit summaries of some entities: their rows go, and the summaries as they are now take their place. */
export async function refreshEntityCreditSummaries(trx: Knex.Transaction | Knex, codes: Scope): Promise<void> {
  if (codes !== 'all' && codes.length === 0) return;
  await trx(ENTITY_CREDIT_SUMMARIES).modify(withinScope, 'uscc', codes).delete();
  await trx.raw(`INSERT INTO ?? (${CREDIT_SUMMARY_COLUMNS.map(() => '??').join(', ')}) ?`, [ENTITY_CREDIT_SUMMARIES, ...CREDIT_SUMMARY_COLUMNS, summarisedCredit(trx, codes)]);
}
