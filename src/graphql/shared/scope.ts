import type { Knex } from 'knex';
import type { DisclosureFilter } from '../disclosures/columns';

/**
 * A domain query's arguments as a DisclosureFilter (the columns every disclosure has) plus a scope
 * over `attributes`, which the shared disclosure list applies (disclosures/list.ts). Every user
 * value is a bound parameter; the SQL text is fixed.
 */
export interface DisclosureScope {
  filter: DisclosureFilter;
  scope: (q: Knex.QueryBuilder) => void;
}

/** A condition on `disclosures d` with its bindings; left out when `when` is false. */
export interface Condition {
  sql: string;
  bindings: unknown[];
  when: boolean;
}

/** SQL with one `?` for an argument: applies only when the argument is given. */
export function whenGiven(sql: string, value: unknown): Condition {
  return { sql, bindings: [value], when: given(value) };
}

/** "attributes contains this JSON": one bound jsonb value, for exact matches on stored fields. */
export function contains(value: unknown, when: boolean): Condition {
  return { sql: 'd.attributes @> ?::jsonb', bindings: [JSON.stringify(value)], when };
}

/** The conditions that apply, as one scope: they are chosen once, when the arguments are read. */
export function scopeOf(conditions: Condition[]): (q: Knex.QueryBuilder) => void {
  const applied = conditions.filter((c) => c.when);
  return (q) => {
    for (const c of applied) q.whereRaw(c.sql, c.bindings as Knex.RawBinding[]);
  };
}

/** Whether an optional argument was given: GraphQL passes an omitted one as undefined, an explicit null as null. */
export function given<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}
