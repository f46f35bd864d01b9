/**
 * Money in the credit-publicity templates is in 万元 (ten thousand yuan): CF_NR_FK 罚款金额 and
 * CF_NR_WFFF 没收金额 (docs/standards/credit-publicity.md: a row "罚款2000元" carries 0.2). Sources also
 * write amounts with their unit ("2000元", "0.2万元"), in capital numerals on decisions ("人民币贰仟元"),
 * and only inside free text in the 2016 exports (CF_JG "罚款人民币2000元"). Everything here returns 万元.
 */

const YUAN_PER_WAN = 10000;

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** One character of a Chinese numeral, as a regular-expression class. */
const CHINESE_NUMERAL = `[${[DIGITS, SMALL_UNITS, BIG_UNITS].map((t) => Object.keys(t).join('')).join('')}]`;

/**
 * 元 → 万元, rounded to 6 decimals: one fen (0.01 元) is 0.000001 万元, so nothing real is lost and
 * binary fractions (0.1 + 0.2) do not leak into stored values.
 */
export function yuanToWanYuan(yuan: number): number {
  return roundWanYuan(yuan / YUAN_PER_WAN);
}

function roundWanYuan(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Reads a 万元 field: a number or a numeric string is already 万元 ("0.2" stays 0.2); an amount
 * with a unit is converted ("2000元" → 0.2, "1.5万元" → 1.5, "人民币贰仟元" → 0.2). Undefined for a
 * blank or unreadable value. A negative amount is returned as such: whether it is allowed is the
 * caller's rule.
 */
export function parseWanYuan(value: string | number | null | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? roundWanYuan(value) : undefined;
  if (typeof value !== 'string' || !value.trim()) return undefined;
  return readAmount(value, '万元');
}

type Unit = '元' | '万元';

/** One amount expression: optional 人民币, a number (Arabic or Chinese numerals), optional unit. */
function readAmount(text: string, bareUnit: Unit): number | undefined {
  const s = withoutThousandsSeparators(toHalfWidth(text)).replace(/\s+/g, '').replace(/^人民币/, '').replace(/整$/, '');
  const arabic = /^(-?\d+(?:\.\d+)?)(万元|万|元)?$/.exec(s);
  if (arabic) return inWanYuan(Number(arabic[1]), unitOf(arabic[2]) ?? bareUnit);
  const chinese = new RegExp(`^(${CHINESE_NUMERAL}+)(元|圆)$`).exec(s);
  const yuan = chinese ? parseChineseNumeral(chinese[1]) : undefined;
  return yuan === undefined ? undefined : yuanToWanYuan(yuan);
}

function unitOf(written: string | undefined): Unit | undefined {
  if (!written) return undefined;
  return written === '元' ? '元' : '万元';
}

function inWanYuan(amount: number, unit: Unit): number {
  return unit === '元' ? yuanToWanYuan(amount) : roundWanYuan(amount);
}

/** The amounts a penalty's free text states, by what they are for. */
export interface PenaltyAmounts {
  /** 罚款, in 万元. */
  fine?: number;
  /** 没收 (违法所得 or 非法财物), in 万元. */
  confiscation?: number;
}

const AMOUNT_IN_TEXT = new RegExp(`(-?\\d+(?:\\.\\d+)?)\\s*(万元|万|元)|(${CHINESE_NUMERAL}+)(元|圆)`);

/**
 * Finds the fine and the confiscated amount in a penalty's result text (2016 CF_JG, 2019 CF_NR):
 * "没收违法所得人民币1200元，并处罚款人民币20000元" → confiscation 0.12, fine 2. The text is cut
 * into clauses (，；。 and 并处), and a clause's amount counts as confiscation when the clause
 * says 没收, as a fine when it says 罚款 or 罚金. The first amount of each kind is taken: later ones
 * are usually for someone else (对直接负责的主管人员罚款…).
 */
export function penaltyAmountsFromText(text: string | null | undefined): PenaltyAmounts {
  const result: PenaltyAmounts = {};
  if (!text) return result;
  for (const clause of withoutThousandsSeparators(toHalfWidth(text)).split(/[,，;；。]|并处|并(?=罚款|没收)/)) {
    const kind = clause.includes('没收') ? 'confiscation' : /罚款|罚金/.test(clause) ? 'fine' : undefined;
    if (!kind || result[kind] !== undefined) continue;
    const amount = amountIn(clause);
    if (amount !== undefined) result[kind] = amount;
  }
  return result;
}

function amountIn(clause: string): number | undefined {
  const match = AMOUNT_IN_TEXT.exec(clause);
  if (!match) return undefined;
  if (match[1] !== undefined) return inWanYuan(Number(match[1]), unitOf(match[2])!);
  const yuan = parseChineseNumeral(match[3]);
  return yuan === undefined ? undefined : yuanToWanYuan(yuan);
}

/**
 * A whole number in Chinese numerals, ordinary or capital (financial) forms: 贰仟 → 2000,
 * 壹万伍仟 → 15000, 十五 → 15, 一百零五 → 105, 三亿二千万 → 320000000. Undefined when the text
 * has any other character.
 */
export function parseChineseNumeral(text: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of text) {
    if (ch in DIGITS) digit = DIGITS[ch];
    else if (ch in SMALL_UNITS) {
      // 十五: a unit without a digit before it counts once.
      section += (digit ?? 1) * SMALL_UNITS[ch];
      digit = undefined;
    } else if (ch in BIG_UNITS) {
      total += (section + (digit ?? 0)) * BIG_UNITS[ch];
      section = 0;
      digit = undefined;
    } else return undefined;
  }
  return text.length > 0 ? total + section + (digit ?? 0) : undefined;
}

/** 20,000 → 20000: separators first, so the comma is not taken for a clause break. */
function withoutThousandsSeparators(text: string): string {
  return text.replace(/(\d)[,，](?=\d{3}(?!\d))/g, '$1');
}

function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}
