import type { Knex } from 'knex';

// Ids pass as one JSON parameter, as every id list of the writer does: the same on pg and PGlite.
const IDS = 'SELECT (value)::bigint FROM jsonb_array_elements_text(?::jsonb)';

// The postings of the written rows, replaced whole in two set-based statements: a changed title or
// publication time moves them, and a new version with the same title writes the same rows back.
const DELETE_POSTINGS = `DELETE FROM disclosure_title_bigrams WHERE disclosure_id IN (${IDS})`;
const INSERT_POSTINGS = `
  INSERT INTO disclosure_title_bigrams (bigram, published_at, disclosure_id)
  SELECT gram, d.published_at, d.id FROM disclosures d CROSS JOIN LATERAL unnest(hub_title_bigrams(d.title)) AS gram
  WHERE d.id IN (${IDS})`;

/**
 * Keeps the title bigram postings (migration 012) of the disclosures just written, inside the
 * writing transaction: a search never sees a title without its postings, nor postings of a title
 * that is gone. `replaced` are the ids that had postings before (rewritten rows); new rows have none.
 */
export async function refreshTitleBigrams(trx: Knex.Transaction, writtenIds: readonly number[], replaced: readonly number[]): Promise<void> {
  if (replaced.length > 0) await trx.raw(DELETE_POSTINGS, [JSON.stringify(replaced)]);
  if (writtenIds.length > 0) await trx.raw(INSERT_POSTINGS, [JSON.stringify(writtenIds)]);
}
