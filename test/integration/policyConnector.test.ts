import type { Knex } from 'knex';
import { isMalformed } from '../../samples/kit/feed';
import { startFeedServer, type RunningFeedServer } from '../../samples/kit/feedServer';
import { policyFeeds } from '../../samples/policy';
import { DOCUMENTS_PATH, INTERPRETATIONS_PATH } from '../../samples/policy/paths';
import { POLICY, type PolicyDocumentAttributes } from '../../src/domain/contract';
import { listQuarantine } from '../../src/sync/quarantineAdmin';
import { runSync } from '../../src/sync/runSync';
import { fastHttp, setFaults } from '../helpers/feeds';
import { MAPPING, REVIEW } from '../helpers/mapping';
import { policyConnector, policyFeedOptions, sourceDocuments, sourceInterpretations } from '../helpers/policyFeed';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

/**
 * The policy connector is a manifest and nothing else (connectors/policy/connector.yaml): it syncs
 * the sample 政府信息公开平台's two exports, quarantines exactly the malformed records, writes the
 * contract's attributes, and turns an abolition in a later edition into a revoked revision.
 */

const SCALE = 300;
const DOCUMENTS = 'policy/documents';
const INTERPRETATIONS = 'policy/interpretations';
const malformed = (path: string) => Array.from({ length: SCALE }, (_, i) => i).filter((i) => isMalformed(path, i, policyFeedOptions(SCALE))).length;

describe.each(BACKENDS)('policy connector on %s', (backend) => {
  let db: TestDatabase;
  let knex: Knex;
  let feeds: RunningFeedServer;
  const connector = policyConnector();
  const sync = (stream: string) =>
    runSync({ knex, connectors: [connector], feedUrl: () => feeds.url, mapping: MAPPING, review: REVIEW, selectors: [stream], http: fastHttp() }).then((s) => s[0]);
  const documentRows = () => knex('disclosures').where({ stream: DOCUMENTS }).select('*');

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    knex = db.knex;
    feeds = await startFeedServer({ feeds: policyFeeds, scale: SCALE });
  });
  afterAll(async () => {
    await feeds?.close();
    await db?.destroy();
  });

  test('a first sync stores every valid document and interpretation and quarantines exactly the malformed ones', async () => {
    for (const [stream, path] of [[DOCUMENTS, DOCUMENTS_PATH], [INTERPRETATIONS, INTERPRETATIONS_PATH]]) {
      const bad = malformed(path);
      expect(bad).toBeGreaterThan(0);
      const summary = await sync(stream);
      expect(summary).toMatchObject({ status: 'partial', fetched: SCALE, inserted: SCALE - bad, quarantined: bad, held: 0 });
      const quarantined = await listQuarantine(knex, { stream });
      expect(quarantined).toHaveLength(bad);
      expect(quarantined.every((entry) => entry.stage === 'validate' && entry.errors.length > 0)).toBe(true);
    }
  });

  test('documents carry the contract\'s attributes, mapped from the platform\'s fields', async () => {
    const byKey = new Map((await documentRows()).map((row: any) => [row.source_key, row]));
    const source = sourceDocuments(policyFeedOptions(SCALE));
    expect(byKey.size).toBe(source.length);
    for (const record of source) {
      const row = byKey.get(record.wjid);
      expect(row).toMatchObject({ kind: POLICY.kinds.document, domain: 'POLICY', title: record.wjbt, publisher: record.fwjg, status: 'published', source_url: record.ljdz });
      const attributes = row.attributes as PolicyDocumentAttributes & { summary: string };
      expect(attributes.documentNumber).toBe(record.fwzh);
      expect(attributes.documentType).toBe(record.wjlx === '规范性文件' ? '行政规范性文件' : record.wjlx);
      expect(attributes.abolishedOn).toBeNull();
      expect(attributes.summary).toBe(record.zy);
    }
    const types = new Set(source.map((r) => r.wjlx));
    expect(types).toEqual(new Set(['规章', '规范性文件', '其他文件']));
    // District governments' documents are placed in their district.
    const regions = new Set((await documentRows()).map((row: any) => row.region));
    expect([...regions]).toEqual(expect.arrayContaining(['大庆市', '萨尔图区', '杜尔伯特蒙古族自治县']));
  });

  test('each interpretation links to its document by the platform\'s id', async () => {
    const rows = await knex('disclosures').where({ stream: INTERPRETATIONS }).select('source_key', 'links', 'attributes');
    const source = new Map(sourceInterpretations(policyFeedOptions(SCALE)).map((r) => [r.jdid, r]));
    expect(rows).toHaveLength(source.size);
    for (const row of rows) {
      const record = source.get(row.source_key)!;
      expect(row.links).toEqual([{ relation: 'interprets', stream: DOCUMENTS, key: record.glwjid }]);
      expect(row.attributes).toEqual({ form: record.jdxs, documentNumber: record.glwjzh, documentId: record.glwjid });
    }
  });

  test('edition 2 abolishes documents: an incremental run reads only those, each revoked with its date, its in-force version kept as a revision', async () => {
    const before = new Map(sourceDocuments(policyFeedOptions(SCALE, 1)).map((r) => [r.wjid, r]));
    const abolished = sourceDocuments(policyFeedOptions(SCALE, 2)).filter((r) => r.sxzt === '废止');
    expect(abolished.length).toBeGreaterThan(10);
    expect(abolished.every((r) => before.get(r.wjid)?.sxzt === '有效')).toBe(true);
    await setFaults(feeds, { edition: 2 });
    const summary = await sync(DOCUMENTS);
    expect(summary).toMatchObject({ updated: abolished.length, inserted: 0, quarantined: 0 });
    // The look-back re-reads a day before the cursor, not the whole list.
    expect(summary.fetched).toBeLessThan(abolished.length + 10);
    const rows = new Map((await documentRows()).map((row: any) => [row.source_key, row]));
    for (const record of abolished) {
      const row = rows.get(record.wjid);
      expect(row).toMatchObject({ status: 'revoked', version: 2 });
      expect(row.attributes.abolishedOn).toBe(record.fzrq);
      const [revision] = await knex('revisions').where({ disclosure_id: row.id }).select('snapshot');
      expect(revision.snapshot).toMatchObject({ status: 'published', attributes: { abolishedOn: null } });
    }
    expect([...rows.values()].filter((row: any) => row.status === 'revoked')).toHaveLength(abolished.length);
  });
});
