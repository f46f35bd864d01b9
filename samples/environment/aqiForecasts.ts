import { SAMPLE_ANCHOR } from './airHourly';
import { CITIES } from './cities';
import { slottedFeed } from './timeSlots';
import { forecastFor, ISSUE_HOUR } from './forecaster';
import { categoryRangeText, FORECAST_POLLUTANT_NAMES, formatAqiRange } from '../../connectors/environment/aqi-forecasts/format';

const PATH = '/environment/aqi-forecasts';

/**
 * City air-quality forecasts (城市空气质量预报) as the provincial forecast platform publishes them: one
 * record per city and issue, issued at 16:00 for the next three days, each day an AQI range, its
 * categories and the expected primary pollutant. Dates in the Chinese form (2026年11月01日 16:00).
 * Index i is city i mod 11 on issue day ⌊i / 11⌋.
 */
export const aqiForecastsSample = slottedFeed({
  path: PATH,
  slots: { start: SAMPLE_ANCHOR.set({ hour: ISSUE_HOUR }), slotHours: 24, perSlot: CITIES.length },
  record({ slot, position }, o) {
    const forecast = forecastFor(o.seed, CITIES[position], slot);
    return {
      cityCode: forecast.city.code,
      cityName: forecast.city.name,
      publishTime: forecast.issuedAt.toFormat('yyyy年MM月dd日 HH:mm'),
      publisher: `${forecast.city.name}环境监测中心`,
      forecasts: forecast.days.map((day) => ({
        forecastDate: day.date.toFormat('yyyy-MM-dd'),
        aqi: formatAqiRange(day),
        level: categoryRangeText(day),
        primaryPollutant: day.primary ? FORECAST_POLLUTANT_NAMES[day.primary] : '—',
      })),
    };
  },
  malformations: [
    (r) => {
      (r.forecasts as Array<Record<string, unknown>>)[0].aqi = '良';
    },
    (r) => {
      delete r.cityName;
    },
    (r) => {
      // A range written backwards passes the pattern; the mapping rejects it.
      const day = (r.forecasts as Array<Record<string, unknown>>)[1];
      day.aqi = String(day.aqi).split('~').reverse().join('~');
    },
    (r) => {
      r.publishTime = '2026年13月01日 16:00';
    },
    (r) => {
      r.forecasts = [];
    },
  ],
});
