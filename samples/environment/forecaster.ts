import type { DateTime } from 'luxon';
import type { AqiPollutant, AqiRange } from '../../src/connectorKit';
import { random } from '../kit/random';
import { SAMPLE_ANCHOR } from './airHourly';
import type { City } from './cities';
import { cityDayAir, cityDayAqi } from './cityDay';

/** Days ahead a forecast covers, and the hour (China time) cities issue it. */
export const FORECAST_DAYS = 3;
export const ISSUE_HOUR = 16;

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
 * The sample's forecaster: what a city's forecast issued on `issueDay` (days after the anchor) says
 * about the next three days. It forecasts the days the daily reports will later show, with an error
 * that grows with the lead time, as a range as wide as forecasters publish. Forecasts and warnings
 * samples both read it, so the warnings follow from the forecasts.
 */
export function forecastFor(seed: number, city: City, issueDay: number): CityForecast {
  const issueDate = SAMPLE_ANCHOR.plus({ days: issueDay });
  const days = Array.from({ length: FORECAST_DAYS }, (_, i) => forecastDay(seed, city, issueDay, i + 1, issueDate.plus({ days: i + 1 })));
  return { city, issueDay, issuedAt: issueDate.set({ hour: ISSUE_HOUR }), days };
}

function forecastDay(seed: number, city: City, issueDay: number, lead: number, date: DateTime): DayForecast {
  const actual = cityDayAqi(cityDayAir(seed, city, issueDay + lead));
  const r = random(seed, 'forecast', city.code, issueDay, lead);
  const expected = Math.max(15, actual.aqi * (1 + r.normal(0, 0.06 + 0.04 * lead)));
  const halfWidth = Math.max(10, expected * 0.15);
  const low = roundTo5(Math.max(10, expected - halfWidth));
  const high = Math.max(low + 10, roundTo5(expected + halfWidth));
  return { date, low, high, primary: high > 50 ? dominant(actual.iaqi) : null };
}

function dominant(iaqi: Partial<Record<AqiPollutant, number>>): AqiPollutant {
  const entries = Object.entries(iaqi) as Array<[AqiPollutant, number]>;
  return entries.reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

function roundTo5(n: number): number {
  return Math.round(n / 5) * 5;
}
