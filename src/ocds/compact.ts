/**
 * Helpers that keep releases free of nulls and empty lists. A stored null means "the notice did
 * not say"; in OCDS a null means "erase this", which the merge of a compiled release obeys, so a
 * notice that is silent about a field must leave it out.
 */

/** The object without its undefined and null fields. */
export function compact<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined && v !== null)) as T;
}

export function nonEmpty<T>(list: readonly T[] | null | undefined): T[] | undefined {
  return list && list.length > 0 ? [...list] : undefined;
}

export function orAbsent<T>(value: T | null | undefined): T | undefined {
  return value ?? undefined;
}
