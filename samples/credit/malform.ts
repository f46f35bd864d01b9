import { isMalformed, type FeedOptions } from '../kit/feed';
import { random } from '../kit/random';

/** One way a record goes wrong; it edits a copy of the record. */
export type Malformation = (bad: Record<string, unknown>) => void;

/**
 * The known share of records (isMalformed) comes out broken in one of the feed's ways, chosen by
 * (seed, path, index) so a test can count them and a re-read breaks them the same way.
 */
export function maybeMalformed(
  record: Record<string, unknown>,
  path: string,
  index: number,
  o: FeedOptions,
  ways: readonly Malformation[],
): Record<string, unknown> {
  if (!isMalformed(path, index, o)) return record;
  const bad = { ...record };
  random(o.seed, 'malform', path, index).pick(ways)(bad);
  return bad;
}
