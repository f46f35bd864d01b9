import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, type ConstDirectiveNode, type StringValueNode } from 'graphql';
import { LICENCE_CATEGORY_NAMES } from '../../src/domain/creditLicenceCategory';
import { PARTY_CATEGORY_NAMES } from '../../src/domain/creditPartyCategory';
import { PENALTY_CATEGORY_NAMES } from '../../src/domain/creditPenaltyCategory';
import { findUnmaskedPersonalInfo } from '../../src/domain/masking';
import { SCHEMA_DIR } from '../../src/graphql/schema';
import type { RunningHub } from '../../src/hub';
import { graphql } from '../helpers/graphql';
import { startTestHub, HUB_START_TIMEOUT_MS, type TestHub } from '../helpers/hub';
import { BACKENDS } from '../helpers/testDatabase';

// The credit API end to end: the hub over HTTP, its start-up sync of the bundled credit sample
// feeds, each credit type through `disclosures` and through the domain queries.

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MASKED_ID = /^\d{6}\*+\d{3}[\dX]$/;
const CODED = `{ code name }`;
const BODY = `{ name uscc }`;
const END = `{ date openEnded }`;
const PARTY = `party { name category ${CODED}
  registrationNumbers { businessRegistration organisationCode taxRegistration publicInstitution socialOrganisation }
  legalRepresentative { name idType ${CODED} idNumberMasked } idType ${CODED} idNumberMasked }`;
const LICENCE = `... on AdministrativeLicence { id kind title status publisher publishedAt ${PARTY} decision { documentNumber date }
  documentName category ${CODED} certificateName licenceNumber content validFrom validUntil ${END}
  authority ${BODY} dataSource ${BODY} remarks warnings subject { uscc usccValid } }`;
const PENALTY = `... on AdministrativePenalty { id kind title status publisher publishedAt ${PARTY} decision { documentNumber date }
  caseName violationType facts basis categories ${CODED} content fine confiscation suspendedOrRevokedLicence
  validUntil ${END} publicityUntil ${END} authority ${BODY} dataSource ${BODY} remarks warnings subject { uscc usccValid } }`;
const LISTING = `id kind title status publisher publishedAt updatedAt state enterprise { name uscc registrationNumber } listing { date reason authority }`;
const ABNORMAL = `... on AbnormalOperationListing { ${LISTING} removal { date reason authority } }`;
const SERIOUS = `... on SeriousViolationListing { ${LISTING} }`;

const KINDS = [
  { kind: 'administrative-licence', type: 'AdministrativeLicence', field: 'licences', fragment: LICENCE },
  { kind: 'administrative-penalty', type: 'AdministrativePenalty', field: 'penalties', fragment: PENALTY },
  { kind: 'abnormal-operation', type: 'AbnormalOperationListing', field: 'abnormalOperations', fragment: ABNORMAL },
  { kind: 'serious-violation', type: 'SeriousViolationListing', field: 'seriousViolations', fragment: SERIOUS },
] as const;

type Field = (typeof KINDS)[number]['field'];

describe.each(BACKENDS)('credit API on %s, over HTTP', (backend) => {
  let running: TestHub;
  let hub: RunningHub;
  /** Every response body this suite received, scanned for personal information at the end. */
  const served: string[] = [];

  /** A query that must succeed: its data. */
  async function query(text: string, variables?: object): Promise<any> {
    const { status, body } = await graphql(hub.url, text, variables);
    served.push(JSON.stringify(body));
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    return body.data;
  }

  /** A query that must be refused: its first error. */
  async function refused(text: string, variables?: object): Promise<{ message: string; extensions?: { code?: string } }> {
    const { body } = await graphql(hub.url, text, variables);
    served.push(JSON.stringify(body));
    expect(body.errors?.length).toBeGreaterThan(0);
    return body.errors[0];
  }

  /** One page of a domain query: its nodes and total. */
  async function page(field: Field, fragment: string, args: { first?: number; filter?: object; orderBy?: string; after?: string; search?: string } = {}) {
    const input = Object.entries({ first: 'Int', filter: filterType(field), orderBy: 'DisclosureOrder', after: 'String', search: 'String' });
    const declared = input.map(([name, type]) => `$${name}: ${type}`).join(', ');
    const passed = input.map(([name]) => `${name}: $${name}`).join(', ');
    const data = await query(
      `query(${declared}) { ${field}(${passed}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { __typename ${fragment} } } } }`,
      { first: 20, ...args },
    );
    const connection = data[field];
    return { nodes: connection.edges.map((e: any) => e.node), total: connection.totalCount as number, pageInfo: connection.pageInfo };
  }

  /** Every node of a domain query, following endCursor. */
  async function all(field: Field, fragment: string, filter?: object) {
    const nodes: any[] = [];
    let after: string | undefined;
    for (;;) {
      const p = await page(field, fragment, { first: 50, filter, after });
      nodes.push(...p.nodes);
      if (!p.pageInfo.hasNextPage) return { nodes, total: p.total };
      after = p.pageInfo.endCursor;
    }
  }

  const count = async (field: Field, filter: object) => (await page(field, 'id', { first: 0, filter })).total;

  beforeAll(async () => {
    // A smaller sample than the default keeps start-up short on busy machines; every stream and
    // every case this suite needs (natural persons, removals, both penalty generations) is in it.
    running = await startTestHub(backend, { HUB_SAMPLE_SCALE: '400' });
    hub = running.hub;
    const summaries = await hub.initialSync; // already settled: startTestHub waited for it
    for (const stream of ['licences', 'penalties', 'penalties-2016', 'abnormal-operations', 'serious-violations']) {
      const summary = summaries.find((s) => s.connector === 'credit' && s.stream === stream);
      expect([stream, summary?.error, summary?.status]).toEqual([stream, undefined, 'partial']); // partial: the malformed records are quarantined
      expect(summary!.inserted).toBeGreaterThan(300);
    }
  }, HUB_START_TIMEOUT_MS);
  afterAll(() => running?.stop());

  test('each credit kind is its own type through disclosures(filter: {kind}), with the same total as its domain query', async () => {
    for (const { kind, type, field, fragment } of KINDS) {
      const data = await query(
        `query($kind: String) { disclosures(first: 5, filter: { kind: $kind }) { totalCount edges { node { __typename domain kind ${fragment} } } } }`,
        { kind },
      );
      const nodes = data.disclosures.edges.map((e: any) => e.node);
      expect(nodes).toHaveLength(5);
      for (const node of nodes) expect(node).toMatchObject({ __typename: type, domain: 'CREDIT', kind });
      const domain = await page(field, fragment, { first: 5 });
      expect(domain.total).toBe(data.disclosures.totalCount);
      expect(domain.nodes.map((n: any) => n.id)).toEqual(nodes.map((n: any) => n.id));
      // One disclosure by id resolves to the same type.
      const one = await query(`query($id: ID!) { disclosure(id: $id) { __typename ${fragment} } }`, { id: nodes[0].id });
      const { domain: _domain, ...fields } = nodes[0];
      expect(one.disclosure).toEqual(fields);
    }
  });

  test('a licence serves its decision, decoded category, certificate, validity and authority', async () => {
    const { nodes } = await page('licences', LICENCE, { first: 50 });
    const categories = Object.keys(LICENCE_CATEGORY_NAMES);
    for (const l of nodes) {
      expect(l.decision.documentNumber).toMatch(/〔\d{4}〕\d+号$/);
      expect(l.decision.date).toMatch(DAY);
      expect(chinaDay(l.publishedAt)).toBe(l.decision.date);
      expect(l.title).toContain(l.decision.documentNumber);
      if (l.category) {
        expect(categories).toContain(l.category.code);
        expect(l.category.name).toBe((LICENCE_CATEGORY_NAMES as Record<string, string>)[l.category.code]);
      }
      if (l.validFrom) expect(l.validFrom).toMatch(DAY);
      if (l.validUntil) {
        if (l.validUntil.openEnded) expect(l.validUntil.date).toBeNull();
        else expect(l.validUntil.date > (l.validFrom ?? '')).toBe(true);
      }
      expect(l.authority.name).toBe(l.publisher);
      if (l.authority.uscc) expect(l.authority.uscc).toMatch(/^[0-9A-Z]{18}$/);
      expect(l.dataSource.name).toMatch(/\S/);
      expect(Array.isArray(l.warnings)).toBe(true);
      expect(Object.keys(PARTY_CATEGORY_NAMES)).toContain(l.party.category.code);
    }
    expect(nodes.filter((l: any) => l.certificateName && l.licenceNumber && l.content && l.documentName).length).toBeGreaterThan(25);
    expect(nodes.some((l: any) => l.category)).toBe(true);
  });

  test('a penalty serves its fine and confiscation in 万元 as numbers, decoded categories and its decision', async () => {
    const { nodes } = await page('penalties', PENALTY, { first: 50 });
    const known = Object.keys(PENALTY_CATEGORY_NAMES);
    for (const p of nodes) {
      for (const amount of [p.fine, p.confiscation]) {
        if (amount !== null) {
          expect(typeof amount).toBe('number');
          expect(amount).toBeGreaterThanOrEqual(0);
        }
      }
      for (const c of p.categories) {
        expect(known).toContain(c.code);
        expect(c.name).toBe((PENALTY_CATEGORY_NAMES as Record<string, string>)[c.code]);
      }
      if (p.categories.some((c: any) => c.code === 'FINE')) expect(p.fine).toBeGreaterThan(0);
      expect(p.decision.documentNumber).toMatch(/〔\d{4}〕\d+号$/);
      expect(p.decision.date).toMatch(DAY);
      expect(p.authority.name).toBe(p.publisher);
      expect(p.facts ?? p.content).toMatch(/\S/);
      if (p.publicityUntil?.date) expect(p.publicityUntil.date > p.decision.date).toBe(true);
    }
    expect(nodes.filter((p: any) => p.fine !== null).length).toBeGreaterThan(25);
    // A fine of 2000 yuan is 0.2 万元: the content's amount in 元 and the served fine agree.
    const plain = nodes.filter((p: any) => /^罚款人民币(\d+)元$/.test(p.content ?? ''));
    expect(plain.length).toBeGreaterThan(0);
    for (const p of plain) expect(p.fine).toBeCloseTo(Number(/(\d+)元/.exec(p.content)![1]) / 10000, 6);
  });

  test('both penalty generations serve as AdministrativePenalty: the 2016 export with case names, the 2019 template with violation types', async () => {
    const oldest = await page('penalties', PENALTY, { first: 20, orderBy: 'PUBLISHED_ASC' });
    const newest = await page('penalties', PENALTY, { first: 20 });
    expect(oldest.nodes.every((p: any) => p.__typename === 'AdministrativePenalty' && p.decision.date < '2018-01-01')).toBe(true);
    expect(oldest.nodes.filter((p: any) => p.caseName && p.violationType === null).length).toBeGreaterThan(10);
    // The 2016 export has no data-source column: the deciding authority reported its own decisions.
    for (const p of oldest.nodes) expect(p.dataSource.name).toBe(p.authority.name);
    expect(newest.nodes.filter((p: any) => p.violationType && p.caseName === null).length).toBeGreaterThan(10);
    expect(newest.nodes.every((p: any) => p.decision.date >= '2024-01-01')).toBe(true);
  });

  test('a natural person is served with a masked ID and nothing of an organisation; an organisation with its masked legal representative', async () => {
    const people = await all('penalties', PENALTY, { partyCategory: 'NATURAL_PERSON' });
    const licensed = await all('licences', LICENCE, { partyCategory: 'NATURAL_PERSON' });
    const persons = [...people.nodes, ...licensed.nodes];
    expect(people.total).toBeGreaterThan(10);
    expect(licensed.total).toBeGreaterThan(5);
    for (const { party, subject } of persons) {
      expect(party.category).toEqual({ code: 'NATURAL_PERSON', name: '自然人' });
      expect(party.idNumberMasked).toMatch(MASKED_ID);
      expect(party.idType).toEqual({ code: 'RESIDENT_ID', name: '身份证' });
      expect(party.legalRepresentative).toBeNull();
      expect(Object.values(party.registrationNumbers).every((n) => n === null)).toBe(true);
      // A person has no code: the subject is never a linked entity.
      expect(subject === null || (subject.uscc === '' && subject.usccValid === false)).toBe(true);
    }
    const organisations = await page('penalties', PENALTY, { first: 50, filter: { partyCategory: 'LEGAL_PERSON' } });
    expect(organisations.nodes.length).toBe(50);
    for (const { party } of organisations.nodes) {
      expect(party.category.code).toBe('LEGAL_PERSON');
      expect(party.idNumberMasked).toBeNull();
      if (party.legalRepresentative?.idNumberMasked) expect(party.legalRepresentative.idNumberMasked).toMatch(MASKED_ID);
    }
    expect(organisations.nodes.filter((p: any) => p.party.legalRepresentative?.idNumberMasked).length).toBeGreaterThan(10);
  });

  test('the authority filter keeps only that authority’s decisions, by name and by code', async () => {
    const total = await count('penalties', {});
    const first = (await page('penalties', PENALTY, { first: 1 })).nodes[0];
    const byName = await all('penalties', PENALTY, { authority: first.authority.name });
    expect(byName.total).toBeGreaterThan(1);
    expect(byName.total).toBeLessThan(total);
    expect(byName.nodes).toHaveLength(byName.total);
    for (const p of byName.nodes) expect([p.publisher, p.authority.name]).toEqual([first.authority.name, first.authority.name]);

    const coded = byName.nodes.find((p: any) => p.authority.uscc);
    const byCode = await all('penalties', PENALTY, { authorityUscc: coded.authority.uscc.toLowerCase() });
    expect(byCode.total).toBeGreaterThan(0);
    for (const p of byCode.nodes) expect(p.authority.uscc).toBe(coded.authority.uscc);
    expect(byCode.nodes.map((p: any) => p.id)).toContain(coded.id);

    const licence = (await page('licences', LICENCE, { first: 1 })).nodes[0];
    const licences = await all('licences', LICENCE, { authority: licence.authority.name });
    expect(licences.total).toBeLessThan(await count('licences', {}));
    for (const l of licences.nodes) expect(l.authority.name).toBe(licence.authority.name);
    expect(await count('penalties', { authority: '大庆市不存在的局' })).toBe(0);
  });

  test('the minimum- and maximum-fine filters compare amounts in 万元 and leave out penalties without a fine', async () => {
    const total = await count('penalties', {});
    const withFine = await count('penalties', { minFine: 0 });
    const atLeast5 = await all('penalties', PENALTY, { minFine: 5 });
    const atMost5 = await count('penalties', { maxFine: 5 });
    const exactly5 = await count('penalties', { minFine: 5, maxFine: 5 });
    expect(withFine).toBeLessThan(total); // warnings alone carry no fine
    expect(atLeast5.total).toBeGreaterThan(0);
    expect(atLeast5.total).toBeLessThan(withFine);
    expect(atLeast5.total + atMost5 - exactly5).toBe(withFine);
    expect(atLeast5.nodes).toHaveLength(atLeast5.total);
    for (const p of atLeast5.nodes) expect(p.fine).toBeGreaterThanOrEqual(5);
    const small = await page('penalties', PENALTY, { first: 50, filter: { maxFine: 0.5 } });
    for (const p of small.nodes) expect(p.fine).toBeLessThanOrEqual(0.5);
    // Combined with the authority, it narrows further.
    const authority = atLeast5.nodes[0].authority.name;
    const both = await all('penalties', PENALTY, { minFine: 5, authority });
    expect(both.total).toBeLessThanOrEqual(atLeast5.total);
    expect(both.total).toBeGreaterThan(0);
    for (const p of both.nodes) expect([p.authority.name, p.fine >= 5]).toEqual([authority, true]);
  });

  test('category, party category, decision date and subject filters narrow penalties and licences', async () => {
    const total = await count('penalties', {});
    const warnings = await all('penalties', PENALTY, { category: 'WARNING' });
    expect(warnings.total).toBeGreaterThan(0);
    expect(warnings.total).toBeLessThan(total);
    for (const p of warnings.nodes) expect(p.categories.map((c: any) => c.code)).toContain('WARNING');
    const fines = await count('penalties', { category: 'FINE' });
    expect(fines).toBeGreaterThan(warnings.total);
    expect(fines).toBeLessThanOrEqual(await count('penalties', { minFine: 0 }));

    // Decision days are China calendar days: the same records as publishedAt from China midnight to China midnight.
    const days = (await page('penalties', '... on AdministrativePenalty { decision { date } }', { first: 60 })).nodes.map((p: any) => p.decision.date);
    const [from, to] = [days[50], days[10]];
    expect(from < to).toBe(true);
    const window = await all('penalties', PENALTY, { decidedFrom: from, decidedTo: to });
    expect(window.total).toBeGreaterThan(30);
    expect(window.total).toBeLessThan(total);
    for (const p of window.nodes) expect(p.decision.date >= from && p.decision.date <= to).toBe(true);
    const published = await query(
      `query($from: DateTime, $to: DateTime) { disclosures(first: 0, filter: { kind: "administrative-penalty", publishedFrom: $from, publishedTo: $to }) { totalCount } }`,
      { from: chinaMidnight(from, 0), to: chinaMidnight(to, 1) },
    );
    expect(published.disclosures.totalCount).toBe(window.total);

    const subject = window.nodes.find((p: any) => p.subject?.usccValid)!.subject.uscc;
    const ofSubject = await all('penalties', PENALTY, { subjectUscc: ` ${subject.toLowerCase()} ` });
    expect(ofSubject.total).toBeGreaterThan(0);
    for (const p of ofSubject.nodes) expect(p.subject.uscc).toBe(subject);

    const approvals = await all('licences', LICENCE, { category: 'APPROVAL' });
    for (const l of approvals.nodes) expect(l.category.code).toBe('APPROVAL');
    const general = await count('licences', { category: 'GENERAL' });
    expect(approvals.total + general).toBeLessThanOrEqual(await count('licences', {}));
    expect(general).toBeGreaterThan(0);

    const revoked = await all('licences', LICENCE, { status: 'REVOKED' });
    expect(revoked.total).toBeGreaterThan(0);
    for (const l of revoked.nodes) expect(l.status).toBe('REVOKED');
  });

  test('abnormal-operation listings: removed ones have their removal, listed ones none; the state filter splits the list', async () => {
    const total = await count('abnormalOperations', {});
    const removed = await all('abnormalOperations', ABNORMAL, { state: 'REMOVED' });
    const listed = await all('abnormalOperations', ABNORMAL, { state: 'LISTED' });
    expect(removed.total).toBeGreaterThan(20);
    expect(listed.total).toBeGreaterThan(removed.total);
    expect(removed.total + listed.total).toBe(total);
    for (const l of removed.nodes) {
      expect(l).toMatchObject({ __typename: 'AbnormalOperationListing', state: 'REMOVED', status: 'REVOKED' });
      expect(l.removal.date).toMatch(DAY);
      expect(l.removal.date > l.listing.date).toBe(true);
      expect(l.removal.reason).toMatch(/申请移出$/);
      expect(l.removal.authority).toMatch(/市场监督管理局$/);
      expect(l.title).toContain('移出经营异常名录');
      expect([chinaDay(l.publishedAt), chinaDay(l.updatedAt)]).toEqual([l.listing.date, l.removal.date]);
    }
    for (const l of listed.nodes) {
      expect(l).toMatchObject({ state: 'LISTED', status: 'PUBLISHED', removal: null });
      expect(l.listing.date).toMatch(DAY);
      expect(l.listing.reason).toMatch(/\S/);
      expect(l.listing.authority).toBe(l.publisher);
      expect(l.enterprise.name).toMatch(/\S/);
      expect(l.title).toContain('列入经营异常名录');
    }
    const window = await all('abnormalOperations', ABNORMAL, { listedFrom: '2024-01-01', listedTo: '2024-01-31' });
    expect(window.total).toBeGreaterThan(0);
    expect(window.total).toBeLessThan(total);
    for (const l of window.nodes) expect(l.listing.date >= '2024-01-01' && l.listing.date <= '2024-01-31').toBe(true);
  });

  test('serious-violation entries serve the enterprise, the listing and its reason', async () => {
    const { nodes, total } = await all('seriousViolations', SERIOUS);
    expect(total).toBeGreaterThan(300);
    expect(await count('seriousViolations', { state: 'LISTED' })).toBe(total); // edition 1 drops nobody
    expect(await count('seriousViolations', { state: 'REMOVED' })).toBe(0);
    for (const l of nodes) {
      expect(l).toMatchObject({ __typename: 'SeriousViolationListing', state: 'LISTED', status: 'PUBLISHED' });
      expect(l.listing.date).toMatch(DAY);
      expect(l.listing.reason).toMatch(/\S/);
      expect(l.listing.authority).toBe(l.publisher);
      expect(l.title).toBe(`${l.publisher}将${l.enterprise.name}列入严重违法失信企业名单`);
    }
    expect(nodes.filter((l: any) => /^[0-9A-Z]{18}$/.test(l.enterprise.uscc ?? '')).length).toBeGreaterThan(total / 2);
    const search = await page('seriousViolations', SERIOUS, { search: nodes[0].listing.reason.slice(0, 6) });
    expect(search.total).toBeGreaterThan(0);
    for (const l of search.nodes) expect(l.listing.reason).toContain(nodes[0].listing.reason.slice(0, 6));
  });

  test('every credit record served links to its own page on 信用大庆 and sits in a division of 大庆市 (2306xx), a natural person’s record too', async () => {
    const nodes: any[] = [];
    let after: string | null = null;
    for (;;) {
      const data = await query(
        `query($after: String) { disclosures(first: 100, after: $after, filter: { domain: CREDIT }) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { id kind sourceUrl division { name code } subject { uscc } } } } }`,
        { after },
      );
      nodes.push(...data.disclosures.edges.map((e: any) => e.node));
      if (!data.disclosures.pageInfo.hasNextPage) {
        expect(nodes).toHaveLength(data.disclosures.totalCount);
        break;
      }
      after = data.disclosures.pageInfo.endCursor;
    }
    expect(nodes.length).toBeGreaterThan(1500);
    const unlinked = nodes.filter((n) => !/^https:\/\/credit\.daqing\.gov\.cn\/xygs\/[a-z0-9-]+\/[^/]+$/.test(n.sourceUrl ?? ''));
    expect(unlinked).toEqual([]);
    expect(new Set(nodes.map((n) => n.sourceUrl)).size).toBe(nodes.length);
    // Records of natural persons have no code: a link on {uscc} would have left them without one.
    expect(nodes.filter((n) => n.subject === null || !n.subject.uscc).length).toBeGreaterThan(10);
    const outside = nodes.filter((n) => !/^2306\d\d$/.test(n.division?.code ?? ''));
    expect(outside).toEqual([]);
    expect(new Set(nodes.map((n) => n.division.name)).size).toBeGreaterThan(5);
  });

  test('domain lists page with endCursor, each record once, within the page-size limit', async () => {
    const { nodes, total } = await all('penalties', 'id', { category: 'FINE' });
    expect(new Set(nodes.map((n: any) => n.id)).size).toBe(total);
    expect(nodes).toHaveLength(total);
    const tooMany = await refused(`{ penalties(first: 101) { totalCount } }`);
    expect(tooMany.message).toMatch(/"first" must be between 0 and 100/);
    const badCursor = await refused(`{ licences(after: "nonsense") { totalCount } }`);
    expect(badCursor.message).toMatch(/not a cursor/);
  });

  test('bad filter values are refused with a clear message; SQL in a value is only data', async () => {
    for (const [filter, message] of [
      [`{ decidedFrom: "2025-02-30" }`, /"decidedFrom" must be a calendar day written YYYY-MM-DD/],
      [`{ decidedTo: "yesterday" }`, /"decidedTo" must be a calendar day/],
      [`{ minFine: -1 }`, /"minFine" .* cannot be negative/],
    ] as const) {
      const error = await refused(`{ penalties(filter: ${filter}) { totalCount } }`);
      expect([error.message, error.extensions?.code]).toEqual([expect.stringMatching(message), 'BAD_USER_INPUT']);
    }
    const listing = await refused(`{ abnormalOperations(filter: { listedFrom: "2024/01/01" }) { totalCount } }`);
    expect(listing.message).toMatch(/"listedFrom" must be a calendar day/);
    const unknown = await refused(`{ penalties(filter: { category: BEHEADING }) { totalCount } }`);
    expect(unknown.message).toMatch(/BEHEADING/);
    const sql = `x' OR 1=1; DROP TABLE disclosures; --`;
    expect(await count('penalties', { authority: sql })).toBe(0);
    expect(await count('penalties', { authorityUscc: sql })).toBe(0);
    expect(await count('licences', {})).toBeGreaterThan(0);
  });

  test('the filter enums are the domain decoding tables’ codes, and every credit SDL element is described in English with its Chinese term', async () => {
    const data = await query(
      `{ p: __type(name: "PenaltyCategory") { enumValues { name } } l: __type(name: "LicenceCategory") { enumValues { name } } c: __type(name: "CreditPartyCategory") { enumValues { name } } }`,
    );
    const names = (t: any) => t.enumValues.map((v: any) => v.name).sort();
    expect(names(data.p)).toEqual(Object.keys(PENALTY_CATEGORY_NAMES).sort());
    expect(names(data.l)).toEqual(Object.keys(LICENCE_CATEGORY_NAMES).sort());
    expect(names(data.c)).toEqual(Object.keys(PARTY_CATEGORY_NAMES).sort());

    const document = parse(fs.readFileSync(path.join(SCHEMA_DIR, 'credit.graphql'), 'utf8'));
    const undescribed: string[] = [];
    const check = (where: string, description: StringValueNode | undefined) => {
      if (!description || !/[A-Za-z].*\([^)]*[\u4e00-\u9fff][^)]*\)/s.test(description.value)) undescribed.push(where);
    };
    const cache = (directives: readonly ConstDirectiveNode[] | undefined) =>
      directives?.find((d) => d.name.value === 'cacheControl')?.arguments?.map((a) => `${a.name.value}:${(a.value as any).value}`).join(',');
    for (const def of document.definitions) {
      if (!('name' in def) || !def.name) continue;
      const name = def.name.value;
      if (def.kind !== Kind.OBJECT_TYPE_EXTENSION) check(name, (def as any).description);
      if (def.kind === Kind.OBJECT_TYPE_DEFINITION) {
        const credit = def.interfaces?.some((i) => i.name.value === 'Disclosure');
        expect([name, cache(def.directives)]).toEqual([name, credit ? 'maxAge:600' : 'inheritMaxAge:true']);
      }
      for (const field of (def as any).fields ?? []) {
        check(`${name}.${field.name.value}`, field.description);
        for (const arg of field.arguments ?? []) check(`${name}.${field.name.value}(${arg.name.value})`, arg.description);
      }
      for (const value of (def as any).values ?? []) check(`${name}.${value.name.value}`, value.description);
    }
    expect(undescribed).toEqual([]);
  });

  test('no response holds an unmasked ID or mobile number, nor any stored personal value', async () => {
    // Every licence and penalty with its party, so every masked ID the API can serve has been served.
    for (const [field, fragment] of [['penalties', PENALTY], ['licences', LICENCE]] as const) {
      const { nodes, total } = await all(field, fragment);
      expect(nodes).toHaveLength(total);
    }
    const text = served.join('\n');
    expect(text).toMatch(/\d{6}\*{8}\d{3}[\dX]/); // masked IDs were served, so the scan below is not vacuous
    expect(findUnmaskedPersonalInfo(text)).toEqual([]);
    const personal = await hub.db.knex('disclosures').where({ domain: 'CREDIT' }).whereNotNull('personal').select('personal');
    const values = personal.flatMap((row: any) => Object.values(row.personal ?? {})).filter((v): v is string => typeof v === 'string' && v.length > 0);
    expect(values.length).toBeGreaterThan(100);
    expect(values.filter((v) => text.includes(v))).toEqual([]);
  });
});

/** The China calendar day (UTC+8, no daylight saving) of an instant. */
function chinaDay(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** The instant a China calendar day (plus some days) begins. */
function chinaMidnight(day: string, plusDays: number): string {
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + plusDays * 86400 * 1000).toISOString();
}

function filterType(field: Field): string {
  return { penalties: 'PenaltyFilter', licences: 'LicenceFilter', abnormalOperations: 'CreditListingFilter', seriousViolations: 'CreditListingFilter' }[field];
}
