import type { Knex } from 'knex';
import { transactionFailingWithOwnError } from '../../db/transaction';
import { writeDisclosures } from '../../sync/store/disclosureWriter';
import type { DisclosureRow } from '../../sync/normalize';
import { DECIDED_STATUS, REVIEW_DECISIONS, type DecisionChannel, type Finding, type ReviewDecision, type ReviewItemRecord } from '../contract';
import { RedactFieldError, redactRow } from '../redaction';
import { appendAudit, recordRefusedDecision } from './audit';
import { heldRow, itemRecord, ITEM_COLUMNS } from './itemRecord';
import { withdrawPublished } from './withdraw';

/** A decision a user asked for that cannot be made; the message says what was wrong and what to do. */
export class ReviewDecisionError extends Error {
  override name = 'ReviewDecisionError';
}

export interface DecisionRequest {
  id: number;
  decision: ReviewDecision;
  /** Why: for a withhold its legal basis (e.g. 《政府信息公开条例》第十四条). Required for every decision. */
  basis: string;
  /** For a redaction: the fields to mask (their findings' spans, or the whole field if it has none); none masks every finding. */
  redactFields?: string[] | null;
  /** The admin's name (HUB_ADMIN_TOKENS). */
  actor: string;
  via: DecisionChannel;
}

/**
 * Decides a held item, in one transaction with its audit line. Approve publishes the held row as it
 * is, redact publishes it with the findings' spans (or the named fields) masked — either way the
 * older published version becomes a revision, as with any update. Withhold (不予公开) publishes
 * nothing and takes the record's older version off the public store, keeping it with the item.
 * A request that cannot be decided is refused with a ReviewDecisionError and recorded in the audit
 * log as `refused`, with the reason.
 */
export async function decideReview(knex: Knex, request: DecisionRequest): Promise<ReviewItemRecord> {
  try {
    return await transactionFailingWithOwnError(knex, (trx) => decide(trx, request));
  } catch (error) {
    if (error instanceof ReviewDecisionError) {
      // The refusal is recorded after the rollback. Should the database fail here too, the user
      // still gets the reason the decision was refused rather than the database's error.
      const { id, actor, via, decision, basis, redactFields } = request;
      await recordRefusedDecision(knex, { itemId: id, actor, via, decision, basis, redactFields, reason: error.message }).catch(() => undefined);
    }
    throw error;
  }
}

async function decide(trx: Knex.Transaction, request: DecisionRequest): Promise<ReviewItemRecord> {
  const { id, decision, actor, via } = request;
  const basis = requireBasis(request.basis);
  const fields = requireFields(decision, request.redactFields);
  const item = await trx('review_items').where({ id }).forUpdate().first();
  if (!item) throw new ReviewDecisionError(`there is no review item ${id}; list the held items with "hub review list" (or the reviewQueue query) and use one of their ids`);
  requireHeld(item);

  const row = heldRow(item.row);
  if (decision === 'approve') await writeDisclosures(trx, [row], null);
  else if (decision === 'redact') await writeDisclosures(trx, [redacted(row, item.findings, fields, id)], null);
  else await withdrawPublished(trx, [id]);

  await trx('review_items')
    .where({ id })
    .update({ status: DECIDED_STATUS[decision], decided_by: actor, decided_at: trx.fn.now(), basis, redact_fields: fields ? JSON.stringify(fields) : null });
  await appendAudit(trx, { actor, via, action: decision, itemId: id, basis, redactFields: fields ?? null });
  const [decided] = await trx.select(trx.raw(ITEM_COLUMNS)).from('review_items as i').where('i.id', id);
  return itemRecord(decided);
}

function requireBasis(basis: string): string {
  const trimmed = typeof basis === 'string' ? basis.trim() : '';
  if (!trimmed) {
    throw new ReviewDecisionError('a decision needs its basis: say why, e.g. --basis "《政府信息公开条例》第十五条：涉及个人隐私" for a withhold, or "经审查不涉密，同意公开" for an approval');
  }
  if (trimmed.includes('\u0000')) throw new ReviewDecisionError('the basis holds a NUL character; write it as plain text');
  return trimmed;
}

/** Fields are named for a redaction only; an empty list is the same as none (mask every finding). */
function requireFields(decision: ReviewDecision, fields: string[] | null | undefined): string[] | undefined {
  if (!REVIEW_DECISIONS.includes(decision)) {
    throw new ReviewDecisionError(`"${decision}" is not a review decision; decide one of ${REVIEW_DECISIONS.join(', ')}`);
  }
  if (!fields || fields.length === 0) return undefined;
  if (decision !== 'redact') {
    throw new ReviewDecisionError(`fields to redact are named for a redact decision only, not for ${decision}; leave them out, or decide redact`);
  }
  const blank = fields.find((f) => typeof f !== 'string' || f.trim() === '');
  if (blank !== undefined) throw new ReviewDecisionError('a field to redact is blank; name each field by its path, e.g. attributes.facts or parties[0].name');
  return [...new Set(fields.map((f) => f.trim()))];
}

/** Only an item still held can be decided: a decision stands, and a superseded version is no longer the record's. */
function requireHeld(item: { id: number | string; status: string; decided_by: string | null; decided_at: Date | null }): void {
  if (item.status === 'held') return;
  if (item.status === 'superseded') {
    throw new ReviewDecisionError(
      `review item ${item.id} is superseded: the source changed the record after it was held, and the new version is reviewed on its own; decide the record's current item (see "hub review list")`,
    );
  }
  const when = item.decided_at ? ` on ${new Date(item.decided_at).toISOString()}` : '';
  throw new ReviewDecisionError(`review item ${item.id} was already decided: ${item.status} by ${item.decided_by ?? 'an admin'}${when}; a decision stands once made (see "hub review audit --item ${item.id}")`);
}

/** The held row with its findings masked; a field that is not in the row is the user's mistake, said as such. */
function redacted(row: DisclosureRow, findings: Finding[], fields: string[] | undefined, id: number): DisclosureRow {
  try {
    return redactRow(row, findings, fields);
  } catch (error) {
    if (error instanceof RedactFieldError) throw new ReviewDecisionError(`review item ${id} cannot be redacted as asked: ${error.message}`);
    throw error;
  }
}
