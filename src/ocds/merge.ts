import type { Release } from './types';

/**
 * The OCDS merge (https://standard.open-contracting.org/1.1/en/schema/merging/) for the fields the
 * hub emits, so a compiled release is what a partner's own tool (ocdskit compile) would make:
 * - releases are applied oldest first (by `date`; equal dates keep their given order);
 * - objects merge field by field, a later value replacing an earlier one;
 * - an array of objects that all have an `id` merges item by item on the id, new ids appended;
 * - any other array (tag, roles) is replaced whole;
 * - a null erases the field (the hub never emits one, compact.ts);
 * - the release's own id, date and tag are not merged: the compiled release gets the ocid and latest
 *   date, the tag "compiled" and an id made of both.
 * Whole-list-merge fields of the schema (additionalIdentifiers, additionalClassifications) are
 * replaced whole by their own rule; the hub emits none of them.
 */
export function compileRelease(releases: readonly Release[]): Release {
  if (releases.length === 0) throw new Error('compileRelease needs at least one release of the process, got none');
  const ordered = inDateOrder(releases);
  let merged: Json = {};
  for (const release of ordered) {
    const { id: _id, date: _date, tag: _tag, ...fields } = release;
    merged = mergeValue(merged, fields as unknown as Json);
  }
  const latest = ordered[ordered.length - 1];
  const compiled = merged as unknown as Omit<Release, 'id' | 'date' | 'tag'>;
  return { ...compiled, ocid: latest.ocid, id: `${latest.ocid}-${latest.date}`, date: latest.date, tag: ['compiled'] };
}

/** Oldest first, by the instant (dates carry offsets, so strings do not compare); stable for ties. */
export function inDateOrder<T extends { date: string }>(releases: readonly T[]): T[] {
  return [...releases].sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export function mergeValue(earlier: Json | undefined, later: Json): Json {
  if (isObject(later)) return mergeObjects(isObject(earlier) ? earlier : {}, later);
  if (Array.isArray(later) && isIdentifiedList(later)) return mergeById(Array.isArray(earlier) && isIdentifiedList(earlier) ? earlier : [], later);
  return copy(later);
}

function mergeObjects(earlier: JsonObject, later: JsonObject): JsonObject {
  const merged: JsonObject = copy(earlier) as JsonObject;
  for (const [key, value] of Object.entries(later)) {
    if (value === undefined) continue;
    if (value === null) delete merged[key];
    else merged[key] = mergeValue(merged[key], value);
  }
  return merged;
}

/** Items with the id of an earlier item merge into it, in the earlier position; new ids are appended. */
function mergeById(earlier: JsonObject[], later: JsonObject[]): JsonObject[] {
  const merged = earlier.map((item) => copy(item) as JsonObject);
  for (const item of later) {
    const at = merged.findIndex((known) => known.id === item.id);
    if (at >= 0) merged[at] = mergeObjects(merged[at], item);
    else merged.push(mergeObjects({}, item));
  }
  return merged;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIdentifiedList(list: Json[]): list is JsonObject[] {
  return list.length > 0 && list.every((item) => isObject(item) && item.id !== undefined && item.id !== null);
}

function copy(value: Json): Json {
  return structuredClone(value);
}
