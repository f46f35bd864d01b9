import type { Knex } from 'knex';
import type { DisclosureFilter } from './columns';

/** Kept by triggers on `disclosures` (migration 014): how many rows each (domain, kind) holds. */
const KIND_COUNTS = 'disclosure_kind_counts';

/** The filter's fields a kept count can answer; any other given narrows rows the counts cannot see. */
const COUNTED_BY = new Set<string>(['domain', 'kind']);

/**
 * The total of a list that nothing but a domain or a kind narrows (no scope, no other filter, no
 * search), as a one-row statement over the counts kept at write time: the portal's domain pages and
 * kind filters, and the whole list. Null for any other list, whose rows are counted.
 *
 * Why: counting a domain read every index entry of it on every request, 30,000 at 300,000
 * disclosures, for a page of 20; these are a row per kind. The counts are the same numbers: the
 * triggers keep them in the transaction of every write, and `disclosures` holds only what is public.
 */
export function keptCount(knex: Knex, filter: DisclosureFilter | null | undefined): Knex.QueryBuilder | null {
  const given = Object.entries(filter ?? {}).filter(([, value]) => Boolean(value));
  if (given.some(([field]) => !COUNTED_BY.has(field))) return null;
  const q = knex(KIND_COUNTS).select(knex.raw('coalesce(sum(count), 0)::bigint AS total'));
  // Truthy values only, as applyFilter reads the filter.
  for (const [field, value] of given) q.where(field, value as string);
  return q;
}
