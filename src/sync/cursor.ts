import { formatChinaTime, parseChinaTime } from '../domain/chinaTime';

/**
 * Cursors are the source's own values (usually a local date-time such as "2026-11-27 08:00:00").
 * Compared as times when both read as times, otherwise as text.
 */
export function compareCursors(a: string, b: string): number {
  const ta = parseChinaTime(a)?.getTime();
  const tb = parseChinaTime(b)?.getTime();
  if (ta !== undefined && tb !== undefined) return ta - tb;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxCursor(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareCursors(a, b) >= 0 ? a : b;
}

/**
 * Where an incremental run starts: a little before the committed cursor, so records the source
 * published late with an earlier timestamp are still read. Re-reading is free: the upsert absorbs it.
 */
export function withLookBack(cursor: string, lookBackMs: number): string {
  if (lookBackMs <= 0) return cursor;
  const time = parseChinaTime(cursor);
  if (!time) return cursor;
  const earlier = new Date(time.getTime() - lookBackMs);
  return /T|Z|[+-]\d\d:?\d\d$/.test(cursor) ? earlier.toISOString() : formatChinaTime(earlier);
}
