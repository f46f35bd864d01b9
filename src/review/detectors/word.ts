import type { Detector, Span, Trigger } from './detector';
import { matchesOf } from './scan';
import { termPattern } from './terms';

/**
 * A plain list of words (the deployment's sensitive words: 仅供内部参考, 请勿外传, …): every
 * occurrence, wherever it stands. The words are phrases chosen to mean what they say anywhere, so
 * no context is asked for.
 */
export const wordDetector: Detector = (text, rule) => {
  const spans: Span[] = [];
  for (const match of matchesOf(termPattern(rule), text)) spans.push({ start: match.index, end: match.index + match[0].length });
  return spans;
};

/** A word is one of the rule's terms. */
export const wordTrigger: Trigger = (rule) => termPattern(rule).source;
