import type { Knex } from 'knex';

/**
 * A page of a list (Relay connection). `totalCount` is a function: graphql's default resolver calls
 * it only when the client asks for the count, so a page costs no count query unless wanted.
 */
export interface Connection<T> {
  edges: Array<Edge<T>>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: () => Promise<number>;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/**
 * The page from rows fetched one beyond its size: the extra row is not served, it only tells that
 * another page follows.
 */
export function connectionOf<R, T>(rows: readonly R[], size: number, edgeOf: (row: R) => Edge<T>, countAll: () => Promise<number>): Connection<T> {
  const edges = rows.slice(0, size).map(edgeOf);
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: countAll,
  };
}

/** How many rows a query matches, over all pages. */
export async function countRows(query: Knex.QueryBuilder): Promise<number> {
  const [{ count }] = await query.count({ count: '*' });
  return Number(count);
}
