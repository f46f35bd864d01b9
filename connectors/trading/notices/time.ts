import { DateTime } from 'luxon';
import { CHINA_ZONE, formatChinaTime, requireChinaTime } from '../../../src/connectorKit';

/** The canonical form of a source time (2026-03-02 09:30:00): keys and cursors use it. */
export function canonicalTime(text: string, field: string): string {
  return formatChinaTime(requireChinaTime(text, field));
}

/**
 * A source time as ISO 8601 with the +08:00 offset the platform means (2026-03-02T09:30:00+08:00):
 * the form OCDS dates take, so the export copies attributes without re-reading times.
 */
export function isoTime(text: string, field: string): string {
  return isoOf(requireChinaTime(text, field));
}

export function isoOf(date: Date): string {
  return DateTime.fromJSDate(date, { zone: CHINA_ZONE }).toISO({ suppressMilliseconds: true })!;
}

/** isoTime for optional fields. */
export function optionalIsoTime(text: string | undefined, field: string): string | null {
  return text === undefined || text.trim() === '' ? null : isoTime(text, field);
}
