import { recordingClient } from '../helpers/recordingClient';
import { undescribed } from '../helpers/sdlDescriptions';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { pppProjectsSample } from '../../samples/ppp/projects';
import type { RunningHub } from '../../src/hub';
import { findUnmaskedPersonalInfo } from '../../src/domain/masking';
import { PPP_OPERATE_MODES, PPP_RETURN_MODES, PPP_STAGES } from '../../src/domain/ppp';
import { DEFAULT_FEED_OPTIONS } from '../../samples/kit/feedServer';
import { BACKENDS } from '../helpers/testDatabase';
import { startTestHub, HUB_START_TIMEOUT_MS, type TestHub } from '../helpers/hub';
import { citiesElsewhereIn } from '../helpers/placesElsewhere';
import { DEFAULT_CITY } from '../../src/config/city';
import { containsMobileNumber, maskContactPhone } from '../../src/domain/masking';
import { ppp } from '../../connectors/ppp';
import { PROJECTS_PATH } from '../../connectors/ppp/projects/path';
import type { PppProjectRecord } from '../../connectors/ppp/projects/schema';
import { runSync } from '../../src/sync/runSync';
import { serveRecords } from '../helpers/recordServer';
import { fastHttp } from '../helpers/feeds';
import { MAPPING, REVIEW } from '../helpers/mapping';
import { countStatements } from '../helpers/statementCount';

const SCALE = 500;

const PROJECT_FIELDS = `
  id title publisher publishedAt status projNo sourceUrl
  division { name code }
  stage { code name }
  location { province city district }
  industry { primary secondary }
  totalInvestment
  operateMode { code name }
  returnMode { code name }
  cooperationTermYears initiatedOn
  demonstration { isDemonstration flag { code name } listings { batch { code name } level { code name } } }
  procurementMethod { code name }
  governmentParticipation { mode { code name } equityRepresentative { name uscc usccValid } equitySharePercent }
  implementingAgency { name uscc usccValid }
  partners { name uscc usccValid }
  contractSignedOn
  contact { name phone }
  policyConflicts { rule basis explanation }`;

/** The page query; the page size is a variable, as armor's cost estimate multiplies by a literal `first`. */
const PROJECTS = (fields = PROJECT_FIELDS) => `query($first: Int, $after: String, $stage: String, $operateMode: String, $returnMode: String, $region: String, $policyConflict: Boolean) {
  pppProjects(first: $first, after: $after, stage: $stage, operateMode: $operateMode, returnMode: $returnMode, region: $region, policyConflict: $policyConflict) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${fields} } } } }`;

describe.each(BACKENDS)('PPP projects over HTTP on %s', (backend) => {
  let running: TestHub;
  let hub: RunningHub;
  /** Every response body of the suite is kept and scanned for personal information at the end. */
  const { responses, ask, data, pageAll } = recordingClient(() => hub.url);
  /** Every project, as `disclosures(filter: { kind: "ppp-project" })` lists it. */
  let projects: any[] = [];

  const ids = (nodes: any[]) => nodes.map((n) => n.id).sort();
  /** The sample library's valid-looking records, by project number: what each served project came from. */
  const sampleRecords = new Map<string, PppProjectRecord>();
  for (let i = 0; i < SCALE; i++) {
    const record = pppProjectsSample.record(i, { ...DEFAULT_FEED_OPTIONS, scale: SCALE }) as PppProjectRecord;
    if (typeof record.projNo === 'string') sampleRecords.set(record.projNo.trim(), record);
  }

  beforeAll(async () => {
    running = await startTestHub(backend, { HUB_SAMPLE_SCALE: String(SCALE) });
    hub = running.hub;
    projects = (
      await pageAll('disclosures', `query($first: Int, $after: String) { disclosures(first: $first, after: $after, filter: { kind: "ppp-project" }) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { __typename domain kind ... on PppProject { ${PROJECT_FIELDS} } } } } }`, { first: 100 })
    ).nodes;
  }, HUB_START_TIMEOUT_MS);
  afterAll(() => running?.stop());

  test('ppp-project disclosures are PppProjects in the PPP domain, codes decoded by the library tables', () => {
    expect(projects.length).toBeGreaterThan(SCALE * 0.9);
    for (const p of projects) {
      expect([p.__typename, p.domain, p.kind, p.status]).toEqual(['PppProject', 'PPP', 'ppp-project', 'PUBLISHED']);
      expect(p.stage.name).toBe(PPP_STAGES[p.stage.code]);
      expect(p.operateMode.name).toBe(PPP_OPERATE_MODES[p.operateMode.code]);
      expect(p.returnMode.name).toBe(PPP_RETURN_MODES[p.returnMode.code]);
      expect(p.publisher).toBe(`${p.location.city}${p.location.district ?? ''}财政局`);
      expect(p.initiatedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.cooperationTermYears).toBeGreaterThanOrEqual(1);
      // Partners and the contract date come with the execution stage (3 执行, 4 移交).
      if (Number(p.stage.code) >= 3) {
        expect(p.partners.length).toBeGreaterThan(0);
        expect(p.contractSignedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      } else {
        expect(p.partners).toEqual([]);
        expect(p.contractSignedOn).toBeNull();
      }
      expect(p.demonstration.listings.length > 0 ? p.demonstration.isDemonstration : true).toBe(true);
      const gov = p.governmentParticipation;
      if (gov?.mode.code === '1') expect(typeof gov.equitySharePercent).toBe('number');
      if (gov?.mode.code === '2') expect([gov.equityRepresentative, gov.equitySharePercent]).toEqual([null, null]);
    }
    // The sample holds every stage, so the filters below are tried on each.
    expect(new Set(projects.map((p) => p.stage.code))).toEqual(new Set(Object.keys(PPP_STAGES)));
  });

  test('total investment is a number in 万元: the library\'s 分 divided by 1,000,000', () => {
    const options = { ...DEFAULT_FEED_OPTIONS, scale: SCALE };
    const investCount = new Map<string, number>();
    for (let i = 0; i < SCALE; i++) {
      const record = pppProjectsSample.record(i, options) as { projNo?: unknown; investCount?: unknown };
      if (typeof record.projNo === 'string' && typeof record.investCount === 'number') investCount.set(record.projNo.trim().toUpperCase(), record.investCount);
    }
    let compared = 0;
    for (const p of projects) {
      expect(typeof p.totalInvestment).toBe('number');
      const fen = investCount.get(p.projNo);
      if (fen === undefined) continue;
      expect(p.totalInvestment).toBeCloseTo(fen / 1_000_000, 6);
      compared++;
    }
    expect(compared).toBeGreaterThan(SCALE * 0.9);
    // 千万 to 百亿 元: 1,000 to 1,000,000 万元.
    const values = projects.map((p) => p.totalInvestment);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(500);
    expect(Math.max(...values)).toBeLessThanOrEqual(5_000_000);
  });

  test('paging pppProjects visits every project once', async () => {
    const { nodes, pages } = await pageAll('pppProjects', PROJECTS('id projNo'), { first: 37 });
    expect(pages).toBeGreaterThan(5);
    expect(ids(nodes)).toEqual(ids(projects));
  });

  test('stage, operateMode and returnMode filters narrow to exactly the projects with that code', async () => {
    const filters: Array<[string, string, Readonly<Record<string, string>>]> = [
      ['stage', 'stage', PPP_STAGES],
      ['operateMode', 'operateMode', PPP_OPERATE_MODES],
      ['returnMode', 'returnMode', PPP_RETURN_MODES],
    ];
    for (const [argument, field, table] of filters) {
      for (const code of Object.keys(table)) {
        const expected = projects.filter((p) => p[field].code === code);
        const { nodes, totalCount } = await pageAll('pppProjects', PROJECTS(`id ${field} { code name }`), { first: 100, [argument]: code });
        expect([argument, code, totalCount]).toEqual([argument, code, expected.length]);
        expect(nodes.every((n) => n[field].code === code)).toBe(true);
        expect(ids(nodes)).toEqual(ids(expected));
      }
    }
  });

  test('filters combine with AND, and a region matches a district or its city', async () => {
    const stage = '3';
    const returnMode = '3';
    const both = await data(PROJECTS('id'), { first: 100, stage, returnMode });
    const expected = projects.filter((p) => p.stage.code === stage && p.returnMode.code === returnMode);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(projects.filter((p) => p.stage.code === stage).length);
    expect(both.pppProjects.totalCount).toBe(expected.length);

    const counts = new Map<string, number>();
    for (const p of projects) if (p.location.district) counts.set(p.location.district, (counts.get(p.location.district) ?? 0) + 1);
    const [district] = [...counts].sort((a, b) => b[1] - a[1])[0];
    const inDistrict = await pageAll('pppProjects', PROJECTS('id location { district }'), { first: 100, region: district });
    expect(ids(inDistrict.nodes)).toEqual(ids(projects.filter((p) => p.location.district === district)));

    const city = projects[0].location.city;
    const inCity = await data(PROJECTS('id'), { first: 1, region: city });
    expect(inCity.pppProjects.totalCount).toBe(projects.filter((p) => p.location.city === city).length);
    const nowhere = await data(PROJECTS('id'), { first: 1, region: "'; DROP TABLE disclosures; --" });
    expect(nowhere.pppProjects.totalCount).toBe(0);
  });

  test('an unknown code is refused with the codes the library knows', async () => {
    const { body } = await ask(`{ pppProjects(stage: "9") { totalCount } }`);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(/"stage": unknown code "9"; known codes are 0 识别, 1 准备, 2 采购, 3 执行, 4 移交/);
    const mode = await ask(`{ pppProjects(operateMode: "12") { totalCount } }`);
    expect(mode.body.errors[0].message).toMatch(/"operateMode": unknown code "12"/);
    // A code written with blanks is the same code.
    const padded = await data(PROJECTS('id'), { first: 1, returnMode: ' 1 ' });
    expect(padded.pppProjects.totalCount).toBe(projects.filter((p) => p.returnMode.code === '1').length);
  });

  test('bodies link to their entities only when their codes are valid', async () => {
    const { pppProjects } = await data(PROJECTS('id implementingAgency { name uscc usccValid entity { uscc name } } partners { uscc usccValid entity { uscc } }'), { first: 100, stage: '3' });
    const bodies = pppProjects.edges.flatMap((e: any) => [e.node.implementingAgency, ...e.node.partners]);
    expect(bodies.some((b: any) => b.usccValid)).toBe(true);
    for (const b of bodies) {
      if (b.usccValid) expect(b.entity.uscc).toBe(b.uscc);
      else expect(b.entity).toBeNull();
    }
    const agencies = projects.map((p) => p.implementingAgency);
    expect(agencies.some((a) => a.uscc && !a.usccValid)).toBe(true);
  });

  test('SQL statements of a pppProjects page do not grow with page size', async () => {
    const statements = async (first: number) => {
      const { count, result: { body } } = await countStatements(hub.db.knex, () =>
        ask(
          `query($first: Int) { pppProjects(first: $first) { totalCount edges { node { id title subject { name } revisions { version }
            implementingAgency { entity { name } } partners { entity { name } } } } } }`,
          { first },
        ),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.pppProjects.edges).toHaveLength(first);
      return count;
    };
    const small = await statements(3);
    const large = await statements(80);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(5); // page, count, revisions, entities (subjects and bodies)
  });

  test('PPP answers may be cached for an hour', async () => {
    const { headers } = await ask(`query($first: Int) { pppProjects(first: $first, stage: "3") { totalCount edges { node { projNo title stage { name } totalInvestment contact { name } } } } }`, { first: 5 });
    expect(headers.get('cache-control')).toBe('max-age=3600, public');
  });

  test('every type, field, argument and enum value of ppp.graphql is described, with its Chinese term', () => {
    const sdl = parse(fs.readFileSync(path.resolve(__dirname, '../../schema/ppp.graphql'), 'utf8'));
    expect(undescribed(sdl.definitions)).toEqual([]);
  });

  test('every project is in 大庆市: a division of the city, a finance bureau of it, no other province’s city in any name', () => {
    const divisions = new Map([[DEFAULT_CITY.name, DEFAULT_CITY.code], ...DEFAULT_CITY.districts.map((d) => [d.name, d.code] as const)]);
    for (const p of projects) {
      expect(p.location).toMatchObject({ province: '黑龙江省', city: '大庆市' });
      expect(p.division).toEqual({ name: p.location.district ?? '大庆市', code: divisions.get(p.location.district ?? '大庆市') });
      expect(p.projNo.startsWith(p.division.code)).toBe(true);
      expect(p.publisher).toBe(p.location.district ? `大庆市${p.location.district}财政局` : DEFAULT_CITY.authorities.finance);
      const names = [p.title, p.publisher, p.implementingAgency.name, p.governmentParticipation?.equityRepresentative?.name ?? '', ...p.partners.map((b: any) => b.name)];
      expect([p.projNo, citiesElsewhereIn(names.join('|'))]).toEqual([p.projNo, []]);
    }
  });

  test('stats by region: every PPP key is one of 大庆市’s divisions, and the counts add up', async () => {
    const { stats } = await data(`{ stats(groupBy: REGION, filter: { domain: PPP }) { key count } }`);
    const divisions = new Set([DEFAULT_CITY.name, ...DEFAULT_CITY.districts.map((d) => d.name)]);
    expect(stats.length).toBeGreaterThan(5);
    for (const bucket of stats) expect(divisions.has(bucket.key)).toBe(true);
    expect(stats.reduce((n: number, b: any) => n + b.count, 0)).toBe(projects.length);
  });

  test('a search for 大庆 finds the PPP projects; a region filter takes any spelling or the code', async () => {
    const found = await data(`{ disclosures(first: 5, search: "大庆", filter: { domain: PPP }) { totalCount edges { node { domain } } } }`);
    expect(found.disclosures.totalCount).toBe(projects.length);
    const [district, code] = [DEFAULT_CITY.districts[4].name, DEFAULT_CITY.districts[4].code];
    const expected = projects.filter((p) => p.location.district === district).length;
    expect(expected).toBeGreaterThan(0);
    for (const region of [district, code, `大庆市${district}`]) {
      const { pppProjects } = await data(PROJECTS('id'), { first: 1, region });
      expect([region, pppProjects.totalCount]).toEqual([region, expected]);
    }
  });

  test('every project links to its page on the platform, addressed by the platform’s project id', () => {
    for (const p of projects) {
      const record = sampleRecords.get(p.projNo)!;
      expect(p.sourceUrl).toBe(DEFAULT_CITY.sourceLinks.ppp.replace('{key}', record.projRid));
      expect(p.sourceUrl).toMatch(/^https:\/\/www\.cpppc\.org:8082\/inforpublic\/homepage\.html#\/projectDetail\/[0-9a-f]{32}$/);
    }
  });

  test('a contact is the agency’s: the person and an office line served in full, a mobile number masked', () => {
    const withContact = projects.filter((p) => p.contact?.phone);
    expect(withContact.length).toBeGreaterThan(SCALE * 0.5);
    let officeLines = 0;
    for (const p of withContact) {
      const record = sampleRecords.get(p.projNo)!;
      expect(p.contact).toEqual({ name: record.linkUname, phone: maskContactPhone(record.linkTel!) });
      if (!containsMobileNumber(record.linkTel!)) {
        expect(p.contact.phone).toBe(record.linkTel);
        expect(p.contact.phone).toMatch(/^0459-\d{7,8}$/);
        officeLines++;
      } else {
        expect(p.contact.phone).toMatch(/1\d\d-?\*{4}-?\d{4}/);
      }
    }
    expect(officeLines).toBeGreaterThan(withContact.length * 0.4);
  });

  test('the sample library fits PPP policy: no project is flagged', async () => {
    for (const p of projects) expect([p.projNo, p.policyConflicts]).toEqual([p.projNo, []]);
    const flagged = await data(PROJECTS('id'), { first: 1, policyConflict: true });
    expect(flagged.pppProjects.totalCount).toBe(0);
    const fitting = await data(PROJECTS('id'), { first: 1, policyConflict: false });
    expect(fitting.pppProjects.totalCount).toBe(projects.length);
  });

  test('no response contains an unmasked mobile or ID number', () => {
    expect(responses.length).toBeGreaterThan(10);
    for (const text of responses) expect(findUnmaskedPersonalInfo(text)).toEqual([]);
  });

  // Last: it adds projects to the library the tests above counted.
  test('a project entered against policy is served with its conflicts, and found by policyConflict', async () => {
    const template = [...sampleRecords.values()].find((r) => String(r.projState) === '3' && typeof r.investCount === 'number')!;
    const record: PppProjectRecord = {
      ...template,
      projRid: 'c'.repeat(32),
      projNo: '2306042024900001',
      projName: '大庆市让胡路区第五小学新建工程PPP项目',
      distName: '让胡路区',
      startTime: '2024-04-01',
      returnMode: '1',
      operateMode: '7',
    };
    const server = await serveRecords(PROJECTS_PATH, [record], 10);
    try {
      const [summary] = await runSync({ knex: hub.db.knex, connectors: [ppp], feedUrl: () => server.url, mapping: MAPPING, review: REVIEW, selectors: ['ppp/projects'], http: fastHttp() });
      expect(summary).toMatchObject({ inserted: 1, quarantined: 0 });
    } finally {
      await server.close();
    }
    const { pppProjects } = await data(PROJECTS('projNo sourceUrl policyConflicts { rule basis explanation }'), { first: 10, policyConflict: true });
    expect(pppProjects.totalCount).toBe(1);
    const [{ node }] = pppProjects.edges;
    expect(node.projNo).toBe('2306042024900001');
    expect(node.sourceUrl).toBe(DEFAULT_CITY.sourceLinks.ppp.replace('{key}', 'c'.repeat(32)));
    expect(node.policyConflicts.map((c: any) => c.rule)).toEqual(['NEW_MECHANISM_RETURN_MODE', 'NEW_MECHANISM_OPERATE_MODE', 'EXISTING_ASSET_MODE_FOR_CONSTRUCTION']);
    expect(node.policyConflicts[0]).toMatchObject({ basis: expect.stringContaining('国办函〔2023〕115号'), explanation: expect.stringContaining('其回报机制为政府付费') });
  });
});
