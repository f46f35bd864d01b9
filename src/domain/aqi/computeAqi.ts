/**
 * Air quality index per HJ 633-2012 (docs/standards/aqi.md), driven by the breakpoint tables in
 * breakpoints.ts so that another revision only needs a new table.
 */
import {
  AQI_INPUT_KEYS,
  AQI_POLLUTANTS,
  AqiCategory,
  AqiCategoryName,
  AqiInputKey,
  AqiLevel,
  AqiPollutant,
  AqiStandard,
  BreakpointColumn,
  DEFAULT_AQI_STANDARD,
  getAqiStandard,
} from './breakpoints';

/** Concentrations (µg/m³; CO in mg/m³). null, undefined and NaN mean "not measured". */
export type AqiInput = Partial<Record<AqiInputKey, number | null>>;

export interface AqiOptions {
  /** Name of a standard in AQI_STANDARDS; default 'HJ 633-2012'. */
  standard?: string;
}

export interface AqiResult {
  aqi: number;
  level: AqiLevel;
  category: AqiCategoryName;
  color: string;
  /** Only when AQI > 50: every pollutant whose IAQI equals the AQI (ties list all). */
  primaryPollutants: AqiPollutant[];
  /** Every pollutant with IAQI > 100. */
  exceedingPollutants: AqiPollutant[];
  /** One IAQI per pollutant that could be indexed. */
  iaqi: Partial<Record<AqiPollutant, number>>;
  healthEffect: string;
  advice: string;
  /** The pollutants the AQI was computed from (the keys of `iaqi`), in table order. */
  pollutantsPresent: AqiPollutant[];
  /** Name of the standard used. */
  standard: string;
  /** Things a reader of the result should know: capped values, dropped sub-indices. */
  warnings: string[];
}

/**
 * Level block (level, category, colour, health text) for an AQI value under a standard.
 * AQI values are whole numbers; a fractional value falls in the first level whose upper bound
 * it does not exceed, so 50.5 is level 2 (it would round up to 51).
 */
export function aqiCategory(aqi: number, standard: string = DEFAULT_AQI_STANDARD): AqiCategory {
  if (typeof aqi !== 'number' || !(aqi >= 0)) {
    throw new RangeError(`AQI must be a number ≥ 0, got ${String(aqi)}`);
  }
  const categories = getAqiStandard(standard).categories;
  const found = categories.find((c) => aqi <= c.maxAqi);
  // The top category is open-ended, so this only fires for a malformed table.
  if (!found) throw new Error(`AQI ${aqi} is above every category of '${standard}'`);
  return found;
}

export function computeAqi(c: AqiInput, opts: AqiOptions = {}): AqiResult {
  const standard = getAqiStandard(opts.standard ?? DEFAULT_AQI_STANDARD);
  const measured = readConcentrations(c);
  if (measured.size === 0) {
    throw new Error(
      `computeAqi needs at least one concentration; none of ${AQI_INPUT_KEYS.join(', ')} was given`,
    );
  }

  const warnings: string[] = [];
  const iaqi: Partial<Record<AqiPollutant, number>> = {};
  for (const pollutant of AQI_POLLUTANTS) {
    const value = pollutantIaqi(pollutant, measured, standard, warnings);
    if (value !== undefined) iaqi[pollutant] = value;
  }

  const pollutantsPresent = AQI_POLLUTANTS.filter((p) => iaqi[p] !== undefined);
  if (pollutantsPresent.length === 0) {
    throw new Error(`No sub-index could be computed: ${warnings.join('; ')}`);
  }

  // IAQIs are already whole numbers, so their maximum is the rounded-up AQI.
  const aqi = Math.max(...pollutantsPresent.map((p) => iaqi[p] as number));
  const block = aqiCategory(aqi, standard.name);
  return {
    aqi,
    level: block.level,
    category: block.category,
    color: block.color,
    primaryPollutants: aqi > 50 ? pollutantsPresent.filter((p) => iaqi[p] === aqi) : [],
    exceedingPollutants: pollutantsPresent.filter((p) => (iaqi[p] as number) > 100),
    iaqi,
    healthEffect: block.healthEffect,
    advice: block.advice,
    pollutantsPresent,
    standard: standard.name,
    warnings,
  };
}

/**
 * Validate and collect the measured concentrations. Keys the standard does not know are ignored
 * (callers pass whole station rows); null/undefined/NaN are "not measured" because feeds use all
 * three for a missing reading.
 */
function readConcentrations(c: AqiInput): Map<AqiInputKey, number> {
  if (c === null || typeof c !== 'object') {
    throw new TypeError('computeAqi expects an object of concentrations');
  }
  const measured = new Map<AqiInputKey, number>();
  for (const key of AQI_INPUT_KEYS) {
    const value: unknown = c[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'number') {
      throw new TypeError(`${key} must be a number, got ${typeof value} ${JSON.stringify(value)}`);
    }
    if (Number.isNaN(value)) continue;
    if (!Number.isFinite(value)) throw new RangeError(`${key} must be finite, got ${value}`);
    if (value < 0) throw new RangeError(`${key} must not be negative, got ${value}`);
    measured.set(key, value);
  }
  return measured;
}

/**
 * IAQI of one pollutant from all its averaging periods that were measured.
 *
 * Choice where the standard is silent: when two periods are both given (e.g. hourly SO2 and its
 * 24-hour mean), the pollutant's IAQI is the LARGER of the applicable sub-indices. That is the
 * conservative reading (a daily O3 report already indexes both the 1h and 8h maxima and keeps the
 * worse), and it never hides a pollutant's bad period. Callers producing a daily report should pass
 * only 24-hour values for SO2/NO2/CO, since the 1-hour limits serve hourly reports only.
 *
 * A period above its column's last row with aboveTop 'noSubIndex' (SO2 1h > 800, O3 8h > 800)
 * gives no sub-index. The standard says to report the pollutant with its other period; if that
 * other period was not measured the pollutant cannot be indexed at all: it is left out (and out
 * of pollutantsPresent) with a warning, rather than inventing a number the standard does not define.
 */
function pollutantIaqi(
  pollutant: AqiPollutant,
  measured: Map<AqiInputKey, number>,
  standard: AqiStandard,
  warnings: string[],
): number | undefined {
  const subIndices: number[] = [];
  const dropped: string[] = [];
  for (const key of AQI_INPUT_KEYS) {
    const column = standard.columns[key];
    const value = measured.get(key);
    if (column.pollutant !== pollutant || value === undefined) continue;
    const sub = subIndex(column, value, standard.iaqiLevels);
    if (sub === 'noSubIndex') {
      const top = column.breakpoints[column.breakpoints.length - 1];
      dropped.push(`${key} ${value} is above ${top}, which has no ${column.period} sub-index`);
      continue;
    }
    if (sub.capped) {
      const top = column.breakpoints[column.breakpoints.length - 1];
      warnings.push(`${key} ${value} is above the top breakpoint ${top}; IAQI capped at ${sub.iaqi}`);
    }
    subIndices.push(sub.iaqi);
  }
  if (subIndices.length === 0) {
    if (dropped.length > 0) {
      warnings.push(`${pollutant} not indexed: ${dropped.join('; ')} and no other period was given`);
    }
    return undefined;
  }
  return Math.max(...subIndices);
}

/** Sub-index of one concentration in one column, rounded up; or 'noSubIndex' above a (a)/(b) column. */
function subIndex(
  column: BreakpointColumn,
  value: number,
  iaqiLevels: readonly number[],
): { iaqi: number; capped: boolean } | 'noSubIndex' {
  const bps = column.breakpoints;
  const last = bps.length - 1;
  if (value > bps[last]) {
    if (column.aboveTop === 'noSubIndex') return 'noSubIndex';
    return { iaqi: iaqiLevels[last], capped: true };
  }
  // The highest row with BP_Lo ≤ C: a concentration exactly on a breakpoint then sits at BP_Lo
  // and yields exactly that row's IAQI (C = 0 at the 0 row, C = top at the last pair's BP_Hi).
  let i = 0;
  while (i + 1 < last && bps[i + 1] <= value) i++;
  return {
    iaqi: interpolateCeil(value, bps[i], bps[i + 1], iaqiLevels[i], iaqiLevels[i + 1]),
    capped: false,
  };
}

/**
 * ceil(IAQI_Lo + (IAQI_Hi − IAQI_Lo) × (C − BP_Lo) / (BP_Hi − BP_Lo)), computed exactly.
 *
 * Why not floating point: CO 2.2 mg/m³ should give exactly 55, but in doubles
 * (2.2 − 2) × 50 / 2 + 50 = 55.00000000000001, which rounds up to 56. Concentrations are decimal
 * readings, so each number is taken as the decimal it prints as and the formula is evaluated in
 * integers (BigInt), where "round up" is an exact ceiling division.
 */
function interpolateCeil(c: number, bpLo: number, bpHi: number, iLo: number, iHi: number): number {
  const [cs, lo, hi] = toCommonScale([c, bpLo, bpHi]);
  const numerator = BigInt(iHi - iLo) * (cs - lo);
  const denominator = hi - lo;
  // numerator ≥ 0 and denominator > 0, so this is the ceiling of the quotient.
  const ceilQuotient = (numerator + denominator - 1n) / denominator;
  return iLo + Number(ceilQuotient);
}

/** Numbers as integers over one shared power of ten: value = result / 10^scale. */
function toCommonScale(values: number[]): bigint[] {
  const decimals = values.map(toDecimal);
  const scale = Math.max(...decimals.map((d) => d.scale));
  return decimals.map((d) => d.units * 10n ** BigInt(scale - d.scale));
}

/**
 * A finite non-negative double as units / 10^scale, using its shortest round-trip decimal
 * (what String() prints), i.e. the reading as the feed wrote it. Handles exponent notation.
 */
function toDecimal(x: number): { units: bigint; scale: number } {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!match) throw new Error(`Cannot read ${x} as a decimal`);
  const [, intPart, fracPart = '', exp = '0'] = match;
  let scale = fracPart.length - Number(exp);
  let units = BigInt(intPart + fracPart);
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units, scale };
}
