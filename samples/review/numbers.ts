import { validateUscc } from '../../src/connectorKit';
import { idCheckDigit } from '../kit/population';
import type { Random } from '../kit/random';

/**
 * The numbers the review's planted cases carry: personal ones that pass every check a validated
 * detector makes (a bank card's Luhn sum, a passport's form), and look-alikes that have the shape
 * of one but fail its check (an 18-digit filing number whose last digit is not the ID check digit,
 * an account number with a card's length and first digits that fails Luhn, an 18-digit number whose
 * "birth date" is no day, a contract number shaped like a mobile number).
 */

/** Whether a digit string passes the Luhn (mod 10) check that every bank card number passes. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The Luhn check digit that completes a card number's first digits. */
function luhnCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (passesLuhn(body + d)) return String(d);
  throw new Error(`no Luhn check digit completes ${body}`); // unreachable: one of ten always does
}

/**
 * Issuer numbers (BIN) of UnionPay debit cards of the banks with branches in 大庆市 (中国建设银行
 * 621700, 中国农业银行 622848, 中国工商银行 621226, 中国银行 621661, 中国邮政储蓄银行 621799): every
 * card they issue is 19 digits.
 */
const DEBIT_CARD_BINS: ReadonlyArray<{ bin: string; bank: string }> = [
  { bin: '621700', bank: '中国建设银行' },
  { bin: '622848', bank: '中国农业银行' },
  { bin: '621226', bank: '中国工商银行' },
  { bin: '621661', bank: '中国银行' },
  { bin: '621799', bank: '中国邮政储蓄银行' },
];

/** A person's debit card: 19 digits from a real issuer number, Luhn-valid. */
export function debitCard(r: Random): { number: string; bank: string } {
  const { bin, bank } = r.pick(DEBIT_CARD_BINS);
  const body = bin + Array.from({ length: 12 }, () => r.int(0, 9)).join('');
  return { number: body + luhnCheckDigit(body), bank };
}

/**
 * A public body's account at a 大庆 branch (the non-tax revenue collection account a fine is paid
 * into): 19 digits as 中国工商银行 writes account numbers, a four-digit area code first (3506 in
 * the sample city). Account numbers carry no Luhn digit, and this one is drawn so that its sum
 * fails: it has a card's length and a card issuer's first digits (35), and only Luhn tells it
 * from a card.
 */
export function publicAccountFailingLuhn(r: Random): { number: string; bank: string } {
  const body = '3506' + Array.from({ length: 14 }, () => r.int(0, 9)).join('');
  const last = firstDigit(r, (d) => !passesLuhn(body + d));
  return { number: body + last, bank: '中国工商银行大庆分行' };
}

/** A Chinese ordinary passport number: E and 8 digits (since 2012), or E, a letter and 7 digits (since 2019). */
export function passportNumber(r: Random): string {
  const digits = (n: number) => Array.from({ length: n }, () => r.int(0, 9)).join('');
  // The second letter of the newer numbers skips I and O, which read as digits.
  return r.chance(0.6) ? `E${digits(8)}` : `E${r.pick([...'ABCDEFGHJKLMNPQRSTUVWXYZ'])}${digits(7)}`;
}

/**
 * A filing number as many of the city's systems make them: the division, the day (yyyymmdd) and a
 * four-digit sequence: 18 digits, with the shape of an ID number (division, a real date, …). Its
 * last digit is drawn so that it is NOT the GB 11643 check digit and the whole fails Luhn too, so
 * no validated detector takes it for an ID number or a card.
 */
export function filingNumberWithWrongCheckDigit(division: string, yyyymmdd: string, r: Random): string {
  const body = `${division}${yyyymmdd}${String(r.int(1, 999)).padStart(3, '0')}`;
  const last = firstDigit(r, (d) => d !== idCheckDigit(body) && !passesLuhn(body + d) && !validateUscc(body + d).valid);
  return body + last;
}

/** Month and day pairs no calendar has: 30 and 31 February, 31 April, June, September and November, month 13. */
const IMPOSSIBLE_DAYS = ['0230', '0231', '0431', '0631', '0931', '1131', '1315'];

/**
 * An 18-digit number whose digits 7–14 read as an impossible date (19990230): the shape of an ID
 * number with the check digit right, but no one was born on that day. It fails Luhn, so it cannot
 * pass for a card either.
 */
export function numberWithImpossibleBirthDate(division: string, r: Random): string {
  const body = `${division}${r.int(1960, 2005)}${r.pick(IMPOSSIBLE_DAYS)}${String(r.int(1, 999)).padStart(3, '0')}`;
  const check = idCheckDigit(body);
  if (check !== 'X' && !passesLuhn(body + check)) return body + check;
  // The right check digit would be an X or pass Luhn: any digit that fails Luhn keeps the impossible date.
  return body + firstDigit(r, (d) => !passesLuhn(body + d));
}

/**
 * A contract number of the kind some offices write, a three-digit series and the signing day
 * (13620180630): eleven digits starting 13x–18x, the shape of a mobile number. Always written
 * after its label (合同编号).
 */
export function mobileShapedContractNumber(signedOn: string, r: Random): string {
  return `${r.pick(['136', '139', '158', '186'])}${signedOn}`;
}

/** A digit that satisfies the test, tried from a random start so the choice is not always the same digit. */
function firstDigit(r: Random, ok: (digit: string) => boolean): string {
  const start = r.int(0, 9);
  for (let k = 0; k < 10; k++) {
    const d = String((start + k) % 10);
    if (ok(d)) return d;
  }
  throw new Error('no digit satisfies the look-alike’s checks'); // unreachable: at most two digits are excluded
}
