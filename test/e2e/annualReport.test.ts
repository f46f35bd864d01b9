import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { RunningHub } from '../../src/hub';
import { runHub } from '../helpers/cli';
import { graphql } from '../helpers/graphql';
import { HUB_START_TIMEOUT_MS, startTestHub, type TestHub } from '../helpers/hub';
import { serveRecordsAt, type RecordServer } from '../helpers/recordServer';
import { BACKENDS } from '../helpers/testDatabase';

/**
 * The yearly disclosure report's proactive-disclosure table (二、主动公开政府信息情况), over GraphQL
 * and `hub report annual`, on a hub that synced the sample credit and trading feeds and a policy
 * feed this test serves through a manifest it writes (kind policy-document, the POLICY contract's
 * attributes). Every figure is checked against a count made here from other sources: the policy
 * feed's own records, and the licences, penalties and notices the hub serves through its ordinary
 * typed lists.
 */

const POLICY_YEAR = 2015;
const CITY_GOVERNMENT = '大庆市人民政府';
const GENERAL_OFFICE = '大庆市人民政府办公室';
const MARKET = '大庆市市场监督管理局';

/** A 政府信息公开平台 export in its own field names, set before any other feed's documents start. */
function doc(id: number, fwjg: string, wjlx: string, fwzh: string, cwrq: string, more: Record<string, string> = {}) {
  return { wjid: `WJ-${id}`, wjbt: `${fwzh} 文件`, fwjg, fwzh, wjlx, cwrq, fbrq: cwrq, sxzt: '有效', fzrq: '', gxsj: `${cwrq} 09:00:00`, ...more };
}

const DOCUMENTS = [
  doc(1, CITY_GOVERNMENT, '规章', '庆政令〔2013〕1号', '2013-05-10'),
  doc(2, CITY_GOVERNMENT, '规章', '庆政令〔2015〕2号', '2015-03-01'),
  doc(3, CITY_GOVERNMENT, '规章', '庆政令〔2009〕3号', '2009-06-01', { sxzt: '废止', fzrq: '2015-09-30' }),
  doc(4, GENERAL_OFFICE, '行政规范性文件', '庆政办规〔2015〕1号', '2015-02-14'),
  doc(5, GENERAL_OFFICE, '行政规范性文件', '庆政办规〔2015〕2号', '2015-12-31'),
  // Abolished on the first day of the next year: still in force at the end of this one.
  doc(6, MARKET, '行政规范性文件', '庆市监规〔2014〕1号', '2014-04-01', { sxzt: '废止', fzrq: '2016-01-01' }),
  // Lapsed (失效) with no date: when it stopped is unknown, so it is not counted in force.
  doc(7, MARKET, '行政规范性文件', '庆市监规〔2015〕3号', '2015-07-01', { sxzt: '失效' }),
  doc(8, MARKET, '行政规范性文件', '庆市监规〔2016〕1号', '2016-01-05'),
  doc(9, GENERAL_OFFICE, '其他文件', '庆政办发〔2015〕10号', '2015-04-01'),
  // A type the contract does not know: quarantined, counted nowhere.
  doc(10, MARKET, '规范性文件', '庆市监规〔2015〕9号', '2015-08-01'),
];

/** What the table must say of the documents above, for the year and per publisher. */
const POLICY_EXPECTED = {
  all: { 规章: [1, 1, 2], 行政规范性文件: [3, 0, 3] },
  [CITY_GOVERNMENT]: { 规章: [1, 1, 2], 行政规范性文件: [0, 0, 0] },
  [MARKET]: { 规章: [0, 0, 0], 行政规范性文件: [1, 0, 1] },
};

const MANIFEST = `connector: gazette
domain: POLICY
description: 大庆市 政府信息公开平台 文件库 (a test's own feed)
streams:
  - name: documents
    kind: policy-document
    source: { format: json, path: /gkpt/wj }
    schema:
      type: object
      required: [wjid, wjbt, fwjg, wjlx, cwrq, fbrq, gxsj]
    key: wjid
    cursor: gxsj
    mapping:
      title: wjbt
      publishedAt: fbrq
      updatedAt: gxsj
      status: "sxzt = '废止' ? 'revoked' : sxzt = '失效' ? 'expired' : 'published'"
      publisher: fwjg
      attributes: |
        { "documentNumber": fwzh = '' ? null : fwzh, "documentType": wjlx,
          "signedOn": cwrq, "abolishedOn": fzrq = '' ? null : fzrq }
`;

const TABLE = `year department format heading sections { item columns rows { content cells { column value unit filledBy source note } } }`;

/** The statutory layout: blocks, head rows and rows of 国办公开办函〔2021〕30号's table. */
const LAYOUT = [
  ['第二十条第（一）项', ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], ['规章', '行政规范性文件']],
  ['第二十条第（五）项', ['信息内容', '本年处理决定数量'], ['行政许可']],
  ['第二十条第（六）项', ['信息内容', '本年处理决定数量'], ['行政处罚', '行政强制']],
  ['第二十条第（八）项', ['信息内容', '本年收费金额（单位：万元）'], ['行政事业性收费']],
  ['第二十条第（九）项', ['信息内容', '采购项目数量', '采购总金额'], ['政府集中采购']],
];

interface Cell {
  column: string;
  value: number | null;
  unit: string | null;
  filledBy: 'HUB' | 'OFFICE';
  source: string | null;
  note: string | null;
}
interface Table {
  year: number;
  department: string | null;
  sections: Array<{ item: string; columns: string[]; rows: Array<{ content: string; cells: Cell[] }> }>;
}

/** Every row's values, by content: { 规章: [1, 1, 2], 行政许可: [255], … }. */
function valuesOf(table: Table): Record<string, Array<number | null>> {
  return Object.fromEntries(table.sections.flatMap((s) => s.rows.map((r) => [r.content, r.cells.map((c) => c.value)])));
}

const chinaYear = (instant: string) => new Date(new Date(instant).getTime() + 8 * 3600 * 1000).getUTCFullYear();

/** The most frequent value: the year the sample feed has most of, whatever its scale. */
function commonest<T>(values: T[]): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

describe.each(BACKENDS)('the yearly disclosure report, on %s', (backend) => {
  let feed: RecordServer;
  let running: TestHub;
  let hub: RunningHub;
  let dir: string;
  let decisions: Array<{ kind: string; date: string; documentNumber: string; authority: string }>;
  let notices: any[];
  let documents: any[];

  const ask = async (query: string, variables?: object) => {
    const { body } = await graphql(hub.url, query, variables);
    expect(body.errors).toBeUndefined();
    return body.data;
  };

  /** Every disclosure of a kind through the ordinary paged list, with the typed fields asked for. */
  async function everyOfKind(kind: string, fields: string): Promise<any[]> {
    const nodes: any[] = [];
    let after: string | null = null;
    do {
      const page: any = (
        await ask(`query($kind: String, $after: String) { disclosures(first: 100, after: $after, filter: { kind: $kind }) { edges { node { kind publishedAt ${fields} } } pageInfo { hasNextPage endCursor } } }`, {
          kind,
          after,
        })
      ).disclosures;
      nodes.push(...page.edges.map((e: any) => e.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return nodes;
  }

  const report = async (year: number, department?: string): Promise<Table> =>
    (await ask(`query($year: Int!, $department: String) { annualDisclosureReport(year: $year, department: $department) { ${TABLE} } }`, { year, department })).annualDisclosureReport;

  /** 行政许可 and 行政处罚 decisions of the year counted from the typed lists: one per authority and document. */
  function decisionsIn(kind: string, year: number, department?: string): number {
    const chosen = decisions.filter((d) => d.kind === kind && d.date.startsWith(`${year}-`) && (!department || d.authority === department));
    return new Set(chosen.map((d) => `${d.authority}|${d.documentNumber}`)).size;
  }

  /** 政府采购 results announced in the year: each lot by its latest result, its active awards summed. */
  function procurementIn(year: number, department?: string): [number, number] {
    const latest = new Map<string, any>();
    for (const n of notices) {
      if (n.tradeType.type !== 'GOVERNMENT_PROCUREMENT' || n.noticeType.type !== 'AWARD' || chinaYear(n.publishedAt) !== year) continue;
      if (department && !n.parties.some((p: any) => p.name === department && p.roles.includes('buyer'))) continue;
      const key = `${n.projectCode}|${n.lotCode ?? ''}`;
      const known = latest.get(key);
      if (!known || known.publishedAt < n.publishedAt || (known.publishedAt === n.publishedAt && Number(known.id) < Number(n.id))) latest.set(key, n);
    }
    const chosen = [...latest.values()];
    const amount = chosen.flatMap((n) => n.awards.filter((a: any) => a.status === 'active')).reduce((sum: number, a: any) => sum + (a.value?.amountWan ?? 0), 0);
    return [new Set(chosen.map((n) => n.projectCode)).size, Math.round(amount * 10000) / 10000];
  }

  /** 规章 and 行政规范性文件 [made, abolished, in force at the year's end], counted from the generic list. */
  function policyIn(year: number): Record<string, number[]> {
    const from = `${year}-01-01`;
    const to = `${year + 1}-01-01`;
    const counts: Record<string, number[]> = { 规章: [0, 0, 0], 行政规范性文件: [0, 0, 0] };
    for (const d of documents) {
      const row = counts[d.attributes.documentType];
      if (!row) continue;
      const made = d.attributes.signedOn ?? new Date(new Date(d.publishedAt).getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
      const abolished: string | null = d.attributes.abolishedOn;
      if (made >= from && made < to) row[0] += 1;
      if (abolished && abolished >= from && abolished < to) row[1] += 1;
      if (made < to && (abolished ? abolished >= to : d.status !== 'REVOKED')) row[2] += 1;
    }
    return counts;
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-connectors-'));
    fs.writeFileSync(path.join(dir, 'gazette.yaml'), MANIFEST);
    feed = await serveRecordsAt({ '/gkpt/wj': DOCUMENTS }, 4);
    running = await startTestHub(backend, { HUB_CONNECTORS_DIR: dir, HUB_FEED_GAZETTE_URL: feed.url, HUB_RESPONSE_CACHE: 'off' });
    hub = running.hub;
    const decided = async (kind: string, type: string) =>
      (await everyOfKind(kind, `... on ${type} { decision { date documentNumber } authority { name } }`)).map((n) => ({
        kind,
        date: n.decision.date,
        documentNumber: n.decision.documentNumber,
        authority: n.authority.name,
      }));
    decisions = [...(await decided('administrative-licence', 'AdministrativeLicence')), ...(await decided('administrative-penalty', 'AdministrativePenalty'))];
    notices = await everyOfKind(
      'trading-notice',
      'id ... on TradingNotice { projectCode lotCode tradeType { type } noticeType { type } awards { status value { amountWan } } parties { name roles } }',
    );
    documents = await everyOfKind('policy-document', 'status publisher ... on GenericDisclosure { attributes }');
  }, HUB_START_TIMEOUT_MS);

  afterAll(async () => {
    await running?.stop();
    await feed?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const creditYear = () => commonest(decisions.filter((d) => d.kind === 'administrative-licence').map((d) => Number(d.date.slice(0, 4))));
  const tradingYear = () =>
    commonest(notices.filter((n) => n.tradeType.type === 'GOVERNMENT_PROCUREMENT' && n.noticeType.type === 'AWARD').map((n) => chinaYear(n.publishedAt)));

  test('the table is in the statutory layout, and the cells the hub cannot know are there, empty, left for the office', async () => {
    const table = await report(POLICY_YEAR);
    expect(table).toMatchObject({ year: POLICY_YEAR, department: null, format: '国办公开办函〔2021〕30号', heading: '二、主动公开政府信息情况' });
    expect(table.sections.map((s) => [s.item, s.columns, s.rows.map((r) => r.content)])).toEqual(LAYOUT);
    for (const s of table.sections) for (const r of s.rows) expect(r.cells.map((c) => c.column)).toEqual(s.columns.slice(1));
    const office = table.sections.flatMap((s) => s.rows.flatMap((r) => r.cells.filter((c) => c.filledBy === 'OFFICE').map((c) => ({ row: r.content, ...c }))));
    expect(office.map((c) => [c.row, c.column, c.value, c.source])).toEqual([
      ['行政强制', '本年处理决定数量', null, null],
      ['行政事业性收费', '本年收费金额（单位：万元）', null, null],
    ]);
    for (const c of office) expect(c.note).toMatch(/left for the office to fill \(由本机关填写\)/);
    const hubCells = table.sections.flatMap((s) => s.rows.flatMap((r) => r.cells.filter((c) => c.filledBy === 'HUB')));
    expect(hubCells).toHaveLength(10);
    for (const c of hubCells) expect(c).toEqual(expect.objectContaining({ value: expect.any(Number), source: expect.stringMatching(/^(POLICY|CREDIT|TRADING) domain, kind /) }));
  });

  test('规章 and 行政规范性文件 made, abolished and in force, from a feed added by a manifest; a department\'s own documents', async () => {
    const { body } = await graphql(hub.url, `{ disclosures(filter: { kind: "policy-document" }, first: 100) { totalCount } }`);
    expect(body.data.disclosures.totalCount).toBeGreaterThanOrEqual(DOCUMENTS.length - 1);
    for (const [department, expected] of Object.entries(POLICY_EXPECTED)) {
      const values = valuesOf(await report(POLICY_YEAR, department === 'all' ? undefined : department));
      expect({ department, 规章: values['规章'], 行政规范性文件: values['行政规范性文件'] }).toEqual({ department, ...expected });
    }
    // The same rules over every policy document the hub holds (the shipped policy feed's too), in
    // the year most of them were made.
    const year = commonest(documents.map((d) => Number((d.attributes.signedOn ?? d.publishedAt).slice(0, 4))));
    const values = valuesOf(await report(year));
    expect({ 规章: values['规章'], 行政规范性文件: values['行政规范性文件'] }).toEqual(policyIn(year));
    expect(POLICY_EXPECTED.all).toEqual(policyIn(POLICY_YEAR));
  });

  test('行政许可 and 行政处罚 decisions of the year, and 政府集中采购, equal counts made from the hub\'s typed lists', async () => {
    const year = creditYear();
    const values = valuesOf(await report(year));
    expect(decisionsIn('administrative-licence', year)).toBeGreaterThan(50);
    expect(values['行政许可']).toEqual([decisionsIn('administrative-licence', year)]);
    expect(values['行政处罚']).toEqual([decisionsIn('administrative-penalty', year)]);
    expect(values['政府集中采购']).toEqual(procurementIn(year));

    const buying = tradingYear();
    const [projects, amount] = procurementIn(buying);
    expect(projects).toBeGreaterThan(3);
    expect(amount).toBeGreaterThan(0);
    expect(valuesOf(await report(buying))['政府集中采购']).toEqual([projects, amount]);
  });

  test('a department: its own decisions, and the procurements it bought', async () => {
    const year = creditYear();
    const authority = commonest(decisions.filter((d) => d.kind === 'administrative-licence' && d.date.startsWith(`${year}-`)).map((d) => d.authority));
    const table = await report(year, authority);
    expect(table.department).toBe(authority);
    const values = valuesOf(table);
    expect(values['行政许可']).toEqual([decisionsIn('administrative-licence', year, authority)]);
    expect(values['行政许可'][0]).toBeLessThan(decisionsIn('administrative-licence', year));
    expect(values['行政处罚']).toEqual([decisionsIn('administrative-penalty', year, authority)]);

    const buying = tradingYear();
    const buyers = notices
      .filter((n) => n.tradeType.type === 'GOVERNMENT_PROCUREMENT' && n.noticeType.type === 'AWARD' && chinaYear(n.publishedAt) === buying)
      .map((n) => n.parties.find((p: any) => p.roles.includes('buyer')).name);
    const buyer = commonest(buyers);
    const [projects, amount] = procurementIn(buying, buyer);
    expect(projects).toBeGreaterThan(0);
    expect(valuesOf(await report(buying, buyer))['政府集中采购']).toEqual([projects, amount]);
  });

  test('a department no record names, or a year out of range, is refused with what to give instead', async () => {
    const unknown = await graphql(hub.url, `{ annualDisclosureReport(year: ${POLICY_YEAR}, department: "市场监督") { year } }`);
    expect(unknown.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(unknown.body.errors[0].message).toMatch(/department "市场监督" .*give its full name.*names that come close: .*大庆市市场监督管理局/);
    const nul = await graphql(hub.url, `query($d: String) { annualDisclosureReport(year: ${POLICY_YEAR}, department: $d) { year } }`, { d: 'a\u0000b' });
    expect(nul.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/"department" contains a NUL/) });
    const year = await graphql(hub.url, `{ annualDisclosureReport(year: 1999) { year } }`);
    expect(year.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/^year 1999 is not a report year: give a calendar year from 2008/) });
  });

  describe('hub report annual', () => {
    const cli = (args: string[]) => runHub(['report', 'annual', ...args], { ...running.db.env, HUB_CONNECTORS_DIR: dir }, 300000);

    test('CSV: the table block by block with Chinese heads, then a 说明 block naming the cells the office fills', async () => {
      const year = creditYear();
      const { code, stdout, stderr } = await cli(['--year', String(year)]);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout.startsWith('\ufeff二、主动公开政府信息情况')).toBe(true);
      const rows: string[][] = parse(stdout, { bom: true, relax_column_count: false });
      const trimmed = rows.map((r) => {
        const end = r.findLastIndex((c) => c !== '');
        return r.slice(0, end + 1);
      });
      const at = (first: string) => trimmed.find((r) => r[0] === first)!;
      expect(at('报告年度')).toEqual(['报告年度', String(year)]);
      expect(trimmed).toContainEqual(['第二十条第（一）项']);
      expect(trimmed).toContainEqual(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
      expect(at('行政许可')).toEqual(['行政许可', String(decisionsIn('administrative-licence', year))]);
      expect(at('行政处罚')).toEqual(['行政处罚', String(decisionsIn('administrative-penalty', year))]);
      expect(at('行政强制')).toEqual(['行政强制']);
      expect(at('行政事业性收费')).toEqual(['行政事业性收费']);
      const notes = trimmed.slice(trimmed.findIndex((r) => r[0] === '说明'));
      expect(notes[1]).toEqual(['信息内容', '栏目', '填报', '单位', '说明', '数据来源']);
      expect(notes.filter((r) => r[2] === '由本机关填写').map((r) => [r[0], r[1]])).toEqual([
        ['行政强制', '本年处理决定数量'],
        ['行政事业性收费', '本年收费金额（单位：万元）'],
      ]);
      expect(notes.find((r) => r[1] === '采购总金额')?.[3]).toBe('万元');
    });

    test('JSON to a file: each cell with its value, source and note, as GraphQL gives it; a department', async () => {
      const out = path.join(dir, 'report.json');
      const { code, stderr } = await cli(['--year', String(POLICY_YEAR), '--department', MARKET, '--format', 'json', '--out', out]);
      expect(code).toBe(0);
      expect(stderr).toMatch(new RegExp(`wrote the ${POLICY_YEAR} annual report table of ${MARKET} as json to ${out}`));
      const written = JSON.parse(fs.readFileSync(out, 'utf8'));
      expect(written).toEqual(await report(POLICY_YEAR, MARKET));
      expect(valuesOf(written)['行政规范性文件']).toEqual(POLICY_EXPECTED[MARKET].行政规范性文件);
    });

    test('a mistyped year or department is a usage error (exit 2) that says what to write', async () => {
      const year = await cli(['--year', '15']);
      expect(year).toMatchObject({ code: 2, stdout: '', stderr: 'hub: --year 15 is not a year: give four digits, e.g. --year 2025\n' });
      const department = await cli(['--year', String(POLICY_YEAR), '--department', '市场监督']);
      expect(department.code).toBe(2);
      expect(department.stderr).toMatch(/^hub: department "市场监督" .*names that come close: .*大庆市市场监督管理局/);
    });
  });
});
