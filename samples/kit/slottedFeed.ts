import type { FeedOptions, IndexedFeed } from './feed';
import { maybeMalformed, type Malformation } from './malformed';
import { firstIndexAtOrAfter, slotOf, type SlotPosition, type TimeSlots } from './timeline';

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
 * share broken the source's ways: what most sample streams are.
 */
export function slottedFeed(spec: SlottedFeedSpec): IndexedFeed {
  return {
    path: spec.path,
    count: (o) => o.scale,
    firstIndexSince: (since, o) => firstIndexAtOrAfter(since, o.scale, (index) => slotOf(index, spec.slots, o.seed).time),
    record: (index, o) => maybeMalformed(spec.record(slotOf(index, spec.slots, o.seed), o), spec.path, index, o, spec.malformations),
  };
}
