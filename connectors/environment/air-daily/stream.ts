import { computeDailyAqi, ENVIRONMENT, httpPages, requireChinaTime, STATUS, stream, type DailyAirInput } from '../../../src/connectorKit';
import { unitEcologyAuthority } from '../common/authority';
import { canonicalTime, reading } from '../common/readings';
import { airDailyRecordSchema, type AirDailyRecord } from './schema';

const DAY_MS = 24 * 3600 * 1000;

/**
 * City daily reports. The hub indexes them itself with the daily limits (computeDailyAqi) and keeps
 * the platform's own AQI beside its result: a mismatch shows a platform using another table or
 * rounding, which a reader should see rather than have hidden.
 */
export const airDaily = stream<AirDailyRecord>({
  name: 'air-daily',
  schema: airDailyRecordSchema,
  key: (r) => `${r.CityCode}@${reportDate(r)}`,
  cursor: (r) => canonicalTime(r.TimePoint, 'TimePoint'),
  source: httpPages({ path: '/environment/air-daily', pageSize: 500, sinceParam: 'since' }),
  // The platform publishes yesterday's reports after midnight; audits revise the last few days.
  schedule: '30 1 * * *',
  lookBackMs: 3 * DAY_MS,
  // Audits can revise a report weeks later, past the look-back.
  reconcile: { schedule: '10 5 * * *', windowDays: 30 },
  toDisclosure: (r, { city }) => {
    const concentrations: DailyAirInput = {
      so2_24h: reading(r.SO2_24h),
      no2_24h: reading(r.NO2_24h),
      co_24h: reading(r.CO_24h),
      pm10_24h: reading(r.PM10_24h),
      pm25_24h: reading(r.PM2_5_24h),
      o3_8h: reading(r.O3_8h_24h),
      o3_1h: reading(r.O3_24h),
    };
    const aqi = computeDailyAqi(concentrations);
    const date = reportDate(r);
    const reportedAqi = r.AQI === undefined ? undefined : reading(r.AQI);
    const day = requireChinaTime(r.TimePoint, 'TimePoint');
    return {
      kind: ENVIRONMENT.kinds.airDaily,
      title: `${r.Area} ${date} 空气质量日报 AQI ${aqi.aqi} ${aqi.category}`,
      publisher: unitEcologyAuthority(city, r.Area, day),
      region: r.Area,
      publishedAt: day,
      status: STATUS.published,
      attributes: {
        city: { code: r.CityCode, name: r.Area },
        date,
        concentrations,
        aqi,
        reported: { aqi: reportedAqi ?? null, quality: r.Quality ?? null, primaryPollutant: r.PrimaryPollutant ?? null },
        reportedAqiMatches: reportedAqi === undefined ? null : reportedAqi === aqi.aqi,
      },
      searchText: ['空气质量日报', aqi.category, ...aqi.primaryPollutants],
    };
  },
});

function reportDate(r: AirDailyRecord): string {
  return canonicalTime(r.TimePoint, 'TimePoint').slice(0, 10);
}
