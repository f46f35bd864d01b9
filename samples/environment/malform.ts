import type { Random } from '../kit/random';

/** One way a source's records go wrong (a wrong type, a missing field, an impossible value, a bad date). */
export type Malformation = (record: Record<string, unknown>) => void;

/** A copy of the record broken in one of the source's ways, chosen by `r`. */
export function malformed(record: Record<string, unknown>, ways: readonly Malformation[], r: Random): Record<string, unknown> {
  const bad = structuredClone(record);
  r.pick(ways)(bad);
  return bad;
}
