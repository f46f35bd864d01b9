import type { DisclosureRow } from '../../sync/normalize';
import type { ReviewItemRecord } from '../contract';

/**
 * The columns of an item as records are read, with the id of the record's published version (the
 * older version that stays public while this one is held, or the version a decision published).
 * `withdrawn` is left out: it can be large, and only the store itself reads it.
 */
export const ITEM_COLUMNS = `
  i.id, i.stream, i.source_key, i.content_hash, i.title, i.findings, i."row", i.status, i.held_at, i.last_seen_at,
  i.decided_by, i.decided_at, i.basis, i.redact_fields,
  (SELECT d.id FROM disclosures d WHERE d.stream = i.stream AND d.source_key = i.source_key) AS published_id`;

/** A review_items row (selected with ITEM_COLUMNS) as the contract's record. */
export function itemRecord(r: any): ReviewItemRecord {
  return {
    id: Number(r.id),
    stream: r.stream,
    sourceKey: r.source_key,
    title: r.title,
    findings: r.findings,
    status: r.status,
    contentHash: r.content_hash,
    heldAt: new Date(r.held_at),
    lastSeenAt: new Date(r.last_seen_at),
    decidedBy: r.decided_by ?? null,
    decidedAt: r.decided_at ? new Date(r.decided_at) : null,
    basis: r.basis ?? null,
    redactFields: r.redact_fields ?? null,
    publishedId: r.published_id == null ? null : Number(r.published_id),
    row: servedFields(r.row),
  };
}

/**
 * What an admin reviews: the held row's served fields. The personal column is never served, not
 * even to an admin; the search text repeats the served text and the hash is the item's own.
 */
function servedFields(stored: Record<string, unknown>): Record<string, unknown> {
  const { personal: _personal, search_text: _search, content_hash: _hash, ...served } = stored;
  return served;
}

/** The held row as the store keeps it (jsonb), back as the DisclosureRow it was: its dates are dates again. */
export function heldRow(stored: any): DisclosureRow {
  return { ...stored, published_at: new Date(stored.published_at), source_updated_at: new Date(stored.source_updated_at) };
}
