import type { FeedOptions } from './feed';
import { hash32 } from './random';

/**
 * A list that entries leave, edition by edition, and none re-enter (a register of listed
 * enterprises, an inspection item list, a pool of inspectable subjects): the source publishes what
 * is on it now, and a snapshot stream must turn what went missing into a status.
 *
 * Entry positions come in blocks of ten; from the second edition on, edition − 1 slots of every
 * block (at most five, the same slots for a seed and list) have left the list. Feed index → entry is
 * then arithmetic, so a page is still computed without generating the entries before it, and an
 * entry keeps its content from edition to edition.
 */
const BLOCK = 10;

export interface ShrinkingList {
  /** How many of `entries` entries (0 … entries − 1) the feed lists in this edition. */
  count(entries: number, o: FeedOptions): number;
  /** The entry a feed index shows in this edition. */
  entryAt(index: number, o: FeedOptions): number;
  /** Whether an entry is still on the list in this edition. */
  isListed(entry: number, o: FeedOptions): boolean;
}

/** The list at `path`: the slots leaving are drawn from (seed, path), so each list loses its own. */
export function shrinkingList(path: string): ShrinkingList {
  const survivingSlots = (o: FeedOptions): number[] => {
    const slots = Array.from({ length: BLOCK }, (_, slot) => slot);
    const leaving = Math.min(Math.max(o.edition - 1, 0), BLOCK / 2);
    const order = [...slots].sort((a, b) => hash32(o.seed, path, 'leave', a) - hash32(o.seed, path, 'leave', b));
    const left = new Set(order.slice(0, leaving));
    return slots.filter((slot) => !left.has(slot));
  };
  return {
    count(entries, o) {
      const slots = survivingSlots(o);
      const rest = entries % BLOCK;
      return Math.floor(entries / BLOCK) * slots.length + slots.filter((slot) => slot < rest).length;
    },
    entryAt(index, o) {
      const slots = survivingSlots(o);
      return Math.floor(index / slots.length) * BLOCK + slots[index % slots.length];
    },
    isListed: (entry, o) => survivingSlots(o).includes(entry % BLOCK),
  };
}
