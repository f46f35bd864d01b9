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

const SCALE = 500;

const PROJECT_FIELDS = `
  id title publisher publishedAt status projNo
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
  contact { name phone }`;

/** The page query; the page size is a variable, as armor's cost estimate multiplies by a literal `first`. */
const PROJECTS = (fields = PROJECT_FIELDS) => `query($first: Int, $after: String, $stage: String, $operateMode: String, $returnMode: String, $region: String) {
  pppProjects(first: $first, after: $after, stage: $stage, operateMode: $operateMode, returnMode: $returnMode, region: $region) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${fields} } } } }`;

describe.each(BACKENDS)('PPP projects over HTTP on %s', (backend) => {
  let running: TestHub;
  let hub: RunningHub;
  /** Every response body of the suite is kept and scanned for personal information at the end. */
  const { responses, ask, data, pageAll } = recordingClient(() => hub.url);
  /** Every project, as `disclosures(filter: { kind: "ppp-project" })` lists it. */
  let projects: any[] = [];

  const ids = (nodes: any[]) => nodes.map((n) => n.id).sort();

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
      let count = 0;
      const onQuery = () => count++;
      hub.db.knex.on('query', onQuery);
      const { body } = await ask(
        `query($first: Int) { pppProjects(first: $first) { totalCount edges { node { id title subject { name } revisions { version }
            implementingAgency { entity { name } } partners { entity { name } } } } } }`,
        { first },
      );
      hub.db.knex.off('query', onQuery);
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

  test('no response contains an unmasked mobile or ID number; contacts are masked', () => {
    const withContact = projects.filter((p) => p.contact);
    expect(withContact.length).toBeGreaterThan(SCALE * 0.5);
    for (const { contact } of withContact) {
      if (contact.name) expect(contact.name).toMatch(/^[^*]{1,2}\*(、[^*]{1,2}\*)*$|^\*$/);
      if (contact.phone) expect(contact.phone).toMatch(/\*{4}/);
    }
    expect(responses.length).toBeGreaterThan(10);
    for (const text of responses) expect(findUnmaskedPersonalInfo(text)).toEqual([]);
  });
});
