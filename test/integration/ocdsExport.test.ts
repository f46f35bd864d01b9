import { PassThrough } from 'node:stream';
import type { Knex } from 'knex';
import { trading } from '../../connectors/trading';
import { tradingFeeds } from '../../samples/trading';
import type { TradingNoticeRecord } from '../../connectors/trading/notices/schema';
import { isMalformed } from '../../samples/kit/feed';
import { DEFAULT_FEED_OPTIONS, startFeedServer, type RunningFeedServer } from '../../samples/kit/feedServer';
import { runSync } from '../../src/sync/runSync';
import { loadConfig } from '../../src/config/config';
import { normalizeProjectCode, toWanYuan, tradeTypeOf, wanYuanToYuan } from '../../src/domain/trading';
import { noticesInStoreOrder, processCodesPage, storeOrderPageEnd, type StoreKey } from '../../src/ocds/noticeRows';
import { sinkOf } from '../../src/ocds/packageWriter';
import { allProcesses, writeRecordPackage, writeReleasePackage, type ExportSummary, type PackageTarget } from '../../src/ocds/publish';
import { OCDS_SCHEMA_DIR, ocdsValidators } from '../../src/ocds/schemaValidator';
import type { OcdsRecord, Release } from '../../src/ocds/types';
import { MAPPING } from '../helpers/mapping';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';
import { fastHttp } from '../helpers/feeds';

const SCALE = 400;
/** Validated against the project's copy of the official schemas (src/ocds/schema/1.1.5). */
const validators = ocdsValidators(OCDS_SCHEMA_DIR);
/** A prefix other than the default, to see that the configured one is used. */
const settings = loadConfig({ HUB_OCDS_PREFIX: 'ocds-t3st01' });

const feed = tradingFeeds[0];
const OPTIONS = { ...DEFAULT_FEED_OPTIONS, scale: SCALE };
const served = Array.from({ length: SCALE }, (_, i) => i)
  .filter((i) => !isMalformed(feed.path, i, OPTIONS))
  .map((i) => feed.record(i, OPTIONS) as TradingNoticeRecord);
const procurement = served.filter((r) => tradeTypeOf(r.tradeType)?.procurement);

interface Written<T> {
  json: T;
  summary: ExportSummary;
}

/** Writes a package into memory, as the CLI and the HTTP endpoints write it to a file or a socket. */
async function written<T>(write: (target: PackageTarget) => Promise<ExportSummary>): Promise<Written<T>> {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => (text += chunk));
  const summary = await write({ sink: sinkOf(stream), settings, uri: 'urn:uuid:2b0b7a1c-1f7e-4a61-9d0e-7c0d2c3b9a10' });
  stream.end();
  return { json: JSON.parse(text), summary };
}

describe.each(BACKENDS)('OCDS export of synced trading notices on %s', (backend) => {
  let db: TestDatabase;
  let feeds: RunningFeedServer;
  let knex: Knex;
  let releases: Written<{ releases: Release[] }>;
  let records: Written<{ records: OcdsRecord[] }>;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    knex = db.knex;
    feeds = await startFeedServer({ feeds: tradingFeeds, scale: SCALE });
    await runSync({ knex, connectors: [trading], feedUrl: () => feeds.url, mapping: MAPPING, http: fastHttp() });
    // Small batches, so the export crosses many page boundaries.
    releases = await written((target) => writeReleasePackage(target, noticesInStoreOrder(knex, { batchSize: 37 })));
    records = await written((target) => writeRecordPackage(knex, target, allProcesses(knex, {}, 7)));
  }, 180000);
  afterAll(async () => {
    await feeds?.close();
    await db?.destroy();
  });

  test('the release package is valid against the official OCDS 1.1.5 schema', () => {
    expect(validators.releasePackage(releases.json)).toEqual([]);
    expect(releases.json).toMatchObject({ version: '1.1', publisher: { name: '石家庄市公共资源交易中心' } });
  });

  test('one release per stored procurement notice, with every stage of a process among them', () => {
    const list = releases.json.releases;
    expect(list).toHaveLength(procurement.length);
    expect(releases.summary).toEqual({ releases: procurement.length, processes: new Set(procurement.map((r) => normalizeProjectCode(r.projectCode))).size });
    const tags = new Set(list.flatMap((r) => r.tag));
    for (const tag of ['tender', 'tenderAmendment', 'tenderUpdate', 'tenderCancellation', 'award', 'contract', 'implementation']) expect(tags).toContain(tag);
    expect(list.filter((r) => r.tag.includes('contract')).every((r) => r.contracts?.length === 1)).toBe(true);
  });

  test('every ocid has the configured prefix; land and property sales are left out', () => {
    for (const r of releases.json.releases) expect(r.ocid).toMatch(/^ocds-t3st01-SJZ(JS|CG)-\d{4}-\d{4}$/);
    expect(served.length).toBeGreaterThan(procurement.length);
  });

  test('release ids are unique within their process', () => {
    const keys = releases.json.releases.map((r) => `${r.ocid} ${r.id}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('amounts are CNY in 元, as the platform wrote them in 元 or 万元', () => {
    const byId = new Map(releases.json.releases.map((r) => [r.id, r]));
    const budgets = procurement.filter((r) => r.budget !== undefined && r.noticeTypeCode === '01');
    expect(new Set(budgets.map((r) => r.amountUnit))).toEqual(new Set(['元', '万元']));
    for (const record of budgets) {
      expect(byId.get(record.noticeId)!.tender!.value).toEqual({ amount: wanYuanToYuan(toWanYuan(record.budget!, record.amountUnit)), currency: 'CNY' });
    }
  });

  test('the record package is valid, one record per process with all its releases in date order', () => {
    expect(validators.recordPackage(records.json)).toEqual([]);
    const list = records.json.records;
    expect(list).toHaveLength(releases.summary.processes);
    expect(records.summary).toEqual(releases.summary);
    const releaseIds = (ocid: string) => releases.json.releases.filter((r) => r.ocid === ocid).map((r) => r.id).sort();
    for (const record of list) {
      expect(record.releases.map((r) => r.id).sort()).toEqual(releaseIds(record.ocid));
      const times = record.releases.map((r) => Date.parse(r.date));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(record.compiledRelease).toMatchObject({ ocid: record.ocid, tag: ['compiled'], date: record.releases[record.releases.length - 1].date });
    }
  });

  test('a compiled release says where its process ended', () => {
    for (const { releases: list, compiledRelease: compiled } of records.json.records) {
      const tags = new Set(list.flatMap((r) => r.tag));
      if (tags.has('tenderCancellation')) expect(['cancelled', 'unsuccessful']).toContain(compiled.tender!.status);
      if (tags.has('contract')) expect(compiled.contracts).toHaveLength(1);
      if (tags.has('implementation')) expect(compiled.contracts![0].implementation?.milestones?.length).toBe(1);
      // The candidates' pending award becomes the result's active award: one award, never two.
      expect(compiled.awards?.length ?? 0).toBeLessThanOrEqual(1);
      if (list.some((r) => r.awards?.some((a) => a.status === 'active'))) expect(compiled.awards![0].status).toBe('active');
    }
  });

  test('HTTP pages in store order visit every release once, and `since` selects what was stored since', async () => {
    const seen: number[] = [];
    let after: StoreKey | undefined;
    for (;;) {
      const end = await storeOrderPageEnd(knex, { after, limit: 50 });
      if (!end.last) break;
      for await (const batch of noticesInStoreOrder(knex, { after, upTo: end.last, batchSize: 20 })) seen.push(...batch.map((n) => n.key.id));
      if (!end.more) break;
      after = end.last;
    }
    expect(seen).toHaveLength(procurement.length);
    expect(new Set(seen).size).toBe(seen.length);

    const touched = seen.slice(0, 3);
    await knex('disclosures').whereIn('id', touched).update({ stored_at: knex.raw(`now() + interval '1 hour'`) });
    const since = new Date(Date.now() + 30 * 60000);
    const recent: number[] = [];
    for await (const batch of noticesInStoreOrder(knex, { since })) recent.push(...batch.map((n) => n.key.id));
    expect(recent.sort()).toEqual([...touched].sort());
    const { codes, more } = await processCodesPage(knex, { since, limit: 100 });
    expect(more).toBe(false);
    expect(codes.length).toBeGreaterThanOrEqual(1);
    expect(codes.length).toBeLessThanOrEqual(3);
  });
});
