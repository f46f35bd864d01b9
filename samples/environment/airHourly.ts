import type { DateTime } from 'luxon';
import type { FeedOptions } from '../kit/feed';
import { random } from '../kit/random';
import { slottedFeed } from '../kit/slottedFeed';
import { chinaTime } from '../kit/timeline';
import { STATIONS } from './stations';
import { cityWeather } from './cityDay';

/**
 * Day 0 of the environment samples' calendar (China time): the first hour the feeds publish when
 * served without a moment (`asOf`), and the day every model counts from, so a seed gives the same
 * reading for a station and hour whenever it is served.
 */
export const SAMPLE_ANCHOR = chinaTime(2026, 11, 1);

/** The platform publishes an hour's readings about half an hour after the hour they end. */
const PUBLISHED_AFTER_MINUTES = 30;

const PATH = '/environment/air-hourly';
const MISSING = '—';

/**
 * Hourly readings of every station, hour by hour, as the national real-time publishing platform
 * writes them: values are strings, a missing value is "—", times are local without an offset.
 * Calendar position i is station i mod S at hour ⌊i / S⌋ after the anchor, so records ascend by
 * time point. Served as of a moment, the feed ends with the last hour published by then.
 */
export const airHourlySample = slottedFeed({
  path: PATH,
  slots: { start: SAMPLE_ANCHOR, slotMinutes: 60, perSlot: STATIONS.length, publishedAfterMinutes: PUBLISHED_AFTER_MINUTES },
  record: ({ slot: hour, position, time }, o) => readingFor(STATIONS[position], hour, time, o),
  malformations: [
    // A wrong type, a missing field, an impossible value, a bad time.
    (bad) => void (bad.pm2_5 = 'N/A'),
    (bad) => void delete bad.stationCode,
    (bad) => void (bad.so2 = '-7'),
    (bad) => void (bad.timePoint = '2026-13-45 25:00:00'),
  ],
});

function readingFor(station: (typeof STATIONS)[number], hour: number, time: DateTime, o: FeedOptions) {
  const r = random(o.seed, PATH, station.code, hour);
  // A city-wide weather factor shared by its stations, drifting over days: haze builds and clears.
  const weather = cityWeather(o.seed, station.city, Math.floor(hour / 24), station.baseline);
  const diurnal = 1 + 0.25 * Math.cos(((time.hour - 22) / 24) * 2 * Math.PI);
  const pm25 = Math.max(3, r.normal(station.baseline * weather * diurnal, station.baseline * 0.12));
  const sunny = Math.max(0, Math.sin(((time.hour - 6) / 24) * 2 * Math.PI));
  const o3 = Math.max(2, r.normal(20 + 110 * sunny / weather, 8));
  const values = {
    so2: Math.max(2, r.normal(12 * weather, 3)),
    no2: Math.max(4, r.normal(38 * weather * diurnal, 7)),
    pm10: pm25 * (1.35 + r.next() * 0.4),
    co: Math.max(0.2, r.normal(0.9 * weather, 0.15)),
    o3,
    o3_8h: Math.max(2, o3 * (0.7 + r.next() * 0.25)),
    pm2_5: pm25,
  };
  // A later edition corrects about one reading in twenty, as stations' data are audited.
  if (o.edition > 1 && random(o.seed, 'edition', o.edition, station.code, hour).chance(0.05)) values.pm2_5 *= 1.1;
  const missing = r.chance(0.01) ? r.pick(Object.keys(values)) : undefined;
  return {
    stationCode: station.code,
    positionName: station.name,
    area: station.city,
    timePoint: time.toFormat('yyyy-MM-dd HH:mm:ss'),
    longitude: String(station.longitude),
    latitude: String(station.latitude),
    ...Object.fromEntries(
      Object.entries(values).map(([k, v]) => [k, k === missing ? MISSING : k === 'co' ? v.toFixed(1) : String(Math.round(v))]),
    ),
  };
}
