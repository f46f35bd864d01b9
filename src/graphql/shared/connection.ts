import { defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';
import type { Knex } from 'knex';

/**
 * A page of a list (Relay connection). `totalCount` is a function: graphql's default resolver calls
 * it only when the client asks for the count, so a page costs no count query unless wanted. The
 * cursors are functions for the same reason: most pages are read without them, and each is a JSON
 * text in base64 (about a tenth of a page's serving time when every edge made one).
 */
export interface Connection<T> {
  edges: Array<Edge<T>>;
  pageInfo: { hasNextPage: boolean; endCursor: () => string | null };
  totalCount: () => Promise<number>;
}

export interface Edge<T> {
  node: T;
  cursor(): string;
}

/** An edge whose cursor is made from its row when, and only if, a query selects it. */
class LazyEdge<R, T> implements Edge<T> {
  constructor(
    private readonly row: R,
    readonly node: T,
    private readonly cursorOf: (row: R) => string,
  ) {}

  cursor(): string {
    return this.cursorOf(this.row);
  }
}

/**
 * The page from rows fetched one beyond its size: the extra row is not served, it only tells that
 * another page follows. `cursorOf` gives a row's cursor (its sort key, encoded).
 */
export function connectionOf<R, T>(
  rows: readonly R[],
  size: number,
  nodeOf: (row: R) => T,
  cursorOf: (row: R) => string,
  countAll: () => Promise<number>,
): Connection<T> {
  const shown = Math.min(rows.length, size);
  const edges: Array<Edge<T>> = new Array(shown);
  for (let i = 0; i < shown; i++) edges[i] = new LazyEdge(rows[i], nodeOf(rows[i]), cursorOf);
  const last = shown > 0 ? rows[shown - 1] : undefined;
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: () => (last === undefined ? null : cursorOf(last)) },
    totalCount: countAll,
  };
}

/** How many rows a query matches, over all pages. */
export async function countRows(query: Knex.QueryBuilder): Promise<number> {
  const [{ count }] = await query.count({ count: '*' });
  return Number(count);
}

/** The fields a connection serves as functions, by the name ending of the types that carry them. */
const LAZY_FIELDS: ReadonlyArray<{ typeEnding: string; field: string }> = [
  { typeEnding: 'Connection', field: 'totalCount' },
  { typeEnding: 'Edge', field: 'cursor' },
  { typeEnding: 'PageInfo', field: 'endCursor' },
];

/**
 * Gives the connections' lazy fields graphql-js's default resolver, which calls a property that is a
 * function. Without a resolver of its own a field is read as a plain property by graphql-jit, which
 * runs the direct path's queries (src/server/compiledExecution.ts), and a function is not a count.
 */
export function resolveLazyConnectionFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const { typeEnding, field } of LAZY_FIELDS) {
      const definition = type.name.endsWith(typeEnding) ? type.getFields()[field] : undefined;
      if (definition && !definition.resolve) definition.resolve = defaultFieldResolver;
    }
  }
  return schema;
}
