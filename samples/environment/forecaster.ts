import type { DateTime } from 'luxon';
import type { AqiPollutant, AqiRange, AqiResult } from '../../src/connectorKit';
import { random } from '../kit/random';
import { SAMPLE_ANCHOR } from './airHourly';
import type { City } from './cities';
import { cityDayAir, cityDayAqi } from './cityDay';

/**
 * Days ahead a forecast covers, and the hour (China time) units issue it. Five days, as the
 * provincial platform forecasts: the warning grades need up to four days of an episode in view.
 */
export const FORECAST_DAYS = 5;
export const ISSUE_HOUR = 16;
const MAX_AQI = 500;

export interface DayForecast extends AqiRange {
  date: DateTime;
  /** The pollutant expected to dominate, when the day is expected above 50. */
  primary: AqiPollutant | null;
}

export interface CityForecast {
  city: City;
  issueDay: number;
  issuedAt: DateTime;
  days: DayForecast[];
}

/**
 * The sample's forecaster: what a unit's forecast issued on `issueDay` (days after the anchor) says
 * about the next five days. It forecasts the days the daily reports will later show, with an error
 * that grows with the lead time, as a range as wide as forecasters publish. Forecasts and warnings
 * samples both read it, so the warnings follow from the forecasts.
 */
export function forecastFor(seed: number, city: City, issueDay: number): CityForecast {
  const issueDate = SAMPLE_ANCHOR.plus({ days: issueDay });
  const days = forecastRanges(seed, city, issueDay).map((range, i) => ({ ...range, date: issueDate.plus({ days: i + 1 }) }));
  return { city, issueDay, issuedAt: issueDate.set({ hour: ISSUE_HOUR }), days };
}

/**
 * The forecast's days without their dates: what the warnings sample reads for every unit and day
 * of a year, where building dates would cost more than the forecast itself.
 */
export function forecastRanges(seed: number, city: City, issueDay: number): Array<Omit<DayForecast, 'date'>> {
  return Array.from({ length: FORECAST_DAYS }, (_, i) => forecastRange(seed, city, issueDay, i + 1));
}

function forecastRange(seed: number, city: City, issueDay: number, lead: number): Omit<DayForecast, 'date'> {
  const actual = actualAqi(seed, city, issueDay + lead);
  const r = random(seed, 'forecast', city.code, issueDay, lead);
  const expected = Math.max(15, actual.aqi * (1 + r.normal(0, 0.05 + 0.03 * lead)));
  const halfWidth = Math.max(10, expected * 0.15);
  // The index is reported capped at 500 (HJ 633-2012), and so is a forecast of it.
  const high = Math.min(MAX_AQI, Math.max(20, roundTo5(expected + halfWidth)));
  const low = Math.min(high - 10, roundTo5(Math.max(10, expected - halfWidth)));
  return { low, high, primary: high > 50 ? dominant(actual.iaqi) : null };
}

/**
 * A unit's day as the daily reports will show it. Five forecasts look at each day, so the index of
 * a day is kept (a few thousand days at most are asked for at once: the memory stays small).
 */
const actuals = new Map<string, Pick<AqiResult, 'aqi' | 'iaqi'>>();
const ACTUALS_KEPT = 50_000;

function actualAqi(seed: number, city: City, day: number): Pick<AqiResult, 'aqi' | 'iaqi'> {
  const key = `${seed}/${city.code}/${day}`;
  let actual = actuals.get(key);
  if (!actual) {
    if (actuals.size >= ACTUALS_KEPT) actuals.clear();
    const { aqi, iaqi } = cityDayAqi(cityDayAir(seed, city, day));
    actuals.set(key, (actual = { aqi, iaqi }));
  }
  return actual;
}

function dominant(iaqi: Partial<Record<AqiPollutant, number>>): AqiPollutant {
  const entries = Object.entries(iaqi) as Array<[AqiPollutant, number]>;
  return entries.reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

function roundTo5(n: number): number {
  return Math.round(n / 5) * 5;
}
