import type { Knex } from 'knex';
import type { StreamDefinition } from '../stream';
import { contentHash, type DisclosureRow } from '../normalize';
import { writeDisclosures } from './disclosureWriter';

const BATCH = 500;

/**
 * After a complete read of a snapshot source, a stored record the source no longer lists has left
 * the list (e.g. removed from the abnormal-operations list). That is a status change of the same
 * record, kept as a revision — never a deletion.
 */
export async function markMissingAsRemoved(knex: Knex, stream: StreamDefinition, name: string, runId: number): Promise<number> {
  const run = await knex('sync_runs').where({ id: runId }).first('started_at');
  let removed = 0;
  for (;;) {
    const missing: Array<DisclosureRow & { id: number }> = await knex('disclosures')
      .where({ stream: name })
      .andWhere('last_seen_at', '<', run.started_at)
      .andWhereNot('status', stream.removedStatus!)
      .orderBy('id')
      .limit(BATCH);
    if (missing.length === 0) return removed;
    const parties = await knex('disclosure_parties')
      .whereIn('disclosure_id', missing.map((m) => m.id))
      .orderBy('id')
      .select('disclosure_id', 'role', 'name', 'uscc', 'uscc_valid', 'entity_uscc');
    const rows = missing.map((row) => withStatus({ ...row, parties: parties.filter((p: any) => Number(p.disclosure_id) === Number(row.id)).map(({ disclosure_id: _d, ...p }: any) => p) }, stream.removedStatus!));
    await knex.transaction(async (trx) => {
      await writeDisclosures(trx, rows, runId);
      await trx('sync_runs').where({ id: runId }).increment('removed', rows.length);
    });
    removed += rows.length;
  }
}

function withStatus(stored: DisclosureRow & { id: number }, status: string): DisclosureRow {
  const { id: _id, content_hash: _hash, ...rest } = stored;
  const row = pick(rest as DisclosureRow);
  const changed = { ...row, status };
  return { ...changed, content_hash: contentHash(changed) };
}

/** The unified columns only: bookkeeping columns (version, seen times) are not part of the record. */
function pick(row: DisclosureRow): Omit<DisclosureRow, 'content_hash'> {
  return {
    domain: row.domain,
    kind: row.kind,
    stream: row.stream,
    source_key: row.source_key,
    title: row.title,
    publisher: row.publisher,
    region: row.region,
    published_at: new Date(row.published_at),
    source_updated_at: new Date(row.source_updated_at),
    status: row.status,
    subject_uscc: row.subject_uscc,
    subject_name: row.subject_name,
    subject_uscc_valid: row.subject_uscc_valid,
    subject_uscc_reason: row.subject_uscc_reason,
    entity_uscc: row.entity_uscc,
    source_url: row.source_url,
    attributes: row.attributes,
    personal: row.personal ?? null,
    search_text: row.search_text,
    links: row.links ?? null,
    parties: row.parties,
  };
}
