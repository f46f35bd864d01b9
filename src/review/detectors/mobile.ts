import { isAllocatedMobileSegment } from '../checks/mobileSegments';
import type { Detector, Span, Trigger } from './detector';
import { matchesOf } from './scan';
import { followedByUnit, labelledAsOtherNumber, standsAlone } from './numberContext';

/**
 * 11 digits beginning 1[3-9], whole or written 3-4-4 with blanks or hyphens, optionally after
 * +86 or 0086. (A bare 86 prefix is not read: 86 before a number is as often part of something
 * else.)
 */
const CANDIDATE = /(?:(?:\+86|0086)[ -]?)?(1[3-9]\d)[ -]?\d{4}[ -]?\d{4}/g;

/**
 * Mainland mobile numbers: a candidate in an allocated segment (checks/mobileSegments.ts) that
 * stands alone, is not labelled as another kind of number (合同编号：13912345678) and is not a
 * quantity (13912345678元). Already masked numbers (138****5678) have no 11 digits and are not
 * found again.
 */
export const mobileDetector: Detector = (text) => {
  const spans: Span[] = [];
  for (const match of matchesOf(CANDIDATE, text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (!isAllocatedMobileSegment(match[1])) continue;
    if (!standsAlone(text, start, end) || labelledAsOtherNumber(text, start) || followedByUnit(text, end)) continue;
    spans.push({ start, end });
  }
  return spans;
};

/** A mobile number has 1[3-9], a digit, perhaps a separator and four digits. */
export const mobileTrigger: Trigger = () => '1[3-9]\\d[ -]?\\d{4}';
