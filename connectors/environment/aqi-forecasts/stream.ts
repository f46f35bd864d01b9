import {
  aqiCategory,
  ENVIRONMENT,
  forecastWarning,
  httpPages,
  requireChinaTime,
  STATUS,
  stream,
  type AqiRange,
  type WarningSettings,
} from '../../../src/connectorKit';
import { unitEcologyAuthority } from '../common/authority';
import { canonicalTime } from '../common/readings';
import { DEFAULT_WARNING_SETTINGS } from '../common/warningSettings';
import { formatAqiRange, parseAqiRange, parseForecastPollutant } from './format';
import { aqiForecastRecordSchema, type AqiForecastRecord } from './schema';

const DAY_MS = 24 * 3600 * 1000;

/**
 * City AQI forecasts. Besides the forecast itself, each disclosure says whether it calls for a
 * heavy-pollution warning and which grade, under the city's grading in `settings`: the trigger
 * (AQI > 200) is the standard's, the grading is configuration (common/warningGrading.json).
 */
export function aqiForecastsStream(settings: WarningSettings = DEFAULT_WARNING_SETTINGS) {
  return stream<AqiForecastRecord>({
    name: 'aqi-forecasts',
    schema: aqiForecastRecordSchema,
    key: (r) => `${r.cityCode}@${canonicalTime(r.publishTime, 'publishTime')}`,
    cursor: (r) => canonicalTime(r.publishTime, 'publishTime'),
    source: httpPages({ path: '/environment/aqi-forecasts', pageSize: 500, sinceParam: 'since' }),
    // Cities issue at 16:00; a late or corrected issue is caught by the look-back.
    schedule: '30 17 * * *',
    lookBackMs: 2 * DAY_MS,
    // A forecast is not revised once its days have passed: a fortnight is all that can change.
    reconcile: { schedule: '30 5 * * 0', windowDays: 14 },
    toDisclosure: (r, { city }) => {
      const days = r.forecasts.map(forecastDay);
      const warning = forecastWarning(days.map((d) => d.aqi), settings, r.cityName);
      const issuedAt = requireChinaTime(r.publishTime, 'publishTime');
      const issued = canonicalTime(r.publishTime, 'publishTime');
      return {
        kind: ENVIRONMENT.kinds.forecast,
        title: `${r.cityName} 空气质量预报（${issued.slice(0, 10)}发布）${days.map((d) => `${d.date.slice(5)} AQI ${formatAqiRange(d.aqi)}`).join('，')}${warning ? `，达到${warning.name}条件` : ''}`,
        publisher: r.publisher ?? unitEcologyAuthority(city, r.cityName, issuedAt),
        region: r.cityName,
        publishedAt: issuedAt,
        status: STATUS.published,
        attributes: {
          city: { code: r.cityCode, name: r.cityName },
          issuedAt: issued,
          days,
          // What the forecast calls for under the configured grading; the city's own notice is in
          // environment/pollution-warnings.
          warning: warning ? { level: warning.level, name: warning.name, response: warning.response } : null,
        },
        searchText: ['空气质量预报', ...days.map((d) => d.levelText), warning?.name],
      };
    },
  });
}

export const aqiForecasts = aqiForecastsStream();

function forecastDay(day: AqiForecastRecord['forecasts'][number], i: number) {
  const aqi = parseAqiRange(day.aqi);
  if (!aqi) throw new Error(`forecasts[${i}].aqi: "${day.aqi}" is not an AQI range`);
  if (aqi.low > aqi.high) throw new Error(`forecasts[${i}].aqi: "${day.aqi}" runs backwards (low above high)`);
  return {
    date: canonicalTime(day.forecastDate, `forecasts[${i}].forecastDate`).slice(0, 10),
    aqi,
    category: categoryRange(aqi),
    levelText: day.level ?? null,
    primaryPollutant: day.primaryPollutant ? parseForecastPollutant(day.primaryPollutant) : null,
    primaryPollutantText: day.primaryPollutant ?? null,
  };
}

/** Category, level and colour of both ends of the range: portals colour a forecast by them. */
function categoryRange(range: AqiRange) {
  const end = (aqi: number) => {
    const c = aqiCategory(aqi);
    return { level: c.level, category: c.category, color: c.color };
  };
  return { low: end(range.low), high: end(range.high) };
}
