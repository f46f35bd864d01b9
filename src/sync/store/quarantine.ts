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
  stage: 'parse' | 'validate' | 'map';
  errors: RecordError[];
}

export function payloadHash(payload: unknown): string {
  return createHash('sha256').update(stringify(payload) ?? 'null').digest('hex');
}

// The same bad record seen again is the same entry: its seen-count grows once per run, so a run
// that re-reads its look-back window (or is re-run after a crash) does not inflate it.
const UPSERT = `
  INSERT INTO quarantine (stream, source_key, payload_hash, payload, stage, errors, first_run_id, last_run_id)
  SELECT q.stream, q.source_key, q.payload_hash, q.payload, q.stage, q.errors, q.run_id, q.run_id
  FROM jsonb_to_recordset(?::jsonb) AS q(stream text, source_key text, payload_hash text, payload jsonb, stage text, errors jsonb, run_id bigint)
  ON CONFLICT (stream, payload_hash) DO UPDATE SET
    seen_count = quarantine.seen_count + CASE WHEN quarantine.last_run_id = excluded.last_run_id THEN 0 ELSE 1 END,
    last_run_id = excluded.last_run_id, last_seen_at = now(), stage = excluded.stage, errors = excluded.errors,
    status = CASE WHEN quarantine.status = 'discarded' THEN 'discarded' ELSE 'open' END,
    resolved_at = CASE WHEN quarantine.status = 'discarded' THEN quarantine.resolved_at ELSE NULL END`;

export async function quarantineRecords(trx: Knex.Transaction, records: RejectedRecord[], runId: number): Promise<void> {
  if (records.length === 0) return;
  const byHash = new Map<string, object>();
  for (const r of records) {
    // The hash is of the record as the source sent it; what is stored is escaped where PostgreSQL
    // could not store it (a NUL, half a surrogate pair), so the entry itself never fails the page.
    const hash = payloadHash(r.payload);
    byHash.set(hash, {
      stream: r.stream,
      source_key: escapeUnstorable(r.sourceKey),
      payload_hash: hash,
      payload: escapeUnstorable(r.payload),
      stage: r.stage,
      errors: escapeUnstorable(r.errors),
      run_id: runId,
    });
  }
  await trx.raw(UPSERT, [JSON.stringify([...byHash.values()])]);
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
