import type { Knex } from 'knex';

/**
 * hub_bigrams (migration 005) took time quadratic in its input: it lowered the whole text once per
 * character, and substr walks a UTF-8 string from its start each time. 20,000 characters took 10
 * s, and one 10 MB field held an INSERT at full CPU for over twelve minutes. This version lowers
 * once, splits the text into characters once, and pairs each with the next: linear, and the same
 * bigrams in the same order, so the stored search_grams stay valid and need no rewrite. (The
 * engine also caps the search text, normalize.ts.)
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE OR REPLACE FUNCTION hub_bigrams(input text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT coalesce(array_agg(DISTINCT gram), '{}')
      FROM (
        SELECT c || lead(c) OVER (ORDER BY i) AS gram
        FROM string_to_table(lower(input), NULL) WITH ORDINALITY AS chars(c, i)
      ) grams
      WHERE gram !~ '\\s'
    $$`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE OR REPLACE FUNCTION hub_bigrams(input text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT coalesce(array_agg(DISTINCT gram), '{}')
      FROM (SELECT substr(lower(input), i, 2) AS gram FROM generate_series(1, length(input) - 1) AS i) grams
      WHERE gram !~ '\\s'
    $$`);
}
