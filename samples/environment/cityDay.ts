import { computeDailyAqi, type AqiResult } from '../../src/connectorKit';
import { random } from '../kit/random';
import type { City } from './cities';

/**
 * A unit's air on one day (day 0 = the samples' anchor, 2026-11-01; days before it are negative),
 * modelled from the same weather the hourly station sample draws, so daily reports, forecasts and
 * warnings agree with the station readings of the same unit and day.
 */
export interface CityDayAir {
  /** 24-hour means (SO2, NO2, PM10, PM2.5 in µg/m³, CO in mg/m³), the daily maxima of O3. */
  so2: number;
  no2: number;
  co: number;
  pm10: number;
  pm25: number;
  /** Daily maximum 8-hour moving mean of O3. */
  o3_8h: number;
  /** Daily maximum 1-hour O3. */
  o3_1h: number;
}

/**
 * Heavy pollution in the province comes in regional episodes: stagnant winter air over the Songnen
 * plain holds a few days and then clears, the same days in every unit, worst where emissions are
 * largest. The sample has one episode every CYCLE_DAYS days. Each block of four cycles holds one
 * episode of each class below, in an order drawn per block, so any four cycles show every warning
 * grade somewhere in the province; `peak` multiplies a unit's usual PM2.5 by (1 + peak × its
 * sensitivity), and `length` is the days it lasts.
 *
 * Decision: the sample's weather is the heating season's all year. It exists to show the board,
 * forecasts and warnings working whatever the month a demo is run in, and a summer of clean air
 * would show nothing (docs in connectors/environment/README.md).
 */
const CYCLE_DAYS = 6;
const EPISODE_CLASSES: ReadonlyArray<{ length: [number, number]; peak: [number, number] }> = [
  { length: [1, 1], peak: [1.4, 1.9] },
  { length: [2, 2], peak: [2.0, 2.6] },
  { length: [3, 3], peak: [3.0, 3.6] },
  { length: [4, 5], peak: [4.2, 5.0] },
];

interface Episode {
  start: number;
  length: number;
  peak: number;
}

/** The episode of a cycle: its class from the block's order, its start, length and peak. */
function episodeOf(seed: number, cycle: number): Episode {
  const block = Math.floor(cycle / EPISODE_CLASSES.length);
  const order = shuffled(seed, block, EPISODE_CLASSES.length);
  const kind = EPISODE_CLASSES[order[cycle - block * EPISODE_CLASSES.length]];
  const r = random(seed, 'episode', cycle);
  return {
    start: cycle * CYCLE_DAYS + r.int(0, 1),
    length: r.int(kind.length[0], kind.length[1]),
    peak: kind.peak[0] + r.next() * (kind.peak[1] - kind.peak[0]),
  };
}

function shuffled(seed: number, block: number, n: number): number[] {
  const r = random(seed, 'episode-order', block);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = r.int(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/**
 * How strong the episode is on a day (0 outside one): it builds on its first day, holds, and eases
 * on its last; a long one peaks in its middle days.
 */
function episodeStrength(seed: number, day: number): { strength: number; cycle: number } {
  const cycle = Math.floor(day / CYCLE_DAYS);
  // An episode starts on its cycle's first or second day and lasts five days at most: it ends
  // within its cycle, so a day can only be in its own cycle's episode.
  const e = episodeOf(seed, cycle);
  const t = day - e.start;
  if (t < 0 || t >= e.length) return { strength: 0, cycle };
  const middle = e.length >= 4 && t > 0 && t < e.length - 1 ? 1.15 : 1;
  const edge = t === 0 && e.length > 1 ? 0.75 : t === e.length - 1 && e.length > 2 ? 0.85 : 1;
  return { strength: e.peak * middle * edge, cycle };
}

/** The usual PM2.5 of a unit whose episodes are as strong as `peak` says; dirtier ones feel more. */
const REFERENCE_BASELINE = 60;

/**
 * The weather factor of a unit and day, shared by every air sample (hourly stations, daily
 * reports, forecasts, warnings), so a hazy day is hazy in all of them: the day's own variation,
 * times the regional episode as strong as the unit feels it. An episode builds most where the
 * most is emitted, so its strength grows with the unit's usual PM2.5 (`baseline`), and varies a
 * little from unit to unit and episode to episode.
 */
export function cityWeather(seed: number, city: string, day: number, baseline: number): number {
  const background = 0.6 + 0.8 * random(seed, city, day).next();
  const { strength, cycle } = episodeStrength(seed, day);
  const sensitivity = (baseline / REFERENCE_BASELINE) * (0.85 + 0.3 * random(seed, 'sensitivity', city, cycle).next());
  return background * (1 + strength * sensitivity);
}

/**
 * Daily values as the platform publishes them (whole µg/m³, CO to 0.1 mg/m³). Means follow the
 * hourly model (its diurnal cycle averages out); their noise is smaller because a day averages
 * some hundred station-hours.
 *
 * Decision: O3 follows the hourly model only on days with weather ≥ 1. On the cleanest days that
 * model's noon O3 (20 + 110 / weather) would make a clear winter day "heavily polluted" by ozone,
 * which no heating season shows; daily reports, forecasts and warnings would inherit that, so here
 * O3 is capped at the weather-1 level instead.
 */
export function cityDayAir(seed: number, city: City, day: number): CityDayAir {
  const weather = cityWeather(seed, city.name, day, city.baseline);
  const r = random(seed, 'city-day', city.code, day);
  const pm25 = Math.max(3, r.normal(city.baseline * weather, city.baseline * 0.04));
  const o3_1h = Math.max(10, r.normal(20 + 110 / Math.max(weather, 1), 8));
  return {
    so2: Math.round(Math.max(2, r.normal(12 * weather, 1))),
    no2: Math.round(Math.max(4, r.normal(38 * weather, 3))),
    co: Math.round(Math.max(0.2, r.normal(0.9 * weather, 0.05)) * 10) / 10,
    pm10: Math.round(pm25 * (1.45 + r.next() * 0.2)),
    pm25: Math.round(pm25),
    o3_8h: Math.round(o3_1h * (0.7 + r.next() * 0.2)),
    o3_1h: Math.round(o3_1h),
  };
}

/** The AQI the platform reports for that day (daily limits: computeDailyAqi). */
export function cityDayAqi(air: CityDayAir): AqiResult {
  return computeDailyAqi({
    so2_24h: air.so2,
    no2_24h: air.no2,
    co_24h: air.co,
    pm10_24h: air.pm10,
    pm25_24h: air.pm25,
    o3_8h: air.o3_8h,
    o3_1h: air.o3_1h,
  });
}
