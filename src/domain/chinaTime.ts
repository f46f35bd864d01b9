import { DateTime } from 'luxon';

/** Feeds write local times without an offset; they mean China Standard Time. */
export const CHINA_ZONE = 'Asia/Shanghai';

const FORM = /^(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

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
    const dt = DateTime.fromObject(
      { year: +y, month: +mo, day: +d, hour: +h, minute: +mi, second: +se },
      { zone: CHINA_ZONE },
    );
    return dt.isValid ? dt.toJSDate() : undefined;
  }
  const iso = DateTime.fromISO(s, { zone: CHINA_ZONE });
  return iso.isValid && /\d{4}-\d{2}-\d{2}/.test(s) ? iso.toJSDate() : undefined;
}

/** Like parseChinaTime, for values a schema has already checked: a bad value here is a bug. */
export function requireChinaTime(text: string, field: string): Date {
  const date = parseChinaTime(text);
  if (!date) throw new Error(`${field}: "${text}" is not a date or date-time`);
  return date;
}

/** 2026-11-27T08:00:00+08:00 → "2026-11-27 08:00:00", the form the feeds use. */
export function formatChinaTime(date: Date): string {
  return DateTime.fromJSDate(date, { zone: CHINA_ZONE }).toFormat('yyyy-MM-dd HH:mm:ss');
}
