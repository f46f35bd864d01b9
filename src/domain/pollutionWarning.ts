/**
 * Heavy-pollution warning rule (重污染天气预警, docs/standards/aqi.md): a warning is issued when the
 * forecast daily AQI exceeds 200; its grade comes from the city's grading table
 * (pollutionWarningGrading.ts), which is configuration.
 */
import { gradesForCity, type WarningCondition, type WarningGrade, type WarningSettings } from './pollutionWarningGrading';

/** Forecast AQI above this calls for a warning (docs/standards/aqi.md). */
export const WARNING_AQI_THRESHOLD = 200;

/** Whether a forecast (daily AQI values, one per forecast day) calls for a warning. */
export function needsWarning(dailyAqi: readonly number[]): boolean {
  return checkForecast(dailyAqi).some((aqi) => aqi > WARNING_AQI_THRESHOLD);
}

/**
 * The grade a forecast calls for: the most severe grade whose criteria it meets, or null when it
 * calls for no warning at all.
 *
 * Decision where the standard is silent: when the forecast calls for a warning but meets none of
 * the table's criteria (a city whose lowest grade needs two days, and a one-day episode), the lowest
 * grade applies. The trigger is the standard's and the grading only refines it, so the two can never
 * contradict each other.
 */
export function warningGrade(dailyAqi: readonly number[], grades: readonly WarningGrade[]): WarningGrade | null {
  if (!needsWarning(dailyAqi)) return null;
  const met = grades.filter((grade) => grade.criteria.some((set) => set.every((c) => meetsCondition(dailyAqi, c))));
  return met.length > 0 ? met[met.length - 1] : grades[0];
}

/** "AQI > aqiAbove on at least `days` consecutive days" of the forecast. */
export function meetsCondition(dailyAqi: readonly number[], condition: WarningCondition): boolean {
  return longestRunAbove(dailyAqi, condition.aqiAbove) >= condition.days;
}

/** The most consecutive days whose AQI is above the threshold. */
export function longestRunAbove(dailyAqi: readonly number[], threshold: number): number {
  let longest = 0;
  let run = 0;
  for (const aqi of dailyAqi) {
    run = aqi > threshold ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

function checkForecast(dailyAqi: readonly number[]): readonly number[] {
  if (!Array.isArray(dailyAqi)) throw new TypeError('a forecast is an array of daily AQI values');
  for (const aqi of dailyAqi) {
    if (typeof aqi !== 'number' || !(aqi >= 0)) throw new RangeError(`a forecast AQI must be a number ≥ 0, got ${String(aqi)}`);
  }
  return dailyAqi;
}

/** A forecast day's AQI range as forecasts publish it (e.g. 180~230). */
export interface AqiRange {
  low: number;
  high: number;
}

/**
 * The warning a city's forecast calls for under its settings: the city's grading, applied to the end
 * of each day's range the settings name (`basis`).
 */
export function forecastWarning(ranges: readonly AqiRange[], settings: WarningSettings, city: string): WarningGrade | null {
  return warningGrade(
    ranges.map((range) => (settings.basis === 'high' ? range.high : range.low)),
    gradesForCity(settings, city),
  );
}
