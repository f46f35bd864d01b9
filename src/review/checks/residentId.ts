import { PROVINCE_PREFIXES } from '../../domain/usccCodeTables';

/**
 * The 18-character citizen identity number (公民身份号码) of GB 11643-1999: six digits of the
 * address code (GB/T 2260 division), the birth date YYYYMMDD, a three-digit sequence and a check
 * character computed with ISO 7064 MOD 11-2 (0–9, or X for 10).
 *
 * The review holds a record on a number that passes all three checks below. Each catches a
 * different look-alike: an order or account number of 18 digits almost never has a right check
 * character (1 in 11), a birth date that is a real day of 1900 to today (about 1 in 2,000 for
 * random digits) and a province prefix (a third of two-digit prefixes).
 */

/** Weights of positions 1–17: 2^(18−i) mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

/** The oldest birth year the review accepts: earlier "births" are digits that only look like a date. */
const EARLIEST_BIRTH_YEAR = 1900;

/** The check character the first 17 digits call for (ISO 7064 MOD 11-2). */
export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

export type ResidentIdReading =
  | { valid: true }
  | { valid: false; reason: string };

/**
 * Whether an 18-character candidate (17 digits and a digit or X) is an identity number that could
 * have been issued: a province prefix of GB/T 2260, a real birth date between 1900 and `today`,
 * and the right check character. The reason says which check failed, for the tests and the docs.
 */
export function readResidentId(candidate: string, today: Date = new Date()): ResidentIdReading {
  if (!/^\d{17}[\dXx]$/.test(candidate)) return { valid: false, reason: 'not 17 digits and a digit or X' };
  if (!PROVINCE_PREFIXES.has(candidate.slice(0, 2))) return { valid: false, reason: `no province has the prefix ${candidate.slice(0, 2)}` };
  const birth = candidate.slice(6, 14);
  if (!isBirthDate(birth, today)) return { valid: false, reason: `${birth} is not a birth date between ${EARLIEST_BIRTH_YEAR} and today` };
  const expected = residentIdCheckCharacter(candidate);
  const actual = candidate[17].toUpperCase();
  if (actual !== expected) return { valid: false, reason: `check character is ${actual} but should be ${expected}` };
  return { valid: true };
}

export function isResidentId(candidate: string, today?: Date): boolean {
  return readResidentId(candidate, today).valid;
}

/** YYYYMMDD a real calendar day (19990230 is not), not before 1900 and not after today. */
function isBirthDate(yyyymmdd: string, today: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < EARLIEST_BIRTH_YEAR) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && date.getTime() <= today.getTime();
}
