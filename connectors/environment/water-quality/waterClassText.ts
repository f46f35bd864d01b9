import type { WaterClass, WaterTargetClass } from '../../../src/connectorKit';

/**
 * Water classes as Chinese reports write them: Roman numerals of the CJK block (Ⅲ), often with 类
 * (Ⅲ类), sometimes in Latin letters (III). The hub's classes are the Latin forms.
 */
const ROMAN: Readonly<Record<string, WaterTargetClass>> = { Ⅰ: 'I', Ⅱ: 'II', Ⅲ: 'III', Ⅳ: 'IV', Ⅴ: 'V' };
const LATIN: readonly WaterTargetClass[] = ['I', 'II', 'III', 'IV', 'V'];

export function parseTargetClass(text: string): WaterTargetClass {
  const bare = text.trim().replace(/类$/, '').toUpperCase();
  const found = ROMAN[bare] ?? LATIN.find((c) => c === bare);
  if (!found) throw new Error(`target class "${text}" is not one of Ⅰ–Ⅴ`);
  return found;
}

/** III → Ⅲ类, 劣V → 劣Ⅴ类, for titles. */
export function classText(c: WaterClass): string {
  const roman = (latin: string) => Object.keys(ROMAN).find((r) => ROMAN[r] === latin) ?? latin;
  return c === '劣V' ? '劣Ⅴ类' : `${roman(c)}类`;
}
