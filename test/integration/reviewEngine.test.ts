import type { Knex } from 'knex';
import { listReviewItems, reviewSummary } from '../../src/review/store';
import { syncStream } from '../../src/sync/engine';
import { listQuarantine, replayQuarantined } from '../../src/sync/quarantineAdmin';
import { fastHttp } from '../helpers/feeds';
import { MAPPING, REVIEW } from '../helpers/mapping';
import { serveRecords, type RecordServer } from '../helpers/recordServer';
import { abnormalOperations } from '../../connectors/credit/abnormal-operations/stream';
import { abnormalOperationsSample } from '../../samples/credit/abnormalOperations';
import {
  BANK_CARD,
  cleanPenalties,
  cleanSampleRecords,
  credit,
  keyOf,
  marked,
  penalties,
  PENALTIES,
  reviewed,
  withBankCard,
  withTradeSecret,
  type PenaltyRecord,
} from '../helpers/reviewRecords';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

/**
 * The review stage of the engine (保密审查), against a real database: what a hold rule finds is not
 * published but held, with its findings; the same content read again keeps its state; a changed
 * record is reviewed again; runs count what they held. Decisions are in reviewDecisions.test.ts.
 */
describe.each(BACKENDS)('review in the sync engine on %s', (backend) => {
  let db: TestDatabase;
  let knex: Knex;
  let feed: RecordServer;
  const base = cleanPenalties(14);
  // The feed serves whatever this array holds when it is asked: tests change it between runs.
  const records: PenaltyRecord[] = base.slice(0, 10).map((r) => ({ ...r }));
  const sync = () => syncStream({ knex, connector: credit, stream: penalties, baseUrl: feed.url, mapping: MAPPING, review: REVIEW, http: fastHttp(), full: true });
  const published = (record: PenaltyRecord) => knex('disclosures').where({ stream: PENALTIES, source_key: keyOf(record) }).first();
  const items = (record: PenaltyRecord) => knex('review_items').where({ stream: PENALTIES, source_key: keyOf(record) }).orderBy('id');
  const holdLines = () => knex('review_audit').where({ action: 'hold' }).orderBy('id');

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    knex = db.knex;
    feed = await serveRecords('/credit/penalties', records, 4);
  });
  afterAll(async () => {
    await feed?.close();
    await db?.destroy();
  });

  test('a record with a classification mark, a trade secret or a bank card number is held: not published, queued with its findings, counted in the run', async () => {
    const mark = marked(base[10]);
    const card = withBankCard(base[11]);
    const secret = withTradeSecret(base[12]);
    records.push(mark, card, secret);
    const summary = await sync();
    expect(summary).toMatchObject({ status: 'ok', fetched: 13, inserted: 10, held: 3, quarantined: 0 });
    for (const record of [mark, card, secret]) expect(await published(record)).toBeUndefined();
    expect(Number((await knex('disclosures').where({ stream: PENALTIES }).count({ n: '*' }))[0].n)).toBe(10);

    const queue = await listReviewItems(knex, { first: 10 });
    expect(queue.totalCount).toBe(3);
    const byKey = new Map(queue.items.map((item) => [item.sourceKey, item]));
    const categories = (record: PenaltyRecord) => byKey.get(keyOf(record))!.findings.map((f) => f.category);
    expect(categories(mark)).toContain('state-secret');
    expect(categories(secret)).toContain('commercial-secret');
    expect(categories(card)).toContain('personal');
    for (const item of queue.items) {
      expect(item).toMatchObject({ status: 'held', stream: PENALTIES, publishedId: null, decidedBy: null });
      // Where in the row, and a masked excerpt: the admin sees where, the excerpt never shows the number.
      for (const finding of item.findings) expect(finding.field).toBe('attributes.facts');
      expect(item.row).toMatchObject({ kind: 'administrative-penalty' });
      expect(item.row).not.toHaveProperty('personal');
    }
    expect(byKey.get(keyOf(card))!.findings.map((f) => f.excerpt).join(' ')).not.toContain(BANK_CARD);
    // The held content is the row the review saw, whole: the admin decides on what would be published.
    expect((byKey.get(keyOf(card))!.row.attributes as { facts: string }).facts).toContain(BANK_CARD);

    const run = await knex('sync_runs').where({ id: summary.runId }).first();
    expect(run).toMatchObject({ held: 3, inserted: 10 });
    const lines = await holdLines();
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatchObject({ action: 'hold', via: 'sync', actor: null, reason: expect.stringMatching(new RegExp(`^run ${summary.runId} found \\S`)) });
  });

  test('the same content synced again stays held: no new item, no new audit line, counted as held again', async () => {
    const before = await knex('review_items').select('id', 'held_at', 'last_seen_at').orderBy('id');
    const summary = await sync();
    expect(summary).toMatchObject({ fetched: 13, inserted: 0, updated: 0, unchanged: 10, held: 3 });
    const after = await knex('review_items').select('id', 'held_at', 'last_seen_at').orderBy('id');
    expect(after.map((i) => i.id)).toEqual(before.map((i) => i.id));
    expect(after.map((i) => new Date(i.held_at).getTime())).toEqual(before.map((i) => new Date(i.held_at).getTime()));
    // last_seen_at says the sync read it again.
    after.forEach((item, i) => expect(new Date(item.last_seen_at).getTime()).toBeGreaterThan(new Date(before[i].last_seen_at).getTime()));
    expect(await holdLines()).toHaveLength(3);
  });

  test('a published record whose new version is held keeps its older version public until a decision', async () => {
    const original = records[0];
    const old = await published(original);
    records[0] = withTradeSecret(original);
    const summary = await sync();
    expect(summary).toMatchObject({ held: 4, updated: 0, unchanged: 9 });
    const still = await published(original);
    expect(still).toMatchObject({ id: old.id, content_hash: old.content_hash, version: 1 });
    expect(new Date(still.last_seen_at).getTime()).toBeGreaterThan(new Date(old.last_seen_at).getTime());
    const [item] = await items(original);
    expect(item).toMatchObject({ status: 'held', content_hash: reviewed(records[0]).row.content_hash });
    const queue = await listReviewItems(knex, { first: 10 });
    expect(queue.items.find((i) => i.sourceKey === keyOf(original))!.publishedId).toBe(Number(old.id));
  });

  test('a record the source changes again is reviewed again: its earlier held version is superseded', async () => {
    const original = base[0];
    records[0] = marked(original, '秘密★1年 ');
    const summary = await sync();
    expect(summary.held).toBe(4);
    const versions = await items(original);
    expect(versions.map((v) => v.status)).toEqual(['superseded', 'held']);
    expect(versions[1].findings.map((f: { category: string }) => f.category)).toContain('state-secret');
    expect(await holdLines()).toHaveLength(5);
  });

  test('a held record the source corrects is published and its held item superseded', async () => {
    const original = base[11];
    const index = records.findIndex((r) => keyOf(r) === keyOf(original));
    records[index] = original;
    const summary = await sync();
    expect(summary).toMatchObject({ held: 3, inserted: 1 });
    expect(await published(original)).toMatchObject({ content_hash: reviewed(original).row.content_hash });
    expect((await items(original)).map((v) => v.status)).toEqual(['superseded']);
  });

  test('content held before, superseded, and sent again is held again in its own item', async () => {
    const original = base[11];
    const index = records.findIndex((r) => keyOf(r) === keyOf(original));
    records[index] = withBankCard(original);
    const summary = await sync();
    expect(summary.held).toBe(4);
    // The published correction stays public until the held version is decided.
    expect(await published(original)).toMatchObject({ content_hash: reviewed(original).row.content_hash });
    const versions = await items(original);
    expect(versions.map((v) => v.status)).toEqual(['held']);
    expect(await holdLines()).toHaveLength(6);
  });

  test('a quarantined record replayed after a fix goes through the review too', async () => {
    const bad = { ...marked(base[13]), CF_CFJG: undefined } as unknown as PenaltyRecord;
    records.push(bad);
    const first = await sync();
    expect(first.quarantined).toBe(1);
    const [entry] = await listQuarantine(knex, { stream: PENALTIES });
    await knex('quarantine').where({ id: entry.id }).update({ payload: JSON.stringify(marked(base[13])) });
    expect(await replayQuarantined(knex, [credit], MAPPING, REVIEW, { ids: [entry.id] })).toEqual({ replayed: 1, stillFailing: 0 });
    expect(await published(base[13])).toBeUndefined();
    expect((await items(base[13])).map((v) => v.status)).toEqual(['held']);
    const replay = await knex('sync_runs').where({ stream: PENALTIES, trigger: 'replay' }).orderBy('id', 'desc').first();
    expect(replay).toMatchObject({ held: 1, inserted: 0, quarantined: 0 });
  });

  test('every run adds up: fetched = inserted + updated + unchanged + quarantined + held', async () => {
    records[records.length - 1] = marked(base[13]);
    const summary = await sync();
    expect(summary.inserted + summary.updated + summary.unchanged + summary.quarantined + summary.held).toBe(summary.fetched);
    expect(summary.held).toBe(5);
    const stats = await reviewSummary(knex);
    expect(stats.held).toBe(5);
    expect(stats.byStream).toEqual([{ stream: PENALTIES, held: 5, oldestHeldAt: expect.any(Date) }]);
    expect(stats.oldestHeldAt).toEqual(stats.byStream[0].oldestHeldAt);
  });

  test('the queue pages oldest first with a cursor; all statuses on request; a cursor it did not give out is refused', async () => {
    const all = await listReviewItems(knex, { first: 100 });
    expect(all.items).toHaveLength(5);
    const seen: number[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await listReviewItems(knex, { first: 2, after });
      expect(page.totalCount).toBe(5);
      seen.push(...page.items.map((i) => i.id));
      if (!page.hasNextPage) break;
      after = page.endCursor!;
    }
    expect(seen).toEqual(all.items.map((i) => i.id));
    const heldTimes = all.items.map((i) => i.heldAt.getTime());
    expect([...heldTimes].sort((a, b) => a - b)).toEqual(heldTimes);
    // The card's first item was superseded and then held again; the first changed version of base[0] stays superseded.
    expect((await listReviewItems(knex, { first: 100, status: 'all' })).totalCount).toBe(6);
    expect((await listReviewItems(knex, { first: 100, status: 'superseded' })).totalCount).toBe(1);
    expect((await listReviewItems(knex, { first: 100, stream: 'trading/notices' })).totalCount).toBe(0);
    await expect(listReviewItems(knex, { first: 2, after: 'bm90IGEgY3Vyc29y' })).rejects.toThrow(/"after" is not a cursor this list gave out/);
  });

  test('a listing whose new version is held is still on the list: a complete read of a snapshot stream does not mark it removed', async () => {
    const listings = cleanSampleRecords(abnormalOperationsSample, abnormalOperations, 6);
    const list = await serveRecords('/credit/abnormal-operations', listings, 4);
    const syncList = () => syncStream({ knex, connector: credit, stream: abnormalOperations, baseUrl: list.url, mapping: MAPPING, review: REVIEW, http: fastHttp() });
    const listing = (id: unknown) => knex('disclosures').where({ stream: 'credit/abnormal-operations', source_key: id }).first();
    try {
      expect(await syncList()).toMatchObject({ inserted: 6, removed: 0 });
      const before = await listing(listings[0].ID);
      listings[0] = { ...listings[0], SPECAUSE: `【内部】${listings[0].SPECAUSE}` };
      expect(await syncList()).toMatchObject({ held: 1, unchanged: 5, removed: 0 });
      expect(await listing(listings[0].ID)).toMatchObject({ content_hash: before.content_hash, status: before.status, version: 1 });
    } finally {
      await list.close();
    }
  });
});
