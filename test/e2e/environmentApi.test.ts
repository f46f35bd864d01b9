import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, type ConstDirectiveNode, type StringValueNode } from 'graphql';
import { aqiCategory, computeAqi, type AqiInput } from '../../src/domain/aqi/computeAqi';
import { DEFAULT_CITY } from '../../src/config/city';
import { buildSchema, SCHEMA_DIR } from '../../src/graphql/schema';
import type { RunningHub } from '../../src/hub';
import { everyFieldFragment } from '../helpers/fullSelection';
import { graphql } from '../helpers/graphql';
import { startTestHub, type TestHub } from '../helpers/hub';
import { BACKENDS } from '../helpers/testDatabase';
import { citiesElsewhereIn } from '../helpers/placesElsewhere';

// The environment API end to end: the hub over HTTP, its start-up sync of the bundled environment
// sample feeds, each environment type through `disclosures` and through the domain queries.

/** HJ 633-2012 levels (docs/standards/aqi.md): upper AQI bound, category and colour of levels 1–6. */
const AQI_LEVELS = [
  { max: 50, category: '优', color: '#00E400' },
  { max: 100, category: '良', color: '#FFFF00' },
  { max: 150, category: '轻度污染', color: '#FF7E00' },
  { max: 200, category: '中度污染', color: '#FF0000' },
  { max: 300, category: '重度污染', color: '#99004C' },
  { max: Infinity, category: '严重污染', color: '#7E0023' },
];
/** Heilongjiang's 13 prefecture units, the provincial air board's (docs/standards/city.md). */
const PREFECTURE_UNITS = ['哈尔滨市', '齐齐哈尔市', '鸡西市', '鹤岗市', '双鸭山市', '大庆市', '伊春市', '佳木斯市', '七台河市', '牡丹江市', '黑河市', '绥化市', '大兴安岭地区'];
/** 大庆市 and its districts and counties. */
const DAQING_DIVISIONS = ['大庆市', '萨尔图区', '龙凤区', '让胡路区', '红岗区', '大同区', '肇州县', '肇源县', '林甸县', '杜尔伯特蒙古族自治县'];
const WATER_CLASSES = ['I', 'II', 'III', 'IV', 'V', '劣V'];
const FAR_FUTURE = '2100-01-01T00:00:00.000Z';
const HOUR_MS = 3600 * 1000;

const AQI = `aqi { aqi level category color primaryPollutants exceedingPollutants iaqi healthEffect advice pollutantsPresent standard warnings }`;
const STATION = `station { code name city longitude latitude }`;
const HOURLY = `... on AirQualityReport { id kind title publishedAt timePoint ${STATION}
  concentrations { so2_1h no2_1h co_1h o3_1h o3_8h pm10_24h pm25_24h } ${AQI} }`;
const DAILY = `... on AirQualityDailyReport { id kind title publishedAt city { code name } date
  concentrations { so2_24h no2_24h co_24h pm10_24h pm25_24h o3_8h o3_1h } ${AQI} reported { aqi quality primaryPollutant } reportedAqiMatches }`;
const LEVEL = `{ level category color }`;
const DATA_AGE = `dataAge { asOf seconds periodSeconds stale }`;
const FORECAST = `... on AqiForecast { id kind title publisher publishedAt city { code name } issuedAt
  days { date aqi { low high } category { low ${LEVEL} high ${LEVEL} } levelText primaryPollutant primaryPollutantText healthEffect advice }
  warning { level name response } ${DATA_AGE} }`;
const NOTICE = `id publishedAt city { code name } noticeNo episodeNoticeNo action actionText level colour response startTime expectedEndTime liftTime measures`;
const WARNING = `... on PollutionWarning { kind title ${NOTICE} episode { id publishedAt noticeNo episodeNoticeNo action city { name } } }`;
const WATER = `... on WaterQualityReport { id kind title publisher publishedAt division { name code } section { code name water type waterBody district } samplingTime targetClass class
  limitingParameters parameters { parameter value class reference exceedanceMultiple meetsTarget belowDetectionLimit } exceedances { parameter value limit multiple }
  meetsTarget drinkingWaterSource protectionZone drinkingWater { zone requiredClass meets } belowDetectionLimit ignoredParameters referenceClasses { tn } flags ${DATA_AGE} }`;
const EMISSION = `... on EmissionResult { id kind title publishedAt subject { uscc usccValid } district outlet { code name medium } pollutant
  dischargeMethod { organisation pattern } monitoringMethod monitoredAt concentration { value unit unitAsWritten } limit { value unit standard }
  exceeds exceedanceMultiple source { exceeds multiple multipleAsWritten } flagsAgree flagDisagreement { source computed } annualTotal { value unit } }`;

const KINDS = [
  { kind: 'air-quality-hourly', type: 'AirQualityReport', fragment: HOURLY, field: 'airQuality', args: {} },
  { kind: 'air-quality-daily', type: 'AirQualityDailyReport', fragment: DAILY },
  { kind: 'aqi-forecast', type: 'AqiForecast', fragment: FORECAST },
  { kind: 'pollution-warning', type: 'PollutionWarning', fragment: WARNING, field: 'pollutionWarnings', args: { at: FAR_FUTURE } },
  { kind: 'water-quality', type: 'WaterQualityReport', fragment: WATER, field: 'waterSections', args: { latestOnly: false } },
  { kind: 'emission-result', type: 'EmissionResult', fragment: EMISSION, field: 'emissionResults', args: {} },
] as const;

/** The arguments of the domain queries and their GraphQL types. */
const ARG_TYPES: Record<string, string> = {
  first: 'Int', after: 'String', city: 'String', station: 'String', from: 'DateTime', to: 'DateTime', class: 'String', belowTarget: 'Boolean',
  drinkingWaterOnly: 'Boolean', section: 'String', latestOnly: 'Boolean', uscc: 'String', exceedsOnly: 'Boolean', disagreementsOnly: 'Boolean',
  activeOnly: 'Boolean', at: 'DateTime', search: 'String',
};

describe.each(BACKENDS)('environment API on %s, over HTTP', (backend) => {
  let running: TestHub;
  let hub: RunningHub;
  let startedAt: number;

  /** A query that must succeed: its data. */
  async function query(text: string, variables?: object): Promise<any> {
    const { status, body } = await graphql(hub.url, text, variables);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    return body.data;
  }

  /** One page of a connection field (a domain query or `disclosures`): its nodes, total and page info. */
  async function page(field: string, fragment: string, args: Record<string, unknown> = {}) {
    const given = Object.entries({ first: 100, ...args }).filter(([, v]) => v !== undefined);
    const types = field === 'disclosures' ? { ...ARG_TYPES, filter: 'DisclosureFilter' } : ARG_TYPES;
    const declared = given.map(([name]) => `$${name}: ${types[name]}`).join(', ');
    const passed = given.map(([name]) => `${name}: $${name}`).join(', ');
    const data = await query(
      `query(${declared}) { c: ${field}(${passed}) { totalCount pageInfo { hasNextPage endCursor } edges { node { __typename ${fragment} } } } }`,
      Object.fromEntries(given),
    );
    return { nodes: data.c.edges.map((e: any) => e.node), total: data.c.totalCount as number, pageInfo: data.c.pageInfo };
  }

  /** Every node of a connection field, following endCursor. */
  async function all(field: string, fragment: string, args: Record<string, unknown> = {}) {
    const nodes: any[] = [];
    let after: string | undefined;
    for (;;) {
      const p = await page(field, fragment, { ...args, after });
      nodes.push(...p.nodes);
      if (!p.pageInfo.hasNextPage) {
        expect(nodes).toHaveLength(p.total);
        return nodes;
      }
      after = p.pageInfo.endCursor;
    }
  }

  const total = async (field: string, args: Record<string, unknown>) => (await page(field, 'id', { ...args, first: 0 })).total;
  const ids = (nodes: any[]) => nodes.map((n) => n.id).sort();

  beforeAll(async () => {
    // The hub over HTTP on a fresh database, scale 300, scheduler off, start-up sync done.
    startedAt = Date.now();
    running = await startTestHub(backend, { HUB_SAMPLE_SCALE: '300' });
    hub = running.hub;
    const summaries = await hub.initialSync;
    for (const stream of ['air-hourly', 'air-daily', 'aqi-forecasts', 'pollution-warnings', 'water-quality', 'emissions']) {
      const summary = summaries.find((s) => s.connector === 'environment' && s.stream === stream);
      expect([stream, summary?.error]).toEqual([stream, undefined]);
      expect(summary!.inserted).toBeGreaterThan(20);
    }
  }, 300_000);
  afterAll(() => running?.stop());

  test('each environment kind is its own type through disclosures(filter: {kind}), with the same list as its domain query', async () => {
    for (const { kind, type, fragment, ...domain } of KINDS) {
      const listed = await page('disclosures', `domain kind ${fragment}`, { first: 5, filter: { kind } });
      expect(listed.nodes).toHaveLength(5);
      for (const node of listed.nodes) expect(node).toMatchObject({ __typename: type, domain: 'ENVIRONMENT', kind });
      if ('field' in domain) {
        const own = await page(domain.field, fragment, { ...domain.args, first: 5 });
        expect([kind, own.total]).toEqual([kind, listed.total]);
        expect(own.nodes.map((n: any) => n.id)).toEqual(listed.nodes.map((n: any) => n.id));
      }
      const one = await query(`query($id: ID!) { disclosure(id: $id) { __typename ${fragment} } }`, { id: listed.nodes[0].id });
      const { domain: _domain, ...fields } = listed.nodes[0];
      // A data age counts on between the two answers; everything else is the same.
      expect(withoutAgeSeconds(one.disclosure)).toEqual(withoutAgeSeconds(fields));
    }
  });

  test('every field of every environment type resolves on every stored record', async () => {
    const schema = buildSchema();
    for (const { kind, type } of KINDS) {
      const nodes = await all('disclosures', everyFieldFragment(schema, type), { filter: { kind } });
      expect([kind, nodes.length > 20]).toEqual([kind, true]);
      for (const node of nodes) expect(node.__typename).toBe(type);
    }
  });

  test('airQuality filters hourly readings by city, station and time point', async () => {
    const city = '大庆市';
    const newest = (await page('airQuality', HOURLY, { city, first: 1 })).nodes[0];
    expect(newest.station.city).toBe(city);
    const to = new Date(newest.publishedAt);
    const from = new Date(to.getTime() - 3 * HOUR_MS);
    const window = await all('airQuality', HOURLY, { city, from: from.toISOString(), to: to.toISOString() });
    expect(window.length).toBeGreaterThan(5);
    for (const r of window) {
      expect(r.station.city).toBe(city);
      expect(r.title).toContain(city);
      const at = Date.parse(r.publishedAt);
      expect(at >= from.getTime() && at < to.getTime()).toBe(true);
      expect(chinaTime(r.publishedAt)).toBe(r.timePoint);
    }
    const byColumns = await total('disclosures', {
      filter: { kind: 'air-quality-hourly', region: city, publishedFrom: from.toISOString(), publishedTo: to.toISOString() },
    });
    expect(window).toHaveLength(byColumns);

    // A station by code or by name; and a station of another city matches nothing.
    const { code, name } = newest.station;
    const byCode = await all('airQuality', HOURLY, { station: code });
    expect(byCode.length).toBeGreaterThan(1);
    for (const r of byCode) expect(r.station).toMatchObject({ code, name, city });
    expect(ids(await all('airQuality', HOURLY, { city, station: name }))).toEqual(ids(byCode));
    expect(await total('airQuality', { city: '哈尔滨市', station: code })).toBe(0);

    const backwards = await graphql(hub.url, `{ airQuality(from: "2026-11-02T00:00:00Z", to: "2026-11-01T00:00:00Z") { totalCount } }`);
    expect(backwards.body.errors[0]).toMatchObject({ message: '"from" must not be after "to"', extensions: { code: 'BAD_USER_INPUT' } });
  });

  test('a daily report carries the daily AQI: the largest sub-index, with the standard category and colour, and whether the platform agrees', async () => {
    const reports = await all('disclosures', DAILY, { filter: { kind: 'air-quality-daily' } });
    expect(reports.length).toBeGreaterThan(250);
    for (const r of reports) {
      expectAqiBlock(r.aqi);
      expect(r.city.code).toMatch(/^23\d{4}$/);
      expect(PREFECTURE_UNITS).toContain(r.city.name);
      expect(r.date).toBe(chinaTime(r.publishedAt).slice(0, 10));
      expect(r.title).toContain(`AQI ${r.aqi.aqi} ${r.aqi.category}`);
      expect(r.reportedAqiMatches).toBe(r.reported.aqi === null ? null : r.reported.aqi === r.aqi.aqi);
    }
    expect(reports.filter((r) => r.reportedAqiMatches === true).length).toBeGreaterThan(200);
  });

  test('latestAirQuality gives each of the province’s 13 units at its latest time point: mean concentrations, their AQI, the worst station and the data’s age', async () => {
    const { body, headers } = await graphql(
      hub.url,
      `{ latestAirQuality { city timePoint publishedAt stationCount concentrations { so2_1h no2_1h co_1h o3_1h o3_8h pm10_24h pm25_24h } ${AQI}
         worstStation { ${STATION} ${AQI} } ${DATA_AGE} } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(headers.get('cache-control')).toBe('max-age=300, public');
    const board = body.data.latestAirQuality;
    expect(board.map((c: any) => c.city).sort()).toEqual([...PREFECTURE_UNITS].sort());
    expect(board.map((c: any) => c.aqi.aqi)).toEqual(board.map((c: any) => c.aqi.aqi).sort((a: number, b: number) => b - a));

    for (const c of board) {
      const newest = (await page('airQuality', HOURLY, { city: c.city, first: 1 })).nodes[0];
      expect([c.city, c.timePoint, c.publishedAt]).toEqual([c.city, newest.timePoint, newest.publishedAt]);
      const at = Date.parse(c.publishedAt);
      const readings = await all('airQuality', HOURLY, { city: c.city, from: c.publishedAt, to: new Date(at + 1).toISOString() });
      expect(c.stationCount).toBe(readings.length);

      const means = meanConcentrations(readings.map((r) => r.concentrations));
      for (const [key, value] of Object.entries(means)) {
        if (value === null) expect([key, c.concentrations[key]]).toEqual([key, null]);
        else expect([key, c.concentrations[key]]).toEqual([key, expect.closeTo(value, 6)]);
      }
      expectAqiBlock(c.aqi);
      expect(c.aqi.aqi).toBe(computeAqi(means as AqiInput).aqi);

      const worst = Math.max(...readings.map((r) => r.aqi.aqi));
      expect(c.worstStation.aqi.aqi).toBe(worst);
      expect(c.worstStation.station.city).toBe(c.city);
      const itsReading = readings.find((r) => r.station.code === c.worstStation.station.code);
      expect(itsReading.aqi).toEqual(c.worstStation.aqi);

      // The hub serves its samples as of its start, when the newest published hour was at most an
      // hour and a half old: the board's data has aged since by the time the test took, not a month.
      expectDataAge(c.dataAge, c.publishedAt, 3600);
      expect([c.city, c.dataAge.seconds <= (Date.now() - startedAt) / 1000 + 5400]).toEqual([c.city, true]);
    }
  });

  test('a forecast gives each day its AQI range with both ends coloured, and calls for a warning exactly when a day may exceed 200', async () => {
    const forecasts = await all('disclosures', FORECAST, { filter: { kind: 'aqi-forecast' } });
    expect(forecasts.length).toBeGreaterThan(250);
    for (const f of forecasts) {
      expect(PREFECTURE_UNITS).toContain(f.city.name);
      expect(f.issuedAt).toBe(chinaTime(f.publishedAt));
      expect(f.days.length).toBe(5);
      for (const day of f.days) {
        expect(day.aqi.low).toBeLessThanOrEqual(day.aqi.high);
        expect(day.aqi.high).toBeLessThanOrEqual(500);
        for (const end of ['low', 'high'] as const) {
          const level = levelOf(day.aqi[end]);
          expect(day.category[end]).toEqual({ level, category: AQI_LEVELS[level - 1].category, color: AQI_LEVELS[level - 1].color });
        }
        // The health effect and advice of the upper end's level, as a measured AQI block gives them.
        const { healthEffect, advice } = aqiCategory(day.aqi.high);
        expect([day.date, day.healthEffect, day.advice]).toEqual([day.date, healthEffect, advice]);
        if (day.primaryPollutant !== null) expect(['so2', 'no2', 'pm10', 'co', 'o3', 'pm25']).toContain(day.primaryPollutant);
      }
      expectDataAge(f.dataAge, f.publishedAt, 86_400);
      expect(f.publisher).toBe(f.city.name === DEFAULT_CITY.name ? DEFAULT_CITY.authorities.ecology : `${f.city.name}生态环境局`);
      const above200 = f.days.some((d: any) => d.aqi.high > 200);
      expect([f.id, f.warning !== null]).toEqual([f.id, above200]);
      if (f.warning) {
        expect(['BLUE', 'YELLOW', 'ORANGE', 'RED']).toContain(f.warning.level);
        expect(f.warning.name).toMatch(/^[蓝黄橙红]色预警$/);
        expect(f.title).toContain(`达到${f.warning.name}条件`);
      }
    }
    expect(forecasts.filter((f) => f.warning).length).toBeGreaterThan(0);
    // A heavily polluted day's forecast advises as HJ 633-2012 does for its level.
    const heavy = forecasts.flatMap((f) => f.days).find((d) => d.aqi.high > 200 && d.aqi.high <= 300);
    expect(heavy.advice).toBe('儿童、老年人和心脏病、肺病患者应停留在室内，停止户外运动，一般人群减少户外运动');
    // The newest issue of each unit is current; forecasts from the start of the window are stale.
    expect(forecasts.some((f) => !f.dataAge.stale)).toBe(true);
    expect(forecasts.some((f) => f.dataAge.stale)).toBe(true);
  });

  test('warning notices: action, level and times as written, and the episode from issue to lift', async () => {
    const notices = await all('pollutionWarnings', WARNING, { at: FAR_FUTURE });
    expect(notices.length).toBeGreaterThan(10);
    const colours: Record<string, string> = { BLUE: '蓝色', YELLOW: '黄色', ORANGE: '橙色', RED: '红色' };
    const actions: Record<string, string> = { ISSUE: '发布', ADJUST: '调整', LIFT: '解除' };
    for (const n of notices) {
      expect(n.noticeNo).toMatch(/〔\d{4}〕\d+号$/);
      expect(n.actionText).toBe(actions[n.action]);
      expect(n.colour).toBe(colours[n.level]);
      if (n.action === 'LIFT') {
        expect([n.noticeNo, n.liftTime, n.expectedEndTime, n.measures]).toEqual([n.noticeNo, expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/), null, []]);
      } else {
        expect([n.noticeNo, n.liftTime, n.measures.length > 0]).toEqual([n.noticeNo, null, true]);
        expect(n.expectedEndTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      }
      // The episode: every notice of this warning, the issuing one first, this one among them (unless
      // the issuing notice was one of the feed's malformed records, waiting in quarantine).
      expect(n.episode.map((e: any) => e.id)).toContain(n.id);
      if (notices.some((m) => m.noticeNo === n.episodeNoticeNo)) expect(n.episode[0]).toMatchObject({ action: 'ISSUE', noticeNo: n.episodeNoticeNo });
      else expect(n.action).not.toBe('ISSUE');
      for (const e of n.episode) expect(e).toMatchObject({ episodeNoticeNo: n.episodeNoticeNo, city: { name: n.city.name } });
      const times = n.episode.map((e: any) => Date.parse(e.publishedAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    expect(notices.some((n) => n.action === 'LIFT')).toBe(true);

    const city = notices[0].city.name;
    const ofCity = await all('pollutionWarnings', 'id', { city, at: FAR_FUTURE });
    expect(ids(ofCity)).toEqual(ids(notices.filter((n) => n.city.name === city)));
    expect(await total('pollutionWarnings', { at: '2026-10-01T00:00:00Z' })).toBe(0);
  });

  test('activeOnly lists the latest notice of each warning in force at the instant asked', async () => {
    const notices = await all('pollutionWarnings', WARNING, { at: FAR_FUTURE });
    // Instants around every notice and every end a notice names.
    const instants = new Set<number>();
    for (const n of notices) {
      instants.add(Date.parse(n.publishedAt));
      instants.add(Date.parse(n.publishedAt) - 1000);
      for (const end of [n.expectedEndTime, n.liftTime].filter(Boolean)) {
        instants.add(chinaInstant(end));
        instants.add(chinaInstant(end) - 1000);
      }
    }
    let nonEmpty = 0;
    let liftInForce = 0;
    for (const at of instants) {
      const expected = activeAt(notices, at);
      const active = await all('pollutionWarnings', '... on PollutionWarning { id action }', { activeOnly: true, at: new Date(at).toISOString() });
      expect([new Date(at).toISOString(), ids(active)]).toEqual([new Date(at).toISOString(), ids(expected)]);
      if (active.length > 0) nonEmpty++;
      if (active.some((n) => n.action === 'LIFT')) liftInForce++;
    }
    expect(nonEmpty).toBeGreaterThan(5);
    // A lift published in the evening for midnight leaves the warning in force until midnight.
    expect(liftInForce).toBeGreaterThan(0);
  });

  test('waterSections: the latest result of each section by default; class, target and drinking-water filters narrow to matching results', async () => {
    const latest = await all('waterSections', WATER);
    const every = await all('waterSections', WATER, { latestOnly: false });
    expect(latest).toHaveLength(new Set(every.map((r) => r.section.code)).size);
    expect(new Set(latest.map((r) => r.section.code)).size).toBe(latest.length);
    for (const r of latest) {
      const newest = every.filter((e) => e.section.code === r.section.code).sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt))[0];
      expect(r.id).toBe(newest.id);
    }

    for (const latestOnly of [true, false]) {
      const results = latestOnly ? latest : every;
      let sum = 0;
      for (const waterClass of WATER_CLASSES) {
        const ofClass = await all('waterSections', WATER, { class: waterClass, latestOnly });
        for (const r of ofClass) expect(r.class).toBe(waterClass);
        expect(ids(ofClass)).toEqual(ids(results.filter((r) => r.class === waterClass)));
        sum += ofClass.length;
      }
      expect(sum).toBe(results.length);
      const below = await all('waterSections', WATER, { belowTarget: true, latestOnly });
      const meeting = await all('waterSections', WATER, { belowTarget: false, latestOnly });
      expect(ids(below)).toEqual(ids(results.filter((r) => !r.meetsTarget)));
      expect(below.length + meeting.length).toBe(results.length);
      for (const r of meeting) expect(r.meetsTarget).toBe(true);
      const drinking = await all('waterSections', WATER, { drinkingWaterOnly: true, latestOnly });
      expect(ids(drinking)).toEqual(ids(results.filter((r) => r.drinkingWaterSource)));
    }
    // Chinese spellings of a class read as the class.
    expect(await total('waterSections', { class: 'Ⅲ类', latestOnly: false })).toBe(await total('waterSections', { class: 'III', latestOnly: false }));
    expect(await total('waterSections', { class: '劣Ⅴ类', latestOnly: false })).toBe(await total('waterSections', { class: '劣V', latestOnly: false }));
    const unknown = await graphql(hub.url, `{ waterSections(class: "VI") { totalCount } }`);
    expect(unknown.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(unknown.body.errors[0].message).toMatch(/"class" must be one of I, II, III, IV, V, 劣V/);

    // A section's history: every result of one section, newest first.
    const code = latest[0].section.code;
    const history = await all('waterSections', WATER, { section: code, latestOnly: false });
    expect(ids(history)).toEqual(ids(every.filter((r) => r.section.code === code)));
    expect(history[0].id).toBe(latest[0].id);
  });

  test('a water result classes each parameter against the target: below target means meetsTarget false, with the failing parameters and their multiples', async () => {
    const every = await all('waterSections', WATER, { latestOnly: false });
    const below = every.filter((r) => !r.meetsTarget);
    expect(below.length).toBeGreaterThan(0);
    const rank = (c: string) => WATER_CLASSES.indexOf(c);
    for (const r of every) {
      expect(r.meetsTarget).toBe(rank(r.class) <= rank(r.targetClass));
      expect(r.flags.includes('below-target')).toBe(!r.meetsTarget);
      const classified = r.parameters.filter((p: any) => p.class !== null && !p.reference);
      expect(r.class).toBe(WATER_CLASSES[Math.max(...classified.map((p: any) => rank(p.class)))]);
      expect(r.limitingParameters.sort()).toEqual(classified.filter((p: any) => p.class === r.class).map((p: any) => p.parameter).sort());
      for (const p of r.parameters) {
        expect(p.belowDetectionLimit).toBe(r.belowDetectionLimit.includes(p.parameter));
        if (p.reference) {
          // A lake's TN: classed on its own, beside the class, and held to no target (环办〔2011〕22号).
          expect([r.section.waterBody, p.parameter, p.class, p.meetsTarget, p.exceedanceMultiple]).toEqual(['LAKE', 'TN', r.referenceClasses.tn, null, null]);
          continue;
        }
        if (p.class === null) {
          expect([p.parameter, p.meetsTarget, p.exceedanceMultiple]).toEqual([p.parameter, null, null]);
          expect(r.ignoredParameters).toContain(p.parameter);
          continue;
        }
        expect(p.meetsTarget).toBe(rank(p.class) <= rank(r.targetClass));
        if (p.parameter === 'PH') expect(p.exceedanceMultiple).toBeNull();
        else if (p.meetsTarget) expect(p.exceedanceMultiple).toBe(0);
        else expect(p.exceedanceMultiple).toBeGreaterThan(0);
      }
      const failing = r.parameters.filter((p: any) => p.meetsTarget === false);
      expect(r.exceedances.map((e: any) => e.parameter)).toEqual(failing.map((p: any) => p.parameter));
      for (const e of r.exceedances) {
        const p = failing.find((f: any) => f.parameter === e.parameter);
        expect([e.parameter, e.value, e.multiple]).toEqual([p.parameter, p.value, p.exceedanceMultiple]);
        if (e.limit !== null && e.parameter !== 'DO') expect(e.multiple).toBeCloseTo((e.value - e.limit) / e.limit, 9);
      }
      if (r.drinkingWaterSource) {
        const required = r.protectionZone === '一级' ? 'II' : 'III';
        expect(r.drinkingWater).toEqual({ zone: r.protectionZone, requiredClass: required, meets: rank(r.class) <= rank(required) });
      } else {
        expect([r.protectionZone, r.drinkingWater]).toEqual([null, null]);
      }
      expect(r.section.waterBody).toBe(r.section.type === '河流' ? 'RIVER' : 'LAKE');
      const tn = r.parameters.find((p: any) => p.parameter === 'TN');
      if (r.section.waterBody === 'RIVER') expect([r.referenceClasses.tn, r.ignoredParameters.includes('TN')]).toEqual([null, tn !== undefined]);
      else expect(r.referenceClasses.tn).toBe(tn?.class ?? null);
      expect(r.publisher).toBe(DEFAULT_CITY.authorities.ecology);
      expect(DAQING_DIVISIONS).toContain(r.division.name);
      expectDataAge(r.dataAge, r.publishedAt, 86_400);
    }
    // The plain's lakes carry more nitrogen than their class: some lake is classed better than its TN.
    expect(every.some((r) => r.referenceClasses.tn !== null && rank(r.referenceClasses.tn) > rank(r.class))).toBe(true);
  });

  test('emissionResults: the hub computes exceedance, compares the platform flag, and exceedsOnly and disagreementsOnly return exactly the matching results', async () => {
    const results = await all('emissionResults', EMISSION);
    expect(results.length).toBeGreaterThan(250);
    for (const r of results) {
      expect(r.exceeds).toBe(r.concentration.value > r.limit.value);
      if (r.exceeds) expect(r.exceedanceMultiple).toBeCloseTo((r.concentration.value - r.limit.value) / r.limit.value, 9);
      else expect(r.exceedanceMultiple).toBe(0);
      const agree = r.source.exceeds === null || r.source.exceeds === r.exceeds;
      expect(r.flagsAgree).toBe(agree);
      expect(r.flagDisagreement).toEqual(agree ? null : { source: r.source.exceeds, computed: r.exceeds });
      expect(r.limit.unit).toBe(r.concentration.unit);
      if (r.annualTotal) expect(r.annualTotal.unit).toBe('t');
      else expect(r.dischargeMethod.organisation).toBe('无组织');
    }
    const exceeding = await all('emissionResults', EMISSION, { exceedsOnly: true });
    const disagreeing = await all('emissionResults', EMISSION, { disagreementsOnly: true });
    const both = await all('emissionResults', EMISSION, { exceedsOnly: true, disagreementsOnly: true });
    expect(exceeding.length).toBeGreaterThan(0);
    expect(disagreeing.length).toBeGreaterThan(0);
    expect(ids(exceeding)).toEqual(ids(results.filter((r) => r.exceeds)));
    expect(ids(disagreeing)).toEqual(ids(results.filter((r) => !r.flagsAgree)));
    expect(ids(both)).toEqual(ids(results.filter((r) => r.exceeds && !r.flagsAgree)));
    expect(await total('emissionResults', { exceedsOnly: false, disagreementsOnly: false })).toBe(results.length);

    // One unit's results, its code given in lower case.
    const uscc = results.find((r) => r.subject?.usccValid).subject.uscc;
    const ofUnit = await all('emissionResults', EMISSION, { uscc: ` ${uscc.toLowerCase()} ` });
    expect(ofUnit.length).toBeGreaterThan(0);
    expect(ids(ofUnit)).toEqual(ids(results.filter((r) => r.subject?.uscc === uscc)));
  });

  test('every environment record is placed in 大庆市 or, for the provincial air board, one of the province’s 13 units; none names another province’s city', async () => {
    const { stats } = await query(`{ stats(groupBy: REGION, filter: { domain: ENVIRONMENT }) { key count } }`);
    expect(stats.length).toBeGreaterThan(13);
    for (const { key } of stats) expect([key, DAQING_DIVISIONS.includes(key) || PREFECTURE_UNITS.includes(key)]).toEqual([key, true]);
    // Water and emissions are the city's own: its districts and counties.
    for (const kind of ['water-quality', 'emission-result']) {
      const { stats: ofKind } = await query(`query($kind: String!) { stats(groupBy: REGION, filter: { kind: $kind }) { key } }`, { kind });
      for (const { key } of ofKind) expect([kind, key, DAQING_DIVISIONS.includes(key)]).toEqual([kind, key, true]);
    }

    const found = await page('disclosures', 'domain', { first: 1, search: '大庆', filter: { domain: 'ENVIRONMENT' } });
    expect(found.total).toBeGreaterThan(100);

    const records = await all('disclosures', 'title publisher subject { name }', { filter: { domain: 'ENVIRONMENT' } });
    for (const r of records) {
      const text = `${r.title} ${r.publisher ?? ''} ${r.subject?.name ?? ''}`;
      expect([text, citiesElsewhereIn(text)]).toEqual([text, []]);
    }
  });

  test('domain answers may be cached: air quality five minutes, water and emissions fifteen', async () => {
    const expected: Array<[string, number]> = [
      ['airQuality', 300],
      ['pollutionWarnings', 300],
      ['waterSections', 900],
      ['emissionResults', 900],
    ];
    for (const [field, maxAge] of expected) {
      const { headers } = await graphql(hub.url, `{ ${field}(first: 1) { totalCount pageInfo { hasNextPage } } }`);
      expect([field, headers.get('cache-control')]).toEqual([field, `max-age=${maxAge}, public`]);
    }
    const board = await graphql(hub.url, `{ latestAirQuality { city worstStation { station { code } } } }`);
    expect(board.headers.get('cache-control')).toBe('max-age=300, public');
  });

  test('every environment type, field and argument is described in English with the Chinese term; types carry their cache hints', () => {
    const document = parse(fs.readFileSync(path.join(SCHEMA_DIR, 'environment.graphql'), 'utf8'));
    const undescribed: string[] = [];
    const check = (where: string, description: StringValueNode | undefined) => {
      if (!description || !/[A-Za-z].*\([^)]*[\u4e00-\u9fff][^)]*\)/s.test(description.value)) undescribed.push(where);
    };
    const cache = (directives: readonly ConstDirectiveNode[] | undefined) =>
      directives?.find((d) => d.name.value === 'cacheControl')?.arguments?.map((a) => `${a.name.value}:${(a.value as any).value}`).join(',');
    const disclosureHints: Record<string, string> = {
      AirQualityReport: 'maxAge:300', AirQualityDailyReport: 'maxAge:300', AqiForecast: 'maxAge:300', PollutionWarning: 'maxAge:300',
      WaterQualityReport: 'maxAge:900', EmissionResult: 'maxAge:900',
    };
    const queryHints: Record<string, string> = {
      airQuality: 'maxAge:300', latestAirQuality: 'maxAge:300', pollutionWarnings: 'maxAge:300', waterSections: 'maxAge:900', emissionResults: 'maxAge:900',
    };
    const disclosureTypes: string[] = [];
    for (const def of document.definitions) {
      if (!('name' in def) || !def.name) continue;
      const name = def.name.value;
      if (def.kind !== Kind.OBJECT_TYPE_EXTENSION) check(name, (def as any).description);
      if (def.kind === Kind.OBJECT_TYPE_DEFINITION) {
        const disclosure = def.interfaces?.some((i) => i.name.value === 'Disclosure');
        if (disclosure) disclosureTypes.push(name);
        expect([name, cache(def.directives)]).toEqual([name, disclosure ? disclosureHints[name] : 'inheritMaxAge:true']);
      }
      for (const field of (def as any).fields ?? []) {
        check(`${name}.${field.name.value}`, field.description);
        for (const arg of field.arguments ?? []) check(`${name}.${field.name.value}(${arg.name.value})`, arg.description);
        if (def.kind === Kind.OBJECT_TYPE_EXTENSION) expect([field.name.value, cache(field.directives)]).toEqual([field.name.value, queryHints[field.name.value]]);
      }
      for (const value of (def as any).values ?? []) check(`${name}.${value.name.value}`, value.description);
    }
    expect(undescribed).toEqual([]);
    expect(disclosureTypes.sort()).toEqual(Object.keys(disclosureHints).sort());
  });
});

/** A node without its data age's seconds, which count on from one answer to the next. */
function withoutAgeSeconds(node: unknown): unknown {
  return JSON.parse(JSON.stringify(node, (key, value) => (key === 'seconds' ? undefined : value)));
}

/**
 * A data age as the contract defines it: the newest data's time, its age now in seconds, the
 * feed's period, and stale exactly when the age passes two periods.
 */
function expectDataAge(age: any, asOf: string, periodSeconds: number): void {
  expect(age.asOf).toBe(asOf);
  expect(age.periodSeconds).toBe(periodSeconds);
  const seconds = (Date.now() - Date.parse(asOf)) / 1000;
  expect(age.seconds).toBeGreaterThanOrEqual(Math.floor(seconds) - 600);
  expect(age.seconds).toBeLessThanOrEqual(Math.ceil(seconds));
  expect(age.stale).toBe(age.seconds > 2 * periodSeconds);
}

/** The China time (UTC+8, no daylight saving) of an instant, as YYYY-MM-DD HH:mm:ss. */
function chinaTime(instant: string | number): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  return new Date(ms + 8 * HOUR_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** "2026-11-28 00:00:00" China time → epoch milliseconds. */
function chinaInstant(text: string): number {
  return Date.parse(`${text.replace(' ', 'T')}+08:00`);
}

function levelOf(aqi: number): number {
  return AQI_LEVELS.findIndex((l) => aqi <= l.max) + 1;
}

/** An AQI block as HJ 633-2012 defines it: the largest sub-index, its level's category and colour. */
function expectAqiBlock(block: any): void {
  const iaqi = Object.entries(block.iaqi as Record<string, number>);
  expect(block.aqi).toBe(Math.max(...iaqi.map(([, v]) => v)));
  const level = levelOf(block.aqi);
  expect([block.aqi, block.level, block.category, block.color]).toEqual([block.aqi, level, AQI_LEVELS[level - 1].category, AQI_LEVELS[level - 1].color]);
  const primary = block.aqi > 50 ? iaqi.filter(([, v]) => v === block.aqi).map(([p]) => p).sort() : [];
  expect([...block.primaryPollutants].sort()).toEqual(primary);
  expect([...block.exceedingPollutants].sort()).toEqual(iaqi.filter(([, v]) => v > 100).map(([p]) => p).sort());
  expect(block.standard).toBe('HJ 633-2012');
}

/** The stations' mean of each concentration, of those that reported it: whole µg/m³, CO to 0.1 mg/m³. */
function meanConcentrations(readings: Array<Record<string, number | null>>): Record<string, number | null> {
  const keys = ['so2_1h', 'no2_1h', 'co_1h', 'o3_1h', 'o3_8h', 'pm10_24h', 'pm25_24h'];
  return Object.fromEntries(
    keys.map((key) => {
      const scale = key === 'co_1h' ? 10 : 1;
      const values = readings.map((r) => r[key]).filter((v): v is number => v !== null);
      if (values.length === 0) return [key, null];
      const sum = values.reduce((s, v) => s + Math.round(v * scale), 0);
      return [key, Math.round(sum / values.length) / scale];
    }),
  );
}

/** The notices that stand for the warnings in force at `at`, computed from the notices themselves. */
function activeAt(notices: any[], at: number): any[] {
  const now = chinaTime(at);
  const latest = new Map<string, any>();
  for (const n of notices) {
    if (Date.parse(n.publishedAt) > at) continue;
    const key = `${n.city.name}|${n.episodeNoticeNo}`;
    const current = latest.get(key);
    if (!current || Date.parse(n.publishedAt) > Date.parse(current.publishedAt)) latest.set(key, n);
  }
  return [...latest.values()].filter((n) => (n.action === 'LIFT' ? (n.liftTime ?? '') > now : n.expectedEndTime === null || n.expectedEndTime > now));
}
