import type { Knex } from 'knex';
import { SEARCH_TEXT_MAX_CHARS } from '../../sync/normalize';
import { badInput } from '../shared/badInput';

const MAX_SEARCH_LENGTH = 100;

/**
 * A search string as the lists use it: the user's text, its LIKE pattern (wildcards escaped, so it
 * is always data, never a pattern of the user's) and what the bigram indexes can answer alone.
 */
export interface SearchTerms {
  text: string;
  pattern: string;
  /**
   * The text is one bigram (two characters, no blank): holding that bigram is the same as holding
   * the text, so the GIN index answers the match and no row's text is read to check it.
   */
  oneBigram: boolean;
  /**
   * The text is two ideographs: the title bigram postings (migration 012) list its title hits in
   * publication order. Null for any other text.
   */
  titleBigram: string | null;
}

/**
 * The ideographs the title bigram postings keep (CJK Unified Ideographs and Extension A), by the
 * same code point ranges as hub_title_bigrams (migrations 012 and 015).
 */
const IDEOGRAPH_PAIR = /^[\u3400-\u4dbf\u4e00-\u9fff]{2}$/u;

/**
 * JavaScript's \s holds every character PostgreSQL's [[:space:]] does (and more), so a text with no
 * \s here has no blank for hub_bigrams to drop either.
 */
const BLANK = /\s/u;

/** The terms of a search argument; null when there is nothing to search for. */
export function searchTermsOf(search: string | null | undefined): SearchTerms | null {
  const text = search?.trim();
  if (!text) return null;
  if (text.length > MAX_SEARCH_LENGTH) throw badInput(`"search" is limited to ${MAX_SEARCH_LENGTH} characters`);
  const characters = [...text];
  const oneBigram = characters.length === 2 && !BLANK.test(text);
  return { text, pattern: `%${escapeLike(text)}%`, oneBigram, titleBigram: IDEOGRAPH_PAIR.test(text) ? text : null };
}

/**
 * Substring search over the disclosure's searchable text. The bigram index narrows the rows (every
 * bigram of the query must occur); the substring test then keeps exact matches, unless the query is
 * one bigram, which the index matches exactly. A one-character query has no bigram and is a scan.
 */
export function applySearch(query: Knex.QueryBuilder, search: string | null | undefined): Knex.QueryBuilder {
  const terms = searchTermsOf(search);
  return terms ? whereSearchHit(query, terms) : query;
}

export function whereSearchHit(query: Knex.QueryBuilder, terms: SearchTerms): Knex.QueryBuilder {
  query.whereRaw('d.search_grams @> hub_bigrams(?)', [terms.text]);
  return terms.oneBigram ? query : query.whereRaw(`d.search_text ILIKE ? ESCAPE '\\'`, [terms.pattern]);
}

/**
 * SQL that is true when the title itself contains the search text: such hits rank first. A title
 * counts to its first SEARCH_TEXT_MAX_CHARS characters, as the search text and the title bigram
 * postings (migration 012) read it, so every search path ranks a record the same.
 */
export function titleHit(terms: SearchTerms): { sql: string; bindings: string[] } {
  return { sql: `(left(d.title, ${SEARCH_TEXT_MAX_CHARS}) ILIKE ? ESCAPE '\\')`, bindings: [terms.pattern] };
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
