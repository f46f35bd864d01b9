/**
 * How old a board's or a record's data is against the period its source publishes in
 * (docs/standards/aqi.md, "Data age"): a portal shows "数据更新于…" when the data is stale, rather
 * than present a month-old reading as 实时.
 */

/**
 * How many periods data may age before it counts as stale. One missed publication is normal (a
 * run in progress, a source a little late); a second means the data has fallen behind. Feeds'
 * freshness (src/sync/freshness.ts) uses the same count against their sync schedules.
 */
export const STALE_AFTER_PERIODS = 2;

export interface DataAge {
  /** The time of the newest data. */
  asOf: Date;
  /** Its age now, whole seconds; 0 for a time in the future (a source clock ahead of ours). */
  seconds: number;
  /** How often its source publishes, seconds: 3600 hourly, 86400 daily. */
  periodSeconds: number;
  /** seconds > STALE_AFTER_PERIODS × periodSeconds: strictly more than two periods old. */
  stale: boolean;
}

export function dataAge(asOf: Date, periodSeconds: number, now: Date = new Date()): DataAge {
  if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime())) throw new TypeError(`dataAge needs the time of the data, got ${String(asOf)}`);
  if (!Number.isInteger(periodSeconds) || periodSeconds <= 0) throw new RangeError(`a publication period is a whole number of seconds above 0, got ${periodSeconds}`);
  const seconds = Math.max(0, Math.floor((now.getTime() - asOf.getTime()) / 1000));
  return { asOf, seconds, periodSeconds, stale: seconds > STALE_AFTER_PERIODS * periodSeconds };
}
