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

/**
 * A regular-expression source that every text in which the detector can find anything matches:
 * 17 digits in a row for an ID number, 护照 for a passport, a rule's terms for a mark. The reviewer
 * tests one pattern of all its rules' triggers and skips a text that matches none, so most texts
 * (names, dates, codes) cost one test instead of a run of every detector. A trigger may match
 * where its detector finds nothing; it must never miss where it finds something.
 */
export type Trigger = (rule: ReviewRule) => string;
