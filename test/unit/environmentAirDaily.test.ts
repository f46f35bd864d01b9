import { computeDailyAqi } from '../../src/domain/airDaily';
import { DEFAULT_FEED_OPTIONS } from '../../samples/kit/feedServer';
import { isMalformed } from '../../samples/kit/feed';
import type { AirDailyRecord } from '../../connectors/environment/air-daily/schema';
import { airDaily } from '../../connectors/environment/air-daily/stream';
import { airDailySample } from '../../samples/environment/airDaily';
import { airHourlySample } from '../../samples/environment/airHourly';
import { STATIONS } from '../../samples/environment/stations';
import { CITIES } from '../../samples/environment/cities';
import { MAPPING } from '../helpers/mapping';
import { attributesOf } from '../../src/domain/contract';

describe('the daily AQI uses daily limits only', () => {
  it('indexes 24-hour SO2, NO2 and CO, and O3 by the worse of its daily 8-hour and 1-hour maxima', () => {
    const aqi = computeDailyAqi({ so2_24h: 150, no2_24h: 80, co_24h: 4, pm10_24h: 50, pm25_24h: 35, o3_8h: 100, o3_1h: 300 });
    expect(aqi.iaqi).toEqual({ so2: 100, no2: 100, co: 100, pm10: 50, pm25: 50, o3: 150 });
    expect(aqi).toMatchObject({ aqi: 150, primaryPollutants: ['o3'], exceedingPollutants: ['o3'] });
  });

  it('ignores 1-hour SO2, NO2 and CO, which serve hourly reports only', () => {
    const input = { so2_24h: 20, so2_1h: 700, no2_1h: 1000, co_1h: 50, pm25_24h: 30 } as Parameters<typeof computeDailyAqi>[0];
    expect(computeDailyAqi(input)).toMatchObject({ aqi: 43, iaqi: { so2: 20, pm25: 43 } });
  });
});

describe('the air-daily mapping', () => {
  const record: AirDailyRecord = {
    CityCode: '230600',
    Area: '大庆市',
    TimePoint: '2026-11-05T00:00:00',
    AQI: '193',
    Quality: '中度污染',
    PrimaryPollutant: '细颗粒物(PM2.5)',
    SO2_24h: '23',
    NO2_24h: '72',
    CO_24h: '1.8',
    PM10_24h: '238',
    PM2_5_24h: '145',
    O3_8h_24h: '70',
    O3_24h: '—',
  };

  it('computes the AQI block with daily keys and keeps the platform’s own AQI beside it', () => {
    const d = airDaily.toDisclosure(record, MAPPING);
    expect(d.kind).toBe('air-quality-daily');
    expect(d.title).toBe('大庆市 2026-11-05 空气质量日报 AQI 193 中度污染');
    expect(d.publisher).toBe('大庆市生态环境局');
    const a = d.attributes as any;
    expect(a.concentrations).toEqual({ so2_24h: 23, no2_24h: 72, co_24h: 1.8, pm10_24h: 238, pm25_24h: 145, o3_8h: 70, o3_1h: undefined });
    expect(a.aqi).toMatchObject({ aqi: 193, level: 4, category: '中度污染', color: '#FF0000', primaryPollutants: ['pm25'], exceedingPollutants: ['pm10', 'pm25'] });
    expect(a.aqi.healthEffect).toMatch(/健康人群/);
    expect(a.reported).toEqual({ aqi: 193, quality: '中度污染', primaryPollutant: '细颗粒物(PM2.5)' });
    expect(a.reportedAqiMatches).toBe(true);
    expect(attributesOf(airDaily.toDisclosure({ ...record, AQI: '180' }, MAPPING), 'air-quality-daily').reportedAqiMatches).toBe(false);
  });

  it('keys a report by city and date, whichever way the date is written', () => {
    expect(airDaily.key(record)).toBe('230600@2026-11-05');
    expect(airDaily.key({ ...record, TimePoint: '2026/11/05' })).toBe('230600@2026-11-05');
    expect(airDaily.cursor!({ ...record, TimePoint: '2026年11月5日' })).toBe('2026-11-05 00:00:00');
  });
});

describe('the daily sample agrees with the hourly station sample', () => {
  const o = { ...DEFAULT_FEED_OPTIONS, scale: 10000, malformedRate: 0 };

  /** Mean PM2.5 of a city's station readings over one day of the hourly sample. */
  function hourlyMean(city: string, day: number): number {
    const values: number[] = [];
    for (let hour = day * 24; hour < day * 24 + 24; hour++) {
      STATIONS.forEach((station, s) => {
        if (station.city !== city) return;
        const reading = airHourlySample.record(hour * STATIONS.length + s, o) as Record<string, string>;
        if (/^\d+$/.test(reading.pm2_5)) values.push(Number(reading.pm2_5));
      });
    }
    return values.reduce((a, b) => a + b, 0) / values.length;
  }

  it.each([0, 3, 7])('day %d: each city’s daily PM2.5 is within 15%% of its baseline of the stations’ mean', (day) => {
    for (const city of CITIES) {
      const daily = airDailySample.record(day * CITIES.length + city.index, o) as Record<string, string>;
      expect(daily.Area).toBe(city.name);
      expect(Math.abs(Number(daily.PM2_5_24h) - hourlyMean(city.name, day))).toBeLessThan(0.15 * city.baseline);
    }
  });

  it('writes the AQI the hub computes from the same values', () => {
    const options = { ...DEFAULT_FEED_OPTIONS, scale: 300 };
    for (let i = 0; i < 300; i++) {
      if (isMalformed(airDailySample.path, i, options)) continue;
      const d = airDaily.toDisclosure(airDailySample.record(i, options) as AirDailyRecord, MAPPING);
      expect(attributesOf(d, 'air-quality-daily').reportedAqiMatches).toBe(true);
    }
  });
});
