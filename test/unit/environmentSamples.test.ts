import { DateTime } from 'luxon';
import { environment } from '../../connectors/environment';
import { environmentFeeds } from '../../samples/environment';
import { SAMPLE_ANCHOR } from '../../samples/environment/airHourly';
import { CHINA_ZONE } from '../../src/domain/chinaTime';
import { CITIES } from '../../samples/environment/cities';
import { aqiForecastsSample } from '../../samples/environment/aqiForecasts';
import type { AqiForecastRecord } from '../../connectors/environment/aqi-forecasts/schema';
import { aqiForecasts } from '../../connectors/environment/aqi-forecasts/stream';
import { pollutionWarningsFeed } from '../../samples/environment/pollutionWarnings';
import { emissionsSample, hasDisagreeingFlag } from '../../samples/environment/emissions';
import type { EmissionRecord } from '../../connectors/environment/emissions/schema';
import { emissions } from '../../connectors/environment/emissions/stream';
import { isMalformed, type FeedOptions, type IndexedFeed } from '../../samples/kit/feed';
import { DEFAULT_FEED_OPTIONS } from '../../samples/kit/feedServer';
import type { CodedStreamDefinition } from '../../src/sync/stream';
import { validatorFor } from '../../src/sync/validation';
import { validateUscc } from '../../src/domain/uscc';
import { compareCursors } from '../../src/sync/cursor';
import { MAPPING } from '../helpers/mapping';
import { attributesOf } from '../../src/domain/contract';
import { warningGrade, WARNING_AQI_THRESHOLD } from '../../src/domain/pollutionWarning';
import { WARNING_LEVELS, type WarningLevel } from '../../src/domain/pollutionWarningGrading';
import { DEFAULT_WARNING_SETTINGS } from '../../connectors/environment/common/warningSettings';

const o: FeedOptions = { ...DEFAULT_FEED_OPTIONS, scale: 300 };
const NEW_STREAMS = ['air-daily', 'aqi-forecasts', 'pollution-warnings', 'water-quality', 'emissions'];

function pair(name: string): { stream: CodedStreamDefinition<any>; feed: IndexedFeed } {
  const stream = environment.streams.find((s) => s.name === name)!;
  const feed = environmentFeeds.find((f) => f.path === `/environment/${name}`)!;
  return { stream, feed };
}

/** What the engine would do with a record: undefined when stored, else the stage it fails at. */
function fate(stream: CodedStreamDefinition<any>, record: unknown): 'validate' | 'map' | undefined {
  if (validatorFor(stream.schema)(record).length > 0) return 'validate';
  try {
    stream.toDisclosure(record, MAPPING);
    return undefined;
  } catch {
    return 'map';
  }
}

describe.each(NEW_STREAMS)('the %s sample feed', (name) => {
  const { stream, feed } = pair(name);
  const indexes = Array.from({ length: feed.count(o) }, (_, i) => i);

  it('is registered with a schedule and a look-back', () => {
    expect(stream.schedule).toMatch(/^\S+ \S+ \S+ \S+ \S+$/);
    expect(stream.lookBackMs).toBeGreaterThan(0);
    expect(feed.count(o)).toBeGreaterThan(20);
  });

  it('is deterministic by seed and index', () => {
    for (const i of [0, 7, indexes.length - 1]) expect(feed.record(i, o)).toEqual(feed.record(i, o));
    expect(feed.record(3, { ...o, seed: 7 })).not.toEqual(feed.record(3, o));
  });

  it('breaks exactly its malformed share, and every other record is stored', () => {
    const malformed = indexes.filter((i) => isMalformed(feed.path, i, o));
    expect(malformed.length).toBeGreaterThan(0);
    for (const i of indexes) {
      expect([i, fate(stream, feed.record(i, o)) !== undefined]).toEqual([i, malformed.includes(i)]);
    }
  });

  it('ascends by cursor, with unique keys', () => {
    const good = indexes.filter((i) => !isMalformed(feed.path, i, o)).map((i) => feed.record(i, o));
    const cursors = good.map((r) => stream.cursor!(r));
    for (let i = 1; i < cursors.length; i++) expect(compareCursors(cursors[i - 1], cursors[i])).toBeLessThanOrEqual(0);
    expect(new Set(good.map((r) => stream.key(r))).size).toBe(good.length);
  });

  it('answers `since` with the first record at or after it', () => {
    for (const i of [1, Math.floor(indexes.length / 2), indexes.length - 3]) {
      if (isMalformed(feed.path, i, o)) continue;
      const since = stream.cursor!(feed.record(i, o));
      const first = feed.firstIndexSince!(since, o);
      expect(first).toBeLessThanOrEqual(i);
      for (let j = Math.max(0, first - 3); j < first; j++) {
        if (!isMalformed(feed.path, j, o)) expect(compareCursors(stream.cursor!(feed.record(j, o)), since)).toBeLessThan(0);
      }
    }
    expect(feed.firstIndexSince!('2020-01-01 00:00:00', o)).toBe(0);
    expect(feed.firstIndexSince!('2099-01-01 00:00:00', o)).toBe(feed.count(o));
  });
});

describe.each(['air-hourly', ...NEW_STREAMS])('the %s sample feed served as of a moment', (name) => {
  const { stream, feed } = pair(name);
  // The hub serves the samples as of the moment it starts: the clock of the issue, a month after
  // the calendar's first day (2026-11-01 on 2026-12-01).
  const asOf = Date.parse('2026-12-01T21:55:00+08:00');
  const live: FeedOptions = { ...o, asOf };
  const timeOf = (record: unknown) => Date.parse(`${stream.cursor!(record).replace(' ', 'T')}+08:00`);
  const good = (options: FeedOptions) =>
    Array.from({ length: feed.count(options) }, (_, i) => i).filter((i) => fate(stream, feed.record(i, options)) === undefined).map((i) => feed.record(i, options));

  it('ends with the newest records published by then, not on its calendar’s first days', () => {
    const times = good(live).map(timeOf);
    const newest = Math.max(...times);
    expect(newest).toBeLessThanOrEqual(asOf);
    // Within two of its periods: hourly readings and results within hours, daily ones within days.
    const period = { 'air-hourly': 1, 'air-daily': 24, 'aqi-forecasts': 24, 'pollution-warnings': 24 * 6, 'water-quality': 24, emissions: 1 }[name]!;
    expect(asOf - newest).toBeLessThanOrEqual(2 * period * 3600 * 1000);
  });

  it('serves the record of a calendar position the same whenever it is served', () => {
    const calendar = good(o);
    const byKey = new Map(calendar.map((r) => [stream.key(r), r]));
    // A moment shortly after the calendar's newest record: the two windows overlap.
    const later = Math.max(...calendar.map(timeOf)) + 3 * 3600 * 1000;
    const shared = good({ ...o, asOf: later }).filter((r) => byKey.has(stream.key(r)));
    expect(shared.length).toBeGreaterThan(0);
    for (const r of shared) expect(r).toEqual(byKey.get(stream.key(r)));
  });
});

describe('warnings follow from the forecasts (docs/standards/aqi.md)', () => {
  // Whole sequences: a malformed notice would leave a gap in a unit's issue … lift sequence.
  const whole = { ...o, malformedRate: 0 };
  const notices = Array.from({ length: pollutionWarningsFeed.count(whole) }, (_, i) => pollutionWarningsFeed.record(i, whole) as Record<string, any>);
  const COLOURS: Record<string, WarningLevel> = { 蓝色: 'blue', 黄色: 'yellow', 橙色: 'orange', 红色: 'red' };
  const levelOf = (colour: string): WarningLevel => COLOURS[colour];
  const grades = DEFAULT_WARNING_SETTINGS.default;

  /** The forecast a notice followed: its unit's, issued the same day, as the hub stores it. */
  function forecastBehind(notice: Record<string, any>) {
    const city = CITIES.find((c) => c.code === notice.cityCode)!;
    const day = Math.round(DateTime.fromSQL(notice.publishTime, { zone: CHINA_ZONE }).startOf('day').diff(SAMPLE_ANCHOR, 'days').days);
    const forecast = aqiForecasts.toDisclosure(aqiForecastsSample.record(day * CITIES.length + city.index, whole) as AqiForecastRecord, MAPPING);
    return attributesOf(forecast, 'aqi-forecast');
  }

  /** The upper ends of the run of forecast days above 200 that begins tomorrow: the episode ahead. */
  function episodeAhead(notice: Record<string, any>): number[] {
    const highs = forecastBehind(notice).days.map((d) => d.aqi.high);
    const end = highs.findIndex((h) => h <= WARNING_AQI_THRESHOLD);
    return highs.slice(0, end < 0 ? highs.length : end);
  }

  const hours = (from: string, to: string) => DateTime.fromSQL(to).diff(DateTime.fromSQL(from), 'hours').hours;

  it('issues the grade the episode ahead calls for, raises it only to such a grade, and lifts when no episode is ahead', () => {
    let checked = 0;
    for (const notice of notices) {
      const ahead = episodeAhead(notice);
      const called = warningGrade(ahead, grades)?.level ?? null;
      if (notice.noticeType === '解除') expect([notice.noticeNo, ahead]).toEqual([notice.noticeNo, []]);
      else if (notice.noticeType === '发布' || !notice.title.includes('延长')) expect([notice.noticeNo, levelOf(notice.warningLevel)]).toEqual([notice.noticeNo, called]);
      else expect(WARNING_LEVELS.indexOf(levelOf(notice.warningLevel))).toBeGreaterThanOrEqual(WARNING_LEVELS.indexOf(called!));
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('all four levels occur, each lasting the days above 200 its grade needs', () => {
    // The default grading: blue one day above 200, yellow two, orange three with one above 300, red
    // four with two above 300 (or a day at 500); the notice's own outlook gives the days.
    const minimumDays: Record<string, number> = { blue: 1, yellow: 2, orange: 3, red: 4 };
    const issued = notices.filter((n) => n.noticeType === '发布');
    expect(new Set(issued.map((n) => levelOf(n.warningLevel)))).toEqual(new Set(WARNING_LEVELS));
    for (const n of issued) {
      const ahead = episodeAhead(n);
      const days = hours(n.startTime, n.expectedEndTime) / 24;
      expect([n.noticeNo, days]).toEqual([n.noticeNo, ahead.length]);
      const level = levelOf(n.warningLevel);
      if (!(level === 'red' && ahead.some((h) => h >= 500))) expect([n.noticeNo, days >= minimumDays[level]]).toEqual([n.noticeNo, true]);
      if (level === 'orange' || level === 'red') expect(ahead.some((h) => h > 300)).toBe(true);
    }
  });

  it('a warning starts the day after its notice and is lifted only after it has started, never at once', () => {
    for (const n of notices) {
      expect([n.noticeNo, hours(n.publishTime, n.startTime) > 0 || n.noticeType !== '发布']).toEqual([n.noticeNo, true]);
      if (n.noticeType === '解除') {
        expect([n.noticeNo, hours(n.startTime, n.liftTime) >= 24]).toEqual([n.noticeNo, true]);
        expect([n.noticeNo, hours(n.publishTime, n.liftTime) > 0]).toEqual([n.noticeNo, true]);
      } else {
        expect([n.noticeNo, hours(n.startTime, n.expectedEndTime) >= 24]).toEqual([n.noticeNo, true]);
      }
    }
  });

  it('a unit’s notices alternate issue … lift, and adjust and lift notices name the notice that issued the warning', () => {
    const byCity = new Map<string, Array<Record<string, string>>>();
    for (const notice of notices) byCity.set(notice.cityName, [...(byCity.get(notice.cityName) ?? []), notice]);
    for (const ofCity of byCity.values()) {
      let open: string | undefined;
      for (const n of ofCity) {
        if (n.noticeType === '发布') {
          expect(open).toBeUndefined();
          open = n.noticeNo;
        } else {
          expect(n.relatedNoticeNo).toBe(open);
          if (n.noticeType === '解除') open = undefined;
        }
      }
    }
  });

  it('numbers a notice the same in every window that shows it', () => {
    const live = { ...whole, asOf: Date.parse('2026-11-20T20:00:00+08:00') };
    const shown = Array.from({ length: pollutionWarningsFeed.count(live) }, (_, i) => pollutionWarningsFeed.record(i, live) as Record<string, any>);
    const common = shown.filter((n) => notices.some((m) => m.publishTime === n.publishTime && m.cityCode === n.cityCode));
    expect(common.length).toBeGreaterThan(5);
    for (const n of common) expect(notices.find((m) => m.publishTime === n.publishTime && m.cityCode === n.cityCode)).toEqual(n);
  });
});

describe('emission results', () => {
  const indexes = Array.from({ length: o.scale }, (_, i) => i).filter((i) => !isMalformed(emissionsSample.path, i, o));
  const mapped = indexes.map((i) => ({ i, d: emissions.toDisclosure(emissionsSample.record(i, o) as EmissionRecord, MAPPING) }));

  it('disagree with their own flag exactly where the sample says, one in fifteen', () => {
    const disagreeing = mapped.filter(({ d }) => attributesOf(d, 'emission-result').flagDisagreement);
    expect(disagreeing.map(({ i }) => i)).toEqual(indexes.filter((i) => hasDisagreeingFlag(i, o)));
    expect(disagreeing.length).toBeGreaterThanOrEqual(Math.floor(indexes.length / 15));
    const kinds = new Set(disagreeing.map(({ d }) => JSON.stringify(attributesOf(d, 'emission-result').flagDisagreement)));
    expect(kinds).toEqual(new Set([JSON.stringify({ source: false, computed: true }), JSON.stringify({ source: true, computed: false })]));
  });

  it('name enterprises of the shared population, a share of them by an odd or bad code', () => {
    const codes = mapped.map(({ d }) => validateUscc(d.subject!.uscc!));
    const invalid = codes.filter((c) => !c.valid).length;
    expect(invalid).toBeGreaterThan(0);
    expect(invalid).toBeLessThan(codes.length * 0.1);
    expect(new Set(mapped.map(({ d }) => d.subject!.name)).size).toBeGreaterThan(50);
  });
});
