import { STATIONS } from './stations';

/**
 * The 11 prefecture-level cities of Hebei as city-level reports name them: the name the station
 * list uses, the GB/T 2260 division code city reports carry, and the city's typical winter PM2.5
 * (`baseline`, µg/m³) shared with the station sample so every air stream tells the same story.
 */
export interface City {
  name: string;
  code: string;
  baseline: number;
  /** Position in the station list's city order; sample feeds step through cities in this order. */
  index: number;
}

const DIVISION_CODES: Readonly<Record<string, string>> = {
  石家庄市: '130100',
  唐山市: '130200',
  秦皇岛市: '130300',
  邯郸市: '130400',
  邢台市: '130500',
  保定市: '130600',
  张家口市: '130700',
  承德市: '130800',
  沧州市: '130900',
  廊坊市: '131000',
  衡水市: '131100',
};

export const CITIES: readonly City[] = [...new Map(STATIONS.map((s) => [s.city, s.baseline])).entries()].map(([name, baseline], index) => {
  const code = DIVISION_CODES[name];
  if (!code) throw new Error(`no GB/T 2260 code for ${name}: add it to DIVISION_CODES`);
  return { name, code, baseline, index };
});
