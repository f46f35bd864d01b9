import type { Knex } from 'knex';
import { credit } from '../../connectors/credit';
import { creditFeeds } from '../../samples/credit';
import { abnormalOperationsSample, removalEdition } from '../../samples/credit/abnormalOperations';
import { penalties2016Sample } from '../../samples/credit/penalties2016';
import { penalties2016 } from '../../connectors/credit/penalties-2016/stream';
import { listingId } from '../../samples/credit/listing';
import { isListed, seriousViolationsSample } from '../../samples/credit/seriousViolations';
import { CORE_SIZE, enterprise } from '../../samples/kit/population';
import { findUnmaskedPersonalInfo, maskIdNumber } from '../../src/domain/masking';
import { isMalformed, type IndexedFeed } from '../../samples/kit/feed';
import { DEFAULT_FEED_OPTIONS, startFeedServer, type RunningFeedServer } from '../../samples/kit/feedServer';
import { listQuarantine } from '../../src/sync/quarantineAdmin';
import { runSync } from '../../src/sync/runSync';
import { DEFAULT_CITY } from '../../src/config/city';
import { MAPPING, REVIEW } from '../helpers/mapping';
import { fastHttp, setFaults } from '../helpers/feeds';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';
import { heldKeys } from '../helpers/plantedReview';

const SCALE = 300;
const OPTIONS = { ...DEFAULT_FEED_OPTIONS, scale: SCALE };
const feedOf = (stream: string) => creditFeeds[credit.streams.findIndex((s) => s.name === stream)];
const indices = (n: number) => Array.from({ length: n }, (_, i) => i);
const malformedIn = (feed: IndexedFeed) => indices(feed.count(OPTIONS)).filter((i) => isMalformed(feed.path, i, OPTIONS)).length;

describe.each(BACKENDS)('credit connector on %s', (backend) => {
  let db: TestDatabase;
  let feeds: RunningFeedServer;
  let knex: Knex;
  const sync = (selectors?: string[]) => runSync({ knex, connectors: [credit], feedUrl: () => feeds.url, mapping: MAPPING, review: REVIEW, selectors, http: fastHttp() });
  const count = async (where: object) => Number((await knex('disclosures').where(where).count({ n: '*' }))[0].n);

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    knex = db.knex;
    feeds = await startFeedServer({ feeds: creditFeeds, scale: SCALE });
  });
  afterAll(async () => {
    await feeds?.close();
    await db?.destroy();
  });

  test('a first sync stores every valid record of every stream but the held ones and quarantines exactly the malformed ones', async () => {
    const summaries = await sync();
    expect(summaries.map((s) => s.stream)).toEqual(credit.streams.map((s) => s.name));
    let heldInAll = 0;
    for (const summary of summaries) {
      const feed = feedOf(summary.stream);
      const name = `credit/${summary.stream}`;
      // The records planted with a catch for the review (samples/review, the two penalty streams): held, not stored.
      const held = heldKeys(name, OPTIONS);
      heldInAll += held.size;
      expect([name, summary.error]).toEqual([name, undefined]);
      expect([name, summary.fetched]).toEqual([name, SCALE]);
      expect([name, summary.inserted + summary.quarantined + summary.held]).toEqual([name, summary.fetched]);
      expect([name, summary.held]).toEqual([name, held.size]);
      expect([name, summary.quarantined]).toEqual([name, malformedIn(feed)]);
      expect(summary.quarantined).toBeGreaterThan(0);
      expect(await count({ stream: name })).toBe(summary.inserted);
      expect(await knex('disclosures').where({ stream: name }).whereIn('source_key', [...held]).pluck('source_key')).toEqual([]);
      const entries = await listQuarantine(knex, { stream: name });
      expect(entries).toHaveLength(summary.quarantined);
      for (const entry of entries) expect(entry.errors[0].message).toMatch(/\S/);
    }
    expect(heldInAll).toBeGreaterThan(0);
    // The negative amount in a 2016 result is text only the mapping reads: refused at the map stage.
    const mapped = (await listQuarantine(knex, { stream: 'credit/penalties-2016' })).filter((e) => e.stage === 'map');
    expect(mapped.length).toBeGreaterThan(0);
    expect(mapped[0].errors[0].message).toBe('the fine is negative: -0.2 万元');
  });

  test('the GBK export is stored as the Chinese text it was written in', async () => {
    const row = indices(SCALE)
      .filter((i) => !isMalformed(penalties2016Sample.path, i, OPTIONS))
      .map((i) => penalties2016Sample.record(i, OPTIONS) as any)
      .find((r) => r.CF_XDR_SHXYM && /仟/.test(r.CF_JG));
    const stored = await knex('disclosures').where({ stream: 'credit/penalties-2016', source_key: penalties2016.key(row) }).first();
    expect(stored).toMatchObject({ subject_name: row.CF_XDR_MC, publisher: row.CF_XZJG });
    expect(stored.attributes).toMatchObject({ facts: row.CF_SY, basis: row.CF_YJ, content: row.CF_JG, caseName: row.CF_AJMC });
    expect(stored.attributes.fine).toBeGreaterThan(0);
    expect(stored.title).toMatch(/^(大庆市|肇州县|肇源县|林甸县|杜尔伯特蒙古族自治县).+对.+作出.+处罚（(庆|肇州|肇源|林甸|杜蒙).*罚〔201[67]〕\d+号）$/);
    const garbled = await knex('disclosures')
      .where({ stream: 'credit/penalties-2016' })
      .andWhere((q) => q.where('search_text', 'like', '%\uFFFD%').orWhere('title', 'like', '%\uFFFD%'))
      .count({ n: '*' });
    expect(Number(garbled[0].n)).toBe(0);
  });

  test('a bad code is stored and flagged, never linked to an entity; an oddly written good code is normalised and linked', async () => {
    const bad = await knex('disclosures').where({ domain: 'CREDIT', subject_uscc_valid: false });
    expect(bad.length).toBeGreaterThan(3);
    for (const row of bad) {
      expect(row.entity_uscc).toBeNull();
      expect(row.subject_uscc_reason).toMatch(/placeholder|check character/);
      expect(await knex('entities').where({ uscc: row.subject_uscc }).first()).toBeUndefined();
    }
    const valid = await knex('disclosures').where({ domain: 'CREDIT', subject_uscc_valid: true });
    for (const row of valid) expect(row.entity_uscc).toBe(row.subject_uscc);
    expect(valid.every((row) => /^[0-9A-Z]{18}$/.test(row.subject_uscc))).toBe(true);
  });

  test('the shared population’s enterprises appear across credit streams through entity_uscc', async () => {
    const core = indices(CORE_SIZE).map((i) => enterprise(i, OPTIONS.seed));
    const spread = (await knex('disclosures')
      .where({ domain: 'CREDIT' })
      .whereIn('entity_uscc', core.map((e) => e.uscc))
      .groupBy('entity_uscc')
      .select('entity_uscc')
      .countDistinct({ streams: 'stream' })) as Array<{ entity_uscc: string; streams: string | number }>;
    const widest = spread.sort((a, b) => Number(b.streams) - Number(a.streams))[0];
    expect(Number(widest.streams)).toBeGreaterThanOrEqual(3);
    const entity = await knex('entities').where({ uscc: widest.entity_uscc }).first();
    expect(entity.name).toBe(core.find((e) => e.uscc === widest.entity_uscc)!.name);
    // Authorities that give their code are parties linked to their own entity.
    const authorities = await knex('disclosure_parties').where({ role: 'authority' }).whereNotNull('entity_uscc').count({ n: '*' });
    expect(Number(authorities[0].n)).toBeGreaterThan(0);
  });

  test('every record is placed in a division of 大庆市 and links to its own page on 信用大庆, a natural person’s too', async () => {
    const divisions = [DEFAULT_CITY.name, ...DEFAULT_CITY.districts.map((d) => d.name)];
    const rows = await knex('disclosures').where({ domain: 'CREDIT' }).select('stream', 'source_key', 'region', 'source_url', 'subject_uscc');
    expect(rows.length).toBeGreaterThan(SCALE * 4);
    for (const row of rows) {
      expect([row.source_key, divisions.includes(row.region)]).toEqual([row.source_key, true]);
      const stream = row.stream.split('/')[1];
      expect(row.source_url).toBe(`https://credit.daqing.gov.cn/xygs/${stream}/${encodeURIComponent(row.source_key)}`);
    }
    // A pattern on the party's code gave a natural person's record no link at all.
    const people = rows.filter((row) => row.subject_uscc === null);
    expect(people.length).toBeGreaterThan(10);
    expect(people.every((row) => row.source_url)).toBe(true);
    // Most decisions are the districts' and counties' own, placed there.
    expect(new Set(rows.map((row) => row.region)).size).toBe(divisions.length);
  });

  test('at least 90% of the entities the credit feeds create were registered in 大庆市 (2306xx)', async () => {
    const codes: string[] = await knex('entities').pluck('uscc');
    expect(codes.length).toBeGreaterThan(100);
    expect(codes.filter((code) => code.slice(2, 6) === '2306').length / codes.length).toBeGreaterThanOrEqual(0.9);
  });

  test('natural persons are subjects by name only, with their ID in personal; nothing served holds an unmasked ID or mobile', async () => {
    const rows = await knex('disclosures').where({ domain: 'CREDIT' }).select('title', 'search_text', 'attributes', 'personal', 'subject_uscc');
    for (const row of rows) {
      expect(findUnmaskedPersonalInfo([row.title, row.search_text, JSON.stringify(row.attributes)].join('\n'))).toEqual([]);
    }
    const people = rows.filter((row) => row.attributes.party?.category?.code === 'NATURAL_PERSON');
    expect(people.length).toBeGreaterThan(10);
    for (const person of people) {
      expect(person.subject_uscc).toBeNull();
      expect(person.personal.idNumber).toMatch(/^\d{17}[\dX]$/);
      expect(person.attributes.party.idNumberMasked).toBe(maskIdNumber(person.personal.idNumber));
    }
    expect(rows.some((row) => row.personal?.legalRepresentativeIdNumber)).toBe(true);
  });

  test('a second sync reads licences and penalties from their cursors and writes nothing', async () => {
    for (const name of ['credit/licences', 'credit/penalties']) {
      const [summary] = await sync([name]);
      expect(summary.fetched).toBeGreaterThan(0);
      expect(summary.fetched).toBeLessThan(SCALE / 5);
      expect(summary.inserted + summary.updated).toBe(0);
      expect((await knex('sync_state').where({ stream: name }).first()).cursor).toMatch(/^2025-\d\d-\d\d \d\d:\d\d:\d\d$/);
    }
  });

  test('edition 2 removes abnormal listings: the same rows change status, with revisions, and no row is added', async () => {
    const stream = 'credit/abnormal-operations';
    const rowsBefore = await count({ stream });
    const removedBefore = await count({ stream, status: 'removed' });
    const removedNow = indices(SCALE).filter((i) => !isMalformed(abnormalOperationsSample.path, i, OPTIONS) && removalEdition(i, OPTIONS) === 2);
    expect(removedNow.length).toBeGreaterThan(20);

    await setFaults(feeds, { edition: 2 });
    const [summary] = await sync([stream]);
    expect(summary).toMatchObject({ fetched: SCALE, inserted: 0, updated: removedNow.length, quarantined: malformedIn(abnormalOperationsSample) });
    expect(await count({ stream })).toBe(rowsBefore);
    expect(await count({ stream, status: 'removed' })).toBe(removedBefore + removedNow.length);

    const changed = await knex('disclosures').where({ stream }).whereIn('source_key', removedNow.map((i) => listingId(OPTIONS.seed, abnormalOperationsSample.path, i)));
    expect(changed).toHaveLength(removedNow.length);
    for (const row of changed) {
      expect(row).toMatchObject({ status: 'removed', version: 2 });
      expect(row.title).toContain('移出经营异常名录');
      expect(row.attributes.removal.reason).toMatch(/申请移出$/);
      const revisions = await knex('revisions').where({ disclosure_id: row.id });
      expect(revisions).toHaveLength(1);
      expect(revisions[0].snapshot).toMatchObject({ status: 'listed', version: 1 });
      expect(revisions[0].snapshot.attributes.removal).toBeNull();
    }
  });

  test('edition 2 shrinks the serious violations list: leavers become removed, nothing is deleted', async () => {
    const stream = 'credit/serious-violations';
    const edition2 = { ...OPTIONS, edition: 2 };
    const rowsBefore = await count({ stream });
    const leaving = indices(SCALE).filter((e) => !isListed(e, edition2) && !isMalformed(seriousViolationsSample.path, e, OPTIONS));
    expect(leaving.length).toBeGreaterThan(20);

    const [summary] = await sync([stream]);
    expect(summary).toMatchObject({ fetched: seriousViolationsSample.count(edition2), inserted: 0, updated: 0, removed: leaving.length });
    expect(await count({ stream })).toBe(rowsBefore);
    const removed = await knex('disclosures').where({ stream, status: 'removed' }).orderBy('source_key');
    expect(removed.map((r) => r.source_key)).toEqual(leaving.map((e) => listingId(OPTIONS.seed, seriousViolationsSample.path, e)).sort());
    const revisions = await knex('revisions').whereIn('disclosure_id', removed.map((r) => r.id));
    expect(revisions).toHaveLength(leaving.length);
    expect(revisions.every((r) => r.snapshot.status === 'listed')).toBe(true);

    const [again] = await sync([stream]);
    expect(again).toMatchObject({ inserted: 0, updated: 0, removed: 0 });
  });
});
