import type { Knex } from 'knex';
import { decodeCursor, encodeCursor } from '../cursor';
import { pageSize } from '../limits';
import { applyFilter, applySearch, titleHit, type DisclosureFilter } from './disclosureFilter';

export interface DisclosureListArgs {
  first?: number | null;
  after?: string | null;
  filter?: DisclosureFilter | null;
  search?: string | null;
  orderBy?: 'PUBLISHED_DESC' | 'PUBLISHED_ASC' | null;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Counted only when the client asks for it. */
  totalCount: () => Promise<number>;
}

/** Every column but the search text, which only the WHERE clause needs. */
export const DISCLOSURE_COLUMNS = [
  'd.id', 'd.domain', 'd.kind', 'd.stream', 'd.source_key', 'd.title', 'd.publisher', 'd.region', 'd.published_at',
  'd.source_updated_at', 'd.status', 'd.subject_uscc', 'd.subject_name', 'd.subject_uscc_valid', 'd.subject_uscc_reason',
  'd.entity_uscc', 'd.source_url', 'd.version', 'd.attributes',
];

/**
 * One page of disclosures: keyset pagination on (published_at, id), one row more than asked to
 * learn whether another page follows. `scope` narrows the list (e.g. to one entity).
 */
export async function listDisclosures(knex: Knex, args: DisclosureListArgs, scope?: (q: Knex.QueryBuilder) => void): Promise<Connection<any>> {
  const limit = pageSize(args.first);
  const ascending = args.orderBy === 'PUBLISHED_ASC';
  const base = () => {
    const q = knex('disclosures as d');
    scope?.(q);
    applyFilter(q, args.filter);
    applySearch(q, args.search);
    return q;
  };

  // A search ranks hits in the title first; within each rank, the requested time order.
  const rank = args.search?.trim() ? titleHit(args.search) : { sql: '0', bindings: [] };
  const page = base().select(DISCLOSURE_COLUMNS).select(knex.raw(`${rank.sql} AS rank`, rank.bindings));
  const direction = ascending ? 'asc' : 'desc';
  if (args.after) {
    const [hit, publishedAt, id] = decodeCursor(args.after, ['number', 'string', 'number']);
    const after = ascending ? '>' : '<';
    page.whereRaw(`(${rank.sql} < ? OR (${rank.sql} = ? AND (d.published_at, d.id) ${after} (?::timestamptz, ?)))`, [
      ...rank.bindings, hit, ...rank.bindings, hit, publishedAt, id,
    ]);
  }
  const rows = await page
    .orderByRaw(`rank desc, d.published_at ${direction}, d.id ${direction}`)
    .limit(limit + 1);

  const edges = rows.slice(0, limit).map((row: any) => ({
    cursor: encodeCursor([Number(row.rank), new Date(row.published_at).toISOString(), Number(row.id)]),
    node: row,
  }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: async () => {
      const [{ count }] = await base().count({ count: '*' });
      return Number(count);
    },
  };
}
