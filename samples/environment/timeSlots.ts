import { DateTime } from 'luxon';
import { CHINA_ZONE, parseChinaTime } from '../../src/connectorKit';
import type { FeedOptions, IndexedFeed } from '../kit/feed';
import { maybeMalformed, type Malformation } from '../kit/malformed';

/**
 * Most environmental sources publish on a clock: every city each day, every section each round,
 * every outlet each hour. Record `index` is then item `index mod perSlot` of time slot
 * `⌊index / perSlot⌋`, its time follows from the index alone, and records ascend by time, which is
 * what lets a feed answer `since` without generating the records before it.
 */
export interface TimeSlots {
  /** Time of slot 0. */
  start: DateTime;
  slotHours: number;
  perSlot: number;
  /** Minutes after its slot's start at which position p is timed; non-decreasing in p. Default 0. */
  offsetMinutes?: (position: number) => number;
}

export interface SlotPosition {
  slot: number;
  position: number;
  time: DateTime;
}

const HOUR_MS = 3600 * 1000;

// Milliseconds, not calendar arithmetic: China has kept one offset (+08:00) since 1991.
export function slotOf(index: number, slots: TimeSlots): SlotPosition {
  const slot = Math.floor(index / slots.perSlot);
  const position = index % slots.perSlot;
  const ms = slots.start.toMillis() + slot * slots.slotHours * HOUR_MS + (slots.offsetMinutes?.(position) ?? 0) * 60000;
  return { slot, position, time: DateTime.fromMillis(ms, { zone: CHINA_ZONE }) };
}

/** The first index whose time is at or after `since` (0 when `since` is not a time). */
export function firstIndexAtOrAfter(since: string, slots: TimeSlots, count: number): number {
  const time = parseChinaTime(since)?.getTime();
  if (time === undefined) return 0;
  const slot = Math.max(0, Math.floor((time - slots.start.toMillis()) / (slots.slotHours * HOUR_MS)));
  let index = Math.min(count, slot * slots.perSlot);
  while (index < count && slotOf(index, slots).time.toMillis() < time) index++;
  return index;
}

export interface SlottedFeedSpec {
  path: string;
  slots: TimeSlots;
  /** The well-formed record at a slot position, in the source's own format. */
  record(at: SlotPosition, options: FeedOptions): Record<string, unknown>;
  /** How this source's records go wrong; the malformed share (isMalformed) gets one of them. */
  malformations: readonly Malformation[];
}

/** An IndexedFeed over time slots, with the deliberately malformed share broken the source's ways. */
export function slottedFeed(spec: SlottedFeedSpec): IndexedFeed {
  return {
    path: spec.path,
    count: (o) => o.scale,
    firstIndexSince: (since, o) => firstIndexAtOrAfter(since, spec.slots, o.scale),
    record: (index, o) => maybeMalformed(spec.record(slotOf(index, spec.slots), o), spec.path, index, o, spec.malformations),
  };
}
