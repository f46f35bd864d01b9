import type { Knex } from 'knex';

/**
 * Chinese search by character bigrams. pg_trgm indexes three-character grams, so a two-character
 * query (the most common Chinese search: 处罚, 环保, 医院) cannot use it. Every disclosure's
 * searchable text is cut into its distinct bigrams in a generated column with a GIN index; a query
 * asks for rows holding all of its bigrams, then checks the exact substring. The same SQL runs on
 * PostgreSQL and PGlite.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION hub_bigrams(input text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT coalesce(array_agg(DISTINCT gram), '{}')
      FROM (SELECT substr(lower(input), i, 2) AS gram FROM generate_series(1, length(input) - 1) AS i) grams
      WHERE gram !~ '\\s'
    $$`);
  await knex.raw(`ALTER TABLE disclosures ADD COLUMN search_grams text[] GENERATED ALWAYS AS (hub_bigrams(search_text)) STORED`);
  await knex.raw('CREATE INDEX disclosures_search_grams ON disclosures USING gin (search_grams)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE disclosures DROP COLUMN search_grams');
  await knex.raw('DROP FUNCTION hub_bigrams(text)');
}
