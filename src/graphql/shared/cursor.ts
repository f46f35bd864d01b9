/**
 * Opaque Relay cursors for every list of the API. A cursor is its row's sort key (for a disclosure,
 * its publication time and id), so the next page is a keyset query (`WHERE (published_at, id) < …`)
 * that stays fast however deep one pages.
 */

/** What each part of a cursor must be; an `instant` is an ISO 8601 string that parses as a time. */
export type CursorPart = 'string' | 'number' | 'instant';

export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}

export function encodeCursor(parts: Array<string | number>): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** The parts of a cursor this list gave out; anything else (edited, or from another list) is refused. */
export function decodeCursor(cursor: string, shape: CursorPart[]): Array<string | number> {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parts = undefined;
  }
  if (!Array.isArray(parts) || parts.length !== shape.length || parts.some((part, i) => !isPart(part, shape[i]))) {
    throw new InvalidCursorError(`"after" is not a cursor this list gave out: pass an endCursor or edge cursor from the same query`);
  }
  return parts;
}

function isPart(value: unknown, part: CursorPart): boolean {
  if (part === 'instant') return typeof value === 'string' && !Number.isNaN(Date.parse(value));
  return typeof value === part;
}
