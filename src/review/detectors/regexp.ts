/** A literal string as a regular-expression source: listed terms and labels are text, not patterns. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
