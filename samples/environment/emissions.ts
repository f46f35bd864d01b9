import type { FeedOptions } from '../kit/feed';
import { random, type Random } from '../kit/random';
import { CITY, variantOfCode } from '../kit/population';
import { SAMPLE_ANCHOR } from './airHourly';
import { slottedFeed } from '../kit/slottedFeed';
import { limitInMonth, OUTLETS_BY_INDUSTRY } from './outlets';
import { pickKeyUnit } from './polluters';

const PATH = '/environment/emissions';
const PER_HOUR = 8;
const MINUTES_APART = 7;

/** One result in this many carries a 是否超标 flag that contradicts its own numbers. */
export const DISAGREEMENT_EVERY = 15;
/** Share of results whose unit's code is written oddly or wrongly (variantOfCode). */
const ODD_CODE_SHARE = 0.08;

/**
 * Whether result `index` is one whose source flag disagrees with its concentration and limit: spread
 * evenly by index like isMalformed, so tests know exactly how many to expect.
 */
export function hasDisagreeingFlag(index: number, o: FeedOptions): boolean {
  return (index + o.seed) % DISAGREEMENT_EVERY === 7;
}

/**
 * Self-monitoring results of key pollutant-discharging units (重点排污单位自行监测) as the provincial
 * disclosure platform publishes them: pinyin field codes, one row per outlet, pollutant and
 * monitoring time, numbers as JSON numbers except the exceedance multiple, which the platform writes
 * as text ("0.35", or "—" when it sees no exceedance). Eight results an hour, seven minutes apart.
 */
export const emissionsSample = slottedFeed({
  path: PATH,
  // An hour's results are all out when the hour ends.
  slots: { start: SAMPLE_ANCHOR, slotMinutes: 60, perSlot: PER_HOUR, offsetSeconds: ({ position }) => position * MINUTES_APART * 60, publishedAfterMinutes: 60 },
  record({ index, time }, o) {
    const r = random(o.seed, PATH, index);
    const unit = pickKeyUnit(r, o.seed);
    const outlet = r.pick(OUTLETS_BY_INDUSTRY[unit.industry]);
    const pollutant = r.pick(outlet.pollutants);
    const limit = limitInMonth(pollutant, time.month);
    const { concentration, flag } = hasDisagreeingFlag(index, o) ? disagreeing(limit, r) : agreeing(limit, pollutant.typicalShare, r);
    return {
      QYMC: unit.name,
      TYSHXYDM: r.chance(ODD_CODE_SHARE) ? variantOfCode(unit.uscc, r).code : unit.uscc,
      // The provincial platform names the unit's district with its city, as 大庆市萨尔图区.
      SSQX: `${CITY}${unit.district.name}`,
      PFKBH: outlet.code,
      PFKMC: outlet.name,
      PFKLX: outlet.medium,
      JCXM: pollutant.name,
      PFFS: outlet.method,
      PFGL: outlet.pattern,
      JCFS: outlet.monitoring,
      JCSJ: time.toFormat('yyyy-MM-dd HH:mm:ss'),
      JCND: concentration,
      JLDW: outlet.unit,
      BZXZ: limit,
      ZXBZ: pollutant.standard,
      SFCB: flag ? '是' : '否',
      CBBS: flag ? ((concentration - limit) / limit).toFixed(2) : '—',
      NPFL: annualTotal(pollutant, random(o.seed, 'annual', unit.index, outlet.code, pollutant.name)),
    };
  },
  malformations: [
    (bad) => void (bad.JCND = `${bad.JCND}mg`),
    (bad) => void delete bad.PFKBH,
    (bad) => void (bad.JCND = -3.1),
    (bad) => void (bad.JCSJ = '2026-11-31 08:00:00'),
    (bad) => void (bad.BZXZ = 0),
  ],
});

/** Mostly well within the limit; about one result in fifty exceeds it, and says so. */
function agreeing(limit: number, typicalShare: number, r: Random): { concentration: number; flag: boolean } {
  const share = r.chance(0.02) ? 1.05 + r.next() * 0.8 : Math.min(0.97, typicalShare * Math.exp(r.normal(0, 0.3)));
  const concentration = round(limit * share, limit);
  return { concentration, flag: concentration > limit };
}

/**
 * The two ways flags go wrong on real platforms: an exceedance reported as 否 (a unit's own system
 * hiding it, or a stale flag), and a result exactly at the limit reported as 是 (a platform reading
 * the limit as "<" rather than "≤").
 */
function disagreeing(limit: number, r: Random): { concentration: number; flag: boolean } {
  if (r.chance(0.5)) return { concentration: round(limit * (1.05 + r.next() * 0.35), limit), flag: false };
  return { concentration: limit, flag: true };
}

/** The unit's discharge of the pollutant last year, t: fixed per unit, outlet and pollutant. */
function annualTotal(pollutant: { annualTonnes: number | null }, r: Random): number | null {
  return pollutant.annualTonnes === null ? null : Math.round(pollutant.annualTonnes * (0.7 + r.next() * 0.6) * 1000) / 1000;
}

/** Results are written to a precision that suits the limit: 0.001 for 0.5 mg/L, 0.1 for 50 mg/m³. */
function round(value: number, limit: number): number {
  const decimals = limit < 1 ? 3 : limit < 20 ? 2 : 1;
  return Number(value.toFixed(decimals));
}
