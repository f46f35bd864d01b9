import type { Knex } from 'knex';
import { environment } from '../../connectors/environment';
import { environmentFeeds } from '../../samples/environment';
import { hasDisagreeingFlag } from '../../samples/environment/emissions';
import { FLAG_DISAGREEMENT_MARKER } from '../../connectors/environment/emissions/stream';
import { aqiCategory } from '../../src/domain/aqi/computeAqi';
import { WATER_CLASSES } from '../../src/domain/waterQuality';
import { warningGrade } from '../../src/domain/pollutionWarning';
import { WARNING_LEVELS } from '../../src/domain/pollutionWarningGrading';
import { DEFAULT_WARNING_SETTINGS } from '../../connectors/environment/common/warningSettings';
import { latestAirQuality } from '../../src/graphql/environment/latestAirQuality';
import { isMalformed, type FeedOptions } from '../../samples/kit/feed';
import { DEFAULT_FEED_OPTIONS, startFeedServer, type RunningFeedServer } from '../../samples/kit/feedServer';
import { runSync } from '../../src/sync/runSync';
import type { StreamSummary } from '../../src/sync/engine';
import { MAPPING, REVIEW } from '../helpers/mapping';
import { fastHttp } from '../helpers/feeds';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

const SCALE = 300;
const OPTIONS: FeedOptions = { ...DEFAULT_FEED_OPTIONS, scale: SCALE };
const STREAMS = environment.streams.map((s) => `environment/${s.name}`);

/** How many records of a feed are deliberately malformed, and which indexes. */
function malformedIndexes(name: string): number[] {
  const feed = environmentFeeds.find((f) => f.path === `/environment/${name}`)!;
  return Array.from({ length: feed.count(OPTIONS) }, (_, i) => i).filter((i) => isMalformed(feed.path, i, OPTIONS));
}

describe.each(BACKENDS)('the environment connector on %s', (backend) => {
  let db: TestDatabase;
  let feeds: RunningFeedServer;
  let knex: Knex;
  let summaries: Map<string, StreamSummary>;
  const sync = (full = false) =>
    runSync({ knex, connectors: [environment], feedUrl: () => feeds.url, mapping: MAPPING, review: REVIEW, http: fastHttp(), full }).then(
      (list) => new Map(list.map((s) => [s.stream, s])),
    );
  const rows = (stream: string) => knex('disclosures').where({ stream: `environment/${stream}` });

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    knex = db.knex;
    feeds = await startFeedServer({ feeds: environmentFeeds, scale: SCALE });
    summaries = await sync();
  });
  afterAll(async () => {
    await feeds?.close();
    await db?.destroy();
  });

  test('every stream stores each valid record and quarantines exactly the malformed ones', async () => {
    expect([...summaries.keys()].map((s) => `environment/${s}`)).toEqual(STREAMS);
    for (const [name, summary] of summaries) {
      const feed = environmentFeeds.find((f) => f.path === `/environment/${name}`)!;
      const malformed = malformedIndexes(name).length;
      expect({ name, error: summary.error, fetched: summary.fetched }).toEqual({ name, error: undefined, fetched: feed.count(OPTIONS) });
      expect(summary.inserted + summary.updated + summary.unchanged + summary.quarantined).toBe(summary.fetched);
      expect({ name, quarantined: summary.quarantined }).toEqual({ name, quarantined: malformed });
      const stored = Number((await rows(name).count({ n: '*' }))[0].n);
      expect({ name, stored }).toEqual({ name, stored: summary.fetched - malformed });
    }
  });

  test('each stream keeps its cursor, and a second run stores nothing new', async () => {
    for (const stream of STREAMS) {
      const state = await knex('sync_state').where({ stream }).first();
      expect(state.cursor).toMatch(/^20\d\d-\d\d-\d\d \d\d:\d\d:\d\d$/);
    }
    const again = await sync();
    for (const summary of again.values()) {
      expect({ stream: summary.stream, inserted: summary.inserted, updated: summary.updated }).toEqual({ stream: summary.stream, inserted: 0, updated: 0 });
      // Incremental: the run asked from its cursor less the look-back, not from the beginning.
      const run = await knex('sync_runs').where({ id: summary.runId }).first();
      expect(run.cursor_from).toMatch(/^20\d\d-\d\d-\d\d \d\d:\d\d:\d\d$/);
    }
    // Where the sample spans more than the look-back, less is read again.
    expect(again.get('air-daily')!.fetched).toBeLessThan(summaries.get('air-daily')!.fetched);
  });

  test('daily AQI blocks are consistent: AQI is the largest sub-index, with its category and colour', async () => {
    const daily = await rows('air-daily').select('kind', 'title', 'attributes');
    expect(daily.length).toBeGreaterThan(250);
    for (const { kind, title, attributes } of daily) {
      const { aqi } = attributes;
      expect(kind).toBe('air-quality-daily');
      expect(aqi.aqi).toBe(Math.max(...(Object.values(aqi.iaqi) as number[])));
      const category = aqiCategory(aqi.aqi);
      expect([aqi.level, aqi.category, aqi.color]).toEqual([category.level, category.category, category.color]);
      expect(aqi.primaryPollutants.length > 0).toBe(aqi.aqi > 50);
      expect(attributes.reportedAqiMatches).toBe(true);
      expect(title).toContain(`AQI ${aqi.aqi} ${aqi.category}`);
    }
  });

  test('water classes, target checks and failing drinking-water sources are stored', async () => {
    const water = await rows('water-quality').select('attributes', 'search_text');
    const classes = new Set(water.map((r) => r.attributes.class));
    for (const c of classes) expect(WATER_CLASSES).toContain(c);
    expect(classes.size).toBeGreaterThanOrEqual(3);
    const byClass = await rows('water-quality').select(knex.raw("attributes->>'class' as class")).count({ n: '*' }).groupBy('class');
    expect(byClass.reduce((sum, r: any) => sum + Number(r.n), 0)).toBe(water.length);
    const failingSources = water.filter((r) => r.attributes.drinkingWater?.meets === false);
    expect(failingSources.length).toBeGreaterThan(0);
    for (const r of failingSources) {
      expect(r.attributes.flags).toContain('drinking-water-source-fails');
      expect(r.search_text).toContain('饮用水水源地');
    }
    for (const r of water) expect(r.attributes.meetsTarget).toBe(!r.attributes.flags.includes('below-target'));
  });

  test('emission flag disagreements are stored, countable in SQL and findable by search', async () => {
    const expected = Array.from({ length: SCALE }, (_, i) => i).filter(
      (i) => hasDisagreeingFlag(i, OPTIONS) && !isMalformed('/environment/emissions', i, OPTIONS),
    ).length;
    expect(expected).toBeGreaterThan(10);
    const counted = await rows('emissions').whereRaw("attributes->'flagDisagreement' is not null").count({ n: '*' });
    expect(Number(counted[0].n)).toBe(expected);
    const flagged = await rows('emissions').whereRaw("(attributes->>'flagsAgree')::boolean = false").count({ n: '*' });
    expect(Number(flagged[0].n)).toBe(expected);
    const searched = await rows('emissions').where('search_text', 'like', `%${FLAG_DISAGREEMENT_MARKER}%`).count({ n: '*' });
    expect(Number(searched[0].n)).toBe(expected);
    const hidden = await rows('emissions').whereRaw("attributes->'flagDisagreement' @> ?::jsonb", [JSON.stringify({ source: false, computed: true })]);
    for (const r of hidden) expect(r.attributes.exceeds).toBe(true);
  });

  test('polluters link to entities by valid codes only; odd and bad codes are kept and flagged', async () => {
    const emissionRows = await rows('emissions').select('subject_uscc', 'subject_uscc_valid', 'subject_uscc_reason', 'entity_uscc');
    const valid = emissionRows.filter((r) => r.subject_uscc_valid);
    const invalid = emissionRows.filter((r) => !r.subject_uscc_valid);
    expect(valid.length).toBeGreaterThan(invalid.length);
    expect(invalid.length).toBeGreaterThan(0);
    for (const r of valid) expect(r.entity_uscc).toBe(r.subject_uscc);
    for (const r of invalid) {
      expect(r.entity_uscc).toBeNull();
      expect(r.subject_uscc_reason).toMatch(/\S/);
    }
    const linked = new Set(valid.map((r) => r.entity_uscc));
    const entities = await knex('entities').whereIn('uscc', [...linked]).count({ n: '*' });
    expect(Number(entities[0].n)).toBe(linked.size);
    // Big local firms discharge at several outlets: some entity has more than one result.
    const repeated = await rows('emissions').whereNotNull('entity_uscc').groupBy('entity_uscc').having(knex.raw('count(*) > 1')).select('entity_uscc');
    expect(repeated.length).toBeGreaterThan(0);
  });

  test('stored warnings follow the stored forecasts of their unit and day: the episode ahead’s grade, lifted when none is ahead', async () => {
    const notices = await rows('pollution-warnings').select('region', 'published_at', 'title', 'attributes');
    expect(notices.length).toBeGreaterThan(10);
    let matched = 0;
    for (const n of notices) {
      // Notices follow the unit's 16:00 forecast within the hour after it.
      const from = new Date(new Date(n.published_at).getTime() - 2 * 3600 * 1000);
      const forecast = await rows('aqi-forecasts').where({ region: n.region }).whereBetween('published_at', [from, n.published_at]).first();
      if (!forecast) continue; // that forecast was one of the malformed records
      const highs: number[] = forecast.attributes.days.map((d: any) => d.aqi.high);
      const end = highs.findIndex((h) => h <= 200);
      const ahead = warningGrade(highs.slice(0, end < 0 ? highs.length : end), DEFAULT_WARNING_SETTINGS.default)?.level ?? null;
      const level = n.attributes.level.name;
      if (n.attributes.action.name === 'lift') expect([n.title, ahead]).toEqual([n.title, null]);
      else if (n.attributes.action.name === 'issue' || !n.title.includes('延长')) expect([n.title, level]).toEqual([n.title, ahead]);
      else expect(WARNING_LEVELS.indexOf(level)).toBeGreaterThanOrEqual(WARNING_LEVELS.indexOf(ahead!));
      // Lifted after it started; in force a whole day at least.
      const { startTime, expectedEndTime, liftTime } = n.attributes;
      expect([n.title, (liftTime ?? expectedEndTime) > startTime]).toEqual([n.title, true]);
      matched++;
    }
    expect(matched).toBeGreaterThan(notices.length - 3);
  });

  test('the board over month-old readings says how old they are (2026-11-01 on 2026-12-01)', async () => {
    const board = await latestAirQuality(knex, new Date('2026-12-01T06:00:00Z'));
    expect(board).toHaveLength(13);
    for (const c of board) {
      expect(c.dataAge).toMatchObject({ asOf: c.publishedAt, periodSeconds: 3600, stale: true });
      expect(c.dataAge.seconds).toBeGreaterThan(29 * 24 * 3600);
    }
    // An hour after its latest time point the board is current; two hours and a second after, stale.
    const newest = Math.max(...board.map((c) => c.publishedAt.getTime()));
    const at = async (ms: number) => (await latestAirQuality(knex, new Date(newest + ms))).find((c) => c.publishedAt.getTime() === newest)!.dataAge;
    expect(await at(3600 * 1000)).toMatchObject({ seconds: 3600, stale: false });
    expect(await at(7200 * 1000)).toMatchObject({ seconds: 7200, stale: false });
    expect(await at(7201 * 1000)).toMatchObject({ seconds: 7201, stale: true });
  });

  test('every record is placed in 大庆市 or, for air quality, in one of the province’s prefecture units', async () => {
    const divisions = new Set([MAPPING.city.name, ...MAPPING.city.districts.map((d) => d.name)]);
    const units = new Set(MAPPING.city.prefectures.map((p) => p.name));
    const regions = await knex('disclosures').where({ domain: 'ENVIRONMENT' }).distinct('stream', 'region');
    for (const { stream, region } of regions) {
      const own = stream === 'environment/water-quality' || stream === 'environment/emissions';
      expect([stream, region, own ? divisions.has(region) : units.has(region) || divisions.has(region)]).toEqual([stream, region, true]);
    }
  });
});
