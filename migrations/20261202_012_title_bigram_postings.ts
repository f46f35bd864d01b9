import type { Knex } from 'knex';

/**
 * Title bigram postings: the most common portal search, two Chinese characters (处罚, 环保, 医院),
 * answered in the order the page wants without reading every hit.
 *
 * The bigram GIN index (migration 005) finds every row holding a bigram, in no useful order: a page
 * ranks title hits first, newest first, so it had to fetch and sort every hit (5,000 rows for 处罚
 * at 30,000 disclosures). Here each title's bigrams of two ideographs are kept as rows in a B-tree
 * ordered by (bigram, published_at, id): the newest title hits of a bigram are the first entries of
 * its range, so a page reads about as many entries as it shows, like the newest-disclosures list.
 *
 * A title is read to its first 10,000 characters, as the search text is (SEARCH_TEXT_MAX_CHARS in
 * src/sync/normalize.ts): a two-million-character title would otherwise take seconds to cut, and
 * the search ranks a title hit by the same first 10,000 characters.
 *
 * Only pairs of CJK ideographs (U+3400–U+4DBF, U+4E00–U+9FFF) are kept: digits, Latin letters and
 * punctuation in titles (document numbers, dates) would double the table, and other searches keep
 * the GIN path. src/graphql/disclosures/searchTerms.ts decides which path a query takes by the
 * same ranges; test/integration/searchPaths.test.ts holds the two to one another.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION hub_title_bigrams(title text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT coalesce(array_agg(gram), '{}') FROM unnest(hub_bigrams(left(title, 10000))) AS gram
      WHERE gram ~ '^[\u3400-\u4dbf\u4e00-\u9fff]{2}$'
    $$`);
  await knex.raw(`
    CREATE TABLE disclosure_title_bigrams (
      bigram text NOT NULL,
      published_at timestamptz NOT NULL,
      disclosure_id bigint NOT NULL REFERENCES disclosures (id) ON DELETE CASCADE,
      PRIMARY KEY (bigram, published_at, disclosure_id)
    )`);
  // A rewritten disclosure's postings are replaced by its id (and a deleted one's cascade by it).
  await knex.raw('CREATE INDEX disclosure_title_bigrams_disclosure ON disclosure_title_bigrams (disclosure_id)');
  await knex.raw(`
    INSERT INTO disclosure_title_bigrams (bigram, published_at, disclosure_id)
    SELECT gram, d.published_at, d.id FROM disclosures d CROSS JOIN LATERAL unnest(hub_title_bigrams(d.title)) AS gram`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE disclosure_title_bigrams');
  await knex.raw('DROP FUNCTION hub_title_bigrams(text)');
}
