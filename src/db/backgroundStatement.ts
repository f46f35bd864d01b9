import type { Knex } from 'knex';

/**
 * The comment on statements the server runs on its own timer (following the review audit log),
 * not for a request. It makes them recognisable where statements are counted or logged: a test
 * that counts the statements of one request leaves them out, and a DBA sees what they are.
 */
export const BACKGROUND_STATEMENT = 'hub: background';

/** Marks a query as the server's own background work. */
export function inBackground<Q extends Knex.QueryBuilder>(query: Q): Q {
  return query.comment(BACKGROUND_STATEMENT) as Q;
}
