/**
 * Exceedance of a key pollutant-discharging unit's self-monitoring result (docs/standards/emissions.md).
 *
 * The source publishes its own 是否超标 flag and 超标倍数; the hub computes both again from the
 * measured concentration and the permitted limit, and reports where the source disagrees. A
 * disagreement is information (a unit that hides an exceedance, or a platform that reads the limit
 * as "≥"), so it is stored and shown, never corrected silently and never a reason to reject.
 */

export interface EmissionExceedance {
  /** concentration > limit. A value equal to the limit meets it: limits are maxima (≤). */
  exceeds: boolean;
  /** (concentration − limit) / limit when it exceeds, otherwise 0. */
  multiple: number;
}

export interface FlagDisagreement {
  /** What the source's 是否超标 says. */
  source: boolean;
  /** What the hub computes from concentration and limit. */
  computed: boolean;
}

/**
 * Decisions where the standard is silent:
 * - a result within the limit has multiple 0, not a negative "margin" (as exceedanceMultiple does
 *   for water);
 * - the multiple is cleaned of binary noise (12 significant digits), so 67.5 against 50 is 0.35;
 *   rounding for display (sources write two decimals) is the reader's business.
 */
export function emissionExceedance(concentration: number, limit: number): EmissionExceedance {
  checkNumber('concentration', concentration, 0);
  checkNumber('limit', limit, Number.MIN_VALUE);
  if (concentration <= limit) return { exceeds: false, multiple: 0 };
  return { exceeds: true, multiple: Number(((concentration - limit) / limit).toPrecision(12)) };
}

/**
 * The source's flag against the hub's finding: null when they agree or when the source gave no
 * flag (nothing to disagree with), otherwise both values so a reader sees which way it went.
 */
export function flagDisagreement(sourceFlag: boolean | null, computed: boolean): FlagDisagreement | null {
  if (sourceFlag === null || sourceFlag === computed) return null;
  return { source: sourceFlag, computed };
}

function checkNumber(name: string, value: number, min: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number, got ${String(value)}`);
  }
  if (value < min) {
    throw new RangeError(`${name} must be ${min === 0 ? 'zero or more' : 'greater than zero'}, got ${value}`);
  }
}
