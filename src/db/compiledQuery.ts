/** A statement as a knex builder compiles it (`toSQL()`): its text with `?` placeholders, and their values. */
export interface CompiledQuery {
  sql: string;
  bindings: unknown[];
  method: string;
  [other: string]: unknown;
}

/** The same text, method and values (dates by their time): one statement may stand for the other. */
export function sameQuery(a: CompiledQuery, b: CompiledQuery): boolean {
  return a.sql === b.sql && a.method === b.method && a.bindings.length === b.bindings.length && a.bindings.every((x, i) => sameValue(x, b.bindings[i]));
}

export const sameValue = (x: unknown, y: unknown): boolean => x === y || (x instanceof Date && y instanceof Date && x.getTime() === y.getTime());

/** Thrown under test when a statement reused for a request is not what building it afresh gives. */
export function assertSameAsBuilt(reuser: string, reused: CompiledQuery, built: CompiledQuery): void {
  if (sameQuery(reused, built)) return;
  throw new Error(`${reuser} reused SQL that differs from a fresh build:\n${reused.sql}\n${JSON.stringify(reused.bindings)}\nvs\n${built.sql}\n${JSON.stringify(built.bindings)}`);
}
