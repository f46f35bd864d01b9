import { Type, type Static } from '@sinclair/typebox';
import { cityDivisionCode } from '../common/sourceFields';

/** One forecast day: its date, an AQI range (low~high), its level and the expected primary pollutant. */
const forecastDaySchema = Type.Object({
  forecastDate: Type.String({ format: 'date-cn', description: 'A date such as 2026-11-02' }),
  aqi: Type.String({ pattern: '^\\s*[0-9]{1,3}\\s*[~～-]\\s*[0-9]{1,3}\\s*$', description: 'An AQI range such as 150~200' }),
  level: Type.Optional(Type.String()),
  primaryPollutant: Type.Optional(Type.String()),
});

/** One city's forecast as the provincial forecast platform writes it. */
export const aqiForecastRecordSchema = Type.Object(
  {
    cityCode: cityDivisionCode,
    cityName: Type.String({ minLength: 2 }),
    publishTime: Type.String({ format: 'date-cn', description: 'The issue time, such as 2026年11月01日 16:00' }),
    publisher: Type.Optional(Type.String()),
    forecasts: Type.Array(forecastDaySchema, { minItems: 1, maxItems: 7, description: 'One to seven forecast days' }),
  },
  {
    $comment:
      "One city's air-quality forecast (城市空气质量预报) as the provincial forecast platform writes it: issued once a day for the next one to seven days (five on the provincial platform), each day an AQI range (low~high), its categories and the expected primary pollutant (— when the day is expected at 50 or below).",
  },
);

export type AqiForecastRecord = Static<typeof aqiForecastRecordSchema>;
