import type { Knex } from 'knex';

/**
 * What narrows a disclosure list beyond its filter: conditions on `disclosures d`. A scope whose
 * rows come from sources each indexed in publication order may also say, for one page, which ids
 * can be on it: each source's first rows past the page's cursor. The page then reads those few
 * instead of every row the scope holds; its count still counts them all.
 */
export interface ListScope {
  (q: Knex.QueryBuilder): void;
  pageCandidates?: (bounds: PageBounds) => Knex.QueryBuilder;
}

/** Where one page lies in its list: what a source needs to read only as far as the page goes. */
export interface PageBounds {
  /** Applies the list's filter to a query over `disclosures d`. */
  filtered: (q: Knex.QueryBuilder) => Knex.QueryBuilder;
  /** Whether the list has a filter at all: a source that must join `d` for it can skip the join. */
  filtering: boolean;
  /** The row the page starts after, if any. */
  after: { publishedAt: string; id: number } | null;
  direction: 'asc' | 'desc';
  /** Rows the page statement reads: each source need give no more. */
  rows: number;
}
