import { DateTime } from 'luxon';

/** Feeds write local times without an offset; they mean China Standard Time. */
export const CHINA_ZONE = 'Asia/Shanghai';

const FORM = /^(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

// China has kept UTC+8 all year since daylight saving ended in 1991; later local times convert with
// plain arithmetic. A sync parses several times per record, and a time-zone database lookup for
// each was half the cost of a sync (bench/). Earlier times go through luxon's zone rules.
const FIXED_OFFSET_FROM = Date.UTC(1992, 0, 1);
const OFFSET_MS = 8 * 3600 * 1000;

/**
 * Parses the date and date-time forms government feeds use (2026-11-27, 2026/11/27 08:00,
 * 2026年11月27日, ISO 8601 with an offset) as Asia/Shanghai time. Returns undefined for anything
 * else, including impossible dates such as 2026-02-30.
 */
export function parseChinaTime(text: string): Date | undefined {
  const s = text.trim();
  const local = FORM.exec(s);
  if (local) {
    const [, y, mo, d, h = '0', mi = '0', se = '0'] = local;
    return localTime(+y, +mo, +d, +h, +mi, +se);
  }
  const iso = DateTime.fromISO(s, { zone: CHINA_ZONE });
  return iso.isValid && /\d{4}-\d{2}-\d{2}/.test(s) ? iso.toJSDate() : undefined;
}

function localTime(year: number, month: number, day: number, hour: number, minute: number, second: number): Date | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asUtc);
  // Date.UTC rolls 02-30 over to 03-02: a rolled date was not a real one.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  if (asUtc >= FIXED_OFFSET_FROM) return new Date(asUtc - OFFSET_MS);
  const dt = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone: CHINA_ZONE });
  return dt.isValid ? dt.toJSDate() : undefined;
}

/** Like parseChinaTime, for values a schema has already checked: a bad value here is a bug. */
export function requireChinaTime(text: string, field: string): Date {
  const date = parseChinaTime(text);
  if (!date) throw new Error(`${field}: "${text}" is not a date or date-time`);
  return date;
}

/** 2026-11-27T08:00:00+08:00 → "2026-11-27 08:00:00", the form the feeds use. */
export function formatChinaTime(date: Date): string {
  const ms = date.getTime();
  if (ms < FIXED_OFFSET_FROM) return DateTime.fromJSDate(date, { zone: CHINA_ZONE }).toFormat('yyyy-MM-dd HH:mm:ss');
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}
