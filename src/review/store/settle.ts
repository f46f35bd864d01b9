import type { Knex } from 'knex';
import type { DisclosureRow } from '../../sync/normalize';
import type { Finding, ReviewOutcome, ReviewStatus } from '../contract';
import { redactRow } from '../redaction';
import { withdrawPublished } from './withdraw';
import { lastPerKey } from '../../sync/store/lastPerKey';

export interface SettleOptions {
  /** The stream's full name, connector/stream. */
  stream: string;
  runId: number;
  /** The page's mapped rows after review, in page order. */
  outcomes: ReviewOutcome<DisclosureRow>[];
}

export interface SettledPage {
  /** What the page publishes: rows without findings, and rows whose content an admin approved (as is) or redacted (redacted). */
  publish: DisclosureRow[];
  /** Rows not published because they wait for a decision: held by this page, or held before and read again. */
  held: number;
  /** Rows whose content an admin withheld: not published, and nothing about them changed (a run counts them unchanged). */
  withheld: number;
}

// One index probe per key, as disclosureWriter.ts's FIND_EXISTING: only the page's rows with findings ask.
const FIND_ITEMS = `
  SELECT i.id, i.source_key, i.status, i.findings, i.redact_fields
  FROM jsonb_to_recordset(?::jsonb) AS k(source_key text, content_hash text)
  CROSS JOIN LATERAL (
    SELECT id, source_key, status, findings, redact_fields FROM review_items
    WHERE stream = ? AND source_key = k.source_key AND content_hash = k.content_hash OFFSET 0
  ) i`;

// A new version of a record settles the held items of its older versions: the source changed the
// record, and what it says now is what is reviewed (or published). A row without findings carries
// no hash here, so it settles every held item of its key — also one held for the same content
// under rules that have since been relaxed.
const SUPERSEDE = `
  UPDATE review_items i SET status = 'superseded'
  FROM jsonb_to_recordset(?::jsonb) AS k(source_key text, content_hash text)
  WHERE i.status = 'held' AND i.stream = ? AND i.source_key = k.source_key
    AND i.content_hash IS DISTINCT FROM k.content_hash`;

// New held items, each with its audit line, in one statement. Content held before and superseded
// since (the source went back to it) is held again: its item is reopened, not duplicated.
const HOLD = `
  WITH held AS (
    INSERT INTO review_items (stream, source_key, content_hash, title, findings, "row", run_id)
    SELECT h.stream, h.source_key, h.content_hash, h.title, h.findings, h."row", h.run_id
    FROM jsonb_to_recordset(?::jsonb) AS h(stream text, source_key text, content_hash text, title text, findings jsonb, "row" jsonb, run_id bigint)
    ON CONFLICT (stream, source_key, content_hash) DO UPDATE SET
      status = 'held', held_at = now(), last_seen_at = now(), title = excluded.title, findings = excluded.findings,
      "row" = excluded."row", run_id = excluded.run_id
      WHERE review_items.status = 'superseded'
    RETURNING id, run_id, findings
  )
  INSERT INTO review_audit (via, action, item_id, reason)
  SELECT 'sync', 'hold', held.id,
    'run ' || held.run_id || ' found ' || (SELECT string_agg(DISTINCT f->>'rule', ', ' ORDER BY f->>'rule') FROM jsonb_array_elements(held.findings) f)
  FROM held ORDER BY held.id`;

interface KnownItem {
  id: number;
  source_key: string;
  status: ReviewStatus;
  findings: Finding[];
  redact_fields: string[] | null;
}

/**
 * The review's side of writing one page, inside the page's transaction and before its rows are
 * written: which rows are published, and what is held. A row without findings is published. A row
 * with findings is looked up by its content (stream, key, content hash): an earlier decision on the
 * same content stands — approved is published as it is, redacted is published redacted, withheld
 * stays off the public store — and content still held stays held; any other content is held as a
 * new item, audited as `hold`. Every row supersedes the held items of its record's other versions.
 * Set-based: one statement per step, whatever the page's size, and only the supersede step runs on
 * a page without findings.
 */
export async function settleReviewedRows(trx: Knex.Transaction, { stream, runId, outcomes }: SettleOptions): Promise<SettledPage> {
  const page = lastPerKey(outcomes, (o) => o.row.source_key);
  const flagged = page.filter((o) => o.findings.length > 0);
  const known = await knownItems(trx, stream, flagged);

  const publish: DisclosureRow[] = [];
  const toHold: ReviewOutcome<DisclosureRow>[] = [];
  const stillHeld: KnownItem[] = [];
  const seen: number[] = [];
  const withheld: number[] = [];
  for (const outcome of page) {
    if (outcome.findings.length === 0) {
      publish.push(outcome.row);
      continue;
    }
    const item = known.get(outcome.row.source_key);
    if (!item || item.status === 'superseded') {
      toHold.push(outcome);
      continue;
    }
    seen.push(item.id);
    if (item.status === 'held') stillHeld.push(item);
    else if (item.status === 'approved') publish.push(outcome.row);
    // The stored findings are the ones the admin saw; the same content has them at the same places.
    else if (item.status === 'redacted') publish.push(redactRow(outcome.row, item.findings, item.redact_fields ?? undefined));
    else withheld.push(item.id);
  }

  await supersedeOtherVersions(trx, stream, page);
  if (toHold.length > 0) await trx.raw(HOLD, [JSON.stringify(toHold.map((o) => heldItem(o, runId)))]);
  if (seen.length > 0) await trx('review_items').whereIn('id', seen).update({ last_seen_at: trx.fn.now() });
  await keepOlderVersionsListed(trx, stream, [...toHold.map((o) => o.row.source_key), ...stillHeld.map((i) => i.source_key)]);
  // The same withheld content read again: its record stays off the public store, even if a later
  // version had been published in between.
  await withdrawPublished(trx, withheld);
  return { publish, held: toHold.length + stillHeld.length, withheld: withheld.length };
}

/** The items of the flagged rows' exact content, by source key. */
async function knownItems(trx: Knex.Transaction, stream: string, flagged: ReviewOutcome<DisclosureRow>[]): Promise<Map<string, KnownItem>> {
  const known = new Map<string, KnownItem>();
  if (flagged.length === 0) return known;
  const keys = flagged.map((o) => ({ source_key: o.row.source_key, content_hash: o.row.content_hash }));
  const found = await trx.raw(FIND_ITEMS, [JSON.stringify(keys), stream]);
  for (const row of found.rows) known.set(row.source_key, { ...row, id: Number(row.id) });
  return known;
}

async function supersedeOtherVersions(trx: Knex.Transaction, stream: string, page: ReviewOutcome<DisclosureRow>[]): Promise<void> {
  if (page.length === 0) return;
  const versions = page.map((o) => ({ source_key: o.row.source_key, content_hash: o.findings.length > 0 ? o.row.content_hash : null }));
  await trx.raw(SUPERSEDE, [JSON.stringify(versions), stream]);
}

/**
 * A held version's record is still at the source: its published older version is marked as seen,
 * or a snapshot stream's complete read (store/snapshot.ts) would take it for a record that left
 * the list.
 */
async function keepOlderVersionsListed(trx: Knex.Transaction, stream: string, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await trx('disclosures').where({ stream }).whereIn('source_key', keys).update({ last_seen_at: trx.fn.now() });
}

/** A new held item. Its title, shown in lists, has the spans found in it masked; the row is kept whole for the decision. */
function heldItem(outcome: ReviewOutcome<DisclosureRow>, runId: number): object {
  const { row, findings } = outcome;
  const inTitle = findings.filter((f) => f.field === 'title');
  return {
    stream: row.stream,
    source_key: row.source_key,
    content_hash: row.content_hash,
    title: inTitle.length > 0 ? redactRow(row, inTitle).title : row.title,
    findings,
    row,
    run_id: runId,
  };
}
