import type { RecordError } from './validation';

/**
 * PostgreSQL refuses two things a JavaScript string can hold: the NUL character (U+0000, in text
 * and in jsonb alike) and half of a UTF-16 surrogate pair (jsonb rejects its \uD800 escape). One
 * such character in one record used to fail the whole page's insert, and every rerun stopped at the
 * same place. The engine therefore quarantines the record, naming the field, rather than dropping
 * or replacing the character: the hub stores what the source said or says why it did not, and a
 * NUL is a sign of a broken export (padding, a binary field) that the source should fix.
 */

// A NUL, or a surrogate that is not part of a well-formed pair.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

/** Every string in the record (values and field names) that PostgreSQL could not store, with its path. */
export function findUnstorableText(record: unknown): RecordError[] {
  const errors: RecordError[] = [];
  visit(record, '', errors);
  return errors;
}

function visit(value: unknown, path: string, errors: RecordError[]): void {
  if (typeof value === 'string') {
    const problem = describeUnstorable(value, path);
    if (problem) errors.push({ path, message: problem });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => visit(item, `${path}/${index}`, errors));
  } else if (value !== null && typeof value === 'object') {
    for (const [name, item] of Object.entries(value)) {
      const fieldPath = `${path}/${escapePointer(name)}`;
      const problem = describeUnstorable(name, fieldPath);
      if (problem) errors.push({ path: fieldPath, message: `the field name ${problem.replace(/^"[^"]*" /, '')}` });
      visit(item, fieldPath, errors);
    }
  }
}

function describeUnstorable(text: string, path: string): string | undefined {
  const match = UNSTORABLE.exec(text);
  if (!match) return undefined;
  const what = match[0] === '\u0000' ? 'a NUL character (\\u0000)' : `an unpaired surrogate (${escapeChar(match[0])})`;
  const field = path ? `"${path.split('/').pop()}"` : 'the record';
  return `${field} contains ${what} at character ${match.index + 1}, which PostgreSQL cannot store; the source should remove it (or fix the entry and replay it)`;
}

/**
 * A copy in which each unstorable character is written as its escape, the six characters `\u0000`
 * or `\ud800`: a quarantine entry must itself be storable, and the escape shows where the
 * character was. Values without such characters are returned as they are.
 */
export function escapeUnstorable<T>(value: T): T {
  if (typeof value === 'string') return (UNSTORABLE.test(value) ? value.replace(UNSTORABLE_ALL, escapeChar) : value) as T;
  if (Array.isArray(value)) return value.map(escapeUnstorable) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [escapeUnstorable(name), escapeUnstorable(item)])) as T;
  }
  return value;
}

const ESCAPED = /\\u(0000|d[89a-f][0-9a-f]{2})/gi;

/**
 * The inverse of escapeUnstorable, for a replay: an entry quarantined for a NUL must keep failing
 * until a person edits the escape out, not be imported with the escape text in place of the
 * character. (A source that sent those six characters literally is taken to have sent the
 * character; replay then reports it, and a person decides.)
 */
export function restoreEscapes<T>(value: T): T {
  if (typeof value === 'string') return value.replace(ESCAPED, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) as T;
  if (Array.isArray(value)) return value.map(restoreEscapes) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [restoreEscapes(name), restoreEscapes(item)])) as T;
  }
  return value;
}

function escapeChar(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function escapePointer(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}
