import { formatChinaTime, requireChinaTime } from '../../../src/connectorKit';

/** How monitoring platforms write "no value": an em dash, two hyphens, or nothing. */
const NOT_REPORTED = new Set(['—', '--', '-', '']);

/** A reading as the source wrote it (a numeric string) → a number, or undefined when not reported. */
export function reading(text: string | undefined): number | undefined {
  if (text === undefined || NOT_REPORTED.has(text.trim())) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`"${text}" is not a number`);
  return value;
}

/**
 * A source time in the one form keys and cursors use ("2026-11-27 08:00:00"): sources and dumps of
 * them write the same time several ways, and identity must not depend on which.
 */
export function canonicalTime(text: string, field: string): string {
  return formatChinaTime(requireChinaTime(text, field));
}
