import type { Knex } from 'knex';
import { badInput } from '../shared/badInput';

const MAX_SEARCH_LENGTH = 100;

/**
 * Substring search over the disclosure's searchable text. The user's string is a bound parameter
 * with LIKE's wildcards escaped, so it is always data, never SQL or a pattern.
 */
export function applySearch(query: Knex.QueryBuilder, search: string | null | undefined): Knex.QueryBuilder {
  const text = search?.trim();
  if (!text) return query;
  if (text.length > MAX_SEARCH_LENGTH) throw badInput(`"search" is limited to ${MAX_SEARCH_LENGTH} characters`);
  // The bigram index narrows the rows (every bigram of the query must occur); the substring test
  // then keeps exact matches only. A one-character query has no bigram and is a plain scan.
  return query
    .whereRaw('d.search_grams @> hub_bigrams(?)', [text])
    .whereRaw(`d.search_text ILIKE ? ESCAPE '\\'`, [`%${escapeLike(text)}%`]);
}

/** SQL that is 1 when the title itself contains the search text: such hits rank first. */
export function titleHit(search: string): { sql: string; bindings: string[] } {
  return { sql: `(d.title ILIKE ? ESCAPE '\\')::int`, bindings: [`%${escapeLike(search.trim())}%`] };
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
