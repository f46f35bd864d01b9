import type { Knex } from 'knex';
import { GraphQLError } from 'graphql';
import { normalizeUscc } from '../../domain/uscc';
import { storedStatuses } from '../status';

export interface DisclosureFilter {
  domain?: string | null;
  kind?: string | null;
  publisher?: string | null;
  region?: string | null;
  subjectUscc?: string | null;
  status?: string | null;
  publishedFrom?: Date | null;
  publishedTo?: Date | null;
}

/** Applies a filter to a query over `disclosures` (aliased `d`). Every value is a bound parameter. */
export function applyFilter(query: Knex.QueryBuilder, filter: DisclosureFilter | null | undefined): Knex.QueryBuilder {
  if (!filter) return query;
  if (filter.domain) query.where('d.domain', filter.domain);
  if (filter.kind) query.where('d.kind', filter.kind);
  if (filter.publisher) query.where('d.publisher', filter.publisher);
  if (filter.region) query.where('d.region', filter.region);
  if (filter.subjectUscc) query.where('d.subject_uscc', normalizeUscc(filter.subjectUscc));
  if (filter.status) query.whereIn('d.status', storedStatuses(filter.status));
  if (filter.publishedFrom) query.where('d.published_at', '>=', filter.publishedFrom);
  if (filter.publishedTo) query.where('d.published_at', '<', filter.publishedTo);
  return query;
}

const MAX_SEARCH_LENGTH = 100;

/**
 * Substring search over the disclosure's searchable text. The user's string is a bound parameter
 * with LIKE's wildcards escaped, so it is always data, never SQL or a pattern.
 */
export function applySearch(query: Knex.QueryBuilder, search: string | null | undefined): Knex.QueryBuilder {
  const text = search?.trim();
  if (!text) return query;
  if (text.length > MAX_SEARCH_LENGTH) {
    throw new GraphQLError(`"search" is limited to ${MAX_SEARCH_LENGTH} characters`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
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
