import type { StreamDefinition } from './stream';

/**
 * The source key a rejected record is quarantined under, or null when it has none. A key function
 * is written for valid records: given a record that lacks a field it returns a placeholder such as
 * `undefined@2026-11-02 02:00:00`, which would file different records (every station without a
 * code, that hour) under one key. So the key counts only when it was computed from fields the
 * record really has. A record without a usable key is identified by a hash of its content instead
 * (store/quarantine.ts): distinct records stay distinct, and the same record seen again is one entry.
 */
export function quarantineKey(stream: StreamDefinition, record: unknown): string | null {
  const missing: string[] = [];
  let key: unknown;
  try {
    key = stream.key(watched(record, '', missing));
  } catch {
    return null;
  }
  if (missing.length > 0) return null;
  if (typeof key !== 'string' && typeof key !== 'number') return null;
  const text = String(key);
  return isPlaceholder(text) ? null : text;
}

// Names read from any object that are not fields of the record: methods and protocol hooks.
const NOT_FIELDS = new Set(['toJSON', 'then', 'constructor', 'length']);

/** The record seen through a proxy that notes each field read that is missing, null or blank. */
function watched(value: unknown, path: string, missing: string[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  return new Proxy(value, {
    get(target, property, receiver) {
      const found = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || NOT_FIELDS.has(property) || property in Object.prototype || (Array.isArray(target) && property in Array.prototype)) {
        return found;
      }
      const fieldPath = `${path}/${property}`;
      if (found === undefined || found === null || (typeof found === 'string' && found.trim() === '')) missing.push(fieldPath);
      return watched(found, fieldPath, missing);
    },
  });
}

/** A key spelled from an absent value, whatever the key function did with it. */
export function isPlaceholder(key: string): boolean {
  return key.trim() === '' || /(^|[^\p{L}\p{N}])(undefined|null|NaN)([^\p{L}\p{N}]|$)|\[object Object\]/u.test(key);
}
