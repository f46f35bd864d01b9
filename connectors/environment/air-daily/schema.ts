import { Type, type Static } from '@sinclair/typebox';
import { cityDivisionCode, concentrationText } from '../common/sourceFields';

/** One city's daily report as the national publishing platform writes it. */
export const airDailyRecordSchema = Type.Object(
  {
    CityCode: cityDivisionCode,
    Area: Type.String({ minLength: 2 }),
    TimePoint: Type.String({ format: 'date-cn', description: "The report's date, such as 2026-11-27T00:00:00" }),
    AQI: Type.Optional(Type.String({ pattern: '^([0-9]+|—|-{2})$', description: 'A whole number, or — when not reported' })),
    Quality: Type.Optional(Type.String()),
    PrimaryPollutant: Type.Optional(Type.String()),
    SO2_24h: concentrationText,
    NO2_24h: concentrationText,
    CO_24h: concentrationText,
    PM10_24h: concentrationText,
    PM2_5_24h: concentrationText,
    O3_8h_24h: concentrationText,
    O3_24h: concentrationText,
  },
  {
    $comment:
      'One city\'s daily air-quality report (城市日报) as the national publishing platform writes it. Concentrations are strings: 24-hour means in µg/m³ (CO in mg/m³), O3_8h_24h the day\'s maximum 8-hour moving mean, O3_24h the day\'s maximum 1-hour value; a value not reported is "—". AQI, Quality and PrimaryPollutant are the platform\'s own; the hub computes them again.',
  },
);

export type AirDailyRecord = Static<typeof airDailyRecordSchema>;
