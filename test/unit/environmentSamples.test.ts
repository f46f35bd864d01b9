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
import type { StreamDefinition } from '../../src/sync/stream';
import { validatorFor } from '../../src/sync/validation';
import { validateUscc } from '../../src/domain/uscc';
import { compareCursors } from '../../src/sync/cursor';
import { MAPPING } from '../helpers/mapping';
import { attributesOf } from '../../src/domain/contract';

const o: FeedOptions = { ...DEFAULT_FEED_OPTIONS, scale: 300 };
const NEW_STREAMS = ['air-daily', 'aqi-forecasts', 'pollution-warnings', 'water-quality', 'emissions'];

function pair(name: string): { stream: StreamDefinition; feed: IndexedFeed } {
  const stream = environment.streams.find((s) => s.name === name)!;
  const feed = environmentFeeds.find((f) => f.path === `/environment/${name}`)!;
  return { stream, feed };
}

/** What the engine would do with a record: undefined when stored, else the stage it fails at. */
function fate(stream: StreamDefinition, record: unknown): 'validate' | 'map' | undefined {
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

describe('warnings follow from the forecasts', () => {
  // Whole sequences: a malformed notice would leave a gap in a city's issue … lift sequence.
  const whole = { ...o, malformedRate: 0 };

  it('every issue and adjust notice has the grade its city’s forecast of that day calls for', () => {
    let checked = 0;
    for (let i = 0; i < pollutionWarningsFeed.count(whole); i++) {
      const notice = pollutionWarningsFeed.record(i, whole) as Record<string, string>;
      const city = CITIES.find((c) => c.code === notice.cityCode)!;
      const day = Math.round(DateTime.fromSQL(notice.publishTime, { zone: CHINA_ZONE }).startOf('day').diff(SAMPLE_ANCHOR, 'days').days);
      const forecast = aqiForecasts.toDisclosure(aqiForecastsSample.record(day * CITIES.length + city.index, whole) as AqiForecastRecord, MAPPING);
      const warning = attributesOf(forecast, 'aqi-forecast').warning;
      if (notice.noticeType === '解除') expect(warning).toBeNull();
      else expect(`${notice.warningLevel}预警`).toBe(warning?.name);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('a city’s notices alternate issue … lift, and adjust and lift notices name the notice that issued the warning', () => {
    const byCity = new Map<string, Array<Record<string, string>>>();
    for (let i = 0; i < pollutionWarningsFeed.count(whole); i++) {
      const notice = pollutionWarningsFeed.record(i, whole) as Record<string, string>;
      byCity.set(notice.cityName, [...(byCity.get(notice.cityName) ?? []), notice]);
    }
    for (const notices of byCity.values()) {
      let open: string | undefined;
      for (const n of notices) {
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
