import type { CitySetting } from '../config/city';
import { NATIONAL_DIVISION, PROVINCE_PREFIXES } from './usccCodeTables';

/**
 * Where positions 3–8 of a code say the body was registered, as far as the deployment city can
 * tell: its own divisions and its province's prefecture units by name, the rest of the country by
 * province prefix only.
 */
export type UsccDivisionScope =
  /** The city or one of its divisions (萨尔图区), or a code in its range it does not list. */
  | 'city'
  /** Elsewhere in the city's province. */
  | 'province'
  /** Another province: allowed, a body may be registered anywhere. */
  | 'other-province'
  /** 100000, the division of national-level authorities. */
  | 'national'
  /** No province of GB/T 2260 has this prefix: the code cannot be right. */
  | 'unknown';

export interface UsccDivisionReading {
  code: string;
  scope: UsccDivisionScope;
  /** The division's name, when the city setting knows it. */
  name: string | null;
  /** True for a code in the city's or province's range that names no place the setting lists. */
  unlisted: boolean;
  /** The larger place a code lies in when the division itself has no name here (哈尔滨市, 黑龙江省). */
  within: string | null;
}

/** Reads a six-digit division code of a normalised, well-formed USCC. */
export function readUsccDivision(code: string, city: CitySetting): UsccDivisionReading {
  const reading = (scope: UsccDivisionScope, name: string | null, within: string | null = null, unlisted = false): UsccDivisionReading => ({
    code,
    scope,
    name,
    within,
    unlisted,
  });
  if (code === NATIONAL_DIVISION) return reading('national', null);
  if (code.slice(0, 4) === city.code.slice(0, 4)) {
    const division = code === city.code ? city : city.districts.find((d) => d.code === code);
    return division ? reading('city', division.name) : reading('city', null, city.name, true);
  }
  if (code.slice(0, 2) === city.provinceCode.slice(0, 2)) {
    if (code === city.provinceCode) return reading('province', city.province);
    const prefecture = city.prefectures.find((p) => p.code.slice(0, 4) === code.slice(0, 4));
    if (!prefecture) return reading('province', null, city.province, true);
    return code === prefecture.code ? reading('province', prefecture.name) : reading('province', null, prefecture.name);
  }
  return reading(PROVINCE_PREFIXES.has(code.slice(0, 2)) ? 'other-province' : 'unknown', null);
}
