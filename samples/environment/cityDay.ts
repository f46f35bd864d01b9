import { computeDailyAqi, type AqiResult } from '../../src/connectorKit';
import { random } from '../kit/random';
import type { City } from './cities';

/**
 * A city's air on one day (day 0 = the hourly sample's anchor, 2026-11-01), modelled from the same
 * weather the hourly station sample draws, so daily reports, forecasts and warnings agree with the
 * station readings of the same city and day.
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
 * The weather factor of a city and day, shared by every air sample (hourly stations, daily
 * reports, forecasts, warnings), so a hazy day is hazy in all of them.
 */
export function cityWeather(seed: number, city: string, day: number): number {
  return 0.35 + 1.6 * random(seed, city, day).next() ** 2;
}

/**
 * Daily values as the platform publishes them (whole µg/m³, CO to 0.1 mg/m³). Means follow the
 * hourly model (its diurnal cycle averages out); their noise is smaller because a day averages
 * some hundred station-hours.
 *
 * Decision: O3 follows the hourly model only on days with weather ≥ 1. On the cleanest days that
 * model's noon O3 (20 + 110 / weather, up to ~330 µg/m³) would make a clear November day "heavily
 * polluted" by ozone, which no November in Hebei shows; daily reports, forecasts and warnings would
 * inherit that, so here O3 is capped at the weather-1 level instead.
 */
export function cityDayAir(seed: number, city: City, day: number): CityDayAir {
  const weather = cityWeather(seed, city.name, day);
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
