import type { RunningHub } from '../../src/hub';
import { CATALOGUE, catalogueSize } from '../../samples/supervision/catalogue';
import { ITEM_LIST, ITEMS_PATH } from '../../samples/supervision/items';
import { RESULTS_PATH, resultCount, resultRecord } from '../../samples/supervision/results';
import { SUBJECT_LIST, SUBJECTS_PATH, poolSize } from '../../samples/supervision/subjects';
import { CORE_SIZE, enterprise } from '../../samples/kit/population';
import { isMalformed } from '../../samples/kit/feed';
import { DEFAULT_FEED_OPTIONS } from '../../samples/kit/feedServer';
import { SUPERVISION } from '../../src/domain/contract/supervision';
import { graphql } from '../helpers/graphql';
import { HUB_START_TIMEOUT_MS, startTestHub, type TestHub } from '../helpers/hub';
import { BACKENDS } from '../helpers/testDatabase';

/**
 * 双随机一公开 served like a built-in domain: the hub started on its bundled sample feeds syncs the
 * supervision manifest with everything else, and the generic queries find its records: by domain
 * and kind, by search, in stats, on an enterprise's profile beside its credit records, and linked
 * result ↔ item both ways. Every expected figure is computed from the sample generators.
 */

const OPTIONS = { ...DEFAULT_FEED_OPTIONS, scale: 300 };
const entries = (n: number) => Array.from({ length: n }, (_, i) => i);
const items = entries(catalogueSize(OPTIONS.scale)).filter((e) => ITEM_LIST.isListed(e, OPTIONS) && !isMalformed(ITEMS_PATH, e, OPTIONS)).map((e) => CATALOGUE[e]);
const subjects = entries(poolSize(OPTIONS.scale)).filter((e) => SUBJECT_LIST.isListed(e, OPTIONS) && !isMalformed(SUBJECTS_PATH, e, OPTIONS));
const results = entries(resultCount(OPTIONS)).filter((i) => !isMalformed(RESULTS_PATH, i, OPTIONS)).map((i) => resultRecord(i, OPTIONS));
const countBy = <T>(list: readonly T[], key: (t: T) => string) => list.reduce((m, t) => m.set(key(t), (m.get(key(t)) ?? 0) + 1), new Map<string, number>());

describe.each(BACKENDS)('supervision over GraphQL on %s', (backend) => {
  let running: TestHub;
  let hub: RunningHub;
  const ask = async (query: string, variables?: object) => {
    const { body } = await graphql(hub.url, query, variables);
    expect(body.errors).toBeUndefined();
    return body.data;
  };

  beforeAll(async () => {
    running = await startTestHub(backend, { HUB_RESPONSE_CACHE: 'off' });
    hub = running.hub;
  }, HUB_START_TIMEOUT_MS);
  afterAll(async () => {
    await running?.stop();
  });

  test('filter by domain SUPERVISION and by kind, and stats by kind and by department', async () => {
    const all = await ask(`{ disclosures(first: 1, filter: { domain: SUPERVISION }) { totalCount } }`);
    expect(all.disclosures.totalCount).toBe(items.length + subjects.length + results.length);
    const kinds = await ask(`{ stats(groupBy: KIND, filter: { domain: SUPERVISION }) { key count } }`);
    expect(kinds.stats).toHaveLength(3);
    expect(kinds.stats).toEqual(expect.arrayContaining([
      { key: SUPERVISION.kinds.item, count: items.length },
      { key: SUPERVISION.kinds.subject, count: subjects.length },
      { key: SUPERVISION.kinds.result, count: results.length },
    ]));
    const byDepartment = await ask(`{ stats(groupBy: PUBLISHER, filter: { kind: "${SUPERVISION.kinds.result}" }) { key count } }`);
    expect(new Map(byDepartment.stats.map((b: any) => [b.key, b.count]))).toEqual(countBy(results, (r) => r.jcbm));
  });

  test("an enterprise's profile shows its inspection results beside its credit records", async () => {
    const inspected = countBy(results, (r) => r.tyshxydm);
    const core = new Set(entries(CORE_SIZE).map((i) => enterprise(i, OPTIONS.seed).uscc));
    const [uscc, count] = [...inspected].filter(([code]) => core.has(code)).sort((a, b) => b[1] - a[1])[0];
    const profile = await ask(
      `query($uscc: String!) { entity(uscc: $uscc) {
        results: disclosures(first: 50, filter: { kind: "inspection-result" }) { totalCount edges { node { title publisher ... on GenericDisclosure { attributes } } } }
        credit: disclosures(first: 1, filter: { domain: CREDIT }) { totalCount }
        newest: disclosures(first: 100) { edges { node { domain } } } } }`,
      { uscc },
    );
    expect(profile.entity.results.totalCount).toBe(count);
    const mine = results.filter((r) => r.tyshxydm === uscc);
    expect(profile.entity.results.edges.map((e: any) => e.node.attributes.taskNumber).sort()).toEqual(mine.map((r) => r.rwbh).sort());
    expect(profile.entity.credit.totalCount).toBeGreaterThan(0);
    const domains = new Set(profile.entity.newest.edges.map((e: any) => e.node.domain));
    expect(domains.has('SUPERVISION') && domains.has('CREDIT')).toBe(true);
  });

  test('a result links to the item it was made under, and the item lists its results', async () => {
    const record = results[0];
    const found = await ask(
      `query($uscc: String!) { disclosures(first: 50, filter: { kind: "inspection-result", subjectUscc: $uscc }) { edges { node { title ... on GenericDisclosure {
        attributes links { relation direction stream key disclosure { id title ... on GenericDisclosure { links { relation direction key } } } } } } } } }`,
      { uscc: record.tyshxydm },
    );
    const result = found.disclosures.edges.map((e: any) => e.node).find((n: any) => n.attributes.taskNumber === record.rwbh);
    expect(result.links).toHaveLength(1);
    const [link] = result.links;
    const item = CATALOGUE.find((i) => i.code === record.sxbm)!;
    expect(link).toMatchObject({ relation: 'inspects-under', direction: 'OUTGOING', stream: 'supervision/inspection-items', key: record.sxbm, disclosure: { title: `${item.template.name}（${item.body}）` } });
    const incoming = link.disclosure.links.filter((l: any) => l.direction === 'INCOMING');
    expect(incoming.map((l: any) => l.key).sort()).toEqual(results.filter((r) => r.sxbm === record.sxbm).map((r) => r.jgbh).sort());
    expect(incoming.every((l: any) => l.relation === 'inspects-under')).toBe(true);
  });

  test('search finds items by what they inspect and results by their task', async () => {
    const name = '石油天然气开采单位安全生产检查';
    const found = await ask(`query($q: String!) { disclosures(first: 50, search: $q, filter: { kind: "inspection-item" }) { totalCount edges { node { title } } } }`, { q: name });
    expect(found.disclosures.totalCount).toBe(items.filter((i) => i.template.name === name).length);
    const task = results[10];
    const byTask = await ask(`query($q: String!) { disclosures(first: 50, search: $q, filter: { domain: SUPERVISION }) { totalCount } }`, { q: task.rwmc });
    expect(byTask.disclosures.totalCount).toBe(results.filter((r) => r.rwmc === task.rwmc).length);
  });
});
