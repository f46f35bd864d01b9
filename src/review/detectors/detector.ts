import type { ReviewRule } from '../contract';

/** Where a detector found something in one text: UTF-16 offsets, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/**
 * One detector: every span of `text` its rule catches, in text order, not overlapping. A detector
 * is pure and keeps no state between calls beyond what it compiled from the rule, so the reviewer
 * can call it on every text of every row.
 */
export type Detector = (text: string, rule: ReviewRule) => Span[];
