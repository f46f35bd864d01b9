import { isResidentId } from '../checks/residentId';
import { passesLuhn } from '../checks/luhn';
import { validateUscc } from '../../domain/uscc';
import type { Detector, Span, Trigger } from './detector';
import { matchesOf } from './scan';
import { followedByUnit, labelledAsOtherNumber, standsAlone } from './numberContext';

/** 16–19 digits in one run, or in groups of four separated by a blank or hyphen (6222 0212 3456 7890 123). */
const CANDIDATE = /\d{16,19}|\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,3}(?!\d))?/g;

/**
 * Issuer prefixes of the cards issued in China: 62 (China UnionPay; 60 and 65 on older and
 * co-branded cards), 4 (Visa), 51–55 (Mastercard) and 35 (JCB). A Luhn-valid run of digits with
 * another first digit is a code or an account of another kind: 2306022016000042 is a PPP project
 * number, 1223… a public institution's credit code.
 */
const ISSUER = /^(?:6[025]|4|5[1-5]|35)/;

/**
 * Bank card numbers: 16–19 digits that pass Luhn, begin with a card issuer's prefix, stand alone,
 * are not labelled as another number or followed by a unit, and are neither a valid unified social
 * credit code nor a valid identity number (both are 18 characters and either may pass Luhn by
 * chance).
 */
export const bankCardDetector: Detector = (text) => {
  const spans: Span[] = [];
  for (const match of matchesOf(CANDIDATE, text)) {
    const start = match.index;
    const end = start + match[0].length;
    const digits = match[0].replace(/[ -]/g, '');
    if (digits.length < 16 || digits.length > 19 || !ISSUER.test(digits) || !passesLuhn(digits)) continue;
    if (!standsAlone(text, start, end) || labelledAsOtherNumber(text, start) || followedByUnit(text, end)) continue;
    if (digits.length === 18 && (validateUscc(digits).valid || isResidentId(digits))) continue;
    spans.push({ start, end });
  }
  return spans;
};

/** A card number has at least three groups of four digits, in one run or separated. */
export const bankCardTrigger: Trigger = () => '\\d{4}[ -]?\\d{4}[ -]?\\d{4}';
