import { CORE_SIZE, enterprise, POPULATION_SIZE, type Enterprise } from '../kit/population';
import type { Random } from '../kit/random';

/**
 * The population's enterprises by industry, so a licence or a penalty goes to an enterprise it
 * fits (a gas licence to a gas company, a food licence to a shop or a food firm), never to one
 * drawn at random. Scanning the population is cheap, but is done once per seed, and each set of
 * industries is looked up once.
 */
interface Fitting {
  all: Enterprise[];
  /** The big local firms among them. */
  core: Enterprise[];
}

let cached: { seed: number; population: Enterprise[]; byIndustries: Map<string, Fitting> } | undefined;

function fitting(seed: number, industries: readonly string[]): Fitting {
  if (cached?.seed !== seed) cached = { seed, population: Array.from({ length: POPULATION_SIZE }, (_, i) => enterprise(i, seed)), byIndustries: new Map() };
  const key = industries.join('|');
  let found = cached.byIndustries.get(key);
  if (!found) {
    const all = cached.population.filter((e) => industries.includes(e.industry));
    cached.byIndustries.set(key, (found = { all, core: all.filter((e) => e.index < CORE_SIZE) }));
  }
  return found;
}

/** The enterprises of some industries, in population order. */
export function enterprisesIn(seed: number, industries: readonly string[]): readonly Enterprise[] {
  return fitting(seed, industries).all;
}

/**
 * An enterprise of one of the industries, the big local firms among them a third of the time, as
 * pickEnterprise weighs them. Undefined when the population has none (the caller picks another
 * kind of record).
 */
export function pickHolder(r: Random, seed: number, industries: readonly string[]): Enterprise | undefined {
  const { all, core } = fitting(seed, industries);
  if (all.length === 0) return undefined;
  return r.chance(0.35) && core.length > 0 ? r.pick(core) : r.pick(all);
}
