import { GraphQLError } from 'graphql';

/**
 * Opaque Relay cursors for every list of the API. A cursor is its row's sort key (for a disclosure,
 * its publication time and id), so the next page is a keyset query (`WHERE (published_at, id) < …`)
 * that stays fast however deep one pages.
 */

/**
 * What each part of a cursor must be. Every part ends up as an SQL parameter, so each is checked
 * as strictly as PostgreSQL will read it: an `integer` fits a bigint exactly, an `instant` is the
 * ISO 8601 form the list wrote (toISOString), a `string` holds no NUL character.
 */
export type CursorPart = 'string' | 'integer' | 'instant';

/** A cursor the list did not give out: the caller's mistake, answered as BAD_USER_INPUT. */
export class InvalidCursorError extends GraphQLError {
  constructor() {
    super(`"after" is not a cursor this list gave out: pass an endCursor or edge cursor from the same query`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
    this.name = 'InvalidCursorError';
  }
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
    throw new InvalidCursorError();
  }
  return parts;
}

function isPart(value: unknown, part: CursorPart): boolean {
  if (part === 'integer') return Number.isSafeInteger(value);
  if (typeof value !== 'string' || value.includes('\u0000')) return false;
  return part === 'string' || isIsoInstant(value);
}

/**
 * Exactly what Date#toISOString writes, for a year PostgreSQL knows (it has no year 0): a looser
 * text that JavaScript parses ("1", "May 5") may still be refused by the database.
 */
function isIsoInstant(value: string): boolean {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(value) || value.startsWith('0000')) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString() === value;
}
