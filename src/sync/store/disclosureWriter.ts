import type { Knex } from 'knex';
import type { DisclosureRow } from '../normalize';
import { keepingSummaries } from '../../summaries/refresh';
import { lastPerKey } from './lastPerKey';
import { takeSharedWritesTurn } from './sharedWrites';
import { refreshTitleBigrams } from './titleBigrams';

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** The columns a batch writes, with their SQL types for jsonb_to_recordset. */
const COLUMNS: Array<[keyof DisclosureRow, string]> = [
  ['domain', 'text'],
  ['kind', 'text'],
  ['stream', 'text'],
  ['source_key', 'text'],
  ['title', 'text'],
  ['publisher', 'text'],
  ['region', 'text'],
  ['published_at', 'timestamptz'],
  ['source_updated_at', 'timestamptz'],
  ['status', 'text'],
  ['subject_uscc', 'text'],
  ['subject_name', 'text'],
  ['subject_uscc_valid', 'boolean'],
  ['subject_uscc_reason', 'text'],
  ['entity_uscc', 'text'],
  ['source_url', 'text'],
  ['content_hash', 'text'],
  ['attributes', 'jsonb'],
  ['personal', 'jsonb'],
  ['search_text', 'text'],
  ['links', 'jsonb'],
];
const names = COLUMNS.map(([c]) => c).join(', ');
const recordType = COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ');
const updates = COLUMNS.filter(([c]) => c !== 'stream' && c !== 'source_key')
  .map(([c]) => `${c} = excluded.${c}`)
  .join(', ');

// One statement per batch, its rows passed as one JSON parameter: no limit on bound parameters,
// and one round trip whatever the batch size.
const UPSERT = `
  INSERT INTO disclosures (${names})
  SELECT ${names} FROM jsonb_to_recordset(?::jsonb) AS r(${recordType})
  ON CONFLICT (stream, source_key) DO UPDATE SET ${updates},
    version = disclosures.version + 1, stored_at = now(), last_seen_at = now()
  RETURNING id, source_key`;

// A party keeps its disclosure's publication time, for an enterprise's newest-first page
// (migration 013): copied from the row just written, so the two never differ.
const INSERT_PARTIES = `
  INSERT INTO disclosure_parties (disclosure_id, role, name, uscc, uscc_valid, entity_uscc, published_at)
  SELECT p.disclosure_id, p.role, p.name, p.uscc, p.uscc_valid, p.entity_uscc, d.published_at
  FROM jsonb_to_recordset(?::jsonb) AS p(disclosure_id bigint, role text, name text, uscc text, uscc_valid boolean, entity_uscc text)
  JOIN disclosures d ON d.id = p.disclosure_id`;

const UPSERT_ENTITIES = `
  INSERT INTO entities (uscc, name, names)
  SELECT e.uscc, e.name, jsonb_build_array(e.name) FROM jsonb_to_recordset(?::jsonb) AS e(uscc text, name text)
  ON CONFLICT (uscc) DO UPDATE SET name = excluded.name, updated_at = now(),
    names = CASE WHEN entities.names @> to_jsonb(excluded.name) THEN entities.names
                 ELSE entities.names || to_jsonb(excluded.name) END
  WHERE entities.name IS DISTINCT FROM excluded.name`;

// One index probe per key. A plain `source_key IN (…)` lets the planner choose a scan of the whole
// stream when the table has no statistics yet — during a first large sync, before autovacuum has
// analysed it — which made each page's lookup grow with the table (bench/).
const FIND_EXISTING = `
  SELECT d.id, d.source_key, d.content_hash
  FROM jsonb_array_elements_text(?::jsonb) AS k(source_key)
  CROSS JOIN LATERAL (
    SELECT id, source_key, content_hash FROM disclosures WHERE stream = ? AND source_key = k.source_key OFFSET 0
  ) d`;

// Revisions are served as history, so they never carry the personal column; nor `links` where a
// record has none, as before links existed.
const SAVE_REVISIONS = `
  INSERT INTO revisions (disclosure_id, version, content_hash, snapshot, valid_from, run_id)
  SELECT d.id, d.version, d.content_hash, to_jsonb(d) - 'search_text' - 'search_grams' - 'id' - 'first_seen_at' - 'last_seen_at' - 'personal' - 'content_hash'
    - CASE WHEN d.links IS NULL THEN 'links' ELSE '' END, d.stored_at, ?::bigint
  FROM disclosures d WHERE d.id IN (SELECT (value)::bigint FROM jsonb_array_elements_text(?::jsonb))`;

/**
 * Writes one batch of one stream inside the caller's transaction: entities first (disclosures
 * reference them), then the previous version of every changed disclosure as a revision, then the
 * new and changed rows, and the summaries they feed (src/summaries). Unchanged rows are only marked
 * as seen. `runId` is null for a row a review
 * decision publishes: no run replaced the older version then, an admin did (the audit log says who).
 */
export async function writeDisclosures(trx: Knex.Transaction, batch: DisclosureRow[], runId: number | null): Promise<WriteCounts> {
  const rows = lastPerKey(batch, (row) => row.source_key);
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  await takeSharedWritesTurn(trx);
  await upsertEntities(trx, rows);

  const stream = rows[0].stream;
  const existing = new Map<string, { id: number; content_hash: string }>();
  const found = await trx.raw(FIND_EXISTING, [JSON.stringify(rows.map((r) => r.source_key)), stream]);
  for (const row of found.rows) existing.set(row.source_key, row);

  const changedIds: number[] = [];
  const unchangedIds: number[] = [];
  const toWrite: DisclosureRow[] = [];
  for (const row of rows) {
    const before = existing.get(row.source_key);
    if (!before) toWrite.push(row);
    else if (before.content_hash !== row.content_hash) {
      toWrite.push(row);
      changedIds.push(before.id);
    } else unchangedIds.push(before.id);
  }

  if (toWrite.length > 0) {
    await keepingSummaries(trx, changedIds, async () => {
      if (changedIds.length > 0) await trx.raw(SAVE_REVISIONS, [runId, JSON.stringify(changedIds)]);
      const written = await trx.raw(UPSERT, [JSON.stringify(toWrite)]);
      await replaceParties(trx, toWrite, written.rows, changedIds);
      const writtenIds = written.rows.map((w: { id: number | string }) => Number(w.id));
      await refreshTitleBigrams(trx, writtenIds, changedIds);
      return { written: writtenIds, result: undefined };
    });
  }
  if (unchangedIds.length > 0) {
    await trx('disclosures').whereIn('id', unchangedIds).update({ last_seen_at: trx.fn.now() });
  }
  return { inserted: toWrite.length - changedIds.length, updated: changedIds.length, unchanged: unchangedIds.length };
}

/** A written disclosure's parties are replaced whole: the new version lists who is involved now. */
async function replaceParties(
  trx: Knex.Transaction,
  rows: DisclosureRow[],
  written: Array<{ id: number; source_key: string }>,
  changedIds: number[],
): Promise<void> {
  if (changedIds.length > 0) await trx('disclosure_parties').whereIn('disclosure_id', changedIds).delete();
  const idByKey = new Map(written.map((w) => [w.source_key, Number(w.id)]));
  const parties = rows.flatMap((row) => row.parties.map((party) => ({ ...party, disclosure_id: idByKey.get(row.source_key) })));
  if (parties.length > 0) await trx.raw(INSERT_PARTIES, [JSON.stringify(parties)]);
}

async function upsertEntities(trx: Knex.Transaction, rows: DisclosureRow[]): Promise<void> {
  const entities = new Map<string, string>();
  for (const row of rows) {
    for (const party of row.parties) if (party.entity_uscc) entities.set(party.entity_uscc, party.name);
    if (row.entity_uscc && row.subject_name) entities.set(row.entity_uscc, row.subject_name);
  }
  if (entities.size === 0) return;
  const list = [...entities].map(([uscc, name]) => ({ uscc, name }));
  await trx.raw(UPSERT_ENTITIES, [JSON.stringify(list)]);
}
