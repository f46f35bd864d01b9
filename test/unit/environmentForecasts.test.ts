import { overrideWarningSettings } from '../../src/domain/pollutionWarningGrading';
import type { AqiForecastRecord } from '../../connectors/environment/aqi-forecasts/schema';
import { aqiForecasts, aqiForecastsStream } from '../../connectors/environment/aqi-forecasts/stream';
import { categoryRangeText, parseAqiRange, parseForecastPollutant } from '../../connectors/environment/aqi-forecasts/format';
import { DEFAULT_WARNING_SETTINGS } from '../../connectors/environment/common/warningSettings';
import type { PollutionWarningRecord } from '../../connectors/environment/pollution-warnings/schema';
import { pollutionWarnings } from '../../connectors/environment/pollution-warnings/stream';
import { MAPPING } from '../helpers/mapping';
import { attributesOf } from '../../src/domain/contract';

describe('forecast ranges as forecasts write them', () => {
  it('reads ranges, categories and pollutants', () => {
    expect(parseAqiRange('155~205')).toEqual({ low: 155, high: 205 });
    expect(parseAqiRange('155～205')).toEqual({ low: 155, high: 205 });
    expect(parseAqiRange(' 55 - 75 ')).toEqual({ low: 55, high: 75 });
    expect(parseAqiRange('良')).toBeUndefined();
    expect(categoryRangeText({ low: 155, high: 205 })).toBe('中度污染至重度污染');
    expect(categoryRangeText({ low: 55, high: 75 })).toBe('良');
    expect(['PM2.5', 'pm2_5', 'O3_8h', 'NO2', '—'].map(parseForecastPollutant)).toEqual(['pm25', 'pm25', 'o3', 'no2', null]);
  });
});

describe('the aqi-forecasts mapping', () => {
  const record: AqiForecastRecord = {
    cityCode: '230600',
    cityName: '大庆市',
    publishTime: '2026年11月08日 16:00',
    forecasts: [
      { forecastDate: '2026-11-09', aqi: '180~230', level: '中度污染至重度污染', primaryPollutant: 'PM2.5' },
      { forecastDate: '2026-11-10', aqi: '200~260', level: '中度污染至重度污染', primaryPollutant: 'PM2.5' },
      { forecastDate: '2026-11-11', aqi: '90~130', level: '良至轻度污染', primaryPollutant: 'PM10' },
    ],
  };

  it('maps each day with both ends’ categories and says which warning the forecast calls for', () => {
    const d = aqiForecasts.toDisclosure(record, MAPPING);
    expect(d.kind).toBe('aqi-forecast');
    expect(d.publishedAt.toISOString()).toBe('2026-11-08T08:00:00.000Z');
    const a = d.attributes as any;
    expect(a.issuedAt).toBe('2026-11-08 16:00:00');
    expect(a.days[0]).toMatchObject({
      date: '2026-11-09',
      aqi: { low: 180, high: 230 },
      category: { low: { level: 4, category: '中度污染', color: '#FF0000' }, high: { level: 5, category: '重度污染', color: '#99004C' } },
      primaryPollutant: 'pm25',
    });
    // Two days in a row whose upper ends exceed 200: yellow under the default grading.
    expect(a.warning).toEqual({ level: 'yellow', name: '黄色预警', response: 'Ⅲ级应急响应' });
    expect(d.title).toContain('达到黄色预警条件');
    // The hub's city's forecast is its ecology authority's; another unit's, that unit's bureau.
    expect(d.publisher).toBe('大庆市生态环境局');
    expect(aqiForecasts.toDisclosure({ ...record, cityCode: '230100', cityName: '哈尔滨市' }, MAPPING).publisher).toBe('哈尔滨市生态环境局');
  });

  it('reads the five days of the provincial platform', () => {
    const five = { ...record, forecasts: [1, 2, 3, 4, 5].map((n) => ({ forecastDate: `2026-11-${String(8 + n).padStart(2, '0')}`, aqi: '210~260' })) };
    const d = aqiForecasts.toDisclosure(five, MAPPING);
    expect(attributesOf(d, 'aqi-forecast').days).toHaveLength(5);
    // Five days above 200, none above 300: yellow under the default grading.
    expect(attributesOf(d, 'aqi-forecast').warning?.level).toBe('yellow');
  });

  it('a forecast at or below 200 calls for none', () => {
    const calm = { ...record, forecasts: record.forecasts.map((f) => ({ ...f, aqi: '150~200' })) };
    expect(attributesOf(aqiForecasts.toDisclosure(calm, MAPPING), 'aqi-forecast').warning).toBeNull();
  });

  it('follows the settings it is given', () => {
    const onLow = aqiForecastsStream(overrideWarningSettings(DEFAULT_WARNING_SETTINGS, { basis: 'low' }));
    // The lower ends (180, 200, 90) stay at or below 200.
    expect(attributesOf(onLow.toDisclosure(record, MAPPING), 'aqi-forecast').warning).toBeNull();
  });

  it('rejects a range that runs backwards', () => {
    const backwards = { ...record, forecasts: [{ ...record.forecasts[0], aqi: '230~180' }] };
    expect(() => aqiForecasts.toDisclosure(backwards, MAPPING)).toThrow(/forecasts\[0\]\.aqi: "230~180" runs backwards/);
  });
});

describe('the pollution-warnings mapping', () => {
  const lift: PollutionWarningRecord = {
    noticeNo: '大庆重污染应急办[2026]4号',
    title: '关于解除重污染天气黄色预警的通知',
    cityCode: '230600',
    cityName: '大庆市',
    noticeType: '解除',
    warningLevel: '黄色',
    responseLevel: 'Ⅲ级应急响应',
    publishTime: '2026-11-11 17:00:00',
    startTime: '2026-11-09 00:00:00',
    liftTime: '2026-11-12 00:00:00',
    relatedNoticeNo: '大庆重污染应急办（2026）3号',
    measures: [],
    content: '决定于11月12日0时解除重污染天气黄色预警。',
  };

  it('maps a lift notice to the episode it ends', () => {
    const d = pollutionWarnings.toDisclosure(lift, MAPPING);
    expect(d.kind).toBe('pollution-warning');
    expect(d.title).toBe('大庆市 关于解除重污染天气黄色预警的通知');
    expect(d.publisher).toBe('大庆市重污染天气应急指挥部办公室');
    expect(d.attributes).toMatchObject({
      noticeNo: '大庆重污染应急办〔2026〕4号',
      episodeNoticeNo: '大庆重污染应急办〔2026〕3号',
      action: { code: '解除', name: 'lift' },
      level: { code: '黄色', name: 'yellow' },
      startTime: '2026-11-09 00:00:00',
      liftTime: '2026-11-12 00:00:00',
      expectedEndTime: null,
    });
  });

  it('keys a notice by its number, whichever brackets the office used', () => {
    expect(pollutionWarnings.key(lift)).toBe(pollutionWarnings.key({ ...lift, noticeNo: '大庆重污染应急办〔2026〕4号' }));
  });
});
