import { DEFAULT_CITY } from '../../src/config/city';
import type { RunningHub } from '../../src/hub';
import { graphql } from '../helpers/graphql';
import { startTestHub, HUB_START_TIMEOUT_MS, type TestHub } from '../helpers/hub';
import { citiesElsewhereIn } from '../helpers/placesElsewhere';
import { BACKENDS } from '../helpers/testDatabase';
// Every domain, the plan's manifest-declared areas among them.
import { DOMAINS } from '../../src/domain/contract';

const CITY_DIVISIONS = new Set([DEFAULT_CITY.name, ...DEFAULT_CITY.districts.map((d) => d.name)]);
const PREFECTURES = new Set(DEFAULT_CITY.prefectures.map((p) => p.name));
// The provincial air board (hourly readings and the daily city reports) lists every prefecture unit.
const PROVINCIAL_KINDS = new Set(['air-quality-hourly', 'air-quality-daily', 'aqi-forecast', 'pollution-warning']);

/**
 * Issue 11's acceptance, over the hub a new user gets from `npm start`: the default city (大庆市),
 * the bundled sample feeds at their default scale, everything synced once.
 */
describe.each(BACKENDS)('a default hub serves 大庆市 on %s', (backend) => {
  let running: TestHub;
  let hub: RunningHub;
  const query = async (text: string, variables?: object) => {
    const { body } = await graphql(hub.url, text, variables);
    expect(body.errors).toBeUndefined();
    return body.data;
  };

  beforeAll(async () => {
    running = await startTestHub(backend);
    hub = running.hub;
    expect((await hub.initialSync).filter((s) => s.status === 'failed')).toEqual([]);
  }, HUB_START_TIMEOUT_MS);
  afterAll(() => running?.stop());

  test("every region is one of the city's divisions, or a prefecture unit on the provincial air board", async () => {
    for (const domain of DOMAINS) {
      const data = await query(`query($d: Domain) { stats(groupBy: REGION, filter: { domain: $d }) { key count } }`, { d: domain });
      expect(data.stats.length).toBeGreaterThan(0);
      const foreign = data.stats.map((s: { key: string }) => s.key).filter((key: string) => !CITY_DIVISIONS.has(key) && !(domain === 'ENVIRONMENT' && PREFECTURES.has(key)));
      expect({ domain, foreign }).toEqual({ domain, foreign: [] });
    }
    // Prefecture units other than 大庆市 appear only on the provincial board's kinds.
    const { rows } = await hub.db.knex.raw(`SELECT DISTINCT kind, region FROM disclosures WHERE region <> ?`, [DEFAULT_CITY.name]);
    const outsideCity = rows.filter((r: { region: string }) => !CITY_DIVISIONS.has(r.region));
    expect(outsideCity.filter((r: { kind: string }) => !PROVINCIAL_KINDS.has(r.kind))).toEqual([]);
  });

  test('a region filter finds a division in every domain by any spelling or its code', async () => {
    const counts = async (region: string) =>
      Promise.all(DOMAINS.map(async (d) => (await query(`query($r: String, $d: Domain) { disclosures(first: 1, filter: { region: $r, domain: $d }) { totalCount } }`, { r: region, d })).disclosures.totalCount));
    const byName = await counts('萨尔图区');
    expect(byName.filter((n) => n > 0).length).toBeGreaterThanOrEqual(3);
    for (const spelling of ['大庆市萨尔图区', '萨尔图', '230602']) expect(await counts(spelling)).toEqual(byName);
  });

  test('at least 90% of entity codes were registered in 大庆市 (2306xx)', async () => {
    const { rows } = await hub.db.knex.raw(`SELECT uscc FROM entities`);
    expect(rows.length).toBeGreaterThan(100);
    const local = rows.filter((r: { uscc: string }) => r.uscc.slice(2, 6) === '2306');
    expect(local.length / rows.length).toBeGreaterThanOrEqual(0.9);
  });

  test('a search for 大庆 finds records in every domain, and 黑龙江 finds some', async () => {
    for (const domain of DOMAINS) {
      const data = await query(`query($d: Domain) { disclosures(first: 1, search: "大庆", filter: { domain: $d }) { totalCount } }`, { d: domain });
      expect({ domain, found: data.disclosures.totalCount > 0 }).toEqual({ domain, found: true });
    }
    expect((await query(`{ disclosures(first: 1, search: "黑龙江") { totalCount } }`)).disclosures.totalCount).toBeGreaterThan(0);
  });

  test("no title, publisher or party names another province's city", async () => {
    const texts = new Set<string>();
    for (const r of await hub.db.knex('disclosures').select('title', 'publisher', 'subject_name')) {
      for (const t of [r.title, r.publisher, r.subject_name]) if (t) texts.add(t);
    }
    for (const p of await hub.db.knex('disclosure_parties').distinct('name')) texts.add(p.name);
    const mentions = [...texts].map((text) => ({ text, cities: citiesElsewhereIn(text) })).filter((m) => m.cities.length > 0);
    expect(mentions.slice(0, 20)).toEqual([]);
  });

  test('every record links to its source', async () => {
    const { rows } = await hub.db.knex.raw(`SELECT domain, count(*) AS n FROM disclosures WHERE source_url IS NULL OR source_url LIKE '%example%' GROUP BY domain`);
    expect(rows).toEqual([]);
  });
});
