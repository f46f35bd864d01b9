import { SEARCH_TEXT_MAX_CHARS } from '../sync/normalize';

/**
 * A served text that review changed, as it stands in the row's search text. The search text is
 * the row's title, names and the passages its stream chose, joined by line breaks and cut at
 * SEARCH_TEXT_MAX_CHARS; it is not rebuilt from the row, so what was masked in a field must be
 * masked in it too, or a search for the masked number would still find the record.
 */
export interface Substitution {
  original: string;
  replacement: string;
  /**
   * Replace only where the original is a whole line of the search text. For a field redacted
   * whole: its text may be short (男, 是) and must not be taken out of the other lines.
   */
  wholeLine?: boolean;
}

/**
 * The search text with every substitution applied, the longest originals first (so a text that
 * contains another is replaced as a whole). A search text cut at its maximum may end in the first
 * part of an original; that part is masked with `*`. The result depends only on the arguments,
 * so a re-review of the same content produces the same text and hash.
 */
export function substituteSearchText(searchText: string, substitutions: readonly Substitution[]): string {
  const ordered = [...substitutions].filter((s) => s.original.length > 0).sort((a, b) => b.original.length - a.original.length || compare(a.original, b.original));
  let text = searchText;
  for (const s of ordered) text = s.wholeLine ? replaceLines(text, s.original, s.replacement) : text.split(s.original).join(s.replacement);
  if (searchText.length < SEARCH_TEXT_MAX_CHARS - 1) return text;
  for (const s of ordered) text = maskCutTail(text, s.original);
  return text;
}

function replaceLines(text: string, original: string, replacement: string): string {
  return text
    .split('\n')
    .map((line) => (line === original ? replacement : line))
    .join('\n');
}

/** The text with a tail that is the beginning of `original` (at least two characters) masked. */
function maskCutTail(text: string, original: string): string {
  const longest = Math.min(original.length - 1, text.length);
  for (let length = longest; length >= 2; length--) {
    const from = text.length - length;
    if (text.charCodeAt(from) === original.charCodeAt(0) && text.endsWith(original.slice(0, length))) {
      return text.slice(0, from) + '*'.repeat(length);
    }
  }
  return text;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
