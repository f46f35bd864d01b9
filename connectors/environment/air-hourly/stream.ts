import { computeAqi, ENVIRONMENT, formatChinaTime, httpPages, requireChinaTime, STATUS, stream } from '../../../src/connectorKit';
import { unitEcologyAuthority } from '../common/authority';
import { airHourlyRecordSchema, type AirHourlyRecord } from './schema';

/**
 * Hourly station readings. The real-time report uses 1-hour values for SO2, NO2, CO and O3, the
 * 8-hour moving average for O3, and 24-hour moving averages for PM10 and PM2.5 (HJ 633-2012 §5).
 */
export const airHourly = stream<AirHourlyRecord>({
  name: 'air-hourly',
  schema: airHourlyRecordSchema,
  // Exports write times in several forms (2026-11-01 08:00:00, 2026/11/01 08:00): identity and
  // position use one canonical form, so the same reading from a dump and from the API is one record.
  key: (r) => `${r.stationCode}@${canonicalTime(r.timePoint)}`,
  cursor: (r) => canonicalTime(r.timePoint),
  source: httpPages({ path: '/environment/air-hourly', pageSize: 500, sinceParam: 'since', recordsField: 'data', totalField: 'total' }),
  schedule: '5 * * * *',
  lookBackMs: 3 * 3600 * 1000,
  // Audits revise published readings for weeks afterwards; the look-back sees three hours of them.
  reconcile: { schedule: '40 4 * * *', windowDays: 30 },
  toDisclosure: (r, { city }) => {
    const concentrations = {
      so2_1h: reading(r.so2),
      no2_1h: reading(r.no2),
      co_1h: reading(r.co),
      o3_1h: reading(r.o3),
      o3_8h: reading(r.o3_8h),
      pm10_24h: reading(r.pm10),
      pm25_24h: reading(r.pm2_5),
    };
    const aqi = computeAqi(concentrations);
    const time = requireChinaTime(r.timePoint, 'timePoint');
    const timePoint = formatChinaTime(time);
    return {
      kind: ENVIRONMENT.kinds.airHourly,
      title: `${r.area}${r.positionName}站 ${timePoint.slice(0, 13)}时 空气质量 AQI ${aqi.aqi} ${aqi.category}`,
      publisher: unitEcologyAuthority(city, r.area, time),
      region: r.area,
      publishedAt: time,
      status: STATUS.published,
      attributes: {
        station: { code: r.stationCode, name: r.positionName, city: r.area, longitude: num(r.longitude), latitude: num(r.latitude) },
        timePoint,
        concentrations,
        aqi,
      },
      searchText: [r.positionName, aqi.category, ...aqi.primaryPollutants],
    };
  },
});

function canonicalTime(text: string): string {
  return formatChinaTime(requireChinaTime(text, 'timePoint'));
}

function reading(value: string): number | undefined {
  return value === '—' || value === '--' ? undefined : Number(value);
}

function num(value: string | undefined): number | null {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) ? n : null;
}
