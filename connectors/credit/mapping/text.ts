import { maskPersonalInfoInText } from '../../../src/connectorKit';

/**
 * A source value as text, or undefined when blank: feeds write "", null, blanks or leave the field
 * out, and all mean "not given". Numbers (a JSON feed may write one) become their text.
 */
export function present(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text ? text : undefined;
}

/** Like present, for fields the schema requires: a missing value here is a bug, not bad data. */
export function required(value: unknown, field: string): string {
  const text = present(value);
  if (text === undefined) throw new Error(`${field} is blank`);
  return text;
}

/**
 * Free text served publicly (facts, content, remarks …). Clerks paste ID and phone numbers into
 * these fields, and the served record must never show one, so every ID number and mobile number in
 * it is masked. Null when blank.
 */
export function publicText(value: unknown): string | null {
  const text = present(value);
  return text === undefined ? null : maskPersonalInfoInText(text);
}
