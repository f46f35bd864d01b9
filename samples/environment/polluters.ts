import { CORE_SIZE, enterprise, industriesIn, POPULATION_SIZE, type Enterprise } from '../kit/population';
import type { Random } from '../kit/random';
import { OUTLETS_BY_INDUSTRY } from './outlets';

/**
 * The sectors whose companies are key pollutant-discharging units (重点排污单位) in the sample: the
 * oilfield, refining and petrochemicals, gas, and the utilities (heat, and the water company's
 * municipal wastewater plant). Every industry of these sectors has its outlets in outlets.ts.
 */
export const DISCHARGING_INDUSTRIES: readonly string[] = industriesIn('oilfield', 'petrochemical', 'gas', 'utility').map((industry) => {
  if (!Object.prototype.hasOwnProperty.call(OUTLETS_BY_INDUSTRY, industry)) {
    throw new Error(`the discharging industry ${industry} has no outlets: add it to OUTLETS_BY_INDUSTRY in samples/environment/outlets.ts`);
  }
  return industry;
});

/**
 * The key units among the shared population: its companies in the discharging industries, so a
 * polluter here is the same company the credit, trading and PPP feeds name. Scanning the
 * population is cheap, but is done once per seed.
 */
let cached: { seed: number; all: Enterprise[]; core: Enterprise[] } | undefined;

function keyUnits(seed: number): { all: Enterprise[]; core: Enterprise[] } {
  if (cached?.seed !== seed) {
    const all = Array.from({ length: POPULATION_SIZE }, (_, i) => enterprise(i, seed)).filter(
      (e) => e.category === '企业' && DISCHARGING_INDUSTRIES.includes(e.industry),
    );
    cached = { seed, all, core: all.filter((e) => e.index < CORE_SIZE) };
  }
  return cached;
}

/** A unit for a record, the big local firms a third of the time, as pickEnterprise weighs them. */
export function pickKeyUnit(r: Random, seed: number): Enterprise {
  const { all, core } = keyUnits(seed);
  return r.chance(0.35) && core.length > 0 ? r.pick(core) : r.pick(all);
}
