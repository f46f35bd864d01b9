import {
  AQI_INPUT_KEYS,
  AQI_STANDARDS,
  AqiInputKey,
  DEFAULT_AQI_STANDARD,
  getAqiStandard,
} from '../../src/domain/aqi/breakpoints';
import { aqiCategory, computeAqi } from '../../src/domain/aqi/computeAqi';

const HJ = AQI_STANDARDS['HJ 633-2012'];

/** The breakpoint table of docs/standards/aqi.md, typed in again here so the data file is checked. */
const TABLE: Record<AqiInputKey, number[]> = {
  so2_24h: [0, 50, 150, 475, 800, 1600, 2100, 2620],
  so2_1h: [0, 150, 500, 650, 800],
  no2_24h: [0, 40, 80, 180, 280, 565, 750, 940],
  no2_1h: [0, 100, 200, 700, 1200, 2340, 3090, 3840],
  pm10_24h: [0, 50, 150, 250, 350, 420, 500, 600],
  co_24h: [0, 2, 4, 14, 24, 36, 48, 60],
  co_1h: [0, 5, 10, 35, 60, 90, 120, 150],
  o3_1h: [0, 160, 200, 300, 400, 800, 1000, 1200],
  o3_8h: [0, 100, 160, 215, 265, 800],
  pm25_24h: [0, 35, 75, 115, 150, 250, 350, 500],
};
const LEVELS = [0, 50, 100, 150, 200, 300, 400, 500];

const pollutantOf = (key: AqiInputKey) => key.split('_')[0] as 'so2' | 'no2' | 'pm10' | 'co' | 'o3' | 'pm25';

describe('breakpoint tables', () => {
  it('HJ 633-2012 is the default and is registered under its name', () => {
    expect(DEFAULT_AQI_STANDARD).toBe('HJ 633-2012');
    expect(getAqiStandard().name).toBe('HJ 633-2012');
    expect(HJ.iaqiLevels).toEqual(LEVELS);
  });

  it.each(AQI_INPUT_KEYS)('column %s matches the published table', (key) => {
    expect(HJ.columns[key].breakpoints).toEqual(TABLE[key]);
    expect(HJ.columns[key].pollutant).toBe(pollutantOf(key));
    expect(HJ.columns[key].unit).toBe(key.startsWith('co_') ? 'mg/m³' : 'µg/m³');
  });

  it('only SO2 1h and O3 8h have "no sub-index above the top row"', () => {
    const noSub = AQI_INPUT_KEYS.filter((k) => HJ.columns[k].aboveTop === 'noSubIndex');
    expect(noSub).toEqual(['so2_1h', 'o3_8h']);
  });

  it('is frozen so a published standard cannot be altered at run time', () => {
    expect(Object.isFrozen(AQI_STANDARDS)).toBe(true);
    expect(Object.isFrozen(HJ.columns.pm25_24h.breakpoints)).toBe(true);
    expect(() => {
      (HJ.columns.pm25_24h.breakpoints as number[])[2] = 60;
    }).toThrow(TypeError);
  });

  it('has the six categories with the published colours', () => {
    expect(HJ.categories.map((c) => [c.level, c.levelName, c.category, c.color])).toEqual([
      [1, '一级', '优', '#00E400'],
      [2, '二级', '良', '#FFFF00'],
      [3, '三级', '轻度污染', '#FF7E00'],
      [4, '四级', '中度污染', '#FF0000'],
      [5, '五级', '重度污染', '#99004C'],
      [6, '六级', '严重污染', '#7E0023'],
    ]);
  });
});

describe('computeAqi — every breakpoint gives exactly its IAQI row', () => {
  const cases: Array<[AqiInputKey, number, number]> = [];
  for (const key of AQI_INPUT_KEYS) {
    TABLE[key].forEach((bp, i) => cases.push([key, bp, LEVELS[i]]));
  }
  it.each(cases)('%s = %p → IAQI %p', (key, concentration, expected) => {
    const r = computeAqi({ [key]: concentration });
    expect(r.iaqi[pollutantOf(key)]).toBe(expected);
    expect(r.aqi).toBe(expected);
  });
});

describe('computeAqi — between breakpoints (hand-computed)', () => {
  it.each<[AqiInputKey, number, number, string]>([
    ['pm25_24h', 100, 132, '(150−100)/(115−75)×(100−75)+100 = 131.25'],
    ['pm25_24h', 20, 29, '50/35×20 = 28.57'],
    ['pm10_24h', 200, 125, '50/100×50+100 = 125 exactly'],
    ['so2_24h', 300, 124, '50/325×150+100 = 123.08'],
    ['so2_1h', 300, 72, '50/350×150+50 = 71.43'],
    ['no2_24h', 60, 75, '50/40×20+50 = 75'],
    ['no2_1h', 1500, 227, '100/1140×300+200 = 226.3'],
    ['co_24h', 2.2, 55, '50/2×0.2+50 = 55 exactly (naive floating point gives 55.000…01)'],
    ['co_24h', 0.5, 13, '50/2×0.5 = 12.5'],
    ['co_1h', 7.5, 75, '50/5×2.5+50 = 75'],
    ['o3_1h', 180, 75, '50/40×20+50 = 75'],
    ['o3_8h', 130, 75, '50/60×30+50 = 75'],
    ['o3_8h', 500, 244, '100/535×235+200 = 243.93'],
    ['pm25_24h', 400, 434, '100/150×50+400 = 433.3'],
  ])('%s = %p → %p  (%s)', (key, concentration, expected) => {
    expect(computeAqi({ [key]: concentration }).iaqi[pollutantOf(key)]).toBe(expected);
  });

  it('rounds up: a result of 50.2 becomes 51', () => {
    // PM2.5 35.16: 50/40 × 0.16 + 50 = 50.2
    expect(computeAqi({ pm25_24h: 35.16 }).aqi).toBe(51);
    // and 0.01 µg/m³ above zero is already IAQI 1
    expect(computeAqi({ pm25_24h: 0.01 }).aqi).toBe(1);
  });

  // Concentrations that map to whole IAQIs exactly must give exactly that IAQI, whatever binary
  // floating point does with them: walk every row pair in one-IAQI steps.
  it.each(AQI_INPUT_KEYS)('%s: exact whole-number results are not pushed up by float error', (key) => {
    const bps = TABLE[key];
    for (let row = 0; row + 1 < bps.length; row++) {
      const span = LEVELS[row + 1] - LEVELS[row];
      const step = (bps[row + 1] - bps[row]) / span; // terminating decimal: spans are 50 or 100
      for (let k = 0; k <= span; k++) {
        const c = Number((bps[row] + step * k).toFixed(6));
        expect([key, c, computeAqi({ [key]: c }).iaqi[pollutantOf(key)]]).toEqual([
          key,
          c,
          LEVELS[row] + k,
        ]);
        if (k < span) {
          // A hair above lands strictly inside the next step and rounds up to it.
          const above = Number((c + 0.000001).toFixed(6));
          expect(computeAqi({ [key]: above }).iaqi[pollutantOf(key)]).toBe(LEVELS[row] + k + 1);
        }
      }
    }
  });
});

describe('computeAqi — special rules', () => {
  it('SO2 1h above 800 has no 1h sub-index: SO2 uses its 24h sub-index', () => {
    const r = computeAqi({ so2_1h: 900, so2_24h: 100 });
    expect(r.iaqi).toEqual({ so2: 75 }); // 24h 100: 50/100×50+50
    expect(r.aqi).toBe(75);
  });

  it('SO2 1h of exactly 800 still has a sub-index (200)', () => {
    expect(computeAqi({ so2_1h: 800, so2_24h: 100 }).iaqi.so2).toBe(200);
  });

  it('SO2 1h above 800 without a 24h value: SO2 is not indexed, and says so', () => {
    const r = computeAqi({ so2_1h: 900, pm25_24h: 50 });
    expect(r.iaqi).toEqual({ pm25: 69 }); // 50/40×15+50 = 68.75
    expect(r.pollutantsPresent).toEqual(['pm25']);
    expect(r.warnings.join(' ')).toMatch(/so2_1h 900 is above 800/);
    expect(() => computeAqi({ so2_1h: 900 })).toThrow(/No sub-index could be computed.*so2_1h/);
  });

  it('O3 8h above 800 has no 8h sub-index: O3 uses its 1h sub-index', () => {
    const r = computeAqi({ o3_8h: 900, o3_1h: 900 });
    expect(r.iaqi.o3).toBe(350); // 1h 900: 100/200×100+300
    expect(computeAqi({ o3_8h: 800, o3_1h: 200 }).iaqi.o3).toBe(300);
    expect(() => computeAqi({ o3_8h: 801 })).toThrow(/o3_8h/);
  });

  it('when both periods of a pollutant are given, the larger sub-index is its IAQI', () => {
    expect(computeAqi({ so2_1h: 500, so2_24h: 50 }).iaqi.so2).toBe(100);
    expect(computeAqi({ so2_1h: 150, so2_24h: 150 }).iaqi.so2).toBe(100);
    expect(computeAqi({ co_1h: 5, co_24h: 4 }).iaqi.co).toBe(100);
    expect(computeAqi({ o3_1h: 160, o3_8h: 265 }).iaqi.o3).toBe(200);
    expect(computeAqi({ no2_1h: 100, no2_24h: 80 }).iaqi).toEqual({ no2: 100 });
  });

  it('a concentration above the top row gives IAQI 500, capped, with a warning', () => {
    for (const key of AQI_INPUT_KEYS.filter((k) => HJ.columns[k].aboveTop === 'cap')) {
      const top = TABLE[key][TABLE[key].length - 1];
      const r = computeAqi({ [key]: top * 3 });
      expect(r.iaqi[pollutantOf(key)]).toBe(500);
      expect(r.aqi).toBe(500);
      expect(r.warnings.join(' ')).toMatch(/capped at 500/);
    }
    expect(computeAqi({ pm25_24h: 500.1 }).aqi).toBe(500);
  });
});

describe('computeAqi — primary and exceeding pollutants', () => {
  it('lists every pollutant whose IAQI equals the AQI (ties)', () => {
    const r = computeAqi({ pm25_24h: 75, pm10_24h: 150, no2_24h: 40 });
    expect(r.aqi).toBe(100);
    expect(r.primaryPollutants).toEqual(['pm10', 'pm25']);
  });

  it('three-way tie', () => {
    const r = computeAqi({ so2_24h: 475, co_24h: 14, pm25_24h: 115, pm10_24h: 100 });
    expect(r.aqi).toBe(150);
    expect(r.primaryPollutants).toEqual(['so2', 'co', 'pm25']);
  });

  it('a single primary pollutant', () => {
    const r = computeAqi({ pm25_24h: 100, pm10_24h: 100, o3_8h: 130 });
    expect(r.aqi).toBe(132);
    expect(r.primaryPollutants).toEqual(['pm25']);
  });

  it('no primary pollutant when AQI ≤ 50, even with ties', () => {
    const r = computeAqi({ pm25_24h: 35, pm10_24h: 50 });
    expect(r.aqi).toBe(50);
    expect(r.primaryPollutants).toEqual([]);
    expect(computeAqi({ pm25_24h: 35.8 }).primaryPollutants).toEqual(['pm25']); // AQI 51
  });

  it('exceeding pollutants are those with IAQI > 100 (100 itself is not exceeding)', () => {
    const r = computeAqi({ pm25_24h: 115, pm10_24h: 150, no2_24h: 100, o3_8h: 50 });
    expect(r.iaqi).toEqual({ no2: 110, pm10: 100, o3: 25, pm25: 150 });
    expect(r.exceedingPollutants).toEqual(['no2', 'pm25']);
    expect(r.primaryPollutants).toEqual(['pm25']);
  });
});

describe('computeAqi — missing pollutants', () => {
  it('skips null, undefined and NaN and reports which pollutants were present', () => {
    const r = computeAqi({
      pm25_24h: 50,
      pm10_24h: null,
      no2_24h: NaN,
      so2_24h: undefined,
      co_24h: 1,
    });
    expect(r.pollutantsPresent).toEqual(['co', 'pm25']);
    expect(Object.keys(r.iaqi).sort()).toEqual(['co', 'pm25']);
  });

  it('all six present', () => {
    const r = computeAqi({
      so2_24h: 10,
      no2_24h: 20,
      pm10_24h: 30,
      co_24h: 0.5,
      o3_8h: 60,
      pm25_24h: 20,
    });
    expect(r.pollutantsPresent).toEqual(['so2', 'no2', 'pm10', 'co', 'o3', 'pm25']);
    expect(r.iaqi).toEqual({ so2: 10, no2: 25, pm10: 30, co: 13, o3: 30, pm25: 29 });
    expect(r.aqi).toBe(30);
    expect(r.warnings).toEqual([]);
  });

  it('ignores keys that are not concentrations', () => {
    const input = { pm25_24h: 50, station: '万寿西宫' } as unknown as Parameters<typeof computeAqi>[0];
    expect(computeAqi(input).pollutantsPresent).toEqual(['pm25']);
  });
});

describe('computeAqi — category boundaries', () => {
  // Concentrations (PM2.5 24h) that give exactly the boundary AQIs.
  it.each<[number, number, number, string, string]>([
    [0, 0, 1, '优', '#00E400'],
    [35, 50, 1, '优', '#00E400'],
    [35.8, 51, 2, '良', '#FFFF00'],
    [75, 100, 2, '良', '#FFFF00'],
    [75.8, 101, 3, '轻度污染', '#FF7E00'],
    [115, 150, 3, '轻度污染', '#FF7E00'],
    [115.7, 151, 4, '中度污染', '#FF0000'],
    [150, 200, 4, '中度污染', '#FF0000'],
    [151, 201, 5, '重度污染', '#99004C'],
    [250, 300, 5, '重度污染', '#99004C'],
    [251, 301, 6, '严重污染', '#7E0023'],
    [900, 500, 6, '严重污染', '#7E0023'],
  ])('PM2.5 %p → AQI %p, level %p %s %s', (pm25, aqi, level, category, color) => {
    const r = computeAqi({ pm25_24h: pm25 });
    expect([r.aqi, r.level, r.category, r.color]).toEqual([aqi, level, category, color]);
  });

  it('carries the health effect and advice text of the level', () => {
    const good = computeAqi({ pm25_24h: 10 });
    expect(good.healthEffect).toBe('空气质量令人满意，基本无空气污染');
    expect(good.advice).toBe('各类人群可正常活动');
    const severe = computeAqi({ pm25_24h: 200 }); // AQI 250
    expect(severe.healthEffect).toBe('心脏病和肺病患者症状显著加剧，运动耐受力降低，健康人群普遍出现症状');
    expect(severe.advice).toBe(
      '儿童、老年人和心脏病、肺病患者应停留在室内，停止户外运动，一般人群减少户外运动',
    );
  });

  it('aqiCategory gives the level block for an AQI value', () => {
    expect([50, 51, 100, 101, 150, 151, 200, 201, 300, 301, 500].map((a) => aqiCategory(a).level)).toEqual([
      1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
    ]);
    expect(aqiCategory(0).category).toBe('优');
    expect(aqiCategory(180)).toMatchObject({
      level: 4,
      levelName: '四级',
      category: '中度污染',
      color: '#FF0000',
      advice:
        '儿童、老年人及心脏病、呼吸系统疾病患者避免长时间、高强度的户外锻炼，一般人群适量减少户外运动',
    });
    expect(aqiCategory(50.5).level).toBe(2);
    expect(() => aqiCategory(-1)).toThrow(RangeError);
    expect(() => aqiCategory(NaN)).toThrow(RangeError);
  });
});

describe('computeAqi — errors', () => {
  it('no pollutant given', () => {
    expect(() => computeAqi({})).toThrow(/at least one concentration/);
    expect(() => computeAqi({ pm25_24h: null, pm10_24h: NaN })).toThrow(/at least one concentration/);
  });

  it('negative concentration names the key', () => {
    expect(() => computeAqi({ pm25_24h: 50, no2_1h: -1 })).toThrow(/no2_1h must not be negative/);
  });

  it('non-numeric and infinite values name the key', () => {
    const bad = { co_24h: '1.2' } as unknown as Parameters<typeof computeAqi>[0];
    expect(() => computeAqi(bad)).toThrow(/co_24h must be a number/);
    expect(() => computeAqi({ o3_1h: Infinity })).toThrow(/o3_1h must be finite/);
  });

  it('unknown standard names the known ones', () => {
    expect(() => computeAqi({ pm25_24h: 50 }, { standard: 'HJ 633-2024' })).toThrow(
      "Unknown AQI standard 'HJ 633-2024'; known standards: 'HJ 633-2012'",
    );
    expect(() => computeAqi({ pm25_24h: 50 }, { standard: 'toString' })).toThrow(/Unknown AQI standard/);
  });

  it('accepts the default standard by name', () => {
    const r = computeAqi({ pm25_24h: 100 }, { standard: 'HJ 633-2012' });
    expect(r.aqi).toBe(132);
    expect(r.standard).toBe('HJ 633-2012');
  });
});
