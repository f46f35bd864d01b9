/**
 * What a key pollutant-discharging unit monitors, by industry: its outlets (排放口, DA… for waste gas,
 * DW… for waste water, as discharge permits number them), the pollutants monitored at each, and the
 * limit and standard the sample writes for each. Limits are taken from the standards named (Hebei's
 * DB13 ultra-low-emission standards where they apply) for sample data only: check a standard's text
 * before using a number here for anything else.
 */
export interface MonitoredPollutant {
  name: string;
  limit: number;
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

const BOUNDARY_DUST: Outlet = {
  code: '厂界',
  name: '厂界无组织排放监控点',
  medium: '废气',
  method: '无组织',
  pattern: '连续',
  monitoring: '手工监测',
  unit: 'mg/m3',
  pollutants: [{ name: '颗粒物', limit: 1.0, standard: 'GB 16297-1996', typicalShare: 0.35, annualTonnes: null }],
};

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

const p = (name: string, limit: number, standard: string, typicalShare: number, annualTonnes: number | null): MonitoredPollutant => ({
  name,
  limit,
  standard,
  typicalShare,
  annualTonnes,
});

export const OUTLETS_BY_INDUSTRY: Readonly<Record<string, readonly Outlet[]>> = {
  热力: [
    gas('DA001', '燃煤锅炉废气排放口', '自动监测', [
      p('颗粒物', 10, 'DB13/ 5161-2020', 0.45, 6),
      p('二氧化硫', 35, 'DB13/ 5161-2020', 0.5, 28),
      p('氮氧化物', 50, 'DB13/ 5161-2020', 0.6, 45),
    ]),
    gas('DA002', '燃气锅炉废气排放口', '手工监测', [p('氮氧化物', 50, 'DB13/ 5161-2020', 0.55, 12), p('颗粒物', 5, 'DB13/ 5161-2020', 0.4, 0.8)]),
    BOUNDARY_DUST,
  ],
  钢铁: [
    gas('DA001', '烧结机机头排放口', '自动监测', [
      p('颗粒物', 10, 'DB13/ 2169-2018', 0.5, 40),
      p('二氧化硫', 35, 'DB13/ 2169-2018', 0.45, 120),
      p('氮氧化物', 50, 'DB13/ 2169-2018', 0.6, 210),
    ]),
    gas('DA002', '高炉出铁场排放口', '手工监测', [p('颗粒物', 10, 'DB13/ 2169-2018', 0.45, 25)]),
    BOUNDARY_DUST,
  ],
  建材: [
    gas('DA001', '水泥窑窑尾排放口', '自动监测', [
      p('颗粒物', 10, 'DB13/ 2167-2020', 0.45, 18),
      p('二氧化硫', 30, 'DB13/ 2167-2020', 0.35, 15),
      p('氮氧化物', 100, 'DB13/ 2167-2020', 0.6, 160),
    ]),
    BOUNDARY_DUST,
  ],
  化工: [
    gas('DA001', '工艺废气排放口', '手工监测', [p('非甲烷总烃', 60, 'DB13/ 2322-2016', 0.3, 9)]),
    water('DW001', '废水总排口', '自动监测', [p('化学需氧量', 100, 'GB 8978-1996', 0.45, 60), p('氨氮', 15, 'GB 8978-1996', 0.3, 6)]),
  ],
  医药: [
    gas('DA001', '发酵尾气排放口', '手工监测', [p('非甲烷总烃', 60, 'DB13/ 2322-2016', 0.3, 5)]),
    water('DW001', '废水总排口', '自动监测', [p('化学需氧量', 120, 'GB 21904-2008', 0.45, 80), p('氨氮', 25, 'GB 21904-2008', 0.25, 7)]),
  ],
  水务: [
    water('DW001', '污水处理厂总排口', '自动监测', [
      p('化学需氧量', 50, 'GB 18918-2002', 0.5, 900),
      p('氨氮', 5, 'GB 18918-2002', 0.3, 40),
      p('总磷', 0.5, 'GB 18918-2002', 0.45, 9),
      p('总氮', 15, 'GB 18918-2002', 0.6, 300),
    ]),
  ],
  食品: [
    water('DW001', '废水总排口', '手工监测', [p('化学需氧量', 100, 'GB 8978-1996', 0.4, 30), p('氨氮', 15, 'GB 8978-1996', 0.25, 2)]),
    gas('DA001', '燃气锅炉废气排放口', '手工监测', [p('氮氧化物', 50, 'DB13/ 5161-2020', 0.55, 4)]),
  ],
  纺织: [water('DW001', '印染废水总排口', '自动监测', [p('化学需氧量', 80, 'GB 4287-2012', 0.5, 45), p('氨氮', 10, 'GB 4287-2012', 0.3, 3)])],
};
