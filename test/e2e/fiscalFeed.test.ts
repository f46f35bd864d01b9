import { FISCAL } from '../../src/domain/contract';
import { parseChinaTime } from '../../src/domain/chinaTime';
import type { RunningHub } from '../../src/hub';
import { BUDGETS, FINAL_ACCOUNTS, fiscalFeeds } from '../../samples/fiscal';
import type { AccountFeedSpec } from '../../samples/fiscal/accounts';
import { isMalformed, type FeedOptions } from '../../samples/kit/feed';
import { DEFAULT_FEED_OPTIONS, startFeedServer, type RunningFeedServer } from '../../samples/kit/feedServer';
import { setFaults } from '../helpers/feeds';
import { graphql } from '../helpers/graphql';
import { HUB_START_TIMEOUT_MS, startTestHub, type TestHub } from '../helpers/hub';
import { recordingClient } from '../helpers/recordingClient';
import { BACKENDS } from '../helpers/testDatabase';

/**
 * 预决算公开 as a manifest (connectors/fiscal): the hub syncs the sample platform's budgets and final
 * accounts, converts 元 to 万元, serves them through the generic queries, and keeps the published
 * figure as a revision when the platform corrects it. Every expected figure is computed here from
 * the feed's own records, not read back from the hub.
 */

const SCALE = 300;
const ADMIN = { authorization: 'Bearer fiscal-admin' };
const STREAMS = { budget: 'fiscal/budgets', final: 'fiscal/final-accounts' } as const;

interface AccountRecord {
  bmbm: string;
  bmmc: string;
  qhdm: string;
  nd: string;
  bblx: string;
  srhj: string;
  zchj: string;
  zcgnfl: Array<{ kmbm: string; kmmc: string; je: string }>;
  sgjf: { hj: string; yggcjf: string; gwycgzf: string; gwycyxwhf: string; gwjdf: string };
  fbrq: string;
  gxsj: string;
  gzbz: string;
  gzsm: string;
}

const options = (edition: number): FeedOptions => ({ ...DEFAULT_FEED_OPTIONS, scale: SCALE, edition });
const feedOf = (spec: AccountFeedSpec) => fiscalFeeds.find((f) => f.path === spec.path)!;

/** The feed's well-formed accounts at an edition, by the stream's key (department code / year). */
function accounts(spec: AccountFeedSpec, edition: number): Map<string, AccountRecord> {
  const feed = feedOf(spec);
  const o = options(edition);
  const valid = Array.from({ length: feed.count(o) }, (_, i) => i).filter((i) => !isMalformed(spec.path, i, o));
  return new Map(valid.map((i) => feed.record(i, o) as AccountRecord).map((r) => [`${r.bmbm}/${r.nd}`, r]));
}

const malformedIn = (spec: AccountFeedSpec) => feedOf(spec).count(options(1)) - accounts(spec, 1).size;
const wan = (yuan: string) => Number(yuan) / 10_000;

const FIELDS = `id kind title domain status publisher publishedAt updatedAt division { name code }
  revisions { version snapshot }
  ... on GenericDisclosure { attributes }`;

describe.each(BACKENDS)('department budgets and final accounts (manifest) on %s', (backend) => {
  let feeds: RunningFeedServer;
  let running: TestHub;
  let hub: RunningHub;
  const { data, pageAll } = recordingClient(() => hub.url);

  const sync = async (streams: string[]) => {
    const { body } = await graphql(hub.url, `mutation($streams: [String!]) { triggerSync(streams: $streams) { stream status fetched inserted updated unchanged quarantined held } }`, { streams }, ADMIN);
    expect(body.errors).toBeUndefined();
    return body.data.triggerSync as Array<Record<string, unknown>>;
  };
  /** Every disclosure of a kind, keyed by its department code / year. */
  const served = async (kind: string): Promise<Map<string, any>> => {
    const { nodes } = await pageAll('disclosures', `query($kind: String, $after: String) { disclosures(first: 100, after: $after, filter: { kind: $kind }) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${FIELDS} } } } }`, { kind });
    return new Map(nodes.map((n) => [`${n.attributes.departmentCode}/${n.attributes.year}`, n]));
  };
  const count = async (filter: object, search?: string) =>
    (await data(`query($filter: DisclosureFilter, $search: String) { disclosures(filter: $filter, search: $search) { totalCount } }`, { filter, search })).disclosures.totalCount as number;

  beforeAll(async () => {
    feeds = await startFeedServer({ feeds: fiscalFeeds, scale: SCALE });
    // A feed URL of its own: the hub syncs nothing at start, the test says when.
    running = await startTestHub(backend, { HUB_FEEDS_URL: feeds.url, HUB_ADMIN_TOKEN: 'fiscal-admin', HUB_RESPONSE_CACHE: 'off' });
    hub = running.hub;
  }, HUB_START_TIMEOUT_MS);

  afterAll(async () => {
    await running?.stop();
    await feeds?.close();
  });

  test('a first sync stores every well-formed account and quarantines exactly the malformed ones', async () => {
    const runs = await sync([STREAMS.budget, STREAMS.final]);
    for (const [spec, stream] of [[BUDGETS, STREAMS.budget], [FINAL_ACCOUNTS, STREAMS.final]] as const) {
      const malformed = malformedIn(spec);
      expect(malformed).toBeGreaterThan(0);
      expect(runs.find((r) => r.stream === stream)).toMatchObject({ status: 'partial', fetched: SCALE, inserted: SCALE - malformed, quarantined: malformed, held: 0 });
    }
    const { body } = await graphql(hub.url, `{ quarantine(stream: "fiscal/budgets") { stage errors { path message } } }`, undefined, ADMIN);
    for (const entry of body.data.quarantine) {
      expect(entry.stage).toBe('validate');
      expect(entry.errors[0].message).toMatch(/expected|required field/);
    }
  });

  test('each account is served with its figures in 万元, its subjects and its 三公 expenses, as the platform published them', async () => {
    for (const [spec, kind] of [[BUDGETS, FISCAL.kinds.budget], [FINAL_ACCOUNTS, FISCAL.kinds.finalAccount]] as const) {
      const source = accounts(spec, 1);
      const stored = await served(kind);
      expect([...stored.keys()].sort()).toEqual([...source.keys()].sort());
      for (const [key, r] of source) {
        const node = stored.get(key);
        expect(node).toMatchObject({ kind, domain: 'FISCAL', status: 'PUBLISHED', title: `${r.bmmc}${r.nd}年${r.bblx}`, publisher: r.bmmc, division: { code: r.qhdm } });
        expect(new Date(node.publishedAt).getTime()).toBe(parseChinaTime(r.fbrq)!.getTime());
        const a = node.attributes;
        expect(a).toMatchObject({ year: Number(r.nd), departmentCode: r.bmbm, departmentName: r.bmmc, correctionNote: null });
        expect(a.totalIncome).toBeCloseTo(wan(r.srhj), 6);
        expect(a.totalExpenditure).toBeCloseTo(wan(r.zchj), 6);
        expect(a.subjects.map((s: any) => [s.code, s.name])).toEqual(r.zcgnfl.map((s) => [s.kmbm, s.kmmc]));
        a.subjects.forEach((s: any, i: number) => expect(s.amount).toBeCloseTo(wan(r.zcgnfl[i].je), 6));
        // The 类 add up to the total, and the 三公 total is the sum of its four parts.
        const classes = a.subjects.filter((s: any) => s.code.length === 3);
        expect(classes.reduce((sum: number, s: any) => sum + s.amount, 0)).toBeCloseTo(a.totalExpenditure, 4);
        const t = a.threePublic;
        expect(t.total).toBeCloseTo(wan(r.sgjf.hj), 6);
        expect(t.overseasTravel + t.vehiclePurchase + t.vehicleOperation + t.reception).toBeCloseTo(t.total, 4);
        expect(t.reception).toBeCloseTo(wan(r.sgjf.gwjdf), 6);
      }
    }
  });

  test('budgets cover 2021–2026 in their year; final accounts 2021–2025, each published the next year', async () => {
    const budgets = [...(await served(FISCAL.kinds.budget)).values()];
    expect(new Set(budgets.map((n) => n.attributes.year))).toEqual(new Set([2021, 2022, 2023, 2024, 2025, 2026]));
    for (const n of budgets) expect(new Date(n.publishedAt).getUTCFullYear()).toBe(n.attributes.year);
    const finals = [...(await served(FISCAL.kinds.finalAccount)).values()];
    expect(new Set(finals.map((n) => n.attributes.year))).toEqual(new Set([2021, 2022, 2023, 2024, 2025]));
    for (const n of finals) expect(new Date(n.publishedAt).getUTCFullYear()).toBe(n.attributes.year + 1);
  });

  test('filters by domain, kind, department, region and publication date count what the feed holds', async () => {
    const budgets = [...accounts(BUDGETS, 1).values()];
    const finals = [...accounts(FINAL_ACCOUNTS, 1).values()];
    expect(await count({ domain: 'FISCAL' })).toBe(budgets.length + finals.length);
    expect(await count({ domain: 'FISCAL', kind: FISCAL.kinds.finalAccount })).toBe(finals.length);
    const education = (r: AccountRecord) => r.bmmc === '大庆市教育局';
    expect(await count({ domain: 'FISCAL', publisher: '大庆市教育局' })).toBe(budgets.filter(education).length + finals.filter(education).length);
    const inSaertu = budgets.filter((r) => r.qhdm === '230602').length;
    expect(inSaertu).toBeGreaterThan(0);
    expect(await count({ kind: FISCAL.kinds.budget, region: '萨尔图' })).toBe(inSaertu);
    expect(await count({ kind: FISCAL.kinds.budget, publishedFrom: '2024-01-01T00:00:00+08:00', publishedTo: '2025-01-01T00:00:00+08:00' })).toBe(budgets.filter((r) => r.nd === '2024').length);
  });

  test('search finds an account by its department, by the words 三公经费 and by an expenditure subject', async () => {
    const all = [...accounts(BUDGETS, 1).values(), ...accounts(FINAL_ACCOUNTS, 1).values()];
    expect(await count({ domain: 'FISCAL' }, '三公经费')).toBe(all.length);
    expect(await count({ domain: 'FISCAL' }, '大庆市民政局2024年部门预算')).toBe(all.filter((r) => r.bmmc === '大庆市民政局' && r.nd === '2024' && r.bblx === '部门预算').length);
    const withSubject = all.filter((r) => r.zcgnfl.some((s) => s.kmmc === '城乡社区环境卫生')).length;
    expect(withSubject).toBeGreaterThan(0);
    expect(await count({}, '城乡社区环境卫生')).toBe(withSubject);
  });

  test('stats count the accounts by kind and by region', async () => {
    const budgets = [...accounts(BUDGETS, 1).values()];
    const finals = [...accounts(FINAL_ACCOUNTS, 1).values()];
    const byKind = (await data(`{ stats(groupBy: KIND, filter: { domain: FISCAL }) { key count } }`)).stats;
    expect(byKind).toEqual(expect.arrayContaining([{ key: FISCAL.kinds.budget, count: budgets.length }, { key: FISCAL.kinds.finalAccount, count: finals.length }]));
    const byRegion = (await data(`{ stats(groupBy: REGION, filter: { domain: FISCAL }) { key count } }`)).stats;
    const municipal = [...budgets, ...finals].filter((r) => r.qhdm === '230600').length;
    expect(byRegion).toEqual(expect.arrayContaining([{ key: '大庆市', count: municipal }]));
  });

  test('a figure the platform corrects is a new version, marked amended; the published figure is kept as a revision', async () => {
    const before = { budget: accounts(BUDGETS, 1), final: accounts(FINAL_ACCOUNTS, 1) };
    await setFaults(feeds, { edition: 2 });
    const after = { budget: accounts(BUDGETS, 2), final: accounts(FINAL_ACCOUNTS, 2) };
    const corrected = (kind: 'budget' | 'final') => [...after[kind]].filter(([key, r]) => JSON.stringify(r) !== JSON.stringify(before[kind].get(key))).map(([key]) => key);
    const changed = { budget: corrected('budget'), final: corrected('final') };
    expect(changed.budget.length).toBeGreaterThan(5);
    expect(changed.final.length).toBeGreaterThan(5);

    const runs = await sync([STREAMS.budget, STREAMS.final]);
    expect(runs.find((r) => r.stream === STREAMS.budget)).toMatchObject({ updated: changed.budget.length, inserted: 0, unchanged: before.budget.size - changed.budget.length });
    expect(runs.find((r) => r.stream === STREAMS.final)).toMatchObject({ updated: changed.final.length, inserted: 0 });

    for (const [kind, contractKind] of [['budget', FISCAL.kinds.budget], ['final', FISCAL.kinds.finalAccount]] as const) {
      const stored = await served(contractKind);
      for (const key of changed[kind]) {
        const node = stored.get(key);
        const now = after[kind].get(key)!;
        const then = before[kind].get(key)!;
        expect(now.gzbz).toBe('1');
        expect(node.status).toBe('AMENDED');
        expect(node.attributes.correctionNote).toBe(now.gzsm);
        expect(node.attributes.totalExpenditure).toBeCloseTo(wan(now.zchj), 6);
        expect(node.attributes.threePublic.reception).toBeCloseTo(wan(now.sgjf.gwjdf), 6);
        expect(new Date(node.updatedAt).getTime()).toBe(parseChinaTime(now.gxsj)!.getTime());
        // The figure first published is kept, whole, as the revision before the correction.
        expect(node.revisions).toHaveLength(1);
        const old = node.revisions[0].snapshot;
        expect(old.status).toBe('published');
        expect(old.attributes.totalExpenditure).toBeCloseTo(wan(then.zchj), 6);
        expect(old.attributes.threePublic.reception).toBeCloseTo(wan(then.sgjf.gwjdf), 6);
        expect(old.attributes.subjects.map((s: any) => s.amount)).toEqual(then.zcgnfl.map((s) => expect.closeTo(wan(s.je), 6)));
      }
      const untouched = [...stored.values()].filter((n) => !changed[kind].includes(`${n.attributes.departmentCode}/${n.attributes.year}`));
      for (const node of untouched) expect(node).toMatchObject({ status: 'PUBLISHED', revisions: [] });
    }
    expect(await count({ domain: 'FISCAL', status: 'AMENDED' })).toBe(changed.budget.length + changed.final.length);
  });
});
