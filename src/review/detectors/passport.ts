import type { Detector, Span, Trigger } from './detector';
import { matchesOf } from './scan';
import { standsAlone } from './numberContext';

/**
 * Numbers of the passports of the People's Republic: E and 8 digits or E, a letter (no I or O)
 * and 7 digits (electronic ordinary passports, since 2012), G and 8 digits (ordinary passports of
 * before).
 */
const CANDIDATE = /E\d{8}|E[A-HJ-NP-Z]\d{7}|G\d{8}/g;

/**
 * A word that says a passport is meant. E12345678 alone is as likely a product code or a lot
 * number; next to 护照 or passport it is a person's document.
 */
const PASSPORT_WORD = /护照|passport/i;

/** How many characters either side of the number the word may stand (护照号码：E12345678). */
const REACH = 16;

/** Passport numbers: a standalone candidate with 护照 or passport within REACH characters of it. */
export const passportDetector: Detector = (text) => {
  const spans: Span[] = [];
  for (const match of matchesOf(CANDIDATE, text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (!standsAlone(text, start, end)) continue;
    if (!PASSPORT_WORD.test(text.slice(Math.max(0, start - REACH), end + REACH))) continue;
    spans.push({ start, end });
  }
  return spans;
};

/** A passport number is found only with the word. */
export const passportTrigger: Trigger = () => '护照|[Pp][Aa][Ss][Ss][Pp][Oo][Rr][Tt]';
