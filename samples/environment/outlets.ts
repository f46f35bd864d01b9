/**
 * What a key pollutant-discharging unit monitors, by industry: its outlets (排放口, DA… for waste gas,
 * DW… for waste water, as discharge permits number them), the pollutants monitored at each, and the
 * limit and standard the sample writes for each.
 *
 * The units are the shared population's oilfield, refining and petrochemical, gas and heat
 * companies and its water company's municipal wastewater plant. No Heilongjiang local standard
 * covers them, so every limit is a national standard's (docs/standards/city.md), the figure that
 * standard sets for a unit of the kind without special limits (Daqing is not in a key region);
 * docs/standards/emissions.md lists each figure and the table it is from. They are written here for
 * sample data: check a standard's text before using a number here for anything else.
 */
export interface MonitoredPollutant {
  name: string;
  limit: number;
  /**
   * Where a standard sets another limit when the water is cold (GB 18918-2002: ammonia nitrogen
   * at a water temperature of 12 °C or below), that limit; the sample uses it from November to
   * April, when the plain's water is that cold.
   */
  coldWaterLimit?: number;
  standard: string;
  /** Usual concentration as a share of the limit, and annual discharge in t: the sample's scale. */
  typicalShare: number;
  /** null for fugitive (无组织) monitoring points, which have no discharge total. */
  annualTonnes: number | null;
}

export interface Outlet {
  code: string;
  name: string;
  medium: '废气' | '废水';
  method: '有组织' | '无组织';
  pattern: '连续' | '间歇';
  monitoring: '自动监测' | '手工监测';
  /** As the platform writes it. */
  unit: 'mg/m3' | 'mg/L';
  pollutants: MonitoredPollutant[];
}

const p = (name: string, limit: number, standard: string, typicalShare: number, annualTonnes: number | null, coldWaterLimit?: number): MonitoredPollutant => ({
  name,
  limit,
  standard,
  typicalShare,
  annualTonnes,
  ...(coldWaterLimit === undefined ? {} : { coldWaterLimit }),
});

/** A fugitive monitoring point at the unit's boundary (厂界/企业边界), sampled by hand. */
const boundary = (pollutant: MonitoredPollutant): Outlet => ({
  code: '厂界',
  name: '厂界无组织排放监控点',
  medium: '废气',
  method: '无组织',
  pattern: '连续',
  monitoring: '手工监测',
  unit: 'mg/m3',
  pollutants: [pollutant],
});

/**
 * The organised (有组织) outlets of one medium, measured in its unit: discharging continuously where
 * they are monitored automatically, intermittently where they are sampled by hand.
 */
const organisedOutlet =
  (medium: Outlet['medium'], unit: Outlet['unit']) =>
  (code: string, name: string, monitoring: Outlet['monitoring'], pollutants: MonitoredPollutant[]): Outlet => ({
    code,
    name,
    medium,
    method: '有组织',
    pattern: monitoring === '自动监测' ? '连续' : '间歇',
    monitoring,
    unit,
    pollutants,
  });

const gas = organisedOutlet('废气', 'mg/m3');
const water = organisedOutlet('废水', 'mg/L');

const REFINING = 'GB 31570-2015';
const PETROCHEMICAL = 'GB 31571-2015';
const BOILERS = 'GB 13271-2014';
const AIR_GENERAL = 'GB 16297-1996';
const WASTEWATER_GENERAL = 'GB 8978-1996';
const MUNICIPAL_WASTEWATER = 'GB 18918-2002';

/** Boundary concentrations of GB 16297-1996 table 2 (new sources): NMHC 4.0, particulates 1.0 mg/m³. */
const BOUNDARY_NMHC = boundary(p('非甲烷总烃', 4.0, AIR_GENERAL, 0.3, null));
const BOUNDARY_DUST = boundary(p('颗粒物', 1.0, AIR_GENERAL, 0.35, null));

/** A gas-fired boiler or heater under GB 13271-2014 table 2: particulates 20, SO2 50, NOx 200 mg/m³. */
const gasBoiler = (code: string, name: string, monitoring: Outlet['monitoring'], scale: number) =>
  gas(code, name, monitoring, [p('颗粒物', 20, BOILERS, 0.25, 1 * scale), p('二氧化硫', 50, BOILERS, 0.15, 1.5 * scale), p('氮氧化物', 200, BOILERS, 0.55, 30 * scale)]);

/** Oily production water after treatment, discharged under GB 8978-1996 table 4, grade 1. */
const oilyWater = water('DW001', '含油污水处理站排放口', '手工监测', [
  p('石油类', 5, WASTEWATER_GENERAL, 0.35, 0.8),
  p('化学需氧量', 100, WASTEWATER_GENERAL, 0.45, 40),
]);

/** By industry label of the shared population (samples/kit/population.ts). */
export const OUTLETS_BY_INDUSTRY: Readonly<Record<string, readonly Outlet[]>> = {
  // Refining, GB 31570-2015: table 3 (FCC regenerator: particulates 50, SO2 100, NOx 200; process
  // heaters: 20, 100, 150), the boundary NMHC of table 6 (4.0), the direct discharge of table 1.
  石油炼制: [
    gas('DA001', '催化裂化催化剂再生烟气排放口', '自动监测', [p('颗粒物', 50, REFINING, 0.4, 60), p('二氧化硫', 100, REFINING, 0.45, 150), p('氮氧化物', 200, REFINING, 0.55, 260)]),
    gas('DA002', '常减压装置加热炉排放口', '自动监测', [p('颗粒物', 20, REFINING, 0.3, 4), p('二氧化硫', 100, REFINING, 0.2, 12), p('氮氧化物', 150, REFINING, 0.55, 70)]),
    water('DW001', '污水处理场总排口', '自动监测', [p('化学需氧量', 60, REFINING, 0.5, 120), p('氨氮', 8, REFINING, 0.3, 9), p('石油类', 5, REFINING, 0.25, 3)]),
    boundary(p('非甲烷总烃', 4.0, REFINING, 0.35, null)),
  ],
  // Petrochemicals, GB 31571-2015: process heaters of table 4 (20, 100, 150), boundary NMHC 4.0,
  // direct discharge of table 1 (COD 60, ammonia nitrogen 8.0, total nitrogen 40).
  石油化工: [
    gas('DA001', '乙烯裂解炉排放口', '自动监测', [p('颗粒物', 20, PETROCHEMICAL, 0.3, 6), p('二氧化硫', 100, PETROCHEMICAL, 0.15, 8), p('氮氧化物', 150, PETROCHEMICAL, 0.6, 110)]),
    water('DW001', '污水处理场总排口', '自动监测', [p('化学需氧量', 60, PETROCHEMICAL, 0.5, 150), p('氨氮', 8, PETROCHEMICAL, 0.3, 10), p('总氮', 40, PETROCHEMICAL, 0.45, 70)]),
    boundary(p('非甲烷总烃', 4.0, PETROCHEMICAL, 0.35, null)),
  ],
  // Fine chemicals outside those two standards: the general ones (GB 16297 NMHC 120 mg/m³; GB 8978
  // table 4, grade 1: COD 100, ammonia nitrogen 15 mg/L).
  精细化工: [
    gas('DA001', '工艺有机废气排放口', '手工监测', [p('非甲烷总烃', 120, AIR_GENERAL, 0.25, 6)]),
    water('DW001', '废水总排口', '自动监测', [p('化学需氧量', 100, WASTEWATER_GENERAL, 0.45, 35), p('氨氮', 15, WASTEWATER_GENERAL, 0.3, 3)]),
    BOUNDARY_NMHC,
  ],
  油田化学: [
    gas('DA001', '反应釜有机废气排放口', '手工监测', [p('非甲烷总烃', 120, AIR_GENERAL, 0.25, 4)]),
    water('DW001', '废水总排口', '手工监测', [p('化学需氧量', 100, WASTEWATER_GENERAL, 0.45, 20), p('石油类', 5, WASTEWATER_GENERAL, 0.3, 0.5)]),
    BOUNDARY_NMHC,
  ],
  // Oilfield operations: gas-fired steam-injection boilers and heaters, oily production water, the
  // stations' boundary.
  石油工程技术服务: [gasBoiler('DA001', '注汽锅炉排放口', '自动监测', 1), oilyWater, BOUNDARY_NMHC],
  钻井工程: [gasBoiler('DA001', '燃气加热炉排放口', '手工监测', 0.3), oilyWater, BOUNDARY_NMHC],
  石油装备制造: [
    gas('DA001', '喷涂废气排放口', '手工监测', [p('非甲烷总烃', 120, AIR_GENERAL, 0.2, 3), p('颗粒物', 120, AIR_GENERAL, 0.1, 1)]),
    BOUNDARY_DUST,
  ],
  燃气: [gasBoiler('DA001', '燃气锅炉排放口', '手工监测', 0.5), BOUNDARY_NMHC],
  // District heating, GB 13271-2014 table 2: coal-fired 50, 300, 300; gas-fired 20, 50, 200.
  热力: [
    gas('DA001', '燃煤锅炉废气排放口', '自动监测', [p('颗粒物', 50, BOILERS, 0.3, 25), p('二氧化硫', 300, BOILERS, 0.35, 160), p('氮氧化物', 300, BOILERS, 0.55, 210)]),
    gasBoiler('DA002', '燃气锅炉废气排放口', '手工监测', 0.6),
    BOUNDARY_DUST,
  ],
  // The municipal wastewater plant, GB 18918-2002 class 1 A: COD 50, ammonia nitrogen 5 (8 when the
  // water is at 12 °C or below), total phosphorus 0.5, total nitrogen 15 mg/L.
  水务: [
    water('DW001', '污水处理厂总排口', '自动监测', [
      p('化学需氧量', 50, MUNICIPAL_WASTEWATER, 0.5, 900),
      p('氨氮', 5, MUNICIPAL_WASTEWATER, 0.3, 40, 8),
      p('总磷', 0.5, MUNICIPAL_WASTEWATER, 0.45, 9),
      p('总氮', 15, MUNICIPAL_WASTEWATER, 0.6, 300),
    ]),
  ],
};

/** Months whose water the sample counts as cold (12 °C or below) on the Songnen plain. */
const COLD_WATER_MONTHS = new Set([11, 12, 1, 2, 3, 4]);

/** The limit a result is held to in a month: the cold-water limit where the standard has one. */
export function limitInMonth(pollutant: MonitoredPollutant, month: number): number {
  return pollutant.coldWaterLimit !== undefined && COLD_WATER_MONTHS.has(month) ? pollutant.coldWaterLimit : pollutant.limit;
}
