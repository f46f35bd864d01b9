import { recordingClient } from '../helpers/recordingClient';
import { undescribed } from '../helpers/sdlDescriptions';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import type { RunningHub } from '../../src/hub';
import { findUnmaskedPersonalInfo } from '../../src/domain/masking';
import { leaksBesideLookAlikes } from '../helpers/plantedReview';
import { NOTICE_TYPES, processStage, type NoticeType } from '../../src/domain/trading';
import { BACKENDS } from '../helpers/testDatabase';
import { citiesElsewhereIn } from '../helpers/placesElsewhere';
import { startTestHub, HUB_START_TIMEOUT_MS, type TestHub } from '../helpers/hub';
import { countStatements } from '../helpers/statementCount';

const STAGES = ['TENDER', 'QUALIFICATION', 'AWARD', 'CONTRACT', 'IMPLEMENTATION', 'CANCELLED'];

const NOTICE_FIELDS = `
  id title publisher status publishedAt noticeId projectCode projectName lotCode lotName ocdsTag sourceAmountUnit region
  noticeType { code name type from }
  tradeType { type name procurement }
  tender { id title status value { amountWan currency } procurementMethod procurementMethodDetails mainProcurementCategory tenderPeriod { startDate endDate } }
  tenderers { id name rank bidValue { amountWan currency } }
  awards { id status date suppliers { id name } value { amountWan currency } }
  contracts { id awardId status value { amountWan currency } period { startDate endDate } dateSigned implementation { milestones { id title type status dateMet } } }
  amendment { id date rationale amendsNoticeId }
  cancellation { reason status }
  parties { id name roles identifier { scheme id legalName } uscc { code valid reason } }
  contact { name phone }
  process { projectCode lotCode stage noticeCount }
  project { projectCode lotCount }`;

const PROCESS_FIELDS = `
  projectCode projectName lotCode lotName stage amended cancelled noticeCount firstNoticeAt lastNoticeAt
  project { projectCode lotCount }
  tradeType { type procurement }
  buyer { id name roles uscc { code valid } }
  awards { id status value { amountWan } suppliers { id name } }
  contracts { id awardId value { amountWan } implementation { milestones { status } } }
  contractValue { amountWan currency }
  notices { id publishedAt projectCode lotCode noticeType { type } awards { status value { amountWan } } contracts { id value { amountWan } } }`;

/** A process is a lot of a project: the two codes together name it. */
const processKey = (p: { projectCode: string; lotCode: string | null }) => `${p.projectCode}/${p.lotCode ?? ''}`;

describe.each(BACKENDS)('trading notices and processes over HTTP on %s', (backend) => {
  let running: TestHub;
  let hub: RunningHub;
  /** Every response body of the suite is kept and scanned for personal information at the end. */
  const { responses, ask, data, pageAll } = recordingClient(() => hub.url);
  let notices: any[] = [];
  let processes: any[] = [];

  /** A page query; the page size is a variable, as armor's cost estimate multiplies by a literal `first`. */
  const processPage = (fields = PROCESS_FIELDS) => `query($first: Int, $after: String, $stage: TradingProcessStage, $buyerUscc: String, $search: String) {
    tradingProcesses(first: $first, after: $after, stage: $stage, buyerUscc: $buyerUscc, search: $search) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${fields} } } } }`;

  const stageOf = (process: any) =>
    processStage(process.notices.map((n: any) => ({ type: n.noticeType.type.toLowerCase() as NoticeType, publishedAt: n.publishedAt })));

  beforeAll(async () => {
    running = await startTestHub(backend, { HUB_SAMPLE_SCALE: '500' });
    hub = running.hub;
    notices = (
      await pageAll('disclosures', `query($first: Int, $after: String) { disclosures(first: $first, after: $after, filter: { kind: "trading-notice" }) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { __typename domain kind ... on TradingNotice { ${NOTICE_FIELDS} } } } } }`, { first: 100 })
    ).nodes;
    processes = (await pageAll('tradingProcesses', processPage(), { first: 100 }, processKey)).nodes;
  }, HUB_START_TIMEOUT_MS);
  afterAll(() => running?.stop());

  test('trading-notice disclosures are TradingNotices in the TRADING domain', () => {
    expect(notices.length).toBeGreaterThan(300);
    for (const n of notices) expect([n.__typename, n.domain, n.kind]).toEqual(['TradingNotice', 'TRADING', 'trading-notice']);
  });

  test('processes group exactly the notices sharing a project and a lot code, oldest notice first', () => {
    const byKey = new Map<string, any[]>();
    for (const n of notices) byKey.set(processKey(n), [...(byKey.get(processKey(n)) ?? []), n]);
    expect(processes.length).toBe(byKey.size);
    expect(processes.length).toBeGreaterThan(100);
    expect(processes.some((p) => p.noticeCount >= 5)).toBe(true);
    for (const p of processes) {
      const group = byKey.get(processKey(p))!;
      expect(group).toBeDefined();
      expect(p.noticeCount).toBe(group.length);
      expect(p.notices.map((n: any) => n.id).sort()).toEqual(group.map((n) => n.id).sort());
      const times = p.notices.map((n: any) => Date.parse(n.publishedAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      for (const n of p.notices) expect(processKey(n)).toBe(processKey(p));
      expect(Date.parse(p.firstNoticeAt)).toBe(times[0]);
      expect(Date.parse(p.lastNoticeAt)).toBe(times.at(-1));
      expect(p.lotName).toBe(group[0].lotName);
    }
    // Each notice's own `process` is the process it is listed under.
    for (const n of notices) expect(processKey(n.process)).toBe(processKey(n));
  });

  test('a project divided into lots is several processes under one project, which lists them all', async () => {
    const lotsOf = new Map<string, string[]>();
    for (const p of processes) lotsOf.set(p.projectCode, [...(lotsOf.get(p.projectCode) ?? []), p.lotCode]);
    const divided = [...lotsOf].filter(([, lots]) => lots.length > 1);
    expect(divided.length).toBeGreaterThan(3);
    for (const p of processes) expect(p.project).toEqual({ projectCode: p.projectCode, lotCount: lotsOf.get(p.projectCode)!.length });
    for (const n of notices) expect(n.project).toEqual({ projectCode: n.projectCode, lotCount: lotsOf.get(n.projectCode)!.length });
    const [code, lots] = divided[0];
    const { tradingProject: project } = await data(
      `query($c: String!) { tradingProject(projectCode: $c) { projectCode projectName lotCount noticeCount buyer { name } tradeType { type } lots { projectCode lotCode lotName stage noticeCount } } }`,
      { c: code.toLowerCase() },
    );
    expect(project.projectCode).toBe(code);
    expect(project.lotCount).toBe(lots.length);
    expect(project.lots.map((l: any) => l.lotCode)).toEqual([...lots].sort());
    const own = processes.filter((p) => p.projectCode === code);
    expect(project.noticeCount).toBe(own.reduce((n, p) => n + p.noticeCount, 0));
    expect(project.buyer.name).toBe(own[0].buyer.name);
    for (const lot of project.lots) expect(lot.stage).toBe(own.find((p) => p.lotCode === lot.lotCode).stage);
    expect((await data(`{ tradingProject(projectCode: "NO-SUCH-CODE") { projectCode } }`)).tradingProject).toBeNull();
  });

  test('a process\'s stage, amended and cancelled flags are processStage of its notices', () => {
    for (const p of processes) {
      const derived = stageOf(p);
      expect([p.projectCode, p.stage, p.amended, p.cancelled]).toEqual([p.projectCode, derived.stage.toUpperCase(), derived.amended, derived.cancelled]);
      expect(Date.parse(p.lastNoticeAt)).toBe(derived.lastNoticeAt.getTime());
    }
    // The sample reaches every stage, amended or not, so the comparison covers all branches.
    expect(new Set(processes.map((p) => p.stage))).toEqual(new Set(STAGES));
    expect(new Set(processes.map((p) => p.amended))).toEqual(new Set([true, false]));
    const byKey = new Map(processes.map((p) => [processKey(p), p.stage]));
    for (const n of notices) expect(n.process.stage).toBe(byKey.get(processKey(n)));
  });

  test('paging tradingProcesses visits every process once, latest activity first', async () => {
    const { nodes, pages } = await pageAll('tradingProcesses', processPage('projectCode lotCode lastNoticeAt'), { first: 17 }, processKey);
    expect(pages).toBeGreaterThan(5);
    expect(new Set(nodes.map(processKey))).toEqual(new Set(processes.map(processKey)));
    const times = nodes.map((p) => Date.parse(p.lastNoticeAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  test('the stage filter returns exactly the processes in that stage, over every page', async () => {
    for (const stage of STAGES) {
      const expected = processes.filter((p) => stageOf(p).stage.toUpperCase() === stage).map(processKey);
      expect(expected.length).toBeGreaterThan(0);
      const { nodes, totalCount } = await pageAll('tradingProcesses', processPage('projectCode lotCode stage'), { first: 7, stage }, processKey);
      expect(nodes.every((p) => p.stage === stage)).toBe(true);
      expect(totalCount).toBe(expected.length);
      expect(nodes.map(processKey).sort()).toEqual(expected.sort());
    }
  });

  test('buyerUscc and search narrow to whole processes, and combine with the stage', async () => {
    const counts = new Map<string, number>();
    for (const p of processes) if (p.buyer?.uscc?.valid) counts.set(p.buyer.uscc.code, (counts.get(p.buyer.uscc.code) ?? 0) + 1);
    const [code] = [...counts].sort((a, b) => b[1] - a[1])[0];
    const expected = processes.filter((p) => p.buyer?.uscc?.code === code);
    expect(expected.length).toBeGreaterThan(1);
    const byBuyer = await pageAll('tradingProcesses', processPage('projectCode lotCode stage noticeCount buyer { uscc { code } roles }'), { first: 5, buyerUscc: ` ${code.toLowerCase()} ` }, processKey);
    expect(byBuyer.nodes.map(processKey).sort()).toEqual(expected.map(processKey).sort());
    for (const p of byBuyer.nodes) {
      expect(p.buyer.uscc.code).toBe(code);
      expect(p.buyer.roles.some((r: string) => r === 'buyer' || r === 'transferor')).toBe(true);
      // Whole processes: every notice counts, not only those naming the buyer.
      expect(p.noticeCount).toBe(processes.find((q) => processKey(q) === processKey(p)).noticeCount);
    }
    const stage = expected[0].stage;
    const both = await data(processPage(), { first: 100, buyerUscc: code, stage });
    expect(both.tradingProcesses.totalCount).toBe(expected.filter((p) => p.stage === stage).length);

    // A lot code is searchable text of its notices: the search finds its whole process, and only it.
    const target = processes.find((p) => p.noticeCount >= 4 && p.project.lotCount > 1)!;
    const found = await data(processPage('projectCode lotCode noticeCount stage'), { first: 10, search: target.lotCode });
    expect(found.tradingProcesses.edges.map((e: any) => e.node)).toEqual([{ projectCode: target.projectCode, lotCode: target.lotCode, noticeCount: target.noticeCount, stage: target.stage }]);
    // A project code finds every lot of its project.
    const ofProject = await data(processPage('projectCode lotCode'), { first: 10, search: target.projectCode });
    expect(ofProject.tradingProcesses.totalCount).toBe(target.project.lotCount);
    const none = await data(processPage('projectCode'), { first: 10, search: "'; DROP TABLE disclosures; --" });
    expect(none.tradingProcesses.totalCount).toBe(0);
  });

  test('tradingProcess finds a process by its codes in any case or width, and null for an unknown one', async () => {
    const fullWidth = (code: string) => ` ${code.toLowerCase().replace(/-/g, '－')} `;
    const lot = processes.find((p) => p.stage === 'CONTRACT' && p.project.lotCount > 1)!;
    const byLot = await data(`query($c: String!, $l: String) { one: tradingProcess(projectCode: $c, lotCode: $l) { ${PROCESS_FIELDS} } }`, {
      c: fullWidth(lot.projectCode),
      l: fullWidth(lot.lotCode),
    });
    expect(byLot.one).toEqual(lot);
    // An undivided project's one process needs no lot code.
    const single = processes.find((p) => p.stage === 'CONTRACT' && p.project.lotCount === 1)!;
    const result = await data(`query($c: String!) { one: tradingProcess(projectCode: $c) { ${PROCESS_FIELDS} } none: tradingProcess(projectCode: "NO-SUCH-CODE") { projectCode } }`, {
      c: fullWidth(single.projectCode),
    });
    expect(result.one).toEqual(single);
    expect(result.none).toBeNull();
  });

  test('tradingProcess of a project divided into lots, without a lot code, says which lots there are', async () => {
    const divided = processes.find((p) => p.project.lotCount > 1)!;
    const lots = processes.filter((p) => p.projectCode === divided.projectCode).map((p) => p.lotCode).sort();
    const { body } = await ask(`query($c: String!) { tradingProcess(projectCode: $c) { projectCode } }`, { c: divided.projectCode });
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toBe(
      `project ${divided.projectCode} is divided into ${lots.length} lots (${lots.join(', ')}): give lotCode to choose one, or ask tradingProject(projectCode) for all of them`,
    );
  });

  test('notices carry their type, OCDS tag and blocks as their type says, amounts in 万元', () => {
    for (const n of notices) {
      const type = n.noticeType.type.toLowerCase() as NoticeType;
      const info = NOTICE_TYPES[type];
      expect([n.noticeId, n.noticeType.code, n.ocdsTag]).toEqual([n.noticeId, info.code, info.ocdsTag]);
      expect(n.status).toBe(type === 'cancellation' ? 'REVOKED' : 'PUBLISHED');
      expect(n.tender.id).toBe(n.projectCode);
      if (n.tender.value) expect(typeof n.tender.value.amountWan).toBe('number');
      expect(n.amendment === null).toBe(type !== 'amendment');
      expect(n.cancellation === null).toBe(type !== 'cancellation');
      if (type === 'amendment') expect(n.amendment.rationale).toMatch(/\S/);
      if (type === 'cancellation') expect(['cancelled', 'unsuccessful']).toContain(n.cancellation.status);
      if (type === 'candidates' || type === 'award') {
        expect(n.awards).toHaveLength(1);
        expect(n.awards[0].status).toBe(type === 'award' ? 'active' : 'pending');
        expect(n.awards[0].suppliers.length).toBeGreaterThan(0);
        expect(typeof n.awards[0].value.amountWan).toBe('number');
      } else {
        expect(n.awards).toEqual([]);
      }
      if (type === 'contract' || type === 'implementation') {
        expect(n.contracts).toHaveLength(1);
        // The award is the lot's: each lot is awarded on its own.
        expect(n.contracts[0].awardId).toBe(`${n.lotCode}-award`);
        expect(n.contracts[0].implementation === null).toBe(type === 'contract');
      } else {
        expect(n.contracts).toEqual([]);
      }
      const initiators = n.parties.filter((p: any) => p.roles.includes('buyer') || p.roles.includes('transferor'));
      expect(initiators).toHaveLength(1);
      expect(initiators[0].roles).toContain(n.tradeType.procurement ? 'buyer' : 'transferor');
      for (const p of n.parties) {
        if (p.uscc?.valid) expect(p.identifier).toEqual({ scheme: 'CN-USCC', id: p.uscc.code, legalName: p.name });
        else expect(p.identifier).toBeNull();
      }
    }
    const withTenderers = notices.filter((n) => n.tenderers.length > 0);
    expect(withTenderers.length).toBeGreaterThan(0);
    expect(notices.filter((n) => n.noticeType.type === 'IMPLEMENTATION').every((n) => n.contracts[0].implementation.milestones.length > 0)).toBe(true);
  });

  test('a process compiles its notices: the announced award over the proposed one, contract value from its contracts', () => {
    let awarded = 0;
    let contracted = 0;
    for (const p of processes) {
      const award = p.notices.find((n: any) => n.noticeType.type === 'AWARD');
      const candidates = p.notices.find((n: any) => n.noticeType.type === 'CANDIDATES');
      if (award) {
        awarded++;
        expect(p.awards).toHaveLength(1);
        expect(p.awards[0].status).toBe('active');
        expect(p.awards[0].value).toEqual(award.awards[0].value);
      } else if (candidates) {
        expect(p.awards.map((a: any) => a.status)).toEqual(['pending']);
      } else {
        expect(p.awards).toEqual([]);
      }
      const contracts = p.notices.flatMap((n: any) => n.contracts);
      if (contracts.length > 0) {
        contracted++;
        expect(p.contracts).toHaveLength(1);
        expect(p.contractValue.amountWan).toBeCloseTo(contracts[0].value.amountWan, 6);
        expect(p.contractValue.currency).toBe('CNY');
      } else {
        expect(p.contractValue).toBeNull();
      }
      if (p.stage === 'IMPLEMENTATION') expect(p.contracts[0].implementation.milestones.length).toBeGreaterThan(0);
      expect(p.buyer.roles.some((r: string) => r === 'buyer' || r === 'transferor')).toBe(true);
    }
    expect(awarded).toBeGreaterThan(10);
    expect(contracted).toBeGreaterThan(10);
  });

  test('SQL statements of a tradingProcesses page with its notices do not grow with page size', async () => {
    const statements = async (first: number) => {
      const { count, result: { body } } = await countStatements(hub.db.knex, () =>
        ask(
          `query($first: Int) { tradingProcesses(first: $first) { totalCount edges { node { projectCode stage contractValue { amountWan }
            buyer { name entity { name } } notices { id title subject { name } revisions { version } process { stage } parties { name entity { uscc } } } } } } }`,
          { first },
        ),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.tradingProcesses.edges).toHaveLength(first);
      return count;
    };
    const small = await statements(3);
    const large = await statements(60);
    expect(large).toBe(small);
    // page, count, notices, revisions, and entities (buyers; subjects and parties) in at most two batches
    expect(small).toBeLessThanOrEqual(6);
  });

  test("the portal's page of processes reads each one's trade type, buyer and contract value with its row: the page and its count", async () => {
    const { count, result: { body } } = await countStatements(hub.db.knex, () =>
      ask(`query($first: Int) { tradingProcesses(first: $first) { totalCount edges { node { projectCode lotCode tradeType { name } buyer { name } contractValue { amountWan } } } } }`, { first: 41 }),
    );
    expect(body.errors).toBeUndefined();
    expect(count).toBe(2);
    const page = body.data.tradingProcesses.edges.map((e: any) => e.node);
    expect(page).toHaveLength(41);
    // As each process alone, compiled from its notices, gives them.
    for (const process of page.slice(0, 8)) {
      const one = await data(
        `query($code: String!, $lot: String) { tradingProcess(projectCode: $code, lotCode: $lot) { tradeType { name } buyer { name } contractValue { amountWan } notices { tradeType { name } parties { name roles } } } }`,
        { code: process.projectCode, lot: process.lotCode },
      );
      const { notices: ofProcess, ...blocks } = one.tradingProcess;
      expect(blocks).toEqual({ tradeType: process.tradeType, buyer: process.buyer, contractValue: process.contractValue });
      expect(process.tradeType).toEqual(ofProcess.at(-1).tradeType);
      const initiators = ofProcess.flatMap((n: any) => n.parties.filter((p: any) => p.roles.includes('buyer') || p.roles.includes('transferor')));
      expect(initiators.map((p: any) => p.name)).toContain(process.buyer.name);
    }
  });

  test("a page of processes showing only what the grouping keeps reads none of the blocks' JSON columns", async () => {
    const grouped = 'projectCode lotCode projectName lotName stage amended cancelled noticeCount firstNoticeAt lastNoticeAt __typename';
    const blockColumns = /\b(trade_type|buyer|contract_value)\b/;
    const page = async (fields: string) => {
      const { sql, result: { body } } = await countStatements(hub.db.knex, () => ask(`{ tradingProcesses(first: 5) { edges { node { ${fields} } } } }`));
      expect(body.errors).toBeUndefined();
      expect(body.data.tradingProcesses.edges).toHaveLength(5);
      return sql.join('\n');
    };
    expect(await page(grouped)).not.toMatch(blockColumns);
    // Any field beyond them reads the whole row: the blocks come with it.
    expect(await page(`${grouped} tradeType { name }`)).toMatch(blockColumns);
  });

  test('trading answers may be cached for five minutes', async () => {
    const { headers } = await ask(`{ tradingProcesses(first: 3) { totalCount edges { node { projectCode stage buyer { name } notices { title tender { value { amountWan } } } } } } }`);
    expect(headers.get('cache-control')).toBe('max-age=300, public');
  });

  test('bad arguments get clear errors', async () => {
    const tooMany = await ask(`{ tradingProcesses(first: 101) { totalCount } }`);
    expect(tooMany.body.errors[0].message).toMatch(/"first" must be between 0 and 100/);
    const badCursor = await ask(`{ tradingProcesses(after: "nonsense") { totalCount } }`);
    expect(badCursor.body.errors[0].message).toMatch(/not a cursor/);
    const badStage = await ask(`{ tradingProcesses(stage: SIGNED) { totalCount } }`);
    expect(badStage.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  test('every type, field, argument and enum value of trading.graphql is described, with its Chinese term', () => {
    const sdl = parse(fs.readFileSync(path.resolve(__dirname, '../../schema/trading.graphql'), 'utf8'));
    const missing = undescribed(sdl.definitions);
    expect(missing).toEqual([]);
  });

  test('a search for 大庆 finds the trading notices: they are set in the city', async () => {
    const { disclosures } = await data(`{ disclosures(first: 5, search: "大庆", filter: { domain: TRADING }) { totalCount edges { node { title } } } }`);
    expect(disclosures.totalCount).toBeGreaterThan(notices.length / 2);
    for (const { node } of disclosures.edges) expect(node.title).toContain('大庆');
  });

  test('no title, publisher or party names a place of another province', () => {
    for (const n of notices) {
      const text = [n.title, n.publisher, n.projectName, n.lotName, n.region, ...n.parties.map((p: any) => p.name)].join(' ');
      expect([n.noticeId, citiesElsewhereIn(text)]).toEqual([n.noticeId, []]);
    }
  });

  test('the contact person, a published business contact, is served in full; no response contains an unmasked mobile or ID number', () => {
    const withContact = notices.filter((n) => n.contact?.name);
    expect(withContact.length).toBeGreaterThan(100);
    for (const n of withContact) expect(n.contact.name).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
    // A mobile contact is masked, an office line served as published (docs/standards/privacy.md).
    for (const n of notices.filter((n) => n.contact?.phone)) expect(n.contact.phone).toMatch(/^1\d\d\*{4}\d{4}$|^0\d{2,3}-\d{7,8}$/);
    expect(responses.length).toBeGreaterThan(10);
    // A planted look-alike (samples/review), a filing number with an ID number's shape, is published by the review.
    for (const text of responses) expect(leaksBesideLookAlikes(findUnmaskedPersonalInfo(text), { scale: 500 })).toEqual([]);
  });
});
