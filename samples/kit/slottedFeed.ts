import type { FeedOptions, IndexedFeed } from './feed';
import { maybeMalformed, type Malformation } from './malformed';
import { firstIndexAtOrAfter, liveOffset, slotOf, type SlotPosition, type TimeSlots } from './timeline';

export interface SlottedFeedSpec {
  path: string;
  slots: TimeSlots;
  /** The well-formed record at a slot position, in the source's own format. */
  record(at: SlotPosition, options: FeedOptions): Record<string, unknown>;
  /** How this source's records go wrong; the malformed share (isMalformed) gets one of them. */
  malformations: readonly Malformation[];
}

/**
 * A feed of `scale` records in time slots, answering `since`, with the deliberately malformed
 * share broken the source's ways: what most sample streams are. A live one (its slots say when they
 * are published) served with `asOf` holds the `scale` records that end then (liveOffset); the
 * record at feed index i is the one at calendar position offset + i, and so is its malformation.
 */
export function slottedFeed(spec: SlottedFeedSpec): IndexedFeed {
  const offset = (o: FeedOptions) => liveOffset(spec.slots, o.scale, o.asOf);
  const at = (index: number, o: FeedOptions) => slotOf(offset(o) + index, spec.slots, o.seed);
  return {
    path: spec.path,
    count: (o) => o.scale,
    firstIndexSince: (since, o) => firstIndexAtOrAfter(since, o.scale, (index) => at(index, o).time),
    record: (index, o) => maybeMalformed(spec.record(at(index, o), o), spec.path, offset(o) + index, o, spec.malformations),
  };
}
