import type { ReviewRule } from '../contract';
import { escapeRegExp } from './regexp';

/** Each rule's terms as one pattern, compiled once per rule object. */
const compiled = new WeakMap<ReviewRule, RegExp>();

/**
 * One global pattern that finds any of the rule's terms, the longest first where several start at
 * the same place (内部资料 rather than 内部). A rule of the `mark` or `word` detector without terms
 * is a mistake in the rules, refused here so it cannot silently find nothing.
 */
export function termPattern(rule: ReviewRule): RegExp {
  let pattern = compiled.get(rule);
  if (pattern) return pattern;
  const terms = (rule.terms ?? []).filter((t) => t.length > 0);
  if (terms.length === 0) throw new Error(`review rule ${rule.id} (${rule.detector}) lists no terms: give it "terms", or disable it`);
  const alternatives = [...new Set(terms)].sort((a, b) => b.length - a.length).map(escapeRegExp);
  pattern = new RegExp(alternatives.join('|'), 'g');
  compiled.set(rule, pattern);
  return pattern;
}
