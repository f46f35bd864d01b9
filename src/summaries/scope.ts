import type { Knex } from 'knex';

/**
 * Which summaries to recompute: those of some keys (project codes, entity codes), or all of them
 * (a migration filling a new summary table from the rows already stored).
 */
export type Scope = readonly string[] | 'all';

/** Limits a query to rows whose `column` is one of the scope's codes; 'all' to rows that have one. */
export function withinScope(q: Knex.QueryBuilder, column: string, scope: Scope): void {
  if (scope === 'all') q.whereNotNull(column);
  else q.whereIn(column, scope);
}
