import type { Knex } from 'knex';
import { ppp } from '../../connectors/ppp';
import { pppFeeds } from '../../samples/ppp';
import { PROJECTS_PATH } from '../../connectors/ppp/projects/path';
import { MALFORMED_FIELDS } from '../../samples/ppp/projects';
import { pppProjectRecordSchema, type PppProjectRecord } from '../../connectors/ppp/projects/schema';
import { isMalformed, type FeedOptions } from '../../samples/kit/feed';
import { DEFAULT_FEED_OPTIONS, startFeedServer, type RunningFeedServer } from '../../samples/kit/feedServer';
import { heldKeys, leaksBesideLookAlikes } from '../helpers/plantedReview';
import { pppProjects } from '../../connectors/ppp/projects/stream';
import { runSync } from '../../src/sync/runSync';
import { listQuarantine } from '../../src/sync/quarantineAdmin';
import { validatorFor } from '../../src/sync/validation';
import { containsMobileNumber, findUnmaskedPersonalInfo, maskContactPhone } from '../../src/domain/masking';
import { PPP_OPERATE_MODES, PPP_RETURN_MODES, PPP_STAGES } from '../../src/domain/ppp';
import { DEFAULT_CITY } from '../../src/config/city';
import { serveRecords } from '../helpers/recordServer';
import { parseChinaTime } from '../../src/domain/chinaTime';
import { MAPPING, REVIEW } from '../helpers/mapping';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';
import { fastHttp, setFaults } from '../helpers/feeds';

const SCALE = 300;
const STREAM = 'ppp/projects';
const feedOptions = (edition: number): FeedOptions => ({ ...DEFAULT_FEED_OPTIONS, scale: SCALE, edition });
const malformedCount = Array.from({ length: SCALE }, (_, i) => i).filter((i) => isMalformed(PROJECTS_PATH, i, feedOptions(1))).length;
const validate = validatorFor(pppProjectRecordSchema);

/** The feed's valid records at an edition, by the platform's project id (the key): what the store should reflect. */
function sourceRecords(edition: number): Map<string, PppProjectRecord> {
  const records = Array.from({ length: SCALE }, (_, i) => pppFeeds[0].record(i, feedOptions(edition)) as PppProjectRecord);
  return new Map(records.filter((r) => validate(r).length === 0).map((r) => [r.projRid, r]));
}

/** The projects planted with a catch at an edition (samples/review): the review holds them, so none is stored. */
const heldAt = (edition: number): Set<string> => heldKeys(STREAM, feedOptions(edition));

/** The feed's valid records at an edition that the review publishes: what the store should hold after a first sync. */
function storedRecords(edition: number): Map<string, PppProjectRecord> {
  const held = heldAt(edition);
  return new Map([...sourceRecords(edition)].filter(([, r]) => !held.has(pppProjects.key(r))));
}

/**
 * How many stored projects an edition changed: each is one update and one revision. A held
 * project (never stored) that changes is held again, not stored.
 */
function changesBetween(before: number, after: number): number {
  const old = sourceRecords(before);
  const held = new Set([...heldAt(before), ...heldAt(after)]);
  return [...sourceRecords(after).values()].filter((r) => JSON.stringify(r) !== JSON.stringify(old.get(r.projRid)) && !held.has(pppProjects.key(r))).length;
}

describe.each(BACKENDS)('PPP connector on %s', (backend) => {
  let db: TestDatabase;
  let feeds: RunningFeedServer;
  let knex: Knex;
  const sync = (extra: Partial<Parameters<typeof runSync>[0]> = {}) =>
    runSync({ knex, connectors: [ppp], feedUrl: () => feeds.url, mapping: MAPPING, review: REVIEW, selectors: [STREAM], http: fastHttp(), ...extra }).then((s) => s[0]);
  const count = async (table: string) => Number((await knex(table).count({ n: '*' }))[0].n);
  const rows = () => knex('disclosures').where({ stream: STREAM }).select('*');

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    knex = db.knex;
    feeds = await startFeedServer({ feeds: pppFeeds, scale: SCALE });
  });
  afterAll(async () => {
    await feeds?.close();
    await db?.destroy();
  });

  test('a first sync stores every valid project but the held ones and quarantines exactly the malformed ones, with reasons', async () => {
    expect(malformedCount).toBeGreaterThan(0);
    const held = heldAt(1);
    expect(held.size).toBeGreaterThan(0);
    const summary = await sync();
    expect(summary).toMatchObject({ status: 'partial', fetched: SCALE, inserted: SCALE - malformedCount - held.size, quarantined: malformedCount, updated: 0, held: held.size });
    expect(summary.inserted + summary.quarantined + summary.held).toBe(summary.fetched);
    expect(await count('disclosures')).toBe(SCALE - malformedCount - held.size);
    expect(await knex('disclosures').whereIn('source_key', [...held]).pluck('source_key')).toEqual([]);
    const entries = await listQuarantine(knex, { stream: STREAM });
    expect(entries).toHaveLength(malformedCount);
    for (const error of entries.flatMap((e) => e.errors)) {
      expect(MALFORMED_FIELDS).toContain(error.path.slice(1));
      expect(error.message).toMatch(/"(investCount|operateMode|startTime)" is .+: expected|required field "projNo" is missing/);
    }
  });

  test('decoded fields are stored: stage, modes, investment in 万元, dates, region and publisher', async () => {
    const source = storedRecords(1);
    const stored = await rows();
    expect(stored.map((row) => row.source_key).sort()).toEqual([...source.keys()].sort());
    for (const row of stored) {
      const r = source.get(row.source_key)!;
      expect(row).toMatchObject({ domain: 'PPP', kind: 'ppp-project', title: r.projName, status: 'published', region: r.distName || r.distCityName });
      expect(row.publisher).toBe(`${r.distCityName}${r.distName ?? ''}财政局`);
      const a = row.attributes;
      expect(a.stage).toEqual({ code: String(r.projState), name: PPP_STAGES[String(r.projState)] });
      expect(a.operateMode).toEqual({ code: String(r.operateMode), name: PPP_OPERATE_MODES[String(r.operateMode)] });
      expect(a.returnMode).toEqual({ code: String(r.returnMode), name: PPP_RETURN_MODES[String(r.returnMode)] });
      expect(a.totalInvestment).toBe(r.investCount / 1_000_000);
      expect(a.cooperationTermYears).toBe(r.cooperationTerm);
      expect(new Date(row.published_at).getTime()).toBe(parseChinaTime(r.startTime)!.getTime());
      expect(new Date(row.source_updated_at).getTime()).toBe(parseChinaTime(r.updateTime)!.getTime());
      expect(a.partners).toHaveLength((r.socialCapitalList ?? []).length);
    }
  });

  test('every project is in 大庆市: its region one of the city’s divisions, its source link the platform’s project page', async () => {
    const divisions = new Set([DEFAULT_CITY.name, ...DEFAULT_CITY.districts.map((d) => d.name)]);
    const source = sourceRecords(1);
    for (const row of await rows()) {
      expect(divisions.has(row.region)).toBe(true);
      // The key is the platform's project id, and the city's pattern makes the project page of it.
      expect(row.source_key).toBe(source.get(row.source_key)!.projRid);
      expect(row.source_url).toBe(DEFAULT_CITY.sourceLinks.ppp.replace('{key}', row.source_key));
      expect(row.source_url).toMatch(/^https:\/\/www\.cpppc\.org:8082\/inforpublic\/homepage\.html#\/projectDetail\/[0-9a-f]{32}$/);
      expect(row.attributes.policyConflicts).toEqual([]);
    }
  });

  test('the implementing agency is the subject; partners and the equity representative are parties linked to entities', async () => {
    const stored = await rows();
    const validSubjects = stored.filter((r) => r.subject_uscc_valid);
    expect(validSubjects.length).toBeGreaterThan(stored.length * 0.8);
    for (const row of validSubjects) {
      expect(row.subject_uscc).toMatch(/^11/);
      expect(row.entity_uscc).toBe(row.subject_uscc);
    }
    // A bad code is kept and flagged, never linked.
    const flagged = stored.filter((r) => r.subject_uscc_valid === false);
    for (const row of flagged) expect(row.entity_uscc).toBeNull();

    const parties = await knex('disclosure_parties').select('*');
    const roles = new Set(parties.map((p) => p.role));
    expect(roles).toEqual(new Set(['implementing-agency', 'partner', 'government-equity-representative']));
    expect(parties.filter((p) => p.role === 'implementing-agency')).toHaveLength(stored.length);
    const partners = parties.filter((p) => p.role === 'partner');
    expect(partners.filter((p) => p.entity_uscc).length).toBeGreaterThan(partners.length * 0.9);
    expect(parties.some((p) => p.uscc_valid === false && p.entity_uscc === null)).toBe(true);
    const entity = await knex('entities').where({ uscc: partners.find((p) => p.entity_uscc)!.entity_uscc }).first();
    expect(entity.name).toMatch(/公司$/);
  });

  test('the cursor is the latest update time stored', async () => {
    const state = await knex('sync_state').where({ stream: STREAM }).first();
    const latest = Math.max(...[...sourceRecords(1).values()].map((r) => parseChinaTime(r.updateTime)!.getTime()));
    expect(parseChinaTime(state.cursor)!.getTime()).toBe(latest);
    expect(state.cursor).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  test('a second sync of the unchanged library writes nothing, incremental or full', async () => {
    for (const full of [false, true]) {
      const summary = await sync({ full });
      expect(summary).toMatchObject({ inserted: 0, updated: 0 });
    }
    expect(await count('revisions')).toBe(0);
    expect(await count('quarantine')).toBe(malformedCount);
  });

  test('edition 2 and a full re-sync: projects advance as revisions of the same rows, one per update', async () => {
    const rowsBefore = await count('disclosures');
    const expected = changesBetween(1, 2);
    expect(expected).toBeGreaterThan(0);
    await setFaults(feeds, { edition: 2 });
    const summary = await sync({ full: true });
    // Every held project is read again and held again, changed or not.
    expect(summary).toMatchObject({ fetched: SCALE, inserted: 0, updated: expected, held: heldAt(2).size });
    expect(await count('disclosures')).toBe(rowsBefore);
    expect(await count('revisions')).toBe(expected);
    const perDisclosure = await knex('revisions').select('disclosure_id').count({ n: '*' }).groupBy('disclosure_id');
    expect(perDisclosure.every((r) => Number(r.n) === 1)).toBe(true);
    expect(await sync({ full: true })).toMatchObject({ inserted: 0, updated: 0 });
    expect(await count('revisions')).toBe(expected);
  });

  test('a stage change shows in the revision snapshot against the current row', async () => {
    const pairs = await knex('revisions as v')
      .join('disclosures as d', 'd.id', 'v.disclosure_id')
      .select('v.snapshot', 'v.version as old_version', 'd.id', 'd.version', 'd.attributes');
    const stageChanges = pairs.filter((p) => p.snapshot.attributes.stage.code !== p.attributes.stage.code);
    expect(stageChanges.length).toBeGreaterThan(0);
    for (const p of stageChanges) {
      expect(Number(p.attributes.stage.code)).toBe(Number(p.snapshot.attributes.stage.code) + 1);
      expect([p.old_version, p.version]).toEqual([1, 2]);
      // Same project, same title: the stage is not part of the name.
      expect(p.snapshot.title).toBeDefined();
      expect(p.snapshot.attributes.projNo).toBe(p.attributes.projNo);
    }
    // Procurement ends with the contract: the partners and the signing date appear with 执行.
    const toExecution = stageChanges.filter((p) => p.attributes.stage.name === '执行');
    expect(toExecution.length).toBeGreaterThan(0);
    for (const p of toExecution) {
      expect(p.snapshot.attributes.partners).toEqual([]);
      expect(p.snapshot.attributes.contractSignedOn).toBeNull();
      expect(p.attributes.partners.length).toBeGreaterThan(0);
      expect(p.attributes.contractSignedOn).toMatch(/^\d{4}-\d\d-\d\d$/);
      const partners = await knex('disclosure_parties').where({ disclosure_id: p.id, role: 'partner' });
      expect(partners).toHaveLength(p.attributes.partners.length);
    }
  });

  test('edition 3 and an incremental sync: only recent projects are read, every change is picked up', async () => {
    const expected = changesBetween(2, 3);
    const revisionsBefore = await count('revisions');
    await setFaults(feeds, { edition: 3 });
    const summary = await sync();
    expect(summary.fetched).toBeLessThan(SCALE);
    expect(summary).toMatchObject({ inserted: 0, updated: expected });
    expect(await count('revisions')).toBe(revisionsBefore + expected);
    await setFaults(feeds, { edition: 1 });
  });

  test('the contact is served as the agency publishes it but for mobiles; `personal` keeps only a masked mobile’s original', async () => {
    const stored = await rows();
    // The store reflects the last edition synced above.
    const source = sourceRecords(3);
    for (const row of stored) {
      // A planted look-alike (samples/review): a contract number in the overview with a mobile's shape, which the review publishes.
      expect(leaksBesideLookAlikes(findUnmaskedPersonalInfo(JSON.stringify(row.attributes)), { scale: SCALE })).toEqual([]);
      expect(findUnmaskedPersonalInfo(row.title)).toEqual([]);
      expect(findUnmaskedPersonalInfo(row.search_text)).toEqual([]);
      const r = source.get(row.source_key)!;
      expect(row.attributes.contact).toEqual({ name: r.linkUname, phone: maskContactPhone(r.linkTel!) });
      expect(row.personal).toEqual(containsMobileNumber(r.linkTel!) ? { linkTel: r.linkTel } : null);
    }
    const withMobile = stored.filter((row) => row.personal !== null);
    expect(withMobile.length).toBeGreaterThan(0);
    const withOfficeLine = stored.filter((row) => /^0459-\d{7,8}$/.test(row.attributes.contact.phone));
    expect(withOfficeLine.length).toBeGreaterThan(stored.length * 0.4);
    const snapshots = await knex('revisions').select('snapshot');
    for (const { snapshot } of snapshots) {
      expect(snapshot.personal).toBeUndefined();
      // The served fields only: the snapshot's content_hash is hex, whose digit runs can look like numbers.
      expect(leaksBesideLookAlikes(findUnmaskedPersonalInfo(JSON.stringify([snapshot.title, snapshot.attributes, snapshot.subject_name])), { scale: SCALE })).toEqual([]);
    }
  });

  test('a record that contradicts PPP policy is stored and flagged, not quarantined', async () => {
    const template = [...sourceRecords(1).values()].find((r) => Number(r.projState) === 3)!;
    const conflicting: PppProjectRecord[] = [
      { ...template, projRid: 'a'.repeat(32), projNo: '2306022024900001', projName: '大庆市萨尔图区第二小学新建工程PPP项目', startTime: '2024-04-01', returnMode: '1', operateMode: '1' },
      { ...template, projRid: 'b'.repeat(32), projNo: '2306032019900002', projName: '大庆市龙凤区第一幼儿园建设工程PPP项目', startTime: '2019-04-01', returnMode: '1', operateMode: '7' },
    ];
    const server = await serveRecords(PROJECTS_PATH, conflicting, 10);
    try {
      const summary = await runSync({ knex, connectors: [ppp], feedUrl: () => server.url, mapping: MAPPING, review: REVIEW, selectors: [STREAM], http: fastHttp(), full: true }).then((s) => s[0]);
      expect(summary).toMatchObject({ fetched: 2, inserted: 2, quarantined: 0 });
    } finally {
      await server.close();
    }
    const flagged = await knex('disclosures').where({ stream: STREAM }).whereIn('source_key', ['a'.repeat(32), 'b'.repeat(32)]).orderBy('source_key');
    expect(flagged.map((row) => row.attributes.policyConflicts.map((c: { rule: string }) => c.rule))).toEqual([
      ['NEW_MECHANISM_RETURN_MODE'],
      ['EXISTING_ASSET_MODE_FOR_CONSTRUCTION'],
    ]);
  });
});
