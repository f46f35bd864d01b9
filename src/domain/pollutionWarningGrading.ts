/**
 * How a city grades its heavy-pollution warnings (重污染天气预警分级): data, not code.
 *
 * docs/standards/aqi.md fixes only the trigger (forecast AQI > 200); the grades, blue to red by duration
 * and severity, are set by each city's emergency plan and change when the plan is revised. So a
 * grading is a table a deployment edits, checked here when it is loaded, and every city may have its
 * own.
 */

export type WarningLevel = 'blue' | 'yellow' | 'orange' | 'red';

export const WARNING_LEVELS: readonly WarningLevel[] = ['blue', 'yellow', 'orange', 'red'];

/** "Forecast daily AQI > aqiAbove on at least `days` consecutive days." */
export interface WarningCondition {
  aqiAbove: number;
  days: number;
}

export interface WarningGrade {
  level: WarningLevel;
  /** As notices write it, e.g. 橙色预警. */
  name: string;
  /** The emergency response it starts, e.g. Ⅱ级应急响应. */
  response: string;
  /** Any one of these sets suffices; within a set every condition must hold. */
  criteria: WarningCondition[][];
  /** Measures the plan prescribes for this grade. */
  measures: string[];
}

/** Which end of a forecast AQI range (e.g. 180~230) is compared with the thresholds. */
export type ForecastBasis = 'low' | 'high';

export interface WarningSettings {
  basis: ForecastBasis;
  /** Grades ascending by severity, for cities without their own. */
  default: WarningGrade[];
  /** Per-city tables (by city name, e.g. 大庆市) that replace the default. */
  cities: Record<string, WarningGrade[]>;
}

/** The grades that apply in a city: its own table, else the default. */
export function gradesForCity(settings: WarningSettings, city: string): WarningGrade[] {
  return Object.prototype.hasOwnProperty.call(settings.cities, city) ? settings.cities[city] : settings.default;
}

/**
 * A deployment's settings layered over the defaults: `basis` and `default` replace the default's
 * when given, and `cities` adds or replaces single cities. Checked like a loaded table.
 */
export function overrideWarningSettings(base: WarningSettings, override: Partial<WarningSettings>): WarningSettings {
  return checkWarningSettings({
    basis: override.basis ?? base.basis,
    default: override.default ?? base.default,
    cities: { ...base.cities, ...(override.cities ?? {}) },
  });
}

/**
 * Checks a settings object read from JSON and says exactly what is wrong, because a bad table
 * would otherwise show up as warnings that never fire or always fire.
 */
export function checkWarningSettings(value: unknown): WarningSettings {
  const settings = value as WarningSettings;
  if (!settings || typeof settings !== 'object') throw new Error('warning settings must be an object');
  if (settings.basis !== 'low' && settings.basis !== 'high') {
    throw new Error(`warning settings: basis must be "low" or "high", got ${JSON.stringify(settings.basis)}`);
  }
  checkGrades(settings.default, 'default');
  if (!settings.cities || typeof settings.cities !== 'object') throw new Error('warning settings: cities must be an object');
  for (const [city, grades] of Object.entries(settings.cities)) checkGrades(grades, `cities.${city}`);
  return settings;
}

function checkGrades(grades: unknown, where: string): void {
  if (!Array.isArray(grades) || grades.length === 0) throw new Error(`warning settings ${where}: needs at least one grade`);
  grades.forEach((grade: WarningGrade, i) => {
    const at = `${where}[${i}]`;
    if (!WARNING_LEVELS.includes(grade?.level)) {
      throw new Error(`warning settings ${at}: level must be one of ${WARNING_LEVELS.join(', ')}, got ${JSON.stringify(grade?.level)}`);
    }
    if (i > 0 && WARNING_LEVELS.indexOf(grade.level) <= WARNING_LEVELS.indexOf(grades[i - 1].level)) {
      throw new Error(`warning settings ${where}: grades must ascend by severity (${grades[i - 1].level} before ${grade.level})`);
    }
    if (typeof grade.name !== 'string' || typeof grade.response !== 'string' || !Array.isArray(grade.measures)) {
      throw new Error(`warning settings ${at}: name, response and measures are required`);
    }
    if (!Array.isArray(grade.criteria) || grade.criteria.length === 0) throw new Error(`warning settings ${at}: needs criteria`);
    for (const set of grade.criteria) {
      if (!Array.isArray(set) || set.length === 0) throw new Error(`warning settings ${at}: each criteria set needs a condition`);
      for (const c of set) {
        if (!Number.isFinite(c?.aqiAbove) || !Number.isInteger(c?.days) || c.days < 1) {
          throw new Error(`warning settings ${at}: a condition is { aqiAbove: number, days: whole number ≥ 1 }, got ${JSON.stringify(c)}`);
        }
      }
    }
  });
}
