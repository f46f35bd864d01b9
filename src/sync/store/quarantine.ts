import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import stringify from 'safe-stable-stringify';
import type { RecordError } from '../validation';
import { escapeUnstorable } from '../unstorableText';

/** A record the engine could not take, with the stage it failed in and every reason. */
export interface RejectedRecord {
  stream: string;
  sourceKey: string | null;
  payload: unknown;
  /** `store`: valid and mapped, but the database refused the row (store/refusedRows.ts). */
  stage: 'parse' | 'validate' | 'map' | 'store';
  errors: RecordError[];
}

export function payloadHash(payload: unknown): string {
  return createHash('sha256').update(stringify(payload) ?? 'null').digest('hex');
}

/**
 * What makes two rejected records one quarantine entry: the source key, or for a record without a
 * usable key (quarantineKey.ts) a hash of its content. The same expression is the unique index
 * `quarantine_open_identity` over open entries (migration 007), which the upsert below names.
 */
const IDENTITY_SQL = "coalesce(source_key, 'payload:' || payload_hash)";

// One open entry per record: a bad record seen again, even with a changed payload, updates its
// entry, whose seen-count grows once per run (a run that re-reads its look-back window, or is re-run
// after a crash, does not inflate it). A record a person discarded stays discarded while the source
// sends the same payload; a changed payload is a new problem and opens an entry again.
const UPSERT = `
  INSERT INTO quarantine (stream, source_key, payload_hash, payload, stage, errors, first_run_id, last_run_id)
  SELECT q.stream, q.source_key, q.payload_hash, q.payload, q.stage, q.errors, q.run_id, q.run_id
  FROM jsonb_to_recordset(?::jsonb) AS q(stream text, source_key text, payload_hash text, payload jsonb, stage text, errors jsonb, run_id bigint)
  WHERE NOT EXISTS (
    SELECT 1 FROM quarantine d WHERE d.stream = q.stream AND d.payload_hash = q.payload_hash AND d.status = 'discarded'
  )
  ON CONFLICT (stream, (${IDENTITY_SQL})) WHERE status = 'open' DO UPDATE SET
    seen_count = quarantine.seen_count + CASE WHEN quarantine.last_run_id = excluded.last_run_id THEN 0 ELSE 1 END,
    last_run_id = excluded.last_run_id, last_seen_at = now(), stage = excluded.stage, errors = excluded.errors,
    payload = excluded.payload, payload_hash = excluded.payload_hash`;

export async function quarantineRecords(trx: Knex.Transaction, records: RejectedRecord[], runId: number): Promise<void> {
  if (records.length === 0) return;
  // One statement cannot update an entry twice: within a page, the last version of a record wins.
  const byIdentity = new Map<string, object>();
  for (const r of records) {
    // The hash is of the record as the source sent it; what is stored is escaped where PostgreSQL
    // could not store it (a NUL, half a surrogate pair), so the entry itself never fails the page.
    const hash = payloadHash(r.payload);
    byIdentity.set(r.sourceKey ?? `payload:${hash}`, {
      stream: r.stream,
      source_key: escapeUnstorable(r.sourceKey),
      payload_hash: hash,
      payload: escapeUnstorable(r.payload),
      stage: r.stage,
      errors: escapeUnstorable(r.errors),
      run_id: runId,
    });
  }
  await trx.raw(UPSERT, [JSON.stringify([...byIdentity.values()])]);
}

/**
 * When a good version of a record arrives, the quarantined bad versions of it are settled: the
 * source fixed it, and the open count should show only what still needs a person.
 */
export async function supersedeQuarantined(trx: Knex.Transaction, stream: string, sourceKeys: string[]): Promise<void> {
  if (sourceKeys.length === 0) return;
  await trx('quarantine')
    .where({ stream, status: 'open' })
    .whereIn('source_key', sourceKeys)
    .update({ status: 'superseded', resolved_at: trx.fn.now() });
}
