import fs from 'node:fs';
import { Type, type Static } from '@sinclair/typebox';
import Ajv, { type ErrorObject } from 'ajv';
import { ConfigError } from '../config/configError';
import { DETECTORS, RULE_ACTIONS, RULE_CATEGORIES, type DetectorName, type ReviewRule } from './contract';
import { DEFAULT_REVIEW_RULES } from './rules';

/**
 * The review rules of a deployment: DEFAULT_REVIEW_RULES, extended by the JSON file at
 * HUB_REVIEW_RULES (format and example: docs/standards/review.md). The file can add rules, change
 * a default rule's label, category, action or terms by its id, disable one, and add sensitive
 * words. A file with a mistake is refused with every mistake, its JSON path and what to write
 * instead, so the hub never starts reviewing with rules other than the ones meant.
 */
export const REVIEW_RULES_VARIABLE = 'HUB_REVIEW_RULES';

const enumOf = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description });
const term = Type.String({ minLength: 1 });

const RULE_ENTRY = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', description: "A default rule's id to change it, a new id to add a rule" }),
    label: Type.Optional(Type.String({ minLength: 1 })),
    category: Type.Optional(enumOf(RULE_CATEGORIES, 'The exception to disclosure it points to')),
    detector: Type.Optional(enumOf(DETECTORS, 'What finds it; fixed for a default rule')),
    action: Type.Optional(enumOf(RULE_ACTIONS, 'hold the record for a reviewer, or mask what was found')),
    terms: Type.Optional(Type.Array(term, { minItems: 1, description: 'mark and word rules: the strings to find (replaces a default rule’s)' })),
    addTerms: Type.Optional(Type.Array(term, { minItems: 1, description: 'mark and word rules: strings to find besides the rule’s own' })),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const REVIEW_RULES_SCHEMA = Type.Object(
  {
    rules: Type.Optional(Type.Array(RULE_ENTRY)),
    sensitiveWords: Type.Optional(Type.Array(term, { description: 'Words added to the sensitive-word rule' })),
  },
  { additionalProperties: false },
);

export type ReviewRulesFile = Static<typeof REVIEW_RULES_SCHEMA>;
type RuleEntry = Static<typeof RULE_ENTRY>;

/** The rule the file's `sensitiveWords` extend. */
const SENSITIVE_WORD_RULE = 'sensitive-word';
/** Detectors that read a rule's terms; the others are validated and take none. */
const TERM_DETECTORS: readonly DetectorName[] = ['mark', 'word'];

const validateFile = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(REVIEW_RULES_SCHEMA);

export function loadReviewRules(env: NodeJS.ProcessEnv): ReviewRule[] {
  const file = env[REVIEW_RULES_VARIABLE]?.trim();
  const defaults = DEFAULT_REVIEW_RULES.map(copyRule);
  if (!file) return defaults;
  return applyRulesFile(defaults, readRulesFile(file), file);
}

function readRulesFile(file: string): ReviewRulesFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${REVIEW_RULES_VARIABLE} ${file} could not be read as JSON: ${(error as Error).message}. Point it at a rules file (docs/standards/review.md) or unset it to use the default rules.`);
  }
  if (!validateFile(parsed)) {
    const mistakes = (validateFile.errors ?? []).map(describeSchemaError);
    throw refused(file, mistakes);
  }
  return parsed;
}

/**
 * The defaults with the file's entries applied in order. Every mistake is collected before the
 * file is refused, so a user fixes them in one go.
 */
function applyRulesFile(defaults: ReviewRule[], content: ReviewRulesFile, file: string): ReviewRule[] {
  const rules = defaults;
  const mistakes: string[] = [];
  const seen = new Map<string, number>();
  (content.rules ?? []).forEach((entry, i) => {
    const at = `$.rules[${i}]`;
    const first = seen.get(entry.id);
    if (first !== undefined) {
      mistakes.push(`${at}.id: "${entry.id}" is already given at $.rules[${first}]; give each rule once`);
      return;
    }
    seen.set(entry.id, i);
    const existing = rules.find((r) => r.id === entry.id);
    if (existing) mistakes.push(...changeRule(existing, entry, at));
    else {
      const added = newRule(entry, at, mistakes);
      if (added) rules.push(added);
    }
  });
  if (content.sensitiveWords?.length) {
    const words = rules.find((r) => r.id === SENSITIVE_WORD_RULE);
    if (!words) mistakes.push(`$.sensitiveWords: there is no ${SENSITIVE_WORD_RULE} rule to add them to`);
    else if (!words.enabled) mistakes.push(`$.sensitiveWords: the ${SENSITIVE_WORD_RULE} rule is disabled in this file; enable it or remove sensitiveWords`);
    else words.terms = unique([...(words.terms ?? []), ...content.sensitiveWords]);
  }
  if (mistakes.length > 0) throw refused(file, mistakes);
  return rules;
}

/** Changes a default rule in place (it is the loader's own copy); returns the mistakes. */
function changeRule(rule: ReviewRule, entry: RuleEntry, at: string): string[] {
  const mistakes: string[] = [];
  if (entry.detector !== undefined && entry.detector !== rule.detector) {
    mistakes.push(`${at}.detector: the default rule ${rule.id} uses the ${rule.detector} detector, which cannot change; add a rule with a new id for the ${entry.detector} detector`);
  }
  if (!TERM_DETECTORS.includes(rule.detector) && (entry.terms || entry.addTerms)) {
    mistakes.push(`${at}.${entry.terms ? 'terms' : 'addTerms'}: ${rule.id} is found by the ${rule.detector} detector, which validates what it finds and takes no terms; remove them`);
  }
  if (mistakes.length > 0) return mistakes;
  if (entry.label !== undefined) rule.label = entry.label;
  if (entry.category !== undefined) rule.category = entry.category;
  if (entry.action !== undefined) rule.action = entry.action;
  if (entry.enabled !== undefined) rule.enabled = entry.enabled;
  if (entry.terms || entry.addTerms) rule.terms = unique([...(entry.terms ?? rule.terms ?? []), ...(entry.addTerms ?? [])]);
  return mistakes;
}

/** A rule the defaults do not have: it needs every field (a typo in a default's id lands here too). */
function newRule(entry: RuleEntry, at: string, mistakes: string[]): ReviewRule | null {
  const missing = (['label', 'category', 'detector', 'action'] as const).filter((key) => entry[key] === undefined);
  if (missing.length > 0) {
    mistakes.push(
      `${at}: "${entry.id}" is not a default rule (${DEFAULT_REVIEW_RULES.map((r) => r.id).join(', ')}), so it adds one, ` +
        `and a new rule needs ${missing.join(', ')}; fix the id to change a default rule, or give the missing settings`,
    );
    return null;
  }
  const detector = entry.detector as DetectorName;
  const terms = unique([...(entry.terms ?? []), ...(entry.addTerms ?? [])]);
  if (TERM_DETECTORS.includes(detector) && terms.length === 0) {
    mistakes.push(`${at}.terms: a ${detector} rule finds the strings it lists; give "terms": ["…"]`);
    return null;
  }
  if (!TERM_DETECTORS.includes(detector) && terms.length > 0) {
    mistakes.push(`${at}.terms: the ${detector} detector validates what it finds and takes no terms; remove them`);
    return null;
  }
  return {
    id: entry.id,
    label: entry.label as string,
    category: entry.category!,
    detector,
    action: entry.action!,
    ...(terms.length > 0 ? { terms } : {}),
    enabled: entry.enabled ?? true,
  };
}

function refused(file: string, mistakes: string[]): ConfigError {
  return new ConfigError(`${REVIEW_RULES_VARIABLE} ${file} is not a review rules file (see docs/standards/review.md):\n${mistakes.map((m) => `  ${m}`).join('\n')}`);
}

/** An ajv error as `$.rules[2].action: must be one of hold, mask`. */
function describeSchemaError(error: ErrorObject): string {
  const path = jsonPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum':
      return `${path}: ${JSON.stringify(error.data)} is not one of ${(params.allowedValues as string[]).join(', ')}`;
    case 'additionalProperties':
      return `${path}.${String(params.additionalProperty)}: no such setting; ${path === '$' ? 'the file has rules and sensitiveWords' : 'a rule has id, label, category, detector, action, terms, addTerms and enabled'}`;
    case 'required':
      return `${path}: needs "${String(params.missingProperty)}"`;
    case 'pattern':
      return `${path}: ${JSON.stringify(error.data)} is not an id; use lower-case letters and digits joined by hyphens, e.g. project-codename`;
    case 'minLength':
    case 'minItems':
      return `${path}: must not be empty`;
    case 'type':
      return `${path}: must be ${params.type === 'array' ? 'a list' : `a ${String(params.type)}`}`;
    default:
      return `${path}: ${error.message ?? 'is not allowed here'}`;
  }
}

/** ajv's /rules/2/action as the JSON path $.rules[2].action. */
function jsonPath(pointer: string): string {
  return (
    '$' +
    pointer
      .split('/')
      .slice(1)
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
      .join('')
  );
}

function copyRule(rule: ReviewRule): ReviewRule {
  return { ...rule, ...(rule.terms ? { terms: [...rule.terms] } : {}) };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
