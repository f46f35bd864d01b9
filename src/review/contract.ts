/**
 * The secrecy and privacy review (保密审查): the one place its statuses, decisions, rule shapes and
 * findings are declared. The engine's review stage, the review store, the admin API, the CLI, the
 * metrics and the samples all import them from here.
 *
 * A record whose mapped row has a finding of a `hold` rule is not published: it waits in the review
 * store until a named admin decides. A finding of a `mask` rule is masked where it stands and the
 * record goes on.
 */

/** Where a held item stands. `superseded`: the source changed the record before anyone decided. */
export const REVIEW_STATUSES = ['held', 'approved', 'redacted', 'withheld', 'superseded'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** What an admin decides: publish as it is, publish with spans or fields masked, or 不予公开. */
export const REVIEW_DECISIONS = ['approve', 'redact', 'withhold'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** The status each decision leaves an item in. */
export const DECIDED_STATUS: Record<ReviewDecision, ReviewStatus> = {
  approve: 'approved',
  redact: 'redacted',
  withhold: 'withheld',
};

/** What a rule does with what it finds. */
export const RULE_ACTIONS = ['hold', 'mask'] as const;
export type RuleAction = (typeof RULE_ACTIONS)[number];

/**
 * The exception to disclosure a finding points to (条例 articles 14–15): 国家秘密, 商业秘密,
 * 个人隐私, or a word the deployment listed. Withheld statistics are counted by it.
 */
export const RULE_CATEGORIES = ['state-secret', 'commercial-secret', 'personal', 'sensitive-word'] as const;
export type RuleCategory = (typeof RULE_CATEGORIES)[number];

/**
 * The detectors the engine knows. `mark` and `word` find listed strings (with the boundaries the
 * rule asks for); the others are validated: a candidate is a finding only when it passes its
 * check (an ID number's check digit and birth date, a card's Luhn sum, …).
 */
export const DETECTORS = ['mark', 'word', 'id-number', 'mobile', 'bank-card', 'passport', 'home-address'] as const;
export type DetectorName = (typeof DETECTORS)[number];

/** One rule, as data: the defaults and the HUB_REVIEW_RULES file have this shape. */
export interface ReviewRule {
  /** Stable id, used in findings, metrics and the rules file (e.g. `classification-mark`). */
  id: string;
  /** What a reviewer reads, in Chinese and English (e.g. `密级标志 classification mark`). */
  label: string;
  category: RuleCategory;
  detector: DetectorName;
  action: RuleAction;
  /** For `mark` and `word`: the strings to find. */
  terms?: string[];
  enabled: boolean;
}

/** One thing a rule found in one field of a mapped row. */
export interface Finding {
  /** The rule's id. */
  rule: string;
  category: RuleCategory;
  /**
   * Where in the served row: `title`, `publisher`, `subject.name`, `parties[2].name`, or an
   * attribute as `attributes.facts`, `attributes.lots[0].title` (dots and [index]).
   */
  field: string;
  /** UTF-16 offsets of the span within that field's text. */
  start: number;
  end: number;
  /** The span with a little context either side, the span itself masked: safe to show an admin. */
  excerpt: string;
}

/** A mapped row after review: mask rules applied, and the findings of hold rules. */
export interface ReviewOutcome<Row> {
  /** The row as it would be published (mask-rule spans masked, search text and hash refreshed). */
  row: Row;
  /** Findings of hold rules: non-empty means the row is held. */
  findings: Finding[];
  /** How many spans mask rules masked in it. */
  masked: number;
}

/** Who decided, through which surface. */
export const DECISION_CHANNELS = ['graphql', 'cli'] as const;
export type DecisionChannel = (typeof DECISION_CHANNELS)[number];

/** Where an audit entry came from: a decision channel, or `sync` for the engine's holds. */
export const AUDIT_CHANNELS = [...DECISION_CHANNELS, 'sync'] as const;
export type AuditChannel = (typeof AUDIT_CHANNELS)[number];

/** A held (or decided) version of one record, as the review store keeps it. */
export interface ReviewItemRecord {
  id: number;
  /** connector/stream */
  stream: string;
  sourceKey: string;
  title: string;
  findings: Finding[];
  status: ReviewStatus;
  /** The content hash of the held row: the same content synced again finds this item's decision. */
  contentHash: string;
  heldAt: Date;
  /** The last sync that read this same content. */
  lastSeenAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  basis: string | null;
  redactFields: string[] | null;
  /** The published row of the same record, if any: its older version stays public while this is held. */
  publishedId: number | null;
  /** The held content: the mapped row as it would be published (admin eyes only). */
  row: Record<string, unknown>;
}

/** One line of the review audit log: appended, never edited. */
export interface ReviewAuditEntry {
  id: number;
  at: Date;
  /** The admin's name from HUB_ADMIN_TOKENS; null when the attempt was refused for its token, and for a hold. */
  actor: string | null;
  /** The surface a decision or refusal came through; `sync` for a hold (the engine, in a sync run). */
  via: AuditChannel;
  /** A decision, `hold` (the engine held an item), or `refused` (an attempt without a valid admin token or on an item that cannot take it). */
  action: ReviewDecision | 'hold' | 'refused';
  itemId: number | null;
  basis: string | null;
  redactFields: string[] | null;
  /** For a refusal: why. For a hold: the run and the rules that found something. */
  reason: string | null;
}
