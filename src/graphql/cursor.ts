/**
 * Opaque Relay cursors. A disclosure cursor is its sort key (publication time and id), so the next
 * page is a keyset query (`WHERE (published_at, id) < …`) that stays fast however deep one pages.
 */
export function encodeCursor(parts: Array<string | number>): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}

export function decodeCursor(cursor: string, shape: Array<'string' | 'number'>): Array<string | number> {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parts = undefined;
  }
  if (!Array.isArray(parts) || parts.length !== shape.length || parts.some((p, i) => typeof p !== shape[i])) {
    throw new InvalidCursorError(`"after" is not a cursor this list gave out: pass an endCursor or edge cursor from the same query`);
  }
  return parts;
}
