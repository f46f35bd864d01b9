import type { Knex } from 'knex';
import type { AuditChannel, DecisionChannel, ReviewAuditEntry, ReviewDecision } from '../contract';
import { escapeUnstorable } from '../../sync/unstorableText';

/** One line to append to the review audit log (review_audit, append-only by its trigger). */
export interface AuditLine {
  actor: string | null;
  via: AuditChannel;
  action: ReviewAuditEntry['action'];
  itemId: number | null;
  basis?: string | null;
  redactFields?: string[] | null;
  reason?: string | null;
}

/** Appends one line, inside the caller's transaction when it is one (a decision and its line commit together). */
export async function appendAudit(knex: Knex | Knex.Transaction, line: AuditLine): Promise<ReviewAuditEntry> {
  // What a person typed may hold a NUL, which PostgreSQL cannot store: the line must still be written.
  const [row] = await knex('review_audit')
    .insert({
      actor: escapeUnstorable(line.actor),
      via: line.via,
      action: line.action,
      item_id: line.itemId,
      basis: escapeUnstorable(line.basis ?? null),
      redact_fields: line.redactFields ? JSON.stringify(escapeUnstorable(line.redactFields)) : null,
      reason: escapeUnstorable(line.reason ?? null),
    })
    .returning('*');
  return auditEntry(row);
}

/** An attempt refused before it could be decided. */
export interface RefusedAttempt {
  /** The item the attempt named, if any (recorded even when no such item exists). */
  itemId?: number | null;
  /** The admin, when the token was valid and the item could not take the decision; null for a missing or wrong token. */
  actor?: string | null;
  via: DecisionChannel;
  /** What was attempted. */
  decision?: ReviewDecision;
  basis?: string | null;
  redactFields?: string[] | null;
  /** Why it was refused, e.g. "no admin token". */
  reason: string;
}

/**
 * Records a refused attempt: one without a valid admin token (the surfaces call this before they
 * reach decideReview), or one decideReview refused (it records those itself). Both are in the log
 * an auditor reads, with what was attempted and why it was refused.
 */
export function recordRefusedDecision(knex: Knex, attempt: RefusedAttempt): Promise<ReviewAuditEntry> {
  return appendAudit(knex, {
    actor: attempt.actor ?? null,
    via: attempt.via,
    action: 'refused',
    itemId: attempt.itemId ?? null,
    basis: attempt.basis ?? null,
    redactFields: attempt.redactFields ?? null,
    reason: attempt.decision ? `${attempt.decision} refused: ${attempt.reason}` : attempt.reason,
  });
}

export interface AuditQuery {
  /** Only the lines of this item. */
  itemId?: number;
  /** At most this many lines. */
  first: number;
  /** Only lines older than this line id (the next page of a newest-first read). */
  before?: number;
}

/** The audit log, newest first. */
export async function readAudit(knex: Knex, q: AuditQuery): Promise<ReviewAuditEntry[]> {
  const query = knex('review_audit').orderBy('id', 'desc').limit(q.first);
  if (q.itemId !== undefined) query.where('item_id', q.itemId);
  if (q.before !== undefined) query.where('id', '<', q.before);
  return (await query.select('*')).map(auditEntry);
}

function auditEntry(r: any): ReviewAuditEntry {
  return {
    id: Number(r.id),
    at: new Date(r.at),
    actor: r.actor ?? null,
    via: r.via,
    action: r.action,
    itemId: r.item_id == null ? null : Number(r.item_id),
    basis: r.basis ?? null,
    redactFields: r.redact_fields ?? null,
    reason: r.reason ?? null,
  };
}
