import { isResidentId } from '../checks/residentId';
import type { Detector, Span, Trigger } from './detector';
import { matchesOf } from './scan';
import { standsAlone } from './numberContext';

/** 17 digits and a digit or X: the shape of an identity number, before any check. */
const CANDIDATE = /\d{17}[\dXx]/g;

/** A code label just before the number: a unified social credit code of 18 digits is not a person's. */
const CODE_LABEL = /(?:统一社会信用代码|信用代码)[\s:：]*$/;

/**
 * 18-character citizen identity numbers (GB 11643): a candidate that stands alone (not cut out
 * of a longer run of letters and digits) and passes the province, birth-date and check-character
 * checks of checks/residentId.ts. A wrong check digit or an impossible birth date (19990230) is a
 * look-alike and is not found.
 */
export const idNumberDetector: Detector = (text) => {
  const spans: Span[] = [];
  for (const match of matchesOf(CANDIDATE, text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (!standsAlone(text, start, end) || !isResidentId(match[0])) continue;
    if (CODE_LABEL.test(text.slice(Math.max(0, start - 12), start))) continue;
    spans.push({ start, end });
  }
  return spans;
};

/** An identity number has 17 digits in a row. */
export const idNumberTrigger: Trigger = () => '\\d{17}';
