import DataLoader from 'dataloader';

/**
 * A DataLoader whose batch function answers with a Map. DataLoader coalesces every `load` made
 * within one frame of execution (the resolvers of one level of a response run in the same tick)
 * and calls the batch function once with all their keys; it wants one value per key, in key order,
 * which this reads from the Map, giving `missing` for keys the batch did not find. `keyOf` is how a
 * key is looked up in the Map and cached (for keys that are objects, or ids that may come as text).
 *
 * Loaders are made per request (context.ts): a cached value never outlives the request it served.
 */
export function mapLoader<K, V>(
  batch: (keys: K[]) => Promise<Map<unknown, V>>,
  missing: V,
  keyOf: (key: K) => unknown = (key) => key,
): DataLoader<K, V, unknown> {
  return new DataLoader<K, V, unknown>(
    async (keys) => {
      const found = await batch([...keys]);
      return keys.map((key) => found.get(keyOf(key)) ?? missing);
    },
    { cacheKeyFn: keyOf },
  );
}

/** Rows grouped by key, each group in row order (so a query's ORDER BY holds within groups). */
export function groupRows<R, V>(rows: readonly R[], keyOf: (row: R) => unknown, valueOf: (row: R) => V): Map<unknown, V[]> {
  const groups = new Map<unknown, V[]>();
  for (const row of rows) {
    const group = groups.get(keyOf(row));
    if (group) group.push(valueOf(row));
    else groups.set(keyOf(row), [valueOf(row)]);
  }
  return groups;
}
