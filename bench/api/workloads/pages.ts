import type { Target } from '../options';
import type { ServerProcess } from '../serverProcess';
import { dataOf, type Variant, type VariantSource } from '../workload';

/** Rows per page: the portal's page size. */
export const PAGE = 20;
/** Rows per request while collecting cursors: the hub's largest page. */
const WALK = 100;

/**
 * A paged list as each server walks it: a query with `$first` and `$after` (String for the hub,
 * Cursor for PostGraphile) whose connection, at `path` in the data, selects
 * `edges { cursor node { <key> } } pageInfo { hasNextPage endCursor }`.
 */
export interface PagedList {
  walk: Record<Target, string>;
  path: Record<Target, string>;
  /** The row key both servers name the same way (`id`). */
  key: (node: any) => string;
}

/**
 * Variants that each ask for another page of the same list: the first page, then the page after
 * row 20, 40, … as each server's own cursor for that row says. Both servers then seek to the same
 * row by their own keyset (`after`), which is how a visitor pages, rather than by an offset the
 * hub does not offer. The cursors are collected from each server before the load; a row at which
 * the two disagree shows up as a difference of the variant.
 */
export async function pageVariants(source: VariantSource, list: PagedList, fixed: Record<Target, Record<string, unknown>>): Promise<Variant[]> {
  const rows = source.most * PAGE;
  const [hub, pg] = await Promise.all([walk(source.servers.hub, list, 'hub', fixed.hub, rows), walk(source.servers.postgraphile, list, 'postgraphile', fixed.postgraphile, rows)]);
  const pages = Math.min(source.most, Math.ceil(Math.min(hub.length, pg.length) / PAGE));
  return Array.from({ length: Math.max(1, pages) }, (_, page) => {
    const before = page * PAGE - 1;
    return {
      label: page === 0 ? 'page 1' : `page ${page + 1} (after row ${hub[before].key})`,
      variables: {
        hub: { ...fixed.hub, after: page === 0 ? null : hub[before].cursor },
        postgraphile: { ...fixed.postgraphile, after: page === 0 ? null : pg[before].cursor },
      },
    };
  });
}

async function walk(server: ServerProcess, list: PagedList, target: Target, fixed: Record<string, unknown>, rows: number): Promise<Array<{ cursor: string; key: string }>> {
  const seen: Array<{ cursor: string; key: string }> = [];
  let after: string | null = null;
  while (seen.length < rows) {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: list.walk[target], variables: { ...fixed, first: WALK, after } }),
    });
    const connection = list.path[target].split('.').reduce((at, field) => at?.[field], dataOf(`paging through ${list.path[target]}`, target, await response.text()));
    for (const edge of connection.edges as Array<{ cursor: string; node: any }>) seen.push({ cursor: edge.cursor, key: list.key(edge.node) });
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  return seen;
}
