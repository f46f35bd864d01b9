import type { AqiPollutant } from '../../src/connectorKit';
import { SAMPLE_ANCHOR } from './airHourly';
import { CITIES } from './cities';
import { cityDayAir, cityDayAqi } from './cityDay';
import { slottedFeed } from '../kit/slottedFeed';
import { MINUTES_PER_DAY } from '../kit/timeline';

const PATH = '/environment/air-daily';

/** How the national platform names primary pollutants in city daily reports. */
export const PLATFORM_POLLUTANT_NAMES: Readonly<Record<AqiPollutant, string>> = {
  so2: '二氧化硫',
  no2: '二氧化氮',
  pm10: '颗粒物(PM10)',
  co: '一氧化碳',
  o3: '臭氧8小时',
  pm25: '细颗粒物(PM2.5)',
};

/** A day's reports are published in the small hours of the next day. */
const PUBLISHED_AFTER_MINUTES = MINUTES_PER_DAY + 60;

/**
 * City daily reports (城市日报) as the national publishing platform writes them: one row per
 * prefecture unit and day, values as strings, TimePoint an ISO local time without offset, and the
 * platform's own AQI, quality and primary pollutant beside the concentrations. Calendar position i
 * is unit i mod 13 on day ⌊i / 13⌋ after the anchor, so rows ascend by day.
 */
export const airDailySample = slottedFeed({
  path: PATH,
  slots: { start: SAMPLE_ANCHOR, slotMinutes: MINUTES_PER_DAY, perSlot: CITIES.length, publishedAfterMinutes: PUBLISHED_AFTER_MINUTES },
  record({ slot, position, time }, o) {
    const city = CITIES[position];
    const air = cityDayAir(o.seed, city, slot);
    const aqi = cityDayAqi(air);
    return {
      CityCode: city.code,
      Area: city.name,
      TimePoint: time.toFormat("yyyy-MM-dd'T'HH:mm:ss"),
      AQI: String(aqi.aqi),
      Quality: aqi.category,
      PrimaryPollutant: aqi.primaryPollutants.length > 0 ? aqi.primaryPollutants.map((p) => PLATFORM_POLLUTANT_NAMES[p]).join(',') : '—',
      SO2_24h: String(air.so2),
      NO2_24h: String(air.no2),
      CO_24h: air.co.toFixed(1),
      PM10_24h: String(air.pm10),
      PM2_5_24h: String(air.pm25),
      O3_8h_24h: String(air.o3_8h),
      O3_24h: String(air.o3_1h),
    };
  },
  malformations: [
    (bad) => void (bad.PM2_5_24h = 'N/A'),
    (bad) => void delete bad.CityCode,
    (bad) => void (bad.CO_24h = '-0.4'),
    (bad) => void (bad.TimePoint = '2026-02-30T00:00:00'),
  ],
});
