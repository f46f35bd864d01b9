/**
 * Surface-water quality class per GB 3838-2002 (docs/standards/water-quality.md), single-factor method,
 * on the parameters published assessments count (环办〔2011〕22号).
 */

export type WaterClass = 'I' | 'II' | 'III' | 'IV' | 'V' | '劣V';
/** The five classes that have limits (劣V is "worse than V", not a target). */
export type WaterTargetClass = Exclude<WaterClass, '劣V'>;
export type WaterBody = 'river' | 'lake';
export type WaterParameter = 'ph' | 'do' | 'codmn' | 'cod' | 'bod5' | 'nh3n' | 'tp' | 'tn';

/** mg/L (pH dimensionless). null, undefined and NaN mean "not measured". */
export type WaterQualityInput = Partial<Record<WaterParameter, number | null>>;

export interface WaterQualityOptions {
  /** 'river' (default) or 'lake' (lakes and reservoirs: stricter TP, and TN is a reference indicator). */
  waterBody?: WaterBody;
  /** When given, the result lists every parameter that fails this class, with its multiple. */
  targetClass?: WaterTargetClass;
}

export interface WaterExceedance {
  parameter: WaterParameter;
  value: number;
  /** The target class's limit; null for pH, whose limit is the range 6–9. */
  limit: number | null;
  /** Exceedance multiple (超标倍数); null for pH, for which the standard defines none. */
  multiple: number | null;
}

/** Reference indicators: classed on their own, reported beside the class, never counted in it. */
export type ReferenceParameter = 'tn';
export type ReferenceClasses = Partial<Record<ReferenceParameter, WaterClass>>;

export interface WaterQualityResult {
  class: WaterClass;
  /** The parameters whose own class equals the overall (worst) class, in input-key order. */
  limitingParameters: WaterParameter[];
  /** The class each classified parameter alone would give. */
  parameterClasses: Partial<Record<WaterParameter, WaterClass>>;
  /** The class of each reference indicator measured: TN of a lake or reservoir. */
  referenceClasses: ReferenceClasses;
  /** Parameters given but not assessed for this water body (TN for rivers). */
  ignoredParameters: WaterParameter[];
  /** Only when opts.targetClass is given: the parameters that fail it. */
  exceedances?: WaterExceedance[];
}

/** Best to worst; the rank of a class is its index. */
export const WATER_CLASSES: readonly WaterClass[] = Object.freeze([
  'I',
  'II',
  'III',
  'IV',
  'V',
  '劣V',
] as const);

const TARGET_CLASSES: readonly WaterTargetClass[] = ['I', 'II', 'III', 'IV', 'V'];

export const WATER_PARAMETERS: readonly WaterParameter[] = Object.freeze([
  'ph',
  'do',
  'codmn',
  'cod',
  'bod5',
  'nh3n',
  'tp',
  'tn',
] as const);

/** 0 for I … 5 for 劣V: larger is worse. */
export function waterClassRank(c: WaterClass): number {
  const rank = WATER_CLASSES.indexOf(c);
  if (rank < 0) throw new Error(`Unknown water quality class '${String(c)}'`);
  return rank;
}

/** Comparator for sorting best → worst; negative when a is better than b. */
export function compareWaterClasses(a: WaterClass, b: WaterClass): number {
  return waterClassRank(a) - waterClassRank(b);
}

export function worseWaterClass(a: WaterClass, b: WaterClass): WaterClass {
  return compareWaterClasses(a, b) >= 0 ? a : b;
}

/** pH must lie in [6, 9] for every class. */
const PH_RANGE = { min: 6, max: 9 } as const;

interface BoundedLimits {
  /** 'lower': the value must be ≥ the limit (dissolved oxygen); 'upper': ≤ the limit. */
  bound: 'lower' | 'upper';
  /** Limits for classes I–V. */
  limits: readonly [number, number, number, number, number];
}

/** GB 3838-2002 table 1 (the rows docs/standards/water-quality.md lists). pH is handled by PH_RANGE. */
const LIMITS: Record<Exclude<WaterParameter, 'ph' | 'tp' | 'tn'>, BoundedLimits> = {
  do: { bound: 'lower', limits: [7.5, 6, 5, 3, 2] },
  codmn: { bound: 'upper', limits: [2, 4, 6, 10, 15] },
  cod: { bound: 'upper', limits: [15, 15, 20, 30, 40] },
  bod5: { bound: 'upper', limits: [3, 3, 4, 6, 10] },
  nh3n: { bound: 'upper', limits: [0.15, 0.5, 1.0, 1.5, 2.0] },
};

const TP_LIMITS: Record<WaterBody, BoundedLimits> = {
  river: { bound: 'upper', limits: [0.02, 0.1, 0.2, 0.3, 0.4] },
  lake: { bound: 'upper', limits: [0.01, 0.025, 0.05, 0.1, 0.2] },
};

/** TN has limits for lakes and reservoirs only. */
const TN_LAKE_LIMITS: BoundedLimits = { bound: 'upper', limits: [0.2, 0.5, 1.0, 1.5, 2.0] };

/**
 * The limits of a bounded parameter for a water body; null when the standard gives none
 * (pH is a range; TN is not assessed for rivers).
 */
function limitsFor(parameter: WaterParameter, waterBody: WaterBody): BoundedLimits | null {
  switch (parameter) {
    case 'ph':
      return null;
    case 'tp':
      return TP_LIMITS[waterBody];
    case 'tn':
      return waterBody === 'lake' ? TN_LAKE_LIMITS : null;
    default:
      return LIMITS[parameter];
  }
}

/** Class a single parameter value gives: the best class whose limit it meets, else 劣V. */
function parameterClass(parameter: WaterParameter, value: number, waterBody: WaterBody): WaterClass {
  if (parameter === 'ph') {
    // pH inside 6–9 meets every class, so on its own it never worsens the class.
    return value >= PH_RANGE.min && value <= PH_RANGE.max ? 'I' : '劣V';
  }
  const spec = limitsFor(parameter, waterBody);
  if (!spec) throw new Error(`${parameter} is not classified for a ${waterBody}`);
  const index = spec.limits.findIndex((limit) => meets(spec.bound, value, limit));
  return index < 0 ? '劣V' : TARGET_CLASSES[index];
}

function meets(bound: 'lower' | 'upper', value: number, limit: number): boolean {
  // A value equal to the limit meets it ("≤" / "≥" in the standard).
  return bound === 'lower' ? value >= limit : value <= limit;
}

function checkWaterBody(waterBody: unknown): WaterBody {
  if (waterBody === 'river' || waterBody === 'lake') return waterBody;
  throw new Error(`waterBody must be 'river' or 'lake', got ${JSON.stringify(waterBody)}`);
}

function checkTargetClass(targetClass: unknown): WaterTargetClass {
  if (TARGET_CLASSES.includes(targetClass as WaterTargetClass)) {
    return targetClass as WaterTargetClass;
  }
  throw new Error(
    `target class must be one of ${TARGET_CLASSES.join(', ')}, got ${JSON.stringify(targetClass)}`,
  );
}

/**
 * Exceedance multiple (超标倍数) of one value against a target class, as defined in
 * docs/standards/water-quality.md: (measured − limit) / limit for upper limits; for dissolved
 * oxygen, whose limit is a lower bound, (limit − measured) / limit, so that "worse" is positive in
 * both cases.
 *
 * Decisions where the standard is silent:
 * - a value within the limit returns 0 (not a negative number): it does not exceed, and a negative
 *   "multiple" would read as a margin the standard does not define;
 * - null when no multiple is defined: pH (its limit is a range, not a value) and TN for rivers;
 * - the result is cleaned of binary floating-point noise (12 significant digits), so
 *   (0.3 − 0.2) / 0.2 reports 0.5, not 0.49999999999999994. Rounding for display is the caller's.
 */
export function exceedanceMultiple(
  parameter: WaterParameter,
  value: number,
  targetClass: WaterTargetClass,
  waterBody: WaterBody = 'river',
): number | null {
  checkParameterValue(parameter, value);
  const spec = limitsFor(parameter, checkWaterBody(waterBody));
  const limit = spec?.limits[TARGET_CLASSES.indexOf(checkTargetClass(targetClass))];
  if (!spec || limit === undefined) return null;
  if (meets(spec.bound, value, limit)) return 0;
  const excess = spec.bound === 'lower' ? limit - value : value - limit;
  return Number((excess / limit).toPrecision(12));
}

function checkParameterValue(parameter: WaterParameter, value: number): void {
  if (!WATER_PARAMETERS.includes(parameter)) {
    throw new Error(`Unknown water quality parameter '${String(parameter)}'`);
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${parameter} must be a finite number, got ${String(value)}`);
  }
  if (value < 0) throw new RangeError(`${parameter} must not be negative, got ${value}`);
}

/** Measured parameters in WATER_PARAMETERS order; null/undefined/NaN are "not measured". */
function readParameters(p: WaterQualityInput): Array<[WaterParameter, number]> {
  if (p === null || typeof p !== 'object') {
    throw new TypeError('classifyWaterQuality expects an object of parameter values');
  }
  const measured: Array<[WaterParameter, number]> = [];
  for (const parameter of WATER_PARAMETERS) {
    const value: unknown = p[parameter];
    if (value === undefined || value === null) continue;
    if (typeof value === 'number' && Number.isNaN(value)) continue;
    checkParameterValue(parameter, value as number);
    measured.push([parameter, value as number]);
  }
  return measured;
}

/**
 * Whether a parameter is a reference indicator for a water body. Published assessments
 * (环办〔2011〕22号) class lakes and reservoirs without total nitrogen and assess it on its own: its
 * class is reported beside the class, never sets it and is never a limiting parameter.
 */
function isReference(parameter: WaterParameter, waterBody: WaterBody): parameter is ReferenceParameter {
  return parameter === 'tn' && waterBody === 'lake';
}

/**
 * Single-factor classification: each parameter gets the best class it meets, the water gets the
 * worst of those, and the limiting parameters are the ones at that worst class.
 *
 * Total nitrogen never counts (环办〔2011〕22号): for a lake or reservoir it is a reference
 * indicator, classed on its own in referenceClasses.tn (GB 3838 gives its limits for lakes and
 * reservoirs only); for a river it is not assessed and is listed in ignoredParameters.
 */
export function classifyWaterQuality(
  p: WaterQualityInput,
  opts: WaterQualityOptions = {},
): WaterQualityResult {
  const waterBody = checkWaterBody(opts.waterBody ?? 'river');
  const measured = readParameters(p);
  const ignoredParameters = measured
    .filter(([parameter]) => parameter !== 'ph' && limitsFor(parameter, waterBody) === null)
    .map(([parameter]) => parameter);
  const referenceClasses: ReferenceClasses = {};
  for (const [parameter, value] of measured) {
    if (isReference(parameter, waterBody)) referenceClasses[parameter] = parameterClass(parameter, value, waterBody);
  }
  const classified = measured.filter(
    ([parameter]) => !ignoredParameters.includes(parameter) && !isReference(parameter, waterBody),
  );
  if (classified.length === 0) {
    const hint =
      measured.some(([parameter]) => parameter === 'tn')
        ? ' (TN does not set a class: a reference indicator for lakes and reservoirs, not assessed for rivers)'
        : '';
    throw new Error(
      `classifyWaterQuality needs at least one of ${WATER_PARAMETERS.filter((p) => p !== 'tn').join(', ')}${hint}`,
    );
  }

  const parameterClasses: Partial<Record<WaterParameter, WaterClass>> = {};
  let overall: WaterClass = 'I';
  for (const [parameter, value] of classified) {
    const c = parameterClass(parameter, value, waterBody);
    parameterClasses[parameter] = c;
    overall = worseWaterClass(overall, c);
  }
  const limitingParameters = classified
    .map(([parameter]) => parameter)
    .filter((parameter) => parameterClasses[parameter] === overall);

  const result: WaterQualityResult = {
    class: overall,
    limitingParameters,
    parameterClasses,
    referenceClasses,
    ignoredParameters,
  };
  if (opts.targetClass !== undefined) {
    result.exceedances = exceedancesAgainst(classified, checkTargetClass(opts.targetClass), waterBody);
  }
  return result;
}

/** The parameters that fail the target class, with their limit and multiple. */
function exceedancesAgainst(
  classified: Array<[WaterParameter, number]>,
  target: WaterTargetClass,
  waterBody: WaterBody,
): WaterExceedance[] {
  const exceedances: WaterExceedance[] = [];
  for (const [parameter, value] of classified) {
    if (compareWaterClasses(parameterClass(parameter, value, waterBody), target) <= 0) continue;
    const spec = limitsFor(parameter, waterBody);
    exceedances.push({
      parameter,
      value,
      limit: spec ? spec.limits[TARGET_CLASSES.indexOf(target)] : null,
      multiple: exceedanceMultiple(parameter, value, target, waterBody),
    });
  }
  return exceedances;
}
