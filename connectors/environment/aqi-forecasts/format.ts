import { aqiCategory, type AqiPollutant, type AqiRange } from '../../../src/connectorKit';

/**
 * How city forecasts write things: a range "155~205", its categories "中度污染至重度污染", and the
 * primary pollutant by its formula. The forecasts sample writes them, the stream reads them, and the
 * warnings sample quotes them in its notices.
 */
export const FORECAST_POLLUTANT_NAMES: Readonly<Record<AqiPollutant, string>> = {
  so2: 'SO2',
  no2: 'NO2',
  pm10: 'PM10',
  co: 'CO',
  o3: 'O3',
  pm25: 'PM2.5',
};

export function formatAqiRange(range: AqiRange): string {
  return `${range.low}~${range.high}`;
}

/** "155~205", "155～205" or "155-205" → { low, high }; undefined when it is not a range. */
export function parseAqiRange(text: string): AqiRange | undefined {
  const match = /^\s*(\d+)\s*[~～-]\s*(\d+)\s*$/.exec(text);
  return match ? { low: Number(match[1]), high: Number(match[2]) } : undefined;
}

export function categoryRangeText(range: AqiRange): string {
  const low = aqiCategory(range.low).category;
  const high = aqiCategory(range.high).category;
  return low === high ? low : `${low}至${high}`;
}

/** PM2.5, O3, O3_8h … → the AQI pollutant; null for "—" or a name the hub does not know. */
export function parseForecastPollutant(text: string): AqiPollutant | null {
  const normalized = text.trim().toUpperCase().replace(/_8H$/, '').replace('PM2_5', 'PM2.5');
  const found = Object.entries(FORECAST_POLLUTANT_NAMES).find(([, name]) => name === normalized);
  return found ? (found[0] as AqiPollutant) : null;
}
