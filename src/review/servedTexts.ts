import type { DisclosureRow } from '../sync/normalize';
import { formatFieldPath, parseFieldPath, type FieldPathSegment } from './fieldPath';

/**
 * The texts of a mapped row that a reader can see, each at its field path: title, publisher,
 * subject.name, parties[i].name and every string inside attributes. Not `personal`, which is
 * never served, and not the codes, dates and links the engine derives.
 */

/**
 * Visits every served text. `segments` is the walker's own stack, valid only during the call:
 * a visitor that keeps a path formats it (formatFieldPath), so the walk allocates no path for
 * the texts where nothing is found.
 */
export function forEachServedText(row: DisclosureRow, visit: (text: string, segments: readonly FieldPathSegment[]) => void): void {
  // Written out rather than through a helper closure: this runs for every row of every sync.
  const segments: FieldPathSegment[] = ['title'];
  visit(row.title, segments);
  if (typeof row.publisher === 'string') {
    segments[0] = 'publisher';
    visit(row.publisher, segments);
  }
  if (typeof row.subject_name === 'string') {
    segments[0] = 'subject';
    segments.push('name');
    visit(row.subject_name, segments);
    segments.length = 1;
  }
  const parties = row.parties;
  for (let i = 0; i < parties.length; i++) {
    if (typeof parties[i].name !== 'string') continue;
    segments[0] = 'parties';
    segments.push(i, 'name');
    visit(parties[i].name, segments);
    segments.length = 1;
  }
  segments[0] = 'attributes';
  walk(row.attributes, segments, visit);
}

function walk(value: unknown, segments: FieldPathSegment[], visit: (text: string, segments: readonly FieldPathSegment[]) => void): void {
  if (typeof value === 'string') {
    visit(value, segments);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      segments.push(i);
      walk(value[i], segments, visit);
      segments.pop();
    }
  } else if (!(value instanceof Date)) {
    // for…in reads the object's cached keys without building an array (Object.keys would, per object
    // per row); attributes are plain JSON objects, with nothing enumerable inherited.
    for (const key in value) {
      segments.push(key);
      walk((value as Record<string, unknown>)[key], segments, visit);
      segments.pop();
    }
  }
}

/** Every served text with its path, in the order of forEachServedText. */
export function servedTexts(row: DisclosureRow): Array<{ field: string; text: string }> {
  const texts: Array<{ field: string; text: string }> = [];
  forEachServedText(row, (text, segments) => texts.push({ field: formatFieldPath(segments), text }));
  return texts;
}

/**
 * The row with the texts at the given paths replaced. Only the objects and arrays on the way to
 * a replaced text are copied: the rest is shared with `row`, which is left as it was. Every path
 * must name a served text (a path from forEachServedText).
 */
export function withServedTexts(row: DisclosureRow, replacements: ReadonlyMap<string, string>): DisclosureRow {
  const next: DisclosureRow = { ...row };
  const copies = new Set<object>();
  for (const [field, text] of replacements) {
    const segments = parseFieldPath(field);
    const [root, ...rest] = segments ?? [];
    if (root === 'title' && rest.length === 0) next.title = text;
    else if (root === 'publisher' && rest.length === 0) next.publisher = text;
    else if (root === 'subject' && rest.length === 1 && rest[0] === 'name') next.subject_name = text;
    else if (root === 'parties' && rest.length === 2 && typeof rest[0] === 'number' && rest[1] === 'name') next.parties = setIn(next.parties, rest, text, copies) as DisclosureRow['parties'];
    else if (root === 'attributes' && rest.length > 0) next.attributes = setIn(next.attributes, rest, text, copies) as object;
    else throw new Error(`${field} is not a served text of ${row.stream} ${row.source_key}`);
  }
  return next;
}

/** `container` with the value at `segments` set, copying each container on the way once. */
function setIn(container: unknown, segments: readonly FieldPathSegment[], value: string, copies: Set<object>): unknown {
  if (container === null || typeof container !== 'object') throw new Error(`no container at ${formatFieldPath(segments)}`);
  const copy = copyOnce(container, copies) as Record<string | number, unknown>;
  const [key, ...rest] = segments;
  copy[key] = rest.length === 0 ? value : setIn(copy[key], rest, value, copies);
  return copy;
}

function copyOnce(container: object, copies: Set<object>): object {
  if (copies.has(container)) return container;
  const copy = Array.isArray(container) ? container.slice() : { ...container };
  copies.add(copy);
  return copy;
}
