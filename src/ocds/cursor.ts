import type { StoreKey } from './noticeRows';

/**
 * Opaque page cursors for the HTTP endpoints: where the previous page ended (a notice's store key
 * for releases, a project code for records), base64url JSON so they survive any query string.
 */

/** Answered as 400 by the hub's JSON error handler (app.ts reads `status`). */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
  readonly status = 400;
}

const MISUSE = 'is not a cursor of this list: follow the Link rel="next" URL of the previous page';

export function releaseCursor(key: StoreKey): string {
  return encode(['r', key.storedAt, key.id]);
}

export function recordCursor(projectCode: string): string {
  return encode(['p', projectCode]);
}

/**
 * Each part becomes an SQL parameter, so each is checked as strictly as PostgreSQL will read it:
 * the store time exactly as noticeRows.ts writes it, the id within bigint, no NUL in a code.
 */
export function parseReleaseCursor(cursor: string): StoreKey {
  const parts = decode(cursor);
  if (parts.length !== 3 || parts[0] !== 'r' || !isStoreTime(parts[1]) || !Number.isSafeInteger(parts[2])) {
    throw new InvalidCursorError(`"after" ${MISUSE}`);
  }
  return { storedAt: parts[1], id: parts[2] as number };
}

export function parseRecordCursor(cursor: string): string {
  const parts = decode(cursor);
  if (parts.length !== 2 || parts[0] !== 'p' || typeof parts[1] !== 'string' || parts[1].includes('\u0000')) throw new InvalidCursorError(`"after" ${MISUSE}`);
  return parts[1];
}

/** A UTC time to the microsecond (`2026-11-27T08:00:00.123456Z`) in a year PostgreSQL has (not 0). */
function isStoreTime(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(value) || value.startsWith('0000')) return false;
  const time = Date.parse(value);
  // Date keeps milliseconds: the round trip compares all but the last three digits.
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 23) === value.slice(0, 23);
}

function encode(parts: unknown[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

function decode(cursor: string): unknown[] {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts)) return parts;
  } catch {
    // not base64url JSON: reported below like any other foreign cursor
  }
  throw new InvalidCursorError(`"after" ${MISUSE}`);
}
