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

export function parseReleaseCursor(cursor: string): StoreKey {
  const parts = decode(cursor);
  if (parts.length !== 3 || parts[0] !== 'r' || typeof parts[1] !== 'string' || !Number.isInteger(parts[2]) || Number.isNaN(Date.parse(parts[1]))) {
    throw new InvalidCursorError(`"after" ${MISUSE}`);
  }
  return { storedAt: parts[1], id: parts[2] as number };
}

export function parseRecordCursor(cursor: string): string {
  const parts = decode(cursor);
  if (parts.length !== 2 || parts[0] !== 'p' || typeof parts[1] !== 'string') throw new InvalidCursorError(`"after" ${MISUSE}`);
  return parts[1];
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
