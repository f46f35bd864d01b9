/**
 * The daily AQI report (日报, HJ 633-2012; docs/standards/aqi.md): 24-hour means of SO2, NO2, CO, PM10 and
 * PM2.5, and O3 by its daily maximum 8-hour moving mean and daily maximum 1-hour value.
 */
import { computeAqi, type AqiInput, type AqiOptions, type AqiResult } from './aqi/computeAqi';

export const DAILY_AQI_KEYS = ['so2_24h', 'no2_24h', 'co_24h', 'pm10_24h', 'pm25_24h', 'o3_8h', 'o3_1h'] as const;

export type DailyAirInput = Partial<Record<(typeof DAILY_AQI_KEYS)[number], number | null>>;

/**
 * Only the daily keys are passed on: the 1-hour limits of SO2, NO2 and CO serve real-time reports
 * only, so a 1-hour value handed in by mistake must not raise a daily AQI. O3 keeps both its daily
 * maxima; computeAqi indexes the worse of the two, as the daily report does.
 */
export function computeDailyAqi(c: DailyAirInput, opts: AqiOptions = {}): AqiResult {
  const daily: AqiInput = {};
  for (const key of DAILY_AQI_KEYS) daily[key] = c[key];
  return computeAqi(daily, opts);
}
