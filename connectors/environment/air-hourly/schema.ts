import { Type, type Static } from '@sinclair/typebox';
import { concentrationText } from '../common/sourceFields';

/** One hourly reading of one national monitoring station, as the real-time publishing platform writes it. */
export const airHourlyRecordSchema = Type.Object(
  {
    stationCode: Type.String({ pattern: '^[0-9]{4}A$', description: 'A station code of four digits and A, such as 1029A' }),
    positionName: Type.String({ minLength: 1 }),
    area: Type.String({ minLength: 2 }),
    timePoint: Type.String({ format: 'date-cn', description: 'A local date-time such as 2026-11-27 08:00:00' }),
    longitude: Type.Optional(Type.String()),
    latitude: Type.Optional(Type.String()),
    so2: concentrationText,
    no2: concentrationText,
    pm10: concentrationText,
    co: concentrationText,
    o3: concentrationText,
    o3_8h: concentrationText,
    pm2_5: concentrationText,
  },
  {
    $comment:
      'One hourly reading of one national monitoring station, as the real-time publishing platform writes it. Concentrations are strings in µg/m³ (CO in mg/m³); a value the station did not report is "—".',
  },
);

export type AirHourlyRecord = Static<typeof airHourlyRecordSchema>;
