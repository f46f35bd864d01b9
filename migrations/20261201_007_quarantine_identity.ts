import type { Knex } from 'knex';

/**
 * One open quarantine entry per record. Entries were unique by payload hash, so a bad record whose
 * payload changed between runs got a second open entry; now a record is its source key, or a hash
 * of its content when it has no usable key, and its open entry is updated in place.
 *
 * Existing data is brought in line first: keys spelled from absent values ("undefined@…", "null")
 * had filed different records under one key, so they are cleared, and those entries fall back to
 * their content hash; then the open entries of each record are merged into the most recently seen
 * one, which takes their seen-counts and the earliest first sighting. Closed entries (superseded,
 * replayed, discarded) are history and stay as they are.
 */
const IDENTITY = "coalesce(source_key, 'payload:' || payload_hash)";

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    UPDATE quarantine SET source_key = NULL
    WHERE btrim(source_key) = ''
       OR source_key ~ '(^|[^[:alnum:]])(undefined|null|NaN)([^[:alnum:]]|$)'
       OR source_key LIKE '%[object Object]%'`);
  const openDuplicates = `
    SELECT id,
           row_number() OVER (PARTITION BY stream, ${IDENTITY} ORDER BY last_seen_at DESC, id DESC) AS rank,
           sum(seen_count) OVER record AS seen_count,
           min(first_seen_at) OVER record AS first_seen_at,
           min(first_run_id) OVER record AS first_run_id
    FROM quarantine WHERE status = 'open'
    WINDOW record AS (PARTITION BY stream, ${IDENTITY})`;
  await knex.raw(`
    UPDATE quarantine q SET seen_count = d.seen_count, first_seen_at = d.first_seen_at, first_run_id = d.first_run_id
    FROM (${openDuplicates}) d WHERE q.id = d.id AND d.rank = 1`);
  await knex.raw(`DELETE FROM quarantine WHERE id IN (SELECT id FROM (${openDuplicates}) d WHERE d.rank > 1)`);

  await knex.raw('ALTER TABLE quarantine DROP CONSTRAINT quarantine_stream_payload_hash_unique');
  // Still asked by payload: a discarded payload stays discarded when it comes again.
  await knex.raw('CREATE INDEX quarantine_payload ON quarantine (stream, payload_hash)');
  await knex.raw(`CREATE UNIQUE INDEX quarantine_open_identity ON quarantine (stream, (${IDENTITY})) WHERE status = 'open'`);
}

/** Back to one entry per payload: of entries with the same payload, the most recently seen stays. */
export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX quarantine_open_identity');
  await knex.raw('DROP INDEX quarantine_payload');
  await knex.raw(`
    DELETE FROM quarantine WHERE id IN (
      SELECT id FROM (
        SELECT id, row_number() OVER (PARTITION BY stream, payload_hash ORDER BY last_seen_at DESC, id DESC) AS rank FROM quarantine
      ) d WHERE d.rank > 1)`);
  await knex.raw('ALTER TABLE quarantine ADD CONSTRAINT quarantine_stream_payload_hash_unique UNIQUE (stream, payload_hash)');
}
