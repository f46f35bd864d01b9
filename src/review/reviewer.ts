import type { DisclosureRow } from '../sync/normalize';
import type { Finding, ReviewOutcome, ReviewRule } from './contract';
import type { Detector, Span } from './detectors/detector';
import { DETECTOR_FUNCTIONS, DETECTOR_TRIGGERS } from './detectors/registry';
import { termPattern } from './detectors/terms';
import { excerptOf, type MaskedSpan } from './excerpt';
import { formatFieldPath } from './fieldPath';
import { MASK_FORMS } from './maskForms';
import { rewriteServedTexts } from './rewriteRow';
import type { Substitution } from './searchText';
import { forEachServedText } from './servedTexts';

/**
 * The review of one mapped row (保密审查): mask rules masked in it, and what hold rules found.
 * The engine runs it on every record of every sync, between mapping and publication.
 */
export type Reviewer = (row: DisclosureRow) => ReviewOutcome<DisclosureRow>;

/** A rule ready to run: its detector, what a text must hold for it, and the form its finds are masked in. */
interface ActiveRule {
  rule: ReviewRule;
  detect: Detector;
  trigger: string;
  mask: (found: string) => string;
}

/** The enabled rules of a reviewer, and one pattern of all their triggers. */
interface ActiveRules {
  mask: readonly ActiveRule[];
  hold: readonly ActiveRule[];
  /** Null when no rule is enabled: nothing to look for. */
  gate: RegExp | null;
}

/** A span one rule found. */
interface RuleSpan extends MaskedSpan {
  rule: ActiveRule;
}

/**
 * A reviewer for the enabled rules. A `mark` or `word` rule without terms is refused here, when
 * the hub starts, rather than finding nothing on every record.
 *
 * Mask rules run first and their spans are masked in the text; hold rules then read the masked
 * text. So a finding's offsets are offsets in the row the outcome returns (the row the review
 * store keeps and a redaction later masks), and a number a mask rule masked is not held again.
 */
export function createReviewer(rules: readonly ReviewRule[]): Reviewer {
  const active = rules.filter((rule) => rule.enabled).map(activate);
  const rulesToRun: ActiveRules = {
    mask: active.filter((a) => a.rule.action === 'mask'),
    hold: active.filter((a) => a.rule.action === 'hold'),
    // Most served texts are names, dates and codes: one test of this pattern clears them.
    gate: active.length > 0 ? new RegExp(active.map((a) => `(?:${a.trigger})`).join('|')) : null,
  };
  return (row) => review(row, rulesToRun);
}

function activate(rule: ReviewRule): ActiveRule {
  const detect = DETECTOR_FUNCTIONS[rule.detector];
  if (!detect) throw new Error(`review rule ${rule.id} names the detector "${rule.detector}", which does not exist; use one of ${Object.keys(DETECTOR_FUNCTIONS).join(', ')}`);
  if (rule.detector === 'mark' || rule.detector === 'word') termPattern(rule);
  return { rule, detect, trigger: DETECTOR_TRIGGERS[rule.detector](rule), mask: MASK_FORMS[rule.detector] };
}

function review(row: DisclosureRow, rules: ActiveRules): ReviewOutcome<DisclosureRow> {
  const findings: Finding[] = [];
  let replacements: Map<string, string> | null = null;
  const substitutions: Substitution[] = [];
  const { gate, mask: maskRules, hold: holdRules } = rules;
  if (gate === null) return { row, findings, masked: 0 };
  forEachServedText(row, (original, segments) => {
    if (!gate.test(original)) return;
    let text = original;
    let field: string | null = null;
    const masks = find(text, maskRules);
    if (masks.length > 0) {
      text = applyMasks(text, masks, substitutions);
      field = formatFieldPath(segments);
      (replacements ??= new Map()).set(field, text);
    }
    const holds = find(text, holdRules);
    if (holds.length === 0) return;
    field ??= formatFieldPath(segments);
    for (const span of holds) {
      findings.push({ rule: span.rule.rule.id, category: span.rule.rule.category, field, start: span.start, end: span.end, excerpt: excerptOf(text, span, holds) });
    }
  });
  // Nothing masked: the row goes on as the very object it came as (the sync's speed depends on it).
  if (!replacements) return { row, findings, masked: 0 };
  return { row: rewriteServedTexts(row, replacements, substitutions), findings, masked: substitutions.length };
}

/** Every span the rules find in the text, in text order. */
function find(text: string, rules: readonly ActiveRule[]): RuleSpan[] {
  let spans: RuleSpan[] | null = null;
  for (const active of rules) {
    for (const span of active.detect(text, active.rule)) {
      (spans ??= []).push({ start: span.start, end: span.end, rule: active, masked: active.mask(text.slice(span.start, span.end)) });
    }
  }
  if (!spans) return NOTHING;
  return spans.length > 1 ? spans.sort(byPosition) : spans;
}

const NOTHING: RuleSpan[] = [];

function byPosition(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end;
}

/**
 * The text with each span replaced by its masked form, recording what changed for the search
 * text. Where two rules' spans overlap, the first (the longer at the same start) is masked in its
 * form and what the other adds is starred.
 */
function applyMasks(text: string, spans: readonly RuleSpan[], substitutions: Substitution[]): string {
  let out = '';
  let cursor = 0;
  for (const span of spans) {
    if (span.end <= cursor) continue;
    const from = Math.max(span.start, cursor);
    const masked = span.start < cursor ? '*'.repeat(span.end - cursor) : span.masked;
    out += text.slice(cursor, from) + masked;
    substitutions.push({ original: text.slice(from, span.end), replacement: masked });
    cursor = span.end;
  }
  return out + text.slice(cursor);
}
