import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { startFeedServer, type RunningFeedServer } from '../../samples/kit/feedServer';
import { policyFeeds } from '../../samples/policy';
import { loadConfig } from '../../src/config/config';
import { startHub, type RunningHub } from '../../src/hub';
import { createLogger } from '../../src/log';
import { setFaults } from '../helpers/feeds';
import { graphql } from '../helpers/graphql';
import { HUB_START_TIMEOUT_MS } from '../helpers/hub';
import { policyConnector, policyFeedOptions, sourceDocuments, sourceInterpretations, type SourceDocument } from '../helpers/policyFeed';
import { undescribed } from '../helpers/sdlDescriptions';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

/**
 * 政策文件与解读 over HTTP: a hub running the policy manifest alone, synced from the sample
 * platform. Documents and interpretations are linked both ways, found by their summaries, an
 * abolition is served as a revoked revision, and the interpretation coverage equals the figures
 * computed here from the feed's own records.
 */

const SCALE = 300;
const ADMIN = { authorization: 'Bearer policy-admin' };
const STREAMS = ['policy/documents', 'policy/interpretations'];

const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86400000;

interface Expected {
  department: string;
  documents: number;
  interpreted: number;
  share: number;
  average: number | null;
  median: number | null;
  max: number | null;
  /** Interpretations published before their document, by title, with the document's id. */
  early: Array<{ interpretation: string; document: string; daysEarly: number }>;
  uninterpreted: string[];
}

/** The coverage, computed from the feed's valid records alone, by the definitions the schema gives. */
function expectedCoverage(documents: SourceDocument[]): Expected[] {
  const interpretations = sourceInterpretations(policyFeedOptions(SCALE));
  const byDepartment = new Map<string, SourceDocument[]>();
  for (const d of documents) byDepartment.set(d.fwjg, [...(byDepartment.get(d.fwjg) ?? []), d]);
  return [...byDepartment].map(([department, docs]) => {
    const early: Expected['early'] = [];
    const firsts: number[] = [];
    const uninterpreted: string[] = [];
    for (const d of docs) {
      const own = interpretations.filter((i) => i.glwjid === d.wjid).map((i) => ({ title: i.jdbt, days: day(i.fbrq) - day(d.fbrq) }));
      if (own.length === 0) uninterpreted.push(d.wjid);
      else firsts.push(Math.min(...own.map((i) => i.days)));
      for (const i of own) if (i.days < 0) early.push({ interpretation: i.title, document: d.wjid, daysEarly: -i.days });
    }
    const onTime = firsts.filter((days) => days >= 0).sort((a, b) => a - b);
    const middle = (onTime.length - 1) / 2;
    return {
      department,
      documents: docs.length,
      interpreted: firsts.length,
      share: firsts.length / docs.length,
      average: onTime.length ? onTime.reduce((a, b) => a + b, 0) / onTime.length : null,
      median: onTime.length ? (onTime[Math.floor(middle)] + onTime[Math.ceil(middle)]) / 2 : null,
      max: onTime.length ? onTime[onTime.length - 1] : null,
      early,
      uninterpreted,
    };
  });
}

const COVERAGE = `query($year: Int, $department: String, $documentType: String) {
  policyInterpretationCoverage(year: $year, department: $department, documentType: $documentType) {
    department documents interpreted share
    daysToFirstInterpretation { average median max }
    interpretedBeforeDocumentCount
    interpretedBeforeDocument { daysEarly interpretation { title } document { ... on GenericDisclosure { attributes } } }
    uninterpreted { kind ... on GenericDisclosure { attributes } }
  }
}`;

/** The query's answer in the shape of Expected, records named by the platform's ids. */
function served(rows: any[]): Expected[] {
  return rows.map((row) => ({
    department: row.department,
    documents: row.documents,
    interpreted: row.interpreted,
    share: row.share,
    ...row.daysToFirstInterpretation,
    early: row.interpretedBeforeDocument.map((e: any) => ({ interpretation: e.interpretation.title, document: e.document.attributes.documentId, daysEarly: e.daysEarly })),
    uninterpreted: row.uninterpreted.map((d: any) => d.attributes.documentId),
  }));
}

const sorted = (list: Expected[]) =>
  [...list]
    .map((e) => ({ ...e, early: [...e.early].sort((a, b) => (a.document + a.interpretation).localeCompare(b.document + b.interpretation)), uninterpreted: [...e.uninterpreted].sort() }))
    .sort((a, b) => a.department.localeCompare(b.department));

describe('schema/policy.graphql', () => {
  test('describes every type, field and argument with its Chinese term', () => {
    const sdl = fs.readFileSync(path.join(__dirname, '../../schema/policy.graphql'), 'utf8');
    expect(undescribed(parse(sdl).definitions)).toEqual([]);
  });
});

describe.each(BACKENDS)('policy documents and interpretations over GraphQL, on %s', (backend) => {
  let db: TestDatabase;
  let feeds: RunningFeedServer;
  let hub: RunningHub;

  const ask = async (query: string, variables?: object) => {
    const { body } = await graphql(hub.url, query, variables);
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const triggerSync = async (streams: string[]) => {
    const { body } = await graphql(hub.url, `mutation($streams: [String!]) { triggerSync(streams: $streams) { stream status inserted updated quarantined held } }`, { streams }, ADMIN);
    expect(body.errors).toBeUndefined();
    return body.data.triggerSync;
  };
  /** A document by its number (searched), with its links. */
  const documentNumbered = async (number: string) => {
    const found = await ask(
      `query($q: String) { disclosures(first: 20, search: $q, filter: { kind: "policy-document" }) { edges { node { id title status revisions { snapshot } ... on GenericDisclosure { attributes links { relation direction stream key disclosure { title } } incoming: links { disclosure { id } } } } } } }`,
      { q: number },
    );
    return found.disclosures.edges.map((e: any) => e.node).find((n: any) => n.attributes.documentNumber === number);
  };

  beforeAll(async () => {
    db = await createTestDatabase(backend, { migrate: false });
    await db.close();
    feeds = await startFeedServer({ feeds: policyFeeds, scale: SCALE });
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', HUB_SCHEDULE: 'off', HUB_FEEDS_URL: feeds.url, HUB_ADMIN_TOKEN: 'policy-admin', HUB_RESPONSE_CACHE: 'off', ...db.env });
    hub = await startHub(config, { connectors: [policyConnector()] }, createLogger('silent'));
    const runs = await triggerSync(STREAMS);
    expect(runs.map((r: any) => [r.stream, r.held])).toEqual([[STREAMS[0], 0], [STREAMS[1], 0]]);
  }, HUB_START_TIMEOUT_MS);

  afterAll(async () => {
    await hub?.close();
    await feeds?.close();
    await db?.destroy();
  });

  test('a document lists its interpretations (INCOMING), an interpretation its document (OUTGOING)', async () => {
    const documents = sourceDocuments(policyFeedOptions(SCALE));
    const interpretations = sourceInterpretations(policyFeedOptions(SCALE));
    // A numbered document interpreted twice: its own interpretation and a follow-up.
    const twice = documents.find((d) => d.fwzh && interpretations.filter((i) => i.glwjid === d.wjid).length === 2)!;
    expect(twice).toBeDefined();
    const document = await documentNumbered(twice.fwzh!);
    const own = interpretations.filter((i) => i.glwjid === twice.wjid);
    expect(document.links).toEqual(own.map((i) => ({ relation: 'interprets', direction: 'INCOMING', stream: 'policy/interpretations', key: i.jdid, disclosure: { title: i.jdbt } })));

    // Follow the first INCOMING link to the interpretation, and its OUTGOING link back.
    const first = await ask(`query($id: ID!) { disclosure(id: $id) { title ... on GenericDisclosure { links { relation direction stream key disclosure { title } } } } }`, {
      id: document.incoming[0].disclosure.id,
    });
    expect(first.disclosure.title).toBe(own[0].jdbt);
    expect(first.disclosure.links).toEqual([{ relation: 'interprets', direction: 'OUTGOING', stream: 'policy/documents', key: twice.wjid, disclosure: { title: twice.wjbt } }]);
  });

  test('search finds documents by words of their summary, not only of their title', async () => {
    const words = '停热补偿方式';
    const expected = sourceDocuments(policyFeedOptions(SCALE)).filter((d) => d.zy.includes(words));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.some((d) => d.wjbt.includes(words))).toBe(false);
    const found = await ask(`query($q: String) { disclosures(first: 100, search: $q, filter: { domain: POLICY }) { totalCount edges { node { kind title } } } }`, { q: words });
    expect(found.disclosures.totalCount).toBe(expected.length);
    expect(found.disclosures.edges.map((e: any) => e.node.title).sort()).toEqual(expected.map((d) => d.wjbt).sort());
  });

  test('the interpretation coverage by department equals the figures computed from the feed', async () => {
    const documents = sourceDocuments(policyFeedOptions(SCALE));
    const expected = expectedCoverage(documents);
    expect(expected.some((e) => e.early.length > 0)).toBe(true);
    expect(expected.some((e) => e.uninterpreted.length > 0)).toBe(true);
    const rows = (await ask(COVERAGE)).policyInterpretationCoverage;
    // Most documents first.
    expect(rows.map((r: any) => r.documents)).toEqual([...rows.map((r: any) => r.documents)].sort((a, b) => b - a));
    const answer = sorted(served(rows));
    const wanted = sorted(expected);
    expect(answer.map(({ average, share, ...rest }) => rest)).toEqual(wanted.map(({ average, share, ...rest }) => rest));
    answer.forEach((row, i) => {
      expect(row.share).toBeCloseTo(wanted[i].share, 10);
      if (wanted[i].average === null) expect(row.average).toBeNull();
      else expect(row.average).toBeCloseTo(wanted[i].average!, 10);
    });
    for (const row of rows) expect(row.interpretedBeforeDocumentCount).toBe(row.interpretedBeforeDocument.length);
  });

  test('the coverage narrowed by year, department and document type', async () => {
    const documents = sourceDocuments(policyFeedOptions(SCALE));
    const of2024 = documents.filter((d) => d.fbrq.startsWith('2024'));
    const byYear = sorted(served((await ask(COVERAGE, { year: 2024 })).policyInterpretationCoverage));
    expect(byYear.map((r) => [r.department, r.documents, r.interpreted, r.uninterpreted])).toEqual(
      sorted(expectedCoverage(of2024)).map((r) => [r.department, r.documents, r.interpreted, r.uninterpreted]),
    );
    const normative = documents.filter((d) => d.fwjg === '大庆市人民政府办公室' && d.wjlx === '规范性文件');
    const narrowed = served((await ask(COVERAGE, { department: ' 大庆市人民政府办公室', documentType: '行政规范性文件' })).policyInterpretationCoverage);
    expect(narrowed).toHaveLength(1);
    expect(narrowed[0]).toMatchObject({ department: '大庆市人民政府办公室', documents: normative.length, uninterpreted: expectedCoverage(normative)[0].uninterpreted });
    expect((await ask(COVERAGE, { year: 2019 })).policyInterpretationCoverage).toEqual([]);
  });

  test('a document type the contract does not have is refused with the ones it has', async () => {
    const { body } = await graphql(hub.url, COVERAGE, { documentType: '通知' });
    expect(body.errors[0].message).toBe('"documentType" should be one of 规章, 行政规范性文件, 其他文件, not "通知"');
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  test('edition 2 abolishes documents: served as REVOKED with their 废止日期, the version in force kept as a revision', async () => {
    await setFaults(feeds, { edition: 2 });
    const abolished = sourceDocuments(policyFeedOptions(SCALE, 2)).filter((d) => d.sxzt === '废止');
    const [documents] = await triggerSync([STREAMS[0]]);
    expect(documents).toMatchObject({ updated: abolished.length, inserted: 0 });
    const numbered = abolished.find((d) => d.fwzh)!;
    const document = await documentNumbered(numbered.fwzh!);
    expect(document).toMatchObject({ status: 'REVOKED', attributes: { abolishedOn: numbered.fzrq, validity: '废止' } });
    expect(document.revisions).toHaveLength(1);
    expect(document.revisions[0].snapshot).toMatchObject({ status: 'published', attributes: { abolishedOn: null, validity: '有效' } });
    const revoked = await ask(`{ disclosures(filter: { kind: "policy-document", status: REVOKED }) { totalCount } }`);
    expect(revoked.disclosures.totalCount).toBe(abolished.length);
    // An abolished document was still published and interpreted: the coverage counts it as before.
    const total = (await ask(`{ policyInterpretationCoverage { documents } }`)).policyInterpretationCoverage.reduce((n: number, r: any) => n + r.documents, 0);
    expect(total).toBe(sourceDocuments(policyFeedOptions(SCALE)).length);
  });
});
