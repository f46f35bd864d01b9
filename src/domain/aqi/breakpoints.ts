/**
 * Air quality index breakpoint tables, kept as versioned data.
 *
 * Why data and not code: HJ 633 may be revised (third-party code reports lowered PM2.5/PM10
 * breakpoints, unconfirmed). A revision must be a new entry in AQI_STANDARDS, selected by name,
 * without touching the computation in computeAqi.ts.
 *
 * Source of the numbers: docs/standards/aqi.md (HJ 633-2012 tables 1 and 2).
 */

export type AqiPollutant = 'so2' | 'no2' | 'pm10' | 'co' | 'o3' | 'pm25';

/** Input keys: pollutant + averaging period, as docs/design.md "Library entry" names them. */
export type AqiInputKey =
  | 'so2_24h'
  | 'so2_1h'
  | 'no2_24h'
  | 'no2_1h'
  | 'pm10_24h'
  | 'co_24h'
  | 'co_1h'
  | 'o3_1h'
  | 'o3_8h'
  | 'pm25_24h';

export type AqiLevel = 1 | 2 | 3 | 4 | 5 | 6;
export type AqiCategoryName = '优' | '良' | '轻度污染' | '中度污染' | '重度污染' | '严重污染';

/** One row of the category table (AQI → level, colour, health advice). */
export interface AqiCategory {
  level: AqiLevel;
  /** 一级 … 六级 */
  levelName: string;
  category: AqiCategoryName;
  /** Hex colour as published, e.g. '#00E400'. */
  color: string;
  colorName: string;
  /** Inclusive AQI range of this level; the top level is open-ended (maxAqi = Infinity). */
  minAqi: number;
  maxAqi: number;
  healthEffect: string;
  advice: string;
}

/**
 * One concentration column of the breakpoint table.
 *
 * `breakpoints[i]` is the concentration whose IAQI is `iaqiLevels[i]` of the owning standard.
 * A column may be shorter than `iaqiLevels`: the rows it lacks are "not defined" in the standard.
 */
export interface BreakpointColumn {
  pollutant: AqiPollutant;
  period: '1h' | '8h' | '24h';
  unit: 'µg/m³' | 'mg/m³';
  breakpoints: readonly number[];
  /**
   * What a concentration above the last breakpoint means:
   * - 'cap': IAQI is the top level (500), the raw value is kept by the caller;
   * - 'noSubIndex': this averaging period gives no sub-index; the pollutant is reported with its
   *   other averaging period (HJ 633 notes (a) SO2 1h > 800 and (b) O3 8h > 800).
   */
  aboveTop: 'cap' | 'noSubIndex';
}

export interface AqiStandard {
  name: string;
  /** IAQI value of each breakpoint row, ascending, starting at 0. Whole numbers. */
  iaqiLevels: readonly number[];
  columns: Readonly<Record<AqiInputKey, BreakpointColumn>>;
  /** Ascending by level; contiguous AQI ranges starting at 0. */
  categories: readonly AqiCategory[];
}

/** Pollutants in the order the standard's table lists them; results follow this order. */
export const AQI_POLLUTANTS: readonly AqiPollutant[] = Object.freeze([
  'so2',
  'no2',
  'pm10',
  'co',
  'o3',
  'pm25',
] as const);

export const AQI_INPUT_KEYS: readonly AqiInputKey[] = Object.freeze([
  'so2_24h',
  'so2_1h',
  'no2_24h',
  'no2_1h',
  'pm10_24h',
  'co_24h',
  'co_1h',
  'o3_1h',
  'o3_8h',
  'pm25_24h',
] as const);

/** HJ 633-2012 category table (docs/standards/aqi.md, levels table), text verbatim. */
const HJ_633_2012_CATEGORIES: readonly AqiCategory[] = [
  {
    level: 1,
    levelName: '一级',
    category: '优',
    color: '#00E400',
    colorName: 'green',
    minAqi: 0,
    maxAqi: 50,
    healthEffect: '空气质量令人满意，基本无空气污染',
    advice: '各类人群可正常活动',
  },
  {
    level: 2,
    levelName: '二级',
    category: '良',
    color: '#FFFF00',
    colorName: 'yellow',
    minAqi: 51,
    maxAqi: 100,
    healthEffect: '空气质量可接受，但某些污染物可能对极少数异常敏感人群健康有较弱影响',
    advice: '极少数异常敏感人群应减少户外活动',
  },
  {
    level: 3,
    levelName: '三级',
    category: '轻度污染',
    color: '#FF7E00',
    colorName: 'orange',
    minAqi: 101,
    maxAqi: 150,
    healthEffect: '易感人群症状有轻度加剧，健康人群出现刺激症状',
    advice: '儿童、老年人及心脏病、呼吸系统疾病患者应减少长时间、高强度的户外锻炼',
  },
  {
    level: 4,
    levelName: '四级',
    category: '中度污染',
    color: '#FF0000',
    colorName: 'red',
    minAqi: 151,
    maxAqi: 200,
    healthEffect: '进一步加剧易感人群症状，可能对健康人群心脏、呼吸系统有影响',
    advice:
      '儿童、老年人及心脏病、呼吸系统疾病患者避免长时间、高强度的户外锻炼，一般人群适量减少户外运动',
  },
  {
    level: 5,
    levelName: '五级',
    category: '重度污染',
    color: '#99004C',
    colorName: 'purple',
    minAqi: 201,
    maxAqi: 300,
    healthEffect: '心脏病和肺病患者症状显著加剧，运动耐受力降低，健康人群普遍出现症状',
    advice: '儿童、老年人和心脏病、肺病患者应停留在室内，停止户外运动，一般人群减少户外运动',
  },
  {
    level: 6,
    levelName: '六级',
    category: '严重污染',
    color: '#7E0023',
    colorName: 'maroon',
    minAqi: 301,
    maxAqi: Number.POSITIVE_INFINITY,
    healthEffect: '健康人群运动耐受力降低，有明显强烈症状，提前出现某些疾病',
    advice: '儿童、老年人和病人应当留在室内，避免体力消耗，一般人群应避免户外活动',
  },
];

/** HJ 633-2012 breakpoint table (docs/standards/aqi.md, breakpoints table). */
const HJ_633_2012: AqiStandard = {
  name: 'HJ 633-2012',
  iaqiLevels: [0, 50, 100, 150, 200, 300, 400, 500],
  columns: {
    so2_24h: {
      pollutant: 'so2',
      period: '24h',
      unit: 'µg/m³',
      breakpoints: [0, 50, 150, 475, 800, 1600, 2100, 2620],
      aboveTop: 'cap',
    },
    // Note (a): defined only up to 800 (IAQI 200); above it SO2 uses its 24-hour sub-index.
    so2_1h: {
      pollutant: 'so2',
      period: '1h',
      unit: 'µg/m³',
      breakpoints: [0, 150, 500, 650, 800],
      aboveTop: 'noSubIndex',
    },
    no2_24h: {
      pollutant: 'no2',
      period: '24h',
      unit: 'µg/m³',
      breakpoints: [0, 40, 80, 180, 280, 565, 750, 940],
      aboveTop: 'cap',
    },
    no2_1h: {
      pollutant: 'no2',
      period: '1h',
      unit: 'µg/m³',
      breakpoints: [0, 100, 200, 700, 1200, 2340, 3090, 3840],
      aboveTop: 'cap',
    },
    pm10_24h: {
      pollutant: 'pm10',
      period: '24h',
      unit: 'µg/m³',
      breakpoints: [0, 50, 150, 250, 350, 420, 500, 600],
      aboveTop: 'cap',
    },
    co_24h: {
      pollutant: 'co',
      period: '24h',
      unit: 'mg/m³',
      breakpoints: [0, 2, 4, 14, 24, 36, 48, 60],
      aboveTop: 'cap',
    },
    co_1h: {
      pollutant: 'co',
      period: '1h',
      unit: 'mg/m³',
      breakpoints: [0, 5, 10, 35, 60, 90, 120, 150],
      aboveTop: 'cap',
    },
    o3_1h: {
      pollutant: 'o3',
      period: '1h',
      unit: 'µg/m³',
      breakpoints: [0, 160, 200, 300, 400, 800, 1000, 1200],
      aboveTop: 'cap',
    },
    // Note (b): defined only up to 800 (IAQI 300); above it O3 uses its 1-hour sub-index.
    o3_8h: {
      pollutant: 'o3',
      period: '8h',
      unit: 'µg/m³',
      breakpoints: [0, 100, 160, 215, 265, 800],
      aboveTop: 'noSubIndex',
    },
    pm25_24h: {
      pollutant: 'pm25',
      period: '24h',
      unit: 'µg/m³',
      breakpoints: [0, 35, 75, 115, 150, 250, 350, 500],
      aboveTop: 'cap',
    },
  },
  categories: HJ_633_2012_CATEGORIES,
};

/** Deep-freeze so a caller cannot alter a published standard at run time. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value as Record<string, unknown>)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export const DEFAULT_AQI_STANDARD = 'HJ 633-2012';

/** Registry of known standards by name. Add a revision as a new entry; never edit an old one. */
export const AQI_STANDARDS: Readonly<Record<string, AqiStandard>> = deepFreeze({
  [HJ_633_2012.name]: HJ_633_2012,
});

/** Look up a standard by name; an unknown name is an error that lists the known ones. */
export function getAqiStandard(name: string = DEFAULT_AQI_STANDARD): AqiStandard {
  // hasOwn, not `in`: names like 'toString' must not resolve to prototype members.
  if (!Object.prototype.hasOwnProperty.call(AQI_STANDARDS, name)) {
    const known = Object.keys(AQI_STANDARDS)
      .map((n) => `'${n}'`)
      .join(', ');
    throw new Error(`Unknown AQI standard '${name}'; known standards: ${known}`);
  }
  return AQI_STANDARDS[name];
}
