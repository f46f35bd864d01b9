import type { Knex } from 'knex';
import { trading } from '../../connectors/trading';
import { tradingFeeds } from '../../samples/trading';
import { BUYERS } from '../../samples/trading/buyers';
import { PLANS, stepsOf } from '../../samples/trading/plans';
import { slotAt } from '../../samples/trading/schedule';
import type { TradingNoticeRecord } from '../../connectors/trading/notices/schema';
import { isMalformed } from '../../samples/kit/feed';
import { DEFAULT_FEED_OPTIONS, startFeedServer, type RunningFeedServer } from '../../samples/kit/feedServer';
import { runSync } from '../../src/sync/runSync';
import { listQuarantine } from '../../src/sync/quarantineAdmin';
import { findUnmaskedPersonalInfo } from '../../src/domain/masking';
import { validateUscc } from '../../src/domain/uscc';
import { normalizeLotCode, normalizeProjectCode, processStage, toWanYuan, type ProcessStageName, type TradingNoticeAttributes } from '../../src/domain/trading';
import { DEFAULT_CITY } from '../../src/config/city';
import { MAPPING, REVIEW } from '../helpers/mapping';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';
import { heldKeys, leaksBesideLookAlikes } from '../helpers/plantedReview';
import { tradingNotices } from '../../connectors/trading/notices/stream';
import { fastHttp } from '../helpers/feeds';

const SCALE = 400;
const STREAM = 'trading/notices';
const OPTIONS = { ...DEFAULT_FEED_OPTIONS, scale: SCALE };
const feed = tradingFeeds[0];
const indices = Array.from({ length: SCALE }, (_, i) => i);
const malformed = indices.filter((i) => isMalformed(feed.path, i, OPTIONS));
/** The valid notices the feed serves, with where they sit in their process's plan. */
const valid = indices
  .filter((i) => !isMalformed(feed.path, i, OPTIONS))
  .map((i) => ({ record: feed.record(i, OPTIONS) as TradingNoticeRecord, slot: slotAt(i) }));
/** The notices planted with a catch for the review (samples/review): held, never stored. */
const held = heldKeys(STREAM, OPTIONS);
/** The valid notices that should be stored and served: all but the held ones. */
const served = valid.filter(({ record }) => !held.has(tradingNotices.key(record)));

/** A process: a lot of a project. */
const processKey = (projectCode: string, lotCode: string | null | undefined) => `${projectCode} ${lotCode ?? ''}`;

/**
 * What the sample's plans say each process (lot) has reached, given the notices stored of it: the
 * stage after its last stored step (written by hand in plans.ts), amended when an amendment is stored.
 */
function plannedStages(): Map<string, { stage: ProcessStageName; amended: boolean }> {
  const byCode = new Map<string, { stage: ProcessStageName; amended: boolean; step: number }>();
  for (const { record, slot } of served) {
    const step = stepsOf(PLANS[slot.process % PLANS.length], slot.lot)[slot.step];
    const code = processKey(normalizeProjectCode(record.projectCode), normalizeLotCode(record.lotCode!));
    const known = byCode.get(code) ?? { stage: step.stageAfter, amended: false, step: -1 };
    byCode.set(code, {
      stage: slot.step > known.step ? step.stageAfter : known.stage,
      amended: known.amended || step.type === 'amendment',
      step: Math.max(known.step, slot.step),
    });
  }
  return new Map([...byCode].map(([code, { stage, amended }]) => [code, { stage, amended }]));
}

describe.each(BACKENDS)('trading connector on %s', (backend) => {
  let db: TestDatabase;
  let feeds: RunningFeedServer;
  let knex: Knex;
  const sync = (extra: Partial<Parameters<typeof runSync>[0]> = {}) =>
    runSync({ knex, connectors: [trading], feedUrl: () => feeds.url, mapping: MAPPING, review: REVIEW, http: fastHttp(), ...extra }).then((s) => s[0]);
  const notices = () =>
    knex('disclosures').where({ stream: STREAM }).select('id', 'source_key', 'title', 'search_text', 'attributes', 'personal', 'published_at', 'status', 'subject_name', 'entity_uscc', 'region', 'source_url');

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    knex = db.knex;
    feeds = await startFeedServer({ feeds: tradingFeeds, scale: SCALE });
    // Opening a fresh embedded database and migrating it takes long on a loaded machine.
  }, 180000);
  afterAll(async () => {
    await feeds?.close();
    await db?.destroy();
  });

  test('a first sync stores every valid notice but the held ones and quarantines exactly the malformed ones, with reasons', async () => {
    expect(malformed.length).toBeGreaterThan(0);
    expect(held.size).toBeGreaterThan(0);
    expect(served).toHaveLength(valid.length - held.size);
    const summary = await sync();
    expect(summary).toMatchObject({ connector: 'trading', stream: 'notices', status: 'partial', fetched: SCALE, quarantined: malformed.length, held: held.size });
    expect(summary.inserted + summary.quarantined + summary.held).toBe(summary.fetched);
    const stored = await notices();
    expect(stored).toHaveLength(SCALE - malformed.length - held.size);
    expect(stored.filter((row) => held.has(row.source_key))).toEqual([]);
    const entries = await listQuarantine(knex, { stream: STREAM });
    expect(entries).toHaveLength(malformed.length);
    for (const error of entries.flatMap((e) => e.errors)) {
      expect(error.path).toMatch(/^\/(publishTime|projectCode|budget|buyerCode|tenderers)$/);
      expect(error.message).toMatch(/^(required field "projectCode" is missing|"(publishTime|budget|buyerCode|tenderers)" is ".+": expected .+)$/);
    }
  });

  test('notices sharing a project and a lot code form a process whose derived stage is the one its plan reached', async () => {
    const byCode = new Map<string, Array<{ type: TradingNoticeAttributes['noticeType']['type']; publishedAt: Date }>>();
    for (const row of await notices()) {
      const a = row.attributes as TradingNoticeAttributes;
      const key = processKey(a.projectCode, a.lot?.code);
      byCode.set(key, [...(byCode.get(key) ?? []), { type: a.noticeType.type, publishedAt: new Date(row.published_at) }]);
    }
    const derived = new Map([...byCode].map(([code, list]) => {
      const { stage, amended } = processStage(list);
      return [code, { stage, amended }];
    }));
    const planned = plannedStages();
    expect(Object.fromEntries(derived)).toEqual(Object.fromEntries(planned));
    // The sample reaches every stage, with and without amendments, so the comparison means something.
    const reached = new Set([...planned.values()].map((p) => p.stage));
    expect(reached).toEqual(new Set(['tender', 'qualification', 'award', 'contract', 'implementation', 'cancelled']));
    expect(new Set([...planned.values()].map((p) => p.amended))).toEqual(new Set([true, false]));
    expect(byCode.size).toBeGreaterThan(100);
  });

  test('each notice keeps its lot: a project divided into lots is several processes under one project code', async () => {
    const rows = new Map((await notices()).map((r) => [r.source_key, r.attributes as TradingNoticeAttributes]));
    const lotsOfProject = new Map<string, Set<string>>();
    for (const { record } of served) {
      const a = rows.get(record.noticeId)!;
      expect(a.lot).toEqual({ code: normalizeLotCode(record.lotCode!), name: record.lotName });
      lotsOfProject.set(a.projectCode, new Set([...(lotsOfProject.get(a.projectCode) ?? []), a.lot!.code]));
    }
    const counts = [...lotsOfProject.values()].map((lots) => lots.size);
    expect(counts.filter((n) => n > 1).length).toBeGreaterThan(5);
    expect(counts.filter((n) => n === 1).length).toBeGreaterThan(counts.length / 2);
  });

  test('regions as the platform writes them (大庆市萨尔图区) are stored as the city\'s divisions; links follow the platform\'s pattern', async () => {
    const divisions = new Set([DEFAULT_CITY.name, ...DEFAULT_CITY.districts.map((d) => d.name)]);
    const rows = new Map((await notices()).map((r) => [r.source_key, r]));
    const regions = new Set<string>();
    for (const { record } of served) {
      const row = rows.get(record.noticeId)!;
      expect(divisions.has(row.region)).toBe(true);
      expect(record.region!.endsWith(row.region)).toBe(true);
      regions.add(row.region);
      // The feed gives no link: the engine builds it from city.sourceLinks.trading.
      expect(row.source_url).toBe(`http://ggzy.daqing.gov.cn/jyxx/${record.noticeId}.html`);
    }
    expect(regions.size).toBeGreaterThan(2);
  });

  test('cancellations are stored cancelled; every other notice, amendments included, published', async () => {
    for (const row of await notices()) {
      const type = (row.attributes as TradingNoticeAttributes).noticeType.type;
      expect([type, row.status]).toEqual([type, type === 'cancellation' ? 'cancelled' : 'published']);
    }
  });

  test('parties are stored by role; valid codes link to entities, bad or missing codes to none', async () => {
    const parties = await knex('disclosure_parties as p').join('disclosures as d', 'd.id', 'p.disclosure_id').where('d.stream', STREAM).select('p.*', 'd.source_key');
    let bad = 0;
    for (const p of parties) {
      if (p.uscc === null) {
        expect([p.uscc_valid, p.entity_uscc]).toEqual([null, null]);
        continue;
      }
      const check = validateUscc(p.uscc);
      expect([p.uscc, p.uscc_valid, p.entity_uscc]).toEqual([check.normalized, check.valid, check.valid ? check.normalized : null]);
      if (!check.valid) bad++;
    }
    expect(bad).toBeGreaterThan(5);

    // Against the source: each notice's buyer and winner, with the code the platform wrote.
    const byKey = new Map<string, Array<Record<string, any>>>();
    for (const p of parties) byKey.set(p.source_key, [...(byKey.get(p.source_key) ?? []), p]);
    for (const { record } of served) {
      const stored = byKey.get(record.noticeId) ?? [];
      const initiator = stored.filter((p) => p.role === 'buyer' || p.role === 'transferor');
      expect(initiator).toHaveLength(1);
      expect(initiator[0]).toMatchObject({ name: record.buyerName, entity_uscc: linkOf(record.buyerCode) });
      for (const winner of record.winners ?? []) {
        const role = record.tradeType === '工程建设' || record.tradeType === '政府采购' ? 'supplier' : 'transferee';
        expect(stored).toContainEqual(expect.objectContaining({ role, name: winner.name, entity_uscc: linkOf(winner.code) }));
      }
    }

    // Every buyer that published is an entity under its own name.
    const entities = await knex('entities').whereIn('uscc', BUYERS.map((b) => b.uscc)).select('uscc', 'name');
    expect(entities.length).toBeGreaterThan(10);
    for (const e of entities) expect(e.name).toBe(BUYERS.find((b) => b.uscc === e.uscc)!.name);
  });

  test('award and contract notices are about the winner, the others about the buyer', async () => {
    const rows = new Map((await notices()).map((r) => [r.source_key, r]));
    for (const { record } of served) {
      const row = rows.get(record.noticeId)!;
      const type = (row.attributes as TradingNoticeAttributes).noticeType.type;
      const subject = ['award', 'contract', 'implementation'].includes(type) ? record.winners![0] : { name: record.buyerName, code: record.buyerCode };
      expect([record.noticeId, row.subject_name, row.entity_uscc]).toEqual([record.noticeId, subject.name, linkOf(subject.code)]);
    }
  });

  test('amounts are stored in 万元 whatever unit the platform wrote', async () => {
    const rows = new Map((await notices()).map((r) => [r.source_key, r.attributes as TradingNoticeAttributes]));
    const awards = served.filter(({ record }) => record.winners && record.noticeTypeCode === '05');
    expect(new Set(awards.map(({ record }) => record.amountUnit))).toEqual(new Set(['元', '万元']));
    for (const { record } of awards) {
      const expected = toWanYuan(record.winners![0].amount!, record.amountUnit);
      expect(rows.get(record.noticeId)!.awards[0].value).toEqual({ amountWan: expected, currency: 'CNY' });
    }
    const yuan = awards.find(({ record }) => record.amountUnit === '元')!.record;
    expect(rows.get(yuan.noticeId)!.awards[0].value!.amountWan).toBeCloseTo(Number(String(yuan.winners![0].amount).replace(/,/g, '')) / 10000, 6);
  });

  test('no unmasked mobile number is served: not in attributes, title or search text; the original is kept in personal', async () => {
    const rows = await notices();
    for (const row of rows) {
      // A planted look-alike (samples/review) has an ID number's shape but is none: the review publishes it.
      const leaks = leaksBesideLookAlikes(findUnmaskedPersonalInfo(`${JSON.stringify(row.attributes)}\n${row.title}\n${row.search_text}`), OPTIONS);
      expect([row.source_key, leaks]).toEqual([row.source_key, []]);
    }
    const mobiles = rows.filter((r) => r.personal && findUnmaskedPersonalInfo(r.personal.contactPhone).length > 0);
    expect(mobiles.length).toBeGreaterThan(SCALE / 8);
    for (const row of mobiles) expect((row.attributes as TradingNoticeAttributes).contact?.phone).toMatch(/^1\d\d\*{4}\d{4}$/);
    const revisions = await knex('revisions').count({ n: '*' });
    expect(Number(revisions[0].n)).toBe(0);
  });

  test('the contact person, the organisation\'s published business contact, is stored for serving in full', async () => {
    const rows = new Map((await notices()).map((r) => [r.source_key, r.attributes as TradingNoticeAttributes]));
    for (const { record } of served) expect(rows.get(record.noticeId)!.contact?.name).toBe(record.contactPerson);
  });

  test('the cursor is the latest publication time; an incremental sync re-reads only the look-back and changes nothing', async () => {
    const state = await knex('sync_state').where({ stream: STREAM }).first();
    // A held notice is read all the same: it moves the cursor.
    const latest = valid[valid.length - 1].record.publishTime;
    expect(state.cursor).toBe(latest);
    const summary = await sync();
    expect(summary.fetched).toBeGreaterThan(0);
    expect(summary.fetched).toBeLessThan(SCALE / 4);
    expect(summary).toMatchObject({ inserted: 0, updated: 0 });
  });
});

/** The entity a written code links to: its normalised form when valid, none otherwise. */
function linkOf(code: string | undefined): string | null {
  if (!code) return null;
  const check = validateUscc(code);
  return check.valid ? check.normalized : null;
}
