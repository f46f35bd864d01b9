import { CORE_SIZE, enterprise, POPULATION_SIZE, type Enterprise } from '../kit/population';
import type { Random } from '../kit/random';
import { OUTLETS_BY_INDUSTRY } from './outlets';

/**
 * The key pollutant-discharging units (重点排污单位) among the shared population: its enterprises in
 * the industries that discharge (热力, 钢铁, 化工 …), so a polluter here is the same company the credit,
 * trading and PPP feeds name. Scanning the population is cheap, but is done once per seed.
 */
let cached: { seed: number; all: Enterprise[]; core: Enterprise[] } | undefined;

function keyUnits(seed: number): { all: Enterprise[]; core: Enterprise[] } {
  if (cached?.seed !== seed) {
    const all = Array.from({ length: POPULATION_SIZE }, (_, i) => enterprise(i, seed)).filter(
      (e) => e.category === '企业' && Object.prototype.hasOwnProperty.call(OUTLETS_BY_INDUSTRY, e.industry),
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
