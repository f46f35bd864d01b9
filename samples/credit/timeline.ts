import { DateTime } from 'luxon';
import { parseChinaTime } from '../../src/connectorKit';
import { random } from '../kit/random';

/**
 * Index ↔ time for a sample feed whose records ascend by update time, as the credit platforms
 * serve them: record i is updated in the i-th step after the anchor, at a seconds offset within the
 * step that varies by (seed, i). Times strictly ascend, so `since` maps to a first index without
 * generating any record.
 */
export interface Timeline {
  timeOf(index: number, seed: number): DateTime;
  /** The first index whose time is at or after `since` (a date-time the feeds write), 0 if unreadable. */
  firstIndexSince(since: string, seed: number, count: number): number;
}

export function timeline(path: string, anchor: DateTime, stepMinutes: number): Timeline {
  const stepMs = stepMinutes * 60_000;
  const timeOf = (index: number, seed: number) =>
    anchor.plus({ milliseconds: index * stepMs, seconds: random(seed, path, 'time', index).int(0, stepMinutes * 60 - 1) });
  return {
    timeOf,
    firstIndexSince(since, seed, count) {
      const time = parseChinaTime(since);
      if (!time) return 0;
      // Record c's time lies within step c, so the answer is c or, if c is earlier than since, c + 1.
      const c = Math.floor((time.getTime() - anchor.toMillis()) / stepMs);
      if (c < 0) return 0;
      if (c >= count) return count;
      return Math.min(count, timeOf(c, seed).toMillis() >= time.getTime() ? c : c + 1);
    },
  };
}

/**
 * China Standard Time has been UTC+8 all year since 1991, so for sample dates (2016 on) a fixed
 * offset is exact, and it spares luxon a time-zone lookup for every date of every record, which
 * made generation several times slower.
 */
const CHINA_STANDARD_TIME = 'UTC+8';

/** A China-time anchor for a sample feed. */
export function chinaDay(year: number, month: number, day: number): DateTime {
  return DateTime.fromObject({ year, month, day }, { zone: CHINA_STANDARD_TIME });
}
