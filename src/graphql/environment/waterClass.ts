import { WATER_CLASSES, type WaterClass } from '../../domain/waterQuality';
import { badInput } from '../shared/badInput';

/** CJK Roman numerals as Chinese reports write classes (Ⅲ, Ⅲ类, 劣Ⅴ类) → the hub's Latin forms. */
const ROMAN: Readonly<Record<string, string>> = { Ⅰ: 'I', Ⅱ: 'II', Ⅲ: 'III', Ⅳ: 'IV', Ⅴ: 'V' };

/**
 * A water class argument in any of the usual spellings: III, Ⅲ, Ⅲ类, iii, 劣V, 劣Ⅴ类. An unknown class
 * is the caller's mistake and is answered with the classes there are, not with an empty page.
 */
export function readWaterClass(value: string): WaterClass {
  const latin = value
    .trim()
    .replace(/类$/, '')
    .replace(/[ⅠⅡⅢⅣⅤ]/g, (numeral) => ROMAN[numeral])
    .toUpperCase();
  const found = WATER_CLASSES.find((c) => c === latin);
  if (!found) {
    throw badInput(`"class" must be one of ${WATER_CLASSES.join(', ')}, got ${JSON.stringify(value.slice(0, 20))}`);
  }
  return found;
}
