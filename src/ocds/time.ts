import { DateTime } from 'luxon';
import { CHINA_ZONE } from '../domain/chinaTime';

/** A time as ISO 8601 with the +08:00 offset, the form the releases' own dates take. */
export function chinaIso(date: Date): string {
  return DateTime.fromJSDate(date, { zone: CHINA_ZONE }).toISO({ suppressMilliseconds: true })!;
}
