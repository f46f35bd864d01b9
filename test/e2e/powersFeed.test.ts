import { POWERS } from '../../src/domain/contract';
import type { RunningHub } from '../../src/hub';
import { powersFeeds } from '../../samples/powers';
import { entryAt } from '../../samples/powers/listing';
import { isMalformed, type FeedOptions, type IndexedFeed } from '../../samples/kit/feed';
import { DEFAULT_FEED_OPTIONS, startFeedServer, type RunningFeedServer } from '../../samples/kit/feedServer';
import { setFaults } from '../helpers/feeds';
import { graphql } from '../helpers/graphql';
import { HUB_START_TIMEOUT_MS, startTestHub, type TestHub } from '../helpers/hub';
import { recordingClient } from '../helpers/recordingClient';
import { BACKENDS } from '../helpers/testDatabase';

/**
 * 权力清单、责任清单 as a manifest (connectors/powers): the hub reads both lists whole, serves every
 * power and duty through the generic queries with a duty linked to its power both ways, and when
 * a later edition drops items from the lists, keeps them as `removed` with the listed version as a
 * revision. Every expectation is computed from the sample lists' own records.
 */

const SCALE = 300;
const ADMIN = { authorization: 'Bearer powers-admin' };
const STREAMS = { power: 'powers/power-list', duty: 'powers/duty-list' } as const;
const [POWER_FEED, DUTY_FEED] = powersFeeds;

type PowerRow = Record<'事项编码' | '事项名称' | '职权类别' | '实施主体' | '实施主体编码' | '行使层级' | '设定依据' | '区划代码' | '更新日期', string>;
interface DutyRecord {
  zrsxbm: string;
  sxmc: string;
  qlbm: string;
  zqlb: string;
  zrzt: string;
  zrnr: string;
  zzqx: string;
  qhdm: string;
}

const options = (edition: number): FeedOptions => ({ ...DEFAULT_FEED_OPTIONS, scale: SCALE, edition });

/** A list's well-formed items at an edition (malformations follow the entry, not the position), by key. */
function listed<T>(feed: IndexedFeed, edition: number, key: (r: T) => string): Map<string, T> {
  const o = options(edition);
  const items = Array.from({ length: feed.count(o) }, (_, i) => i).filter((i) => !isMalformed(feed.path, entryAt(i, o), o));
  return new Map(items.map((i) => feed.record(i, o) as T).map((r) => [key(r), r]));
}
const powers = (edition: number) => listed<PowerRow>(POWER_FEED, edition, (r) => r.事项编码);
const duties = (edition: number) => listed<DutyRecord>(DUTY_FEED, edition, (r) => r.zrsxbm);
const linesOf = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

const FIELDS = `id kind title status publisher division { name code }
  revisions { version snapshot }
  ... on GenericDisclosure { attributes links { relation direction stream key disclosure { id title status ... on GenericDisclosure { attributes } } } }`;

describe.each(BACKENDS)('power and duty lists (manifest) on %s', (backend) => {
  let feeds: RunningFeedServer;
  let running: TestHub;
  let hub: RunningHub;
  const { data, pageAll } = recordingClient(() => hub.url);

  const sync = async () => {
    const { body } = await graphql(hub.url, `mutation($streams: [String!]) { triggerSync(streams: $streams) { stream status fetched inserted updated unchanged quarantined removed held } }`, { streams: [STREAMS.power, STREAMS.duty] }, ADMIN);
    expect(body.errors).toBeUndefined();
    const runs = body.data.triggerSync as Array<Record<string, unknown>>;
    return { power: runs.find((r) => r.stream === STREAMS.power)!, duty: runs.find((r) => r.stream === STREAMS.duty)! };
  };
  /** Every disclosure of a kind, by its item code. */
  const served = async (kind: string): Promise<Map<string, any>> => {
    const { nodes } = await pageAll('disclosures', `query($kind: String, $after: String) { disclosures(first: 50, after: $after, filter: { kind: $kind }) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${FIELDS} } } } }`, { kind });
    return new Map(nodes.map((n) => [n.attributes.itemCode, n]));
  };
  const count = async (filter: object, search?: string) =>
    (await data(`query($filter: DisclosureFilter, $search: String) { disclosures(filter: $filter, search: $search) { totalCount } }`, { filter, search })).disclosures.totalCount as number;

  beforeAll(async () => {
    feeds = await startFeedServer({ feeds: powersFeeds, scale: SCALE });
    // A feed URL of its own: the hub syncs nothing at start, the test says when.
    running = await startTestHub(backend, { HUB_FEEDS_URL: feeds.url, HUB_ADMIN_TOKEN: 'powers-admin', HUB_RESPONSE_CACHE: 'off' });
    hub = running.hub;
  }, HUB_START_TIMEOUT_MS);

  afterAll(async () => {
    await running?.stop();
    await feeds?.close();
  });

  test('a first read of both lists stores every well-formed item and quarantines exactly the malformed ones', async () => {
    const runs = await sync();
    const o = options(1);
    for (const [run, feed, valid] of [[runs.power, POWER_FEED, powers(1).size], [runs.duty, DUTY_FEED, duties(1).size]] as const) {
      const total = feed.count(o);
      expect(total - valid).toBeGreaterThan(0);
      expect(run).toMatchObject({ status: 'partial', fetched: total, inserted: valid, quarantined: total - valid, removed: 0, held: 0 });
    }
    // A duty whose text lists no duty passes the record schema but not the duty shape: quarantined at map, saying why.
    const { body } = await graphql(hub.url, `{ quarantine(stream: "powers/duty-list") { stage errors { message } } }`, undefined, ADMIN);
    expect(body.data.quarantine.filter((q: any) => q.stage === 'map').map((q: any) => q.errors[0].message)).toContainEqual(expect.stringMatching(/attributes\.duties: .*fewer than 1 items/));
  });

  test('each power is served with its category, basis and department; each duty with its duties as a list', async () => {
    const storedPowers = await served(POWERS.kinds.power);
    const source = powers(1);
    expect([...storedPowers.keys()].sort()).toEqual([...source.keys()].sort());
    for (const [code, r] of source) {
      expect(storedPowers.get(code)).toMatchObject({
        kind: POWERS.kinds.power,
        title: r.事项名称,
        status: 'PUBLISHED',
        publisher: r.实施主体,
        division: { code: r.区划代码 },
        attributes: { itemCode: code, category: r.职权类别, basis: r.设定依据, departmentCode: r.实施主体编码, level: r.行使层级 },
      });
    }
    const storedDuties = await served(POWERS.kinds.duty);
    const dutySource = duties(1);
    expect([...storedDuties.keys()].sort()).toEqual([...dutySource.keys()].sort());
    for (const [code, r] of dutySource) {
      expect(storedDuties.get(code).attributes).toMatchObject({
        powerCode: r.qlbm || null,
        category: r.zqlb,
        duties: linesOf(r.zrnr),
        accountability: r.zzqx || null,
      });
    }
    expect([...dutySource.values()].some((r) => r.qlbm === '')).toBe(true);
    expect([...dutySource.values()].some((r) => r.zzqx === '')).toBe(true);
  });

  test('a duty links to its power, and the power shows the duty linking to it', async () => {
    const storedPowers = await served(POWERS.kinds.power);
    const storedDuties = await served(POWERS.kinds.duty);
    const source = powers(1);
    let linked = 0;
    for (const [code, r] of duties(1)) {
      const duty = storedDuties.get(code);
      if (!r.qlbm) {
        expect(duty.links).toEqual([]);
        continue;
      }
      const power = source.get(r.qlbm);
      expect(duty.links).toEqual([
        { relation: 'duty-of', direction: 'OUTGOING', stream: STREAMS.power, key: r.qlbm, disclosure: power ? expect.objectContaining({ title: power.事项名称 }) : null },
      ]);
      if (!power) continue; // its power's row was malformed: the link waits for it
      linked++;
      expect(storedPowers.get(r.qlbm).links).toEqual([
        { relation: 'duty-of', direction: 'INCOMING', stream: STREAMS.duty, key: code, disclosure: expect.objectContaining({ id: duty.id, title: `责任事项：${r.sxmc}` }) },
      ]);
    }
    expect(linked).toBeGreaterThan(200);
  });

  test('filters, search and stats count what the lists hold', async () => {
    const p = [...powers(1).values()];
    const d = [...duties(1).values()];
    expect(await count({ domain: 'POWERS' })).toBe(p.length + d.length);
    const market = p.filter((r) => r.实施主体 === '大庆市市场监督管理局').length;
    expect(market).toBeGreaterThan(5);
    expect(await count({ kind: POWERS.kinds.power, publisher: '大庆市市场监督管理局' })).toBe(market);
    const saertu = p.filter((r) => r.区划代码 === '230602').length;
    expect(saertu).toBeGreaterThan(0);
    expect(await count({ kind: POWERS.kinds.power, region: '大庆市萨尔图区' })).toBe(saertu);
    // By the law a power rests on, and by the words of a duty.
    expect(await count({ kind: POWERS.kinds.power }, '食品安全法')).toBe(p.filter((r) => r.设定依据.includes('食品安全法')).length);
    expect(await count({ kind: POWERS.kinds.duty }, '立案责任')).toBe(d.filter((r) => r.zrnr.includes('立案责任')).length);
    const byKind = (await data(`{ stats(groupBy: KIND, filter: { domain: POWERS }) { key count } }`)).stats;
    expect(byKind).toEqual(expect.arrayContaining([{ key: POWERS.kinds.power, count: p.length }, { key: POWERS.kinds.duty, count: d.length }]));
    const byPublisher = (await data(`{ stats(groupBy: PUBLISHER, filter: { kind: "${POWERS.kinds.power}" }) { key count } }`)).stats;
    expect(byPublisher).toEqual(expect.arrayContaining([{ key: '大庆市市场监督管理局', count: market }]));
  });

  test('edition 2 drops items from both lists and adds others: a dropped item is removed, kept with its listed version', async () => {
    const before = { power: powers(1), duty: duties(1) };
    await setFaults(feeds, { edition: 2 });
    const after = { power: powers(2), duty: duties(2) };
    const gone = (kind: 'power' | 'duty') => [...before[kind].keys()].filter((k) => !after[kind].has(k));
    const fresh = (kind: 'power' | 'duty') => [...after[kind].keys()].filter((k) => !before[kind].has(k));
    const dropped = { power: gone('power'), duty: gone('duty') };
    expect(dropped.power.length).toBeGreaterThan(5);
    expect(fresh('power').length).toBeGreaterThan(5);

    const runs = await sync();
    expect(runs.power).toMatchObject({ removed: dropped.power.length, inserted: fresh('power').length, updated: 0 });
    expect(runs.duty).toMatchObject({ removed: dropped.duty.length, inserted: fresh('duty').length, updated: 0 });

    const storedPowers = await served(POWERS.kinds.power);
    for (const code of dropped.power) {
      const node = storedPowers.get(code);
      expect(node.status).toBe('REVOKED');
      expect(node.attributes.itemCode).toBe(code);
      expect(node.revisions).toHaveLength(1);
      expect(node.revisions[0].snapshot).toMatchObject({ status: 'published', attributes: { itemCode: code } });
    }
    for (const code of fresh('power')) expect(storedPowers.get(code)).toMatchObject({ status: 'PUBLISHED', revisions: [] });
    expect(await count({ kind: POWERS.kinds.power, status: 'REVOKED' })).toBe(dropped.power.length);
    expect(await count({ kind: POWERS.kinds.power, status: 'PUBLISHED' })).toBe(after.power.size);

    // The two lists change together: a dropped duty's power is dropped too, and still linked, as removed.
    const storedDuties = await served(POWERS.kinds.duty);
    const droppedWithPower = dropped.duty.map((code) => before.duty.get(code)!).filter((r) => r.qlbm && before.power.has(r.qlbm));
    expect(droppedWithPower.length).toBeGreaterThan(0);
    for (const r of droppedWithPower) {
      expect(dropped.power).toContain(r.qlbm);
      const duty = storedDuties.get(r.zrsxbm);
      expect(duty.status).toBe('REVOKED');
      expect(duty.links).toEqual([expect.objectContaining({ direction: 'OUTGOING', key: r.qlbm })]);
    }
  });
});
