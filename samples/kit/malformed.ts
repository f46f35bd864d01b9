import { isMalformed, type FeedOptions } from './feed';
import { random } from './random';

/**
 * One way a source's records go wrong (a wrong type, a missing field, an impossible value, a bad
 * date): it edits a copy of the record. Each stream lists its own, as each source fails its own way.
 */
export type Malformation = (bad: Record<string, unknown>) => void;

/**
 * The record as the feed serves it: for the known share (isMalformed) a copy broken in one of the
 * stream's ways, chosen by (seed, path, index), so a test can count them and a re-read breaks
 * them the same way. `index` is what the malformation follows: the feed index, or the entry or
 * project behind it where those move in the feed between editions.
 */
export function maybeMalformed(record: object, path: string, index: number, o: FeedOptions, ways: readonly Malformation[]): Record<string, unknown> {
  if (!isMalformed(path, index, o)) return record as Record<string, unknown>;
  // A deep copy: some ways break a nested value (a day of a forecast), never the record it came from.
  const bad = structuredClone(record) as Record<string, unknown>;
  random(o.seed, 'malform', path, index).pick(ways)(bad);
  return bad;
}
