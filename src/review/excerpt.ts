import type { Span } from './detectors/detector';

/** How much of a finding's field an excerpt shows either side of the span. */
export const EXCERPT_CONTEXT = 10;

/** A span with the masked form it is shown in. */
export interface MaskedSpan extends Span {
  masked: string;
}

/**
 * The span with EXCERPT_CONTEXT characters either side, for a reviewer to see where a finding
 * stands without reading the record: `…当事人张某（身份证号码230602********1236）于2026…`. Every
 * found span that reaches into the window is masked (two ID numbers side by side must not show
 * each other), and the window widens to take such a span whole. Line breaks read as blanks.
 */
export function excerptOf(text: string, span: Span, found: readonly MaskedSpan[]): string {
  let from = Math.max(0, span.start - EXCERPT_CONTEXT);
  let to = Math.min(text.length, span.end + EXCERPT_CONTEXT);
  const inWindow = found.filter((f) => f.end > from && f.start < to).sort((a, b) => a.start - b.start || b.end - a.end);
  for (const f of inWindow) {
    from = Math.min(from, f.start);
    to = Math.max(to, f.end);
  }
  let out = '';
  let cursor = from;
  for (const f of inWindow) {
    if (f.end <= cursor) continue; // inside a span already masked
    // A span that overlaps the one before is starred from where that one ended.
    out += f.start < cursor ? '*'.repeat(f.end - cursor) : text.slice(cursor, f.start) + f.masked;
    cursor = f.end;
  }
  out += text.slice(cursor, to);
  return (from > 0 ? '…' : '') + out.replace(/\s+/g, ' ') + (to < text.length ? '…' : '');
}
