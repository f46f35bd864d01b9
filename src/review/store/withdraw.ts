import type { Knex } from 'knex';
import { keepingSummaries } from '../../summaries/refresh';
import { takeSharedWritesTurn } from '../../sync/store/sharedWrites';

/** The published versions of some items' records: what a withdrawal takes off, and whose summaries it changes. */
const PUBLISHED = `
  SELECT d.id FROM review_items i JOIN disclosures d ON d.stream = i.stream AND d.source_key = i.source_key
  WHERE i.id IN (SELECT (value)::bigint FROM jsonb_array_elements_text(?::jsonb))`;

// Every public query reads `disclosures`, so a record taken off the public store leaves that table.
// Nothing is lost: the version as stored, its parties and its revisions go into the item's
// `withdrawn` list first, in the same statement (the CTEs all read the same snapshot, and the
// delete's cascade to parties and revisions happens after they were copied).
const WITHDRAW = `
  WITH taken AS (
    SELECT i.id AS item_id, d.id AS disclosure_id,
      jsonb_build_object(
        'withdrawnAt', now(),
        'disclosure', to_jsonb(d) - 'search_grams',
        'parties', coalesce((SELECT jsonb_agg(to_jsonb(p) ORDER BY p.id) FROM disclosure_parties p WHERE p.disclosure_id = d.id), '[]'::jsonb),
        'revisions', coalesce((SELECT jsonb_agg(to_jsonb(r) ORDER BY r.version) FROM revisions r WHERE r.disclosure_id = d.id), '[]'::jsonb)
      ) AS kept
    FROM review_items i
    JOIN disclosures d ON d.stream = i.stream AND d.source_key = i.source_key
    WHERE i.id IN (SELECT (value)::bigint FROM jsonb_array_elements_text(?::jsonb))
  ), kept AS (
    UPDATE review_items i SET withdrawn = coalesce(i.withdrawn, '[]'::jsonb) || jsonb_build_array(taken.kept)
    FROM taken WHERE i.id = taken.item_id
    RETURNING taken.disclosure_id
  )
  DELETE FROM disclosures WHERE id IN (SELECT disclosure_id FROM kept) RETURNING id`;

/**
 * Takes the published version of each withheld item's record off the public store (不予公开 covers
 * the record, not only the version that was held), keeping it with the item. Returns how many
 * published versions were taken off; a record never published takes nothing.
 */
export async function withdrawPublished(trx: Knex.Transaction, itemIds: number[]): Promise<number> {
  if (itemIds.length === 0) return 0;
  const items = JSON.stringify(itemIds);
  const published: number[] = (await trx.raw(PUBLISHED, [items])).rows.map((r: { id: number }) => Number(r.id));
  if (published.length === 0) return 0;
  await takeSharedWritesTurn(trx);
  return keepingSummaries(trx, published, async () => {
    const result = await trx.raw(WITHDRAW, [items]);
    return { written: [], result: result.rows.length };
  });
}
