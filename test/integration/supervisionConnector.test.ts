import type { Knex } from 'knex';
import { HUB_COMPONENTS } from '../../app/components';
import { supervisionFeeds } from '../../samples/supervision';
import { CATALOGUE, catalogueSize } from '../../samples/supervision/catalogue';
import { ITEM_LIST, ITEMS_PATH } from '../../samples/supervision/items';
import { NO_PROBLEM_RESULTS, RESULTS_PATH, resultCount, resultRecord } from '../../samples/supervision/results';
import { SUBJECT_LIST, SUBJECTS_PATH, poolSize } from '../../samples/supervision/subjects';
import { enterprise } from '../../samples/kit/population';
import { isMalformed } from '../../samples/kit/feed';
import { DEFAULT_FEED_OPTIONS, startFeedServer, type RunningFeedServer } from '../../samples/kit/feedServer';
import { SUPERVISION } from '../../src/domain/contract/supervision';
import { withManifests } from '../../src/manifest/withManifests';
import { listQuarantine } from '../../src/sync/quarantineAdmin';
import { runSync } from '../../src/sync/runSync';
import { fastHttp, setFaults } from '../helpers/feeds';
import { MAPPING, REVIEW } from '../helpers/mapping';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

/**
 * 双随机一公开 from its manifest (connectors/supervision) and sample feeds: every valid record of the
 * three streams stored, exactly the malformed ones quarantined, the attributes the SUPERVISION
 * contract asks for (problemFound computed by the manifest), the GBK pool export read as Chinese,
 * and a later edition's shorter lists turned into `removed` with the old version kept.
 */

const SCALE = 300;
const OPTIONS = { ...DEFAULT_FEED_OPTIONS, scale: SCALE };
const EDITION_2 = { ...OPTIONS, edition: 2 };
const supervision = withManifests(HUB_COMPONENTS).connectors.find((c) => c.name === 'supervision')!;
const entries = (n: number) => Array.from({ length: n }, (_, i) => i);

/** What the feeds hold that the hub must store (not malformed), by stream, from the generators alone. */
const itemCodes = (o: typeof OPTIONS) => entries(catalogueSize(SCALE)).filter((e) => ITEM_LIST.isListed(e, o) && !isMalformed(ITEMS_PATH, e, o)).map((e) => CATALOGUE[e].code);
const subjectEntries = (o: typeof OPTIONS) => entries(poolSize(SCALE)).filter((e) => SUBJECT_LIST.isListed(e, o) && !isMalformed(SUBJECTS_PATH, e, o));
const validResults = (o: typeof OPTIONS) => entries(resultCount(o)).filter((i) => !isMalformed(RESULTS_PATH, i, o)).map((i) => resultRecord(i, o));

describe.each(BACKENDS)('supervision connector (a manifest) on %s', (backend) => {
  let db: TestDatabase;
  let feeds: RunningFeedServer;
  let knex: Knex;
  const sync = (selectors?: string[]) => runSync({ knex, connectors: [supervision], feedUrl: () => feeds.url, mapping: MAPPING, review: REVIEW, selectors, http: fastHttp() });
  const rows = (stream: string) => knex('disclosures').where({ stream: `supervision/${stream}` });

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    knex = db.knex;
    feeds = await startFeedServer({ feeds: supervisionFeeds, scale: SCALE });
  });
  afterAll(async () => {
    await feeds?.close();
    await db?.destroy();
  });

  test('a first sync stores every valid record of the three streams and quarantines exactly the malformed ones', async () => {
    const summaries = await sync();
    expect(summaries.map((s) => [s.stream, s.error])).toEqual([['inspection-items', undefined], ['inspection-subjects', undefined], ['inspection-results', undefined]]);
    const expected = { 'inspection-items': itemCodes(OPTIONS).length, 'inspection-subjects': subjectEntries(OPTIONS).length, 'inspection-results': validResults(OPTIONS).length };
    for (const summary of summaries) {
      const feed = supervisionFeeds.find((f) => f.path.endsWith(summary.stream))!;
      expect([summary.stream, summary.fetched, summary.held]).toEqual([summary.stream, feed.count(OPTIONS), 0]);
      expect([summary.stream, summary.inserted]).toEqual([summary.stream, expected[summary.stream as keyof typeof expected]]);
      expect(summary.quarantined).toBe(summary.fetched - summary.inserted);
      expect(summary.quarantined).toBeGreaterThan(0);
      const quarantined = await listQuarantine(knex, { stream: `supervision/${summary.stream}` });
      expect(quarantined).toHaveLength(summary.quarantined);
      // A bad record is refused by the record schema, never by the mapping or the contract's shape.
      expect(quarantined.filter((q) => q.stage !== 'validate' && q.stage !== 'key')).toEqual([]);
    }
    expect(await rows('inspection-items').pluck('source_key')).toEqual(expect.arrayContaining(itemCodes(OPTIONS)));
  });

  test('records carry the SUPERVISION contract: kinds, statuses, the inspecting department as a party', async () => {
    const kinds = await knex('disclosures').where({ domain: 'SUPERVISION' }).distinct('kind', 'stream').orderBy('kind');
    expect(kinds.map((k) => k.kind)).toEqual(Object.values(SUPERVISION.kinds).sort());
    const statuses = await knex('disclosures').where({ domain: 'SUPERVISION' }).distinct('status').pluck('status');
    expect(statuses).toEqual(['published']);
    const parties = await knex('disclosure_parties').join('disclosures', 'disclosures.id', 'disclosure_parties.disclosure_id').where({ stream: 'supervision/inspection-results' }).distinct('disclosure_parties.role');
    expect(parties.map((p) => p.role)).toEqual([SUPERVISION.roles.inspector]);
  });

  test('each result is the feed\'s: problemFound read from the result text, follow-up null when there was none, linked to its enterprise and item', async () => {
    const stored = new Map((await rows('inspection-results')).map((row) => [row.source_key, row]));
    const expected = validResults(OPTIONS);
    expect(stored.size).toBe(expected.length);
    for (const record of expected) {
      const row = stored.get(record.jgbh);
      expect([record.jgbh, row?.attributes]).toEqual([record.jgbh, {
        taskNumber: record.rwbh,
        taskName: record.rwmc,
        itemCode: record.sxbm,
        itemName: record.sxmc,
        inspectedOn: record.jcrq,
        result: record.jcjg,
        problemFound: !NO_PROBLEM_RESULTS.includes(record.jcjg),
        followUp: record.hxcz === '' || record.hxcz === '无' ? null : record.hxcz,
      }]);
      expect(row).toMatchObject({ subject_uscc: record.tyshxydm, entity_uscc: record.tyshxydm, publisher: record.jcbm, region: record.szqx });
      expect(row.links).toEqual([{ relation: 'inspects-under', stream: 'supervision/inspection-items', key: record.sxbm }]);
    }
    // Both answers occur, so the expression is tested both ways.
    const found = expected.filter((r) => !NO_PROBLEM_RESULTS.includes(r.jcjg)).length;
    expect(found).toBeGreaterThan(20);
    expect(found).toBeLessThan(expected.length - 20);
  });

  test('the GBK pool export is stored as the Chinese it was written in, each subject linked to its enterprise', async () => {
    const stored = await rows('inspection-subjects');
    const garbled = stored.filter((row) => [row.title, row.publisher, JSON.stringify(row.attributes)].join('').includes('\uFFFD'));
    expect(garbled).toEqual([]);
    for (const e of subjectEntries(OPTIONS).slice(0, 50)) {
      const firm = enterprise(e, OPTIONS.seed);
      const row = stored.find((r) => r.entity_uscc === firm.uscc);
      expect(row).toMatchObject({ subject_name: firm.name, region: firm.district.name, title: `${firm.name}（${row?.attributes.pool}）` });
      expect(row.attributes).toMatchObject({ subjectType: firm.category, industry: firm.industry, address: firm.address });
    }
  });

  test('edition 2: items and subjects that left the lists are removed (the published version kept), new results added', async () => {
    const before = { items: await rows('inspection-items').count({ n: '*' }), subjects: await rows('inspection-subjects').count({ n: '*' }) };
    const leavingItems = itemCodes(OPTIONS).filter((code) => !itemCodes(EDITION_2).includes(code));
    const leavingSubjects = subjectEntries(OPTIONS).filter((e) => !SUBJECT_LIST.isListed(e, EDITION_2));
    expect(leavingItems.length).toBeGreaterThan(5);
    expect(leavingSubjects.length).toBeGreaterThan(20);

    await setFaults(feeds, { edition: 2 });
    const summaries = await sync();
    const byStream = Object.fromEntries(summaries.map((s) => [s.stream, s]));
    expect(byStream['inspection-items']).toMatchObject({ inserted: 0, updated: 0, removed: leavingItems.length });
    expect(byStream['inspection-subjects']).toMatchObject({ inserted: 0, updated: 0, removed: leavingSubjects.length });
    expect(byStream['inspection-results']).toMatchObject({ inserted: validResults(EDITION_2).length - validResults(OPTIONS).length, removed: 0 });
    // Nothing is deleted: the lists keep their rows, the leavers with a status.
    expect(await rows('inspection-items').count({ n: '*' })).toEqual(before.items);
    expect(await rows('inspection-subjects').count({ n: '*' })).toEqual(before.subjects);

    const removedItems = await rows('inspection-items').where({ status: 'removed' }).orderBy('source_key');
    expect(removedItems.map((r) => r.source_key)).toEqual([...leavingItems].sort());
    const removedSubjects = await rows('inspection-subjects').where({ status: 'removed' });
    expect(removedSubjects.map((r) => r.entity_uscc).sort()).toEqual(leavingSubjects.map((e) => enterprise(e, OPTIONS.seed).uscc).sort());
    const revisions = await knex('revisions').whereIn('disclosure_id', [...removedItems, ...removedSubjects].map((r) => r.id));
    expect(revisions).toHaveLength(leavingItems.length + leavingSubjects.length);
    expect(revisions.every((r) => r.snapshot.status === 'published' && r.snapshot.version === 1)).toBe(true);

    const again = await sync();
    for (const summary of again) expect([summary.stream, summary.inserted, summary.updated, summary.removed]).toEqual([summary.stream, 0, 0, 0]);
  });
});
