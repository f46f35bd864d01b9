import { PassThrough } from 'node:stream';
import type { Knex } from 'knex';
import { trading } from '../../connectors/trading';
import { tradingFeeds } from '../../samples/trading';
import type { TradingNoticeRecord } from '../../connectors/trading/notices/schema';
import { isMalformed } from '../../samples/kit/feed';
import { DEFAULT_FEED_OPTIONS, startFeedServer, type RunningFeedServer } from '../../samples/kit/feedServer';
import { runSync } from '../../src/sync/runSync';
import { loadConfig } from '../../src/config/config';
import { normalizeLotCode, normalizeProjectCode, toWanYuan, tradeTypeOf, wanYuanToYuan } from '../../src/domain/trading';
import { validateUscc } from '../../src/domain/uscc';
import { noticesInStoreOrder, processCodesPage, storeOrderPageEnd, type StoreKey } from '../../src/ocds/noticeRows';
import { sinkOf } from '../../src/ocds/packageWriter';
import { allProcesses, writeRecordPackage, writeReleasePackage, type ExportSummary, type PackageTarget } from '../../src/ocds/publish';
import { OCDS_SCHEMA_DIR, ocdsValidators } from '../../src/ocds/schemaValidator';
import { LOTS_EXTENSION } from '../../src/ocds/lots';
import type { OcdsRecord, Release } from '../../src/ocds/types';
import { MAPPING, REVIEW } from '../helpers/mapping';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';
import { fastHttp } from '../helpers/feeds';
import { heldKeys } from '../helpers/plantedReview';
import { tradingNotices } from '../../connectors/trading/notices/stream';

const SCALE = 400;
/** Validated against the project's copy of the official schemas (src/ocds/schema/1.1.5). */
const validators = ocdsValidators(OCDS_SCHEMA_DIR);
/** A prefix other than the default, to see that the configured one is used. */
const settings = loadConfig({ HUB_OCDS_PREFIX: 'ocds-t3st01' });

const feed = tradingFeeds[0];
const OPTIONS = { ...DEFAULT_FEED_OPTIONS, scale: SCALE };
/** The notices planted with a catch for the review (samples/review): held, so never stored nor exported. */
const held = heldKeys('trading/notices', OPTIONS);
const served = Array.from({ length: SCALE }, (_, i) => i)
  .filter((i) => !isMalformed(feed.path, i, OPTIONS))
  .map((i) => feed.record(i, OPTIONS) as TradingNoticeRecord)
  .filter((r) => !held.has(tradingNotices.key(r)));
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
    await runSync({ knex, connectors: [trading], feedUrl: () => feeds.url, mapping: MAPPING, review: REVIEW, http: fastHttp() });
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
    expect(releases.json).toMatchObject({ version: '1.1', publisher: { name: '大庆市公共资源交易中心' } });
    expect((releases.json as any).extensions).toEqual([LOTS_EXTENSION]);
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
    for (const r of releases.json.releases) expect(r.ocid).toMatch(/^ocds-t3st01-DQ(JS|CG)-\d{4}-\d{4}$/);
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
      // The budget is the lot's: the notice is about one lot.
      const [lot] = byId.get(record.noticeId)!.tender!.lots!;
      expect(lot).toMatchObject({ id: normalizeLotCode(record.lotCode!), value: { amount: wanYuanToYuan(toWanYuan(record.budget!, record.amountUnit)), currency: 'CNY' } });
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

  test('a compiled release says where each lot of its project ended', () => {
    for (const { releases: list, compiledRelease: compiled } of records.json.records) {
      const lotsWith = (tag: string) => new Set(list.filter((r) => r.tag.includes(tag as never)).flatMap((r) => r.tender!.lots!.map((l) => l.id)));
      for (const lot of compiled.tender!.lots!) {
        if (lotsWith('tenderCancellation').has(lot.id)) expect(['cancelled', 'unsuccessful']).toContain(lot.status);
      }
      expect(compiled.contracts?.length ?? 0).toBe(lotsWith('contract').size || lotsWith('implementation').size);
      if (lotsWith('implementation').size > 0) expect(compiled.contracts!.some((c) => c.implementation?.milestones?.length === 1)).toBe(true);
      // A lot's pending award becomes its active award: one award per awarded lot, never two.
      const awardedLots = (compiled.awards ?? []).map((a) => a.relatedLots![0]);
      expect(new Set(awardedLots).size).toBe(awardedLots.length);
      for (const award of compiled.awards ?? []) {
        const active = list.some((r) => r.awards?.some((a) => a.id === award.id && a.status === 'active'));
        expect(award.status).toBe(active ? 'active' : 'pending');
      }
    }
  });

  test('a project divided into lots is one record with every lot in tender.lots; awards and documents name their lot', () => {
    const lotsOf = new Map<string, Set<string>>();
    for (const r of procurement) lotsOf.set(normalizeProjectCode(r.projectCode), new Set([...(lotsOf.get(normalizeProjectCode(r.projectCode)) ?? []), normalizeLotCode(r.lotCode!)]));
    let divided = 0;
    for (const { ocid, compiledRelease: compiled } of records.json.records) {
      const lots = lotsOf.get(ocid.replace(/^ocds-t3st01-/, ''))!;
      expect(compiled.tender!.lots!.map((l) => l.id).sort()).toEqual([...lots].sort());
      if (lots.size > 1) divided++;
      const ids = new Set(compiled.tender!.lots!.map((l) => l.id));
      for (const award of compiled.awards ?? []) expect(award.relatedLots!.every((id) => ids.has(id))).toBe(true);
      for (const document of compiled.tender!.documents ?? []) expect(document.relatedLots!.every((id) => ids.has(id))).toBe(true);
    }
    expect(divided).toBeGreaterThan(3);
  });

  test('no organisation is listed twice in any release\'s parties, compiled or not; a code given anywhere in the project identifies it everywhere', () => {
    const all = [...releases.json.releases, ...records.json.records.flatMap((r) => [...r.releases, r.compiledRelease])];
    for (const release of all) {
      const ids = (release.parties ?? []).map((p) => p.id);
      const names = (release.parties ?? []).map((p) => p.name.normalize('NFKC'));
      expect([release.ocid, release.id, ids.length - new Set(ids).size, names.length - new Set(names).size]).toEqual([release.ocid, release.id, 0, 0]);
      const partyIds = new Set(ids);
      const references = [release.buyer, release.tender?.procuringEntity, ...(release.tender?.tenderers ?? []), ...(release.awards ?? []).flatMap((a) => a.suppliers ?? [])];
      for (const ref of references.filter(Boolean)) expect(partyIds.has(ref!.id)).toBe(true);
    }
    // A name-based id remains only for an organisation no notice of its project gave a valid code for.
    const coded = new Set<string>();
    const uncoded = new Set<string>();
    for (const r of procurement) {
      const named = [{ name: r.buyerName, code: r.buyerCode }, { name: r.agencyName, code: r.agencyCode }, ...(r.tenderers ?? []), ...(r.winners ?? [])];
      for (const p of named) {
        if (!p.name) continue;
        const key = `${normalizeProjectCode(r.projectCode)} ${p.name}`;
        (p.code && validateUscc(p.code).valid ? coded : uncoded).add(key);
      }
    }
    for (const { ocid, compiledRelease } of records.json.records) {
      for (const party of compiledRelease.parties ?? []) {
        const key = `${ocid.replace(/^ocds-t3st01-/, '')} ${party.name}`;
        expect([key, party.id.startsWith('NAME-')]).toEqual([key, !coded.has(key)]);
      }
    }
    // The sample names some firms without a good code on one notice and with it on another.
    expect([...uncoded].filter((key) => coded.has(key)).length).toBeGreaterThan(5);
  });

  test('each notice\'s document links to the notice on the platform, by the platform\'s address pattern', () => {
    for (const release of releases.json.releases) {
      const documents = [...(release.tender?.documents ?? []), ...(release.awards ?? []).flatMap((a) => a.documents ?? []), ...(release.contracts ?? []).flatMap((c) => [...(c.documents ?? []), ...(c.implementation?.documents ?? [])])];
      expect(documents).toHaveLength(1);
      expect(documents[0].url).toBe(`http://ggzy.daqing.gov.cn/jyxx/${documents[0].id}.html`);
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
