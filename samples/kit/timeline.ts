import { DateTime } from 'luxon';
import { parseChinaTime } from '../../src/connectorKit';
import { random } from './random';

/**
 * Where a feed's records sit in time. Sources list their records in time order, so the time of
 * record `index` follows from the index alone and never goes back as the index grows: that is what
 * lets a feed answer `since` without generating the records before it.
 *
 * The samples keep a calendar of their own, not the wall clock's, so a seed gives the same records
 * whenever it is run: each feed starts on a fixed day (from 2016 for the oldest export) and, at the
 * default scale, ends by the samples' "today", late November 2026.
 */

/**
 * China Standard Time has been UTC+8 all year since 1991, so for sample dates (2016 on) a fixed
 * offset is exact, and it spares luxon a time-zone lookup for every date of every record, which
 * made generation several times slower.
 */
const CHINA_STANDARD_TIME = 'UTC+8';
const MINUTE_MS = 60_000;
export const MINUTES_PER_DAY = 1440;

/** A moment of China time on the samples' calendar, such as the start of a feed's timeline. */
export function chinaTime(year: number, month: number, day: number, hour = 0): DateTime {
  return DateTime.fromObject({ year, month, day, hour }, { zone: CHINA_STANDARD_TIME });
}

/**
 * Most sources publish on a clock: a platform stores a record every few hours, every city reports
 * each day, every outlet each hour. Record `index` is then position `index mod perSlot` of slot
 * `⌊index / perSlot⌋`, timed at its slot's start plus its offset.
 */
export interface TimeSlots {
  /** Time of slot 0. */
  start: DateTime;
  slotMinutes: number;
  /** Records per slot: 1 unless given. */
  perSlot?: number;
  /**
   * Seconds after its slot's start at which a record is timed: less than the slot's length and
   * non-decreasing in the position, so times ascend with the index. At the start unless given.
   */
  offsetSeconds?: (at: { index: number; position: number }, seed: number) => number;
  /**
   * For a live source: minutes after its start at which a slot's records are all published. A
   * feed served with `asOf` then ends with the last slot published by then (liveOffset).
   */
  publishedAfterMinutes?: number;
}

export interface SlotPosition {
  index: number;
  slot: number;
  position: number;
  time: DateTime;
}

export function slotOf(index: number, slots: TimeSlots, seed: number): SlotPosition {
  const perSlot = slots.perSlot ?? 1;
  const slot = Math.floor(index / perSlot);
  // Live windows can reach before slot 0 (liveOffset): positions stay 0 … perSlot − 1 there too.
  const position = index - slot * perSlot;
  const offsetMs = (slots.offsetSeconds?.({ index, position }, seed) ?? 0) * 1000;
  // Milliseconds, not calendar arithmetic: China has kept one offset since 1991.
  const ms = slots.start.toMillis() + slot * slots.slotMinutes * MINUTE_MS + offsetMs;
  return { index, slot, position, time: DateTime.fromMillis(ms, { zone: CHINA_STANDARD_TIME }) };
}

/**
 * Where a live feed's window of `count` records starts on its calendar: it ends with the last slot
 * published by `asOf`, so the newest record is recent whenever the feed is served. Each record
 * stays a function of its calendar position (this offset plus its index), so a station's reading
 * at an hour is the same whenever it is served. 0 (the calendar from its start) when the feed is
 * not served as of a moment or its slots are not live. May be negative: before slot 0.
 */
export function liveOffset(slots: TimeSlots, count: number, asOf: number | undefined): number {
  if (asOf === undefined || slots.publishedAfterMinutes === undefined) return 0;
  const published = asOf - slots.start.toMillis() - slots.publishedAfterMinutes * MINUTE_MS;
  const lastSlot = Math.floor(published / (slots.slotMinutes * MINUTE_MS));
  return (lastSlot + 1) * (slots.perSlot ?? 1) - count;
}

/**
 * One record a slot, at a second within it drawn from (seed, path, index): records stored one by
 * one as they come in, as the credit platforms store them. Times strictly ascend.
 */
export function oneAtRandomPerSlot(path: string, start: DateTime, slotMinutes: number): TimeSlots {
  return { start, slotMinutes, offsetSeconds: ({ index }, seed) => random(seed, path, 'time', index).int(0, slotMinutes * 60 - 1) };
}

/**
 * The first index whose time is at or after `since` (a time as the feeds write it; 0 when it is
 * none), for a feed of `count` records whose times never go back: a bisection, so it costs a few
 * dozen times, never a record.
 */
export function firstIndexAtOrAfter(since: string, count: number, timeOf: (index: number) => DateTime): number {
  const time = parseChinaTime(since)?.getTime();
  if (time === undefined) return 0;
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (timeOf(middle).toMillis() < time) low = middle + 1;
    else high = middle;
  }
  return low;
}
