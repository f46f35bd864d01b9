import type { Knex } from 'knex';
import { trading } from '../../connectors/trading';
import { tradingNotices } from '../../connectors/trading/notices/stream';
import type { TradingNoticeRecord } from '../../connectors/trading/notices/schema';
import { seriousViolations } from '../../connectors/credit/serious-violations/stream';
import { tradingFeeds } from '../../samples/trading';
import { seriousViolationsSample } from '../../samples/credit/seriousViolations';
import { isMalformed } from '../../samples/kit/feed';
import { DEFAULT_FEED_OPTIONS } from '../../samples/kit/feedServer';
import { decideReview, listReviewItems } from '../../src/review/store';
import { syncStream } from '../../src/sync/engine';
import { replayQuarantined } from '../../src/sync/quarantineAdmin';
import type { ConnectorDefinition, StreamDefinition } from '../../src/sync/stream';
import { summarisedCredit, ENTITY_CREDIT_SUMMARIES } from '../../src/summaries/entityCreditSummaries';
import { countedDomains, ENTITY_DOMAIN_COUNTS } from '../../src/summaries/entityDomainCounts';
import { groupedProcesses, GROUPED_COLUMNS, TRADING_PROCESSES } from '../../src/summaries/tradingProcesses';
import { BLOCK_COLUMNS, compiledProcessBlocks, type ProcessBlocks } from '../../src/summaries/tradingProcessBlocks';
import { migrationSource } from '../../migrations';
import { fastHttp } from '../helpers/feeds';
import { MAPPING, REVIEW } from '../helpers/mapping';
import { serveRecordsAt, type RecordServer } from '../helpers/recordServer';
import { cleanPenalties, cleanSampleRecords, credit, keyOf, marked, penalties, withTradeSecret, type PenaltyRecord } from '../helpers/reviewRecords';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

const OPTIONS = { ...DEFAULT_FEED_OPTIONS, scale: 120 };
const noticeFeed = tradingFeeds[0];
const NOTICES = 'trading/notices';

/** The sample's valid trading notices, as the platform would serve them. */
const sampleNotices = (): TradingNoticeRecord[] =>
  Array.from({ length: OPTIONS.scale }, (_, i) => i)
    .filter((i) => !isMalformed(noticeFeed.path, i, OPTIONS))
    .map((i) => noticeFeed.record(i, OPTIONS) as TradingNoticeRecord);

/**
 * The summaries the API serves (trading processes, an enterprise's counts by domain and its credit
 * record) are tables kept by the writes, in the writing transaction. After every kind of write —
 * a sync, revisions that move notices between processes, a snapshot removal, review decisions, a
 * withdrawal, a quarantine replay — each table holds exactly what grouping the stored disclosures
 * from scratch gives (the SQL requests ran before the tables existed).
 */
describe.each(BACKENDS)('summaries kept at write time on %s', (backend) => {
  let db: TestDatabase;
  let knex: Knex;
  let feed: RecordServer;
  const notices = sampleNotices();
  const penaltyBase = cleanPenalties(6);
  const penaltyRecords: PenaltyRecord[] = penaltyBase.slice(0, 4).map((r) => ({ ...r }));
  const listed = cleanSampleRecords(seriousViolationsSample, seriousViolations, 6);

  const sync = (connector: ConnectorDefinition, stream: StreamDefinition<any>) =>
    syncStream({ knex, connector, stream, baseUrl: feed.url, mapping: MAPPING, review: REVIEW, http: fastHttp(), full: true });
  const syncNotices = () => sync(trading, tradingNotices);
  const syncPenalties = () => sync(credit, penalties);

  /** Rows in the kept table (its `kept` columns, else all) that a computation from scratch does not give, and the other way round. */
  async function differences(table: string, computed: Knex.QueryBuilder, kept: readonly string[] = ['*']): Promise<unknown[]> {
    const keptRows = knex(table).select(kept);
    const { rows } = await knex.raw(
      `(SELECT 'kept only' AS side, * FROM (SELECT * FROM (?) t EXCEPT SELECT * FROM (?) c) k)
       UNION ALL (SELECT 'computed only', * FROM (SELECT * FROM (?) c EXCEPT SELECT * FROM (?) t) k)`,
      [keptRows, computed, computed, keptRows],
    );
    return rows;
  }

  /** Each process's trade type, buyer and contract value as kept, and as compiled from scratch from every notice. */
  async function keptAndCompiledBlocks(): Promise<{ kept: ProcessBlocks[]; compiled: ProcessBlocks[] }> {
    const byKey = (a: ProcessBlocks, b: ProcessBlocks) => `${a.project_code} ${a.lot_code}`.localeCompare(`${b.project_code} ${b.lot_code}`);
    const rows: Array<Record<string, any>> = await knex(TRADING_PROCESSES).select('project_code', 'lot_code', ...BLOCK_COLUMNS);
    const kept = rows.map((row) => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null)) as ProcessBlocks);
    return { kept: kept.sort(byKey), compiled: (await compiledProcessBlocks(knex)).sort(byKey) };
  }

  async function expectKeptAsComputed(): Promise<void> {
    expect(await differences(TRADING_PROCESSES, groupedProcesses(knex), GROUPED_COLUMNS)).toEqual([]);
    const { kept, compiled } = await keptAndCompiledBlocks();
    expect(kept).toEqual(compiled);
    expect(await differences(ENTITY_DOMAIN_COUNTS, countedDomains(knex, 'all'))).toEqual([]);
    expect(await differences(ENTITY_CREDIT_SUMMARIES, summarisedCredit(knex, 'all'))).toEqual([]);
  }

  const storedNotice = (record: TradingNoticeRecord) => knex('disclosures').where({ stream: NOTICES, source_key: tradingNotices.key(record) }).first();
  const processRow = (projectCode: string, lotCode: string) => knex(TRADING_PROCESSES).where({ project_code: projectCode, lot_code: lotCode }).first();
  const domainCount = async (uscc: string, domain: string) => (await knex(ENTITY_DOMAIN_COUNTS).where({ uscc, domain }).first())?.count ?? 0;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    knex = db.knex;
    feed = await serveRecordsAt({ '/trading/notices': notices, '/credit/penalties': penaltyRecords, '/credit/serious-violations': listed }, 40);
  }, 180000);
  afterAll(async () => {
    await feed?.close();
    await db?.destroy();
  });

  test('a first sync fills every summary', async () => {
    await syncNotices();
    await syncPenalties();
    await sync(credit, seriousViolations);
    expect(Number((await knex(TRADING_PROCESSES).count({ n: '*' }))[0].n)).toBeGreaterThan(10);
    expect(Number((await knex(ENTITY_DOMAIN_COUNTS).count({ n: '*' }))[0].n)).toBeGreaterThan(10);
    expect(Number((await knex(ENTITY_CREDIT_SUMMARIES).whereNotNull('serious_id').count({ n: '*' }))[0].n)).toBeGreaterThan(0);
    // Every process has a trade type and a buyer; those with a contract, its value.
    const { kept } = await keptAndCompiledBlocks();
    expect(kept.every((process) => process.trade_type && process.buyer)).toBe(true);
    expect(kept.filter((process) => process.contract_value).length).toBeGreaterThan(0);
    await expectKeptAsComputed();
  }, 120000);

  test('revisions that move notices to another project or lot, change a type or drop a party move the summaries with them', async () => {
    // Processes of several stored notices, so that moving one leaves the process behind.
    const rows = await knex('disclosures').where({ stream: NOTICES }).select('source_key', 'attributes', 'entity_uscc');
    const keyOfRow = (a: any) => `${a.projectCode}\u0000${a.lot?.code ?? ''}`;
    const sizes = new Map<string, number>();
    for (const { attributes } of rows) sizes.set(keyOfRow(attributes), (sizes.get(keyOfRow(attributes)) ?? 0) + 1);
    const inBigProcesses = rows.filter((r: any) => sizes.get(keyOfRow(r.attributes))! >= 2);
    const byKey = new Map(notices.map((n) => [tradingNotices.key(n), n]));
    const pick = (n: number) => {
      const distinct = [...new Map(inBigProcesses.map((r: any) => [keyOfRow(r.attributes), r])).values()];
      return distinct.slice(0, n).map((r: any) => ({ record: byKey.get(r.source_key)!, attributes: r.attributes }));
    };
    const [toOtherProject, toNewLot, cancelled, target] = pick(4);
    const picked = new Set([toOtherProject, toNewLot, cancelled, target].map((p) => tradingNotices.key(p.record)));
    // A notice whose buyer is a linked entity: without its code, the buyer is no longer involved in it.
    const buyer = await knex('disclosure_parties as p')
      .join('disclosures as d', 'd.id', 'p.disclosure_id')
      .where({ 'd.stream': NOTICES, 'p.role': 'buyer' })
      .whereNotNull('p.entity_uscc')
      .whereNotIn('d.source_key', [...picked])
      .first('d.source_key', 'p.entity_uscc');
    const withBuyer = byKey.get(buyer.source_key)!;
    const buyerCountBefore = await domainCount(buyer.entity_uscc, 'TRADING');
    const sourceBefore = await processRow(toOtherProject.attributes.projectCode, toOtherProject.attributes.lot?.code ?? '');
    const targetBefore = await processRow(target.attributes.projectCode, target.attributes.lot?.code ?? '');

    Object.assign(toOtherProject.record, { projectCode: target.record.projectCode, lotCode: target.record.lotCode });
    Object.assign(toNewLot.record, { lotCode: 'MOVED-LOT-01', lotName: '调整后的标段' });
    Object.assign(cancelled.record, { noticeTypeCode: '08', cancelReason: '采购需求变更' });
    delete withBuyer.buyerCode;
    expect(await syncNotices()).toMatchObject({ updated: 4 });

    await expectKeptAsComputed();
    const sourceAfter = await processRow(toOtherProject.attributes.projectCode, toOtherProject.attributes.lot?.code ?? '');
    expect(sourceAfter?.notice_count ?? 0).toBe(sourceBefore.notice_count - 1);
    expect((await processRow(target.attributes.projectCode, target.attributes.lot?.code ?? '')).notice_count).toBe(targetBefore.notice_count + 1);
    expect(await processRow(toNewLot.attributes.projectCode, 'MOVED-LOT-01')).toMatchObject({ notice_count: 1, lot_name: '调整后的标段' });
    expect(await processRow(cancelled.attributes.projectCode, cancelled.attributes.lot?.code ?? '')).toMatchObject({ stage: 'cancelled', cancelled: true });
    expect(await domainCount(buyer.entity_uscc, 'TRADING')).toBe(buyerCountBefore - 1);
  }, 120000);

  test('a listing that leaves the snapshot list is no longer the enterprise\'s current one', async () => {
    // The listing an enterprise's summary names as its current serious-violation listing.
    const row = await knex('disclosures as d')
      .join(`${ENTITY_CREDIT_SUMMARIES} as s`, 's.serious_id', 'd.id')
      .where('d.stream', 'credit/serious-violations')
      .first('d.id', 'd.source_key', 'd.entity_uscc');
    listed.splice(listed.findIndex((l) => seriousViolations.key(l as never) === row.source_key), 1);
    expect(await sync(credit, seriousViolations)).toMatchObject({ removed: 1 });
    await expectKeptAsComputed();
    const after = await knex(ENTITY_CREDIT_SUMMARIES).where({ uscc: row.entity_uscc }).first('serious_id');
    expect(Number(after.serious_id)).not.toBe(Number(row.id));
  }, 120000);

  test('review decisions: an approval publishes into the summaries, a withdrawal takes the record out of them', async () => {
    // One published penalty gets a held version; a new one is held from the start.
    penaltyRecords[0] = withTradeSecret(penaltyBase[0]);
    penaltyRecords.push(marked(penaltyBase[4]));
    expect(await syncPenalties()).toMatchObject({ held: 2 });
    const { items } = await listReviewItems(knex, { first: 100, status: 'held' });
    const itemOf = (record: PenaltyRecord) => items.find((i) => i.sourceKey === keyOf(record))!;
    const decide = (record: PenaltyRecord, decision: 'approve' | 'withhold') =>
      decideReview(knex, { id: itemOf(record).id, decision, basis: '经审查，依法处理', actor: 'wang', via: 'cli' });
    const entityOf = async (record: PenaltyRecord) => (await knex('disclosures').where({ stream: 'credit/penalties', source_key: keyOf(record) }).first())?.entity_uscc;

    await decide(penaltyRecords[4], 'approve');
    await expectKeptAsComputed();
    const approvedEntity = await entityOf(penaltyRecords[4]);
    expect(await knex(ENTITY_CREDIT_SUMMARIES).where({ uscc: approvedEntity }).first()).toMatchObject({ penalty_count: expect.any(Number) });
    expect(await domainCount(approvedEntity, 'CREDIT')).toBeGreaterThan(0);

    const withdrawnEntity = await entityOf(penaltyBase[0]);
    const before = await domainCount(withdrawnEntity, 'CREDIT');
    await decide(penaltyRecords[0], 'withhold');
    await expectKeptAsComputed();
    expect(await domainCount(withdrawnEntity, 'CREDIT')).toBe(before - 1);
  }, 120000);

  test('a quarantined notice replayed after its fix joins its process', async () => {
    const [target] = notices;
    const broken: TradingNoticeRecord = { ...target, noticeId: 'GG-REPLAYED-0001', projectCode: 'X', publishTime: target.publishTime };
    notices.push(broken);
    expect(await syncNotices()).toMatchObject({ quarantined: 1 });
    const targetRow = await storedNotice(target);
    const before = (await processRow(targetRow.attributes.projectCode, targetRow.attributes.lot?.code ?? '')).notice_count;

    const entry = await knex('quarantine').where({ stream: NOTICES, source_key: 'GG-REPLAYED-0001' }).first();
    await knex('quarantine').where({ id: entry.id }).update({ payload: JSON.stringify({ ...entry.payload, projectCode: target.projectCode }) });
    expect(await replayQuarantined(knex, [trading], MAPPING, REVIEW, { ids: [Number(entry.id)] })).toEqual({ replayed: 1, stillFailing: 0 });
    await expectKeptAsComputed();
    expect((await processRow(targetRow.attributes.projectCode, targetRow.attributes.lot?.code ?? '')).notice_count).toBe(before + 1);
  }, 120000);

  test('migration 016 gives the processes stored before it their trade type, buyer and contract value', async () => {
    const config = { migrationSource, tableName: 'knex_migrations' };
    const [, undone] = await knex.migrate.down(config);
    expect(undone).toEqual(['20261203_016_process_blocks']);
    expect(await knex.schema.hasColumn(TRADING_PROCESSES, 'buyer')).toBe(false);
    await knex.migrate.up(config);
    const { kept } = await keptAndCompiledBlocks();
    expect(kept.filter((process) => process.buyer).length).toBeGreaterThan(10);
    await expectKeptAsComputed();
  }, 120000);
});
