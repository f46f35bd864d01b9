import type { Knex } from 'knex';
import type { HubContext } from '../context';
import { serveDisclosure } from '../servedKinds';
import { connectionOf, countRows, type Connection } from '../shared/connection';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import { pageSize } from '../shared/pageSize';
import { withCanonicalRegion } from '../shared/region';
import type { DisclosureScope } from '../shared/scope';
import { applyFilter, DISCLOSURE_COLUMNS, type DisclosureFilter, type DisclosureRow } from './columns';
import { applySearch, titleHit } from './search';
import type { ServedDisclosure } from './served';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface DisclosureListArgs extends PageArgs {
  filter?: DisclosureFilter | null;
  search?: string | null;
  orderBy?: 'PUBLISHED_DESC' | 'PUBLISHED_ASC' | null;
}

/**
 * One page of disclosures: keyset pagination on (published_at, id), one row more than asked to
 * learn whether another page follows. `scope` narrows the list (e.g. to one entity).
 */
export async function listDisclosures(knex: Knex, args: DisclosureListArgs, scope?: (q: Knex.QueryBuilder) => void): Promise<Connection<ServedDisclosure>> {
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
    const [hit, publishedAt, id] = decodeCursor(args.after, ['integer', 'instant', 'integer']);
    const after = ascending ? '>' : '<';
    page.whereRaw(`(${rank.sql} < ? OR (${rank.sql} = ? AND (d.published_at, d.id) ${after} (?::timestamptz, ?)))`, [
      ...rank.bindings, hit, ...rank.bindings, hit, publishedAt, id,
    ]);
  }
  const rows: Array<DisclosureRow & { rank: number }> = await page.orderByRaw(`rank desc, d.published_at ${direction}, d.id ${direction}`).limit(limit + 1);
  return connectionOf(
    rows,
    limit,
    (row) => ({
      cursor: encodeCursor([Number(row.rank), new Date(row.published_at).toISOString(), Number(row.id)]),
      node: serveDisclosure(row),
    }),
    () => countRows(base()),
  );
}

/**
 * A domain query's resolver: the shared disclosure list, narrowed by the scope the query makes of
 * its own arguments (search and orderBy pass through where the query has them). A region, as a
 * query's own argument or in its filter, is read in the city's vocabulary first.
 */
export function scopedList<A>(toScope: (args: A) => DisclosureScope) {
  return (_: unknown, args: A & Omit<DisclosureListArgs, 'filter'>, ctx: HubContext) => {
    const own = args as A & { region?: string | null; filter?: { region?: string | null } | null };
    const { filter, scope } = toScope({ ...withCanonicalRegion(own, ctx.regions), filter: withCanonicalRegion(own.filter, ctx.regions) });
    return listDisclosures(ctx.knex, { first: args.first, after: args.after, search: args.search, orderBy: args.orderBy, filter }, scope);
  };
}
