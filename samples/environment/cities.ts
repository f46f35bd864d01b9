import { DEFAULT_CITY } from '../../src/connectorKit';
import { STATIONS } from './stations';

/**
 * The province's prefecture-level units as city-level reports name them (Heilongjiang's 13 for
 * 大庆市): the official name, the GB/T 2260 code city reports carry, both from the city setting,
 * and the unit's typical heating-season PM2.5 (`baseline`, µg/m³) shared with the station sample so
 * every air stream tells the same story.
 */
export interface City {
  name: string;
  code: string;
  baseline: number;
  /** Position in the city setting's order; sample feeds step through units in this order. */
  index: number;
}

export const CITIES: readonly City[] = DEFAULT_CITY.prefectures.map(({ name, code }, index) => {
  const station = STATIONS.find((s) => s.city === name);
  if (!station) throw new Error(`no sample station in ${name}: add the unit to samples/environment/stations.ts`);
  return { name, code, baseline: station.baseline, index };
});

