/**
 * A page may carry the same record twice; one statement cannot upsert a row twice, so the last one
 * read wins (it is the source's latest word). Order is the keys' first appearance.
 */
export function lastPerKey<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) byKey.set(keyOf(item), item);
  return [...byKey.values()];
}
