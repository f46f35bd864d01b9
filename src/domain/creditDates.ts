import { DateTime } from 'luxon';
import { CHINA_ZONE, parseChinaTime } from './chinaTime';

/**
 * Dates of the credit templates: decision dates (XK_JDRQ, CF_JDRQ), validity (XK_YXQZ, XK_YXQZI,
 * CF_YXQ), publicity end (CF_GSJZQ) and list dates. Feeds write them in every form parseChinaTime
 * reads (2026-03-15, 2026/3/15, 2026年3月15日, with or without a time); the unified model keeps a
 * calendar day as YYYY-MM-DD in China time.
 */
export function creditDay(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const date = parseChinaTime(text);
  return date ? DateTime.fromJSDate(date, { zone: CHINA_ZONE }).toISODate()! : undefined;
}

/** How a validity or publicity end reads: a day, open-ended, or not readable. */
export type ValidityEnd = { date: string; openEnded: false } | { date: null; openEnded: true };

/** Words sources write for "no end date". */
const OPEN_ENDED = /^(长期|长期有效|永久|永久有效|无期限|不限期)$/;

/**
 * Decision: the far-future dates systems write because the field is mandatory for them
 * (2099-12-31, 9999-12-31) mean "no end" as well; any year from 2099 on is read that way, so the
 * unified model has one way to say it.
 */
const SENTINEL_YEAR = 2099;

/** Reads a validity end (有效期至); undefined when it is neither a date nor an open-ended word. */
export function parseValidityEnd(text: string | null | undefined): ValidityEnd | undefined {
  const value = text?.trim();
  if (!value) return undefined;
  if (OPEN_ENDED.test(value)) return { date: null, openEnded: true };
  const day = creditDay(value);
  if (!day) return undefined;
  return Number(day.slice(0, 4)) >= SENTINEL_YEAR ? { date: null, openEnded: true } : { date: day, openEnded: false };
}
