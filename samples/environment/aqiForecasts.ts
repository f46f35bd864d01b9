import { SAMPLE_ANCHOR } from './airHourly';
import { CITIES } from './cities';
import { slottedFeed } from '../kit/slottedFeed';
import { MINUTES_PER_DAY, type TimeSlots } from '../kit/timeline';
import { forecastFor, ISSUE_HOUR } from './forecaster';
import { categoryRangeText, FORECAST_POLLUTANT_NAMES, formatAqiRange } from '../../connectors/environment/aqi-forecasts/format';

const PATH = '/environment/aqi-forecasts';

/** One slot a day at the issue hour, one forecast per unit; published as issued. */
export const AQI_FORECAST_SLOTS: TimeSlots = {
  start: SAMPLE_ANCHOR.set({ hour: ISSUE_HOUR }),
  slotMinutes: MINUTES_PER_DAY,
  perSlot: CITIES.length,
  publishedAfterMinutes: 0,
};

/**
 * City air-quality forecasts (城市空气质量预报) as the provincial forecast platform publishes them: one
 * record per prefecture unit and issue, issued at 16:00 for the next five days, each day an AQI
 * range, its categories and the expected primary pollutant. Dates in the Chinese form
 * (2026年11月01日 16:00). Calendar position i is unit i mod 13 on issue day ⌊i / 13⌋.
 */
export const aqiForecastsSample = slottedFeed({
  path: PATH,
  slots: AQI_FORECAST_SLOTS,
  record({ slot, position }, o) {
    const forecast = forecastFor(o.seed, CITIES[position], slot);
    return {
      cityCode: forecast.city.code,
      cityName: forecast.city.name,
      publishTime: forecast.issuedAt.toFormat('yyyy年MM月dd日 HH:mm'),
      forecasts: forecast.days.map((day) => ({
        forecastDate: day.date.toFormat('yyyy-MM-dd'),
        aqi: formatAqiRange(day),
        level: categoryRangeText(day),
        primaryPollutant: day.primary ? FORECAST_POLLUTANT_NAMES[day.primary] : '—',
      })),
    };
  },
  malformations: [
    (bad) => void (forecastDays(bad)[0].aqi = '良'),
    (bad) => void delete bad.cityName,
    (bad) => {
      // A range written backwards passes the pattern; the mapping rejects it.
      const day = forecastDays(bad)[1];
      day.aqi = String(day.aqi).split('~').reverse().join('~');
    },
    (bad) => void (bad.publishTime = '2026年13月01日 16:00'),
    (bad) => void (bad.forecasts = []),
  ],
});

function forecastDays(record: Record<string, unknown>): Array<Record<string, unknown>> {
  return record.forecasts as Array<Record<string, unknown>>;
}
