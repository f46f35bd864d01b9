import { chinaTime, MINUTES_PER_DAY } from '../kit/timeline';

/**
 * The sample platform's clock: times are whole minutes after the first midnight of its list,
 * written the way the platform writes them. China has kept UTC+8 without daylight saving since
 * 1991, so local time is UTC + 8 h exactly and plain arithmetic does here what luxon would do at
 * ~10 µs a call — a page of notices makes thousands of such calls.
 */

/** 2026-01-05 00:00 China time, a Monday: the first day of the sample platform's list. */
const LIST_START_MS = chinaTime(2026, 1, 5).toMillis();
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** 2026-03-02 09:30:00 */
export function localDateTime(minute: number): string {
  const iso = new Date(LIST_START_MS + minute * 60000 + CHINA_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** 2026-03-02 */
export function localDate(minute: number): string {
  return localDateTime(minute).slice(0, 10);
}

export function startOfDay(minute: number): number {
  return minute - (((minute % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY);
}

/** The first whole minute at or after a time. */
export function minuteAtOrAfter(time: Date): number {
  return Math.ceil((time.getTime() - LIST_START_MS) / 60000);
}
