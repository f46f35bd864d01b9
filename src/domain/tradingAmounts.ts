/**
 * Money on trading notices. Platforms write amounts in 元 (政府采购 results: 中标金额 1385000.00元) or
 * in 万元 (工程建设: 中标价 138.5万元; land: 起始价), as numbers or as text with thousands separators.
 * The unified model keeps 万元 (connectors/README.md); OCDS wants the currency unit, 元.
 */

export type AmountUnit = '元' | '万元';

export const AMOUNT_UNITS: readonly AmountUnit[] = ['元', '万元'];

const YUAN_PER_WAN = 10000;

/** 1,385,000.00 / 1385000 / 138.5万元 / ¥1,385,000.00元 — digits, separators, a unit at the end. */
const AMOUNT_TEXT = /^[¥￥]?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(万元|元)?$/;

export interface ParsedAmount {
  value: number;
  /** The unit written after the number, if any. */
  unit?: AmountUnit;
}

/** Reads an amount as platforms write it; undefined for anything that is not a non-negative amount. */
export function parseAmount(written: number | string): ParsedAmount | undefined {
  if (typeof written === 'number') return Number.isFinite(written) && written >= 0 ? { value: written } : undefined;
  const match = AMOUNT_TEXT.exec(String(written).trim());
  if (!match) return undefined;
  const value = Number(match[1].replace(/,/g, ''));
  return match[2] ? { value, unit: match[2] as AmountUnit } : { value };
}

/**
 * An amount in 万元, to the 分 (six decimals), so 1234567.89元 is exactly 123.456789 and not
 * 123.45678900000001. A unit written after the number wins over the record's declared unit: it sits
 * next to the figure, the declaration is a field away. Throws when it cannot be read or has no unit.
 */
export function toWanYuan(written: number | string, declaredUnit?: AmountUnit): number {
  const parsed = parseAmount(written);
  if (!parsed) throw new Error(`amount ${JSON.stringify(written)} is not a non-negative number of 元 or 万元`);
  const unit = parsed.unit ?? declaredUnit;
  if (!unit) throw new Error(`amount ${JSON.stringify(written)} has no unit: write 元 or 万元 after it, or declare the record's amount unit`);
  const fen = unit === '元' ? Math.round(parsed.value * 100) : Math.round(parsed.value * YUAN_PER_WAN * 100);
  return fen / (YUAN_PER_WAN * 100);
}

/** 万元 → 元, rounded to the 分: the OCDS Value.amount of a stored amount. */
export function wanYuanToYuan(wan: number): number {
  return Math.round(wan * YUAN_PER_WAN * 100) / 100;
}
