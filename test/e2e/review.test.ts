import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'graphql';
import type { RunningHub } from '../../src/hub';
import { usccCheckCharacter } from '../../src/domain/uscc';
import { SCHEMA_DIR } from '../../src/graphql/schema';
import { BACKENDS } from '../helpers/testDatabase';
import { startTestHub, HUB_START_TIMEOUT_MS, type TestHub } from '../helpers/hub';
import { graphql } from '../helpers/graphql';
import { runHub, type CliResult } from '../helpers/cli';
import { undescribed } from '../helpers/sdlDescriptions';
import { waitFor } from '../helpers/waitFor';

/**
 * The review (保密审查) as its users meet it: records held by a sync are on no public surface and
 * in the admin's queue with their findings; named admins decide over GraphQL and with `hub review`;
 * refused attempts are audited; `hub status` and /metrics show the figures. The held records are
 * penalties loaded with `hub sync --file` beside the running hub, each carrying one thing to find
 * and a tag of its own (ZQX…) that public search would find it by.
 */

const ZHANGWEI = 'tok-zhangwei-4e1d';
const LINA = 'tok-lina-9b27';
const ADMINS = `zhangwei=${ZHANGWEI},李娜=${LINA}`;
const as = (token: string) => ({ authorization: `Bearer ${token}` });
const STREAM = 'credit/penalties';
const COMMAND_TIMEOUT_MS = 240000;

/** A card number that passes the Luhn check: the detector's true case. */
function luhnValid(body: string): string {
  const sum = [...body].reverse().reduce((total, ch, i) => {
    const d = Number(ch) * (i % 2 === 0 ? 2 : 1);
    return total + (d > 9 ? d - 9 : d);
  }, 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

const CARD_GRAPHQL = luhnValid('622202100112233');
const CARD_CLI = luhnValid('621700123456789');

/** A valid unified social credit code for the n-th test enterprise. */
const uscc = (n: number) => {
  const first17 = `91230602MA1C${String(n).padStart(5, '0')}`;
  return `${first17}${usccCheckCharacter(first17)}`;
};

const AUTHORITY = '大庆市萨尔图区市场监督管理局';

/** A 2019-template penalty of a Saertu enterprise, with the given facts. */
function penalty(n: number, trade: string, facts: string, updated = '2026-11-21 10:00:00') {
  return {
    CF_XDR_MC: `大庆市${trade}商贸有限公司`,
    CF_XDR_LB: '法人及非法人组织',
    CF_XDR_SHXYM: uscc(n),
    CF_WSH: `庆萨市监罚〔2026〕${9100 + n}号`,
    CF_SY: facts,
    CF_YJ: '《中华人民共和国食品安全法》第一百二十四条',
    CF_CFLB: '罚款',
    CF_NR: '罚款人民币5000元',
    CF_NR_FK: '0.5',
    CF_JDRQ: '2026-11-20',
    CF_CFJG: AUTHORITY,
    CF_SJLY: AUTHORITY,
    SJC: updated,
  };
}

/** One planted record per case: its tag, and what the review must do with it. */
const CASES = {
  approve: penalty(1, '澄溪', '【机密】经查，当事人于2026年10月在经营场所销售超过保质期的食品（卷宗标签ZQXAPPROVE）。'),
  redact: penalty(2, '沐川', `经查，当事人未按规定明码标价，罚款由其负责人以银行卡${CARD_GRAPHQL}代为缴纳（卷宗标签ZQXREDACT）。`),
  withheldOlder: penalty(3, '岚谷', '经查，当事人未按规定办理变更登记（卷宗标签ZQXWITHHOLD）。'),
  cliApprove: penalty(4, '枫渡', '经查，当事人未按规定公示营业执照（本材料仅供内部参考）（卷宗标签ZQXCLIAPPROVE）。'),
  cliWithhold: penalty(5, '栖桐', '秘密★1年 经查，当事人擅自变更食品生产工艺（卷宗标签ZQXCLIWITHHOLD）。'),
  cliRedact: penalty(6, '汀兰', `经查，当事人虚假宣传，违法所得已退至银行卡${CARD_CLI}（卷宗标签ZQXCLIREDACT）。`),
  clean: penalty(7, '禾曦', '经查，当事人未按规定公示营业执照，本决定不涉及国家秘密（卷宗标签ZQXCLEAN）。'),
};
/** The withheld case's new version: the source added a commercial-secret mark after it was published. */
const WITHHELD_NEWER = penalty(3, '岚谷', '【商业秘密】经查，当事人未按规定办理变更登记（卷宗标签ZQXWITHHOLD）。', '2026-11-22 09:00:00');

const QUEUE = `query Queue($status: ReviewStatus, $stream: String, $first: Int, $after: String) {
  reviewQueue(status: $status, stream: $stream, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id stream sourceKey title status heldAt lastSeenAt decidedBy decidedAt basis redactFields content
      findings { rule category field excerpt } disclosure { id title ... on AdministrativePenalty { facts } } } }
  } }`;
const DECIDE = `mutation Decide($id: ID!, $decision: ReviewDecision!, $basis: String!, $fields: [String!]) {
  decideReview(id: $id, decision: $decision, basis: $basis, redactFields: $fields) {
    id status decidedBy decidedAt basis redactFields disclosure { id title ... on AdministrativePenalty { facts } } } }`;
const AUDIT = `query Audit($item: ID, $first: Int) { reviewAudit(itemId: $item, first: $first) { id at actor via action itemId basis redactFields reason } }`;
const STATS = `{ reviewStats { held oldestHeldAt oldestHeldAgeSeconds byStream { stream held oldestHeldAt oldestHeldAgeSeconds }
  approved redacted withheld withheldByCategory { category count } } }`;

/** The same public query text every time, so a repeat is answered from the response cache when one holds it. */
const search = (tag: string) => `query Search${tag} { disclosures(search: "${tag}") { totalCount edges { node { id title ... on AdministrativePenalty { facts } } } } }`;

test('the review SDL describes every type, field, argument and value with its Chinese term', () => {
  expect(undescribed(parse(fs.readFileSync(path.join(SCHEMA_DIR, 'review.graphql'), 'utf8')).definitions)).toEqual([]);
});

describe.each(BACKENDS)('the review on %s, over HTTP and the CLI', (backend) => {
  let running: TestHub;
  let hub: RunningHub;
  let dir: string;

  /** `hub …` beside the running hub, on its database, with the same admins. */
  const hubCommand = (args: string[], env: Record<string, string | undefined> = {}) =>
    runHub(args, { ...running.db.env, HUB_ADMIN_TOKENS: ADMINS, HUB_ADMIN_TOKEN: undefined, HUB_REVIEW_TOKEN: undefined, ...env }, COMMAND_TIMEOUT_MS);

  async function load(name: string, records: object[]): Promise<any> {
    const file = path.join(dir, `${name}.json`);
    fs.writeFileSync(file, JSON.stringify(records));
    const result = await hubCommand(['sync', STREAM, '--file', file, '--json']);
    if (result.code !== 0) throw new Error(`hub sync --file exited ${result.code}: ${result.stderr}${result.stdout}`);
    return JSON.parse(result.stdout.trim());
  }

  async function admin(query: string, variables?: object, token = ZHANGWEI): Promise<any> {
    const { status, body } = await graphql(hub.url, query, variables, as(token));
    if (status !== 200 || body.errors) throw new Error(`admin query failed (${status}): ${JSON.stringify(body.errors ?? body)}`);
    return body.data;
  }

  async function publicSearch(tag: string): Promise<{ totalCount: number; facts: string[] }> {
    const { body } = await graphql(hub.url, search(tag));
    expect(body.errors).toBeUndefined();
    return { totalCount: body.data.disclosures.totalCount, facts: body.data.disclosures.edges.map((e: any) => e.node.facts) };
  }

  /** Every item of the stream with this status, over all pages. */
  async function queue(status = 'HELD'): Promise<any[]> {
    const items: any[] = [];
    let after: string | null = null;
    do {
      const { reviewQueue }: any = await admin(QUEUE, { status, stream: STREAM, first: 2, after });
      items.push(...reviewQueue.edges.map((e: any) => e.node));
      after = reviewQueue.pageInfo.hasNextPage ? reviewQueue.pageInfo.endCursor : null;
    } while (after);
    return items;
  }

  /** The item of a planted case, found by its tag in the held content. */
  async function itemOf(tag: string, status = 'HELD'): Promise<any> {
    const item = (await queue(status)).find((i) => JSON.stringify(i.content).includes(tag));
    if (!item) throw new Error(`no ${status} review item carries ${tag}`);
    return item;
  }

  beforeAll(async () => {
    running = await startTestHub(backend, { HUB_ADMIN_TOKENS: ADMINS, HUB_SAMPLE_SCALE: '40' });
    hub = running.hub;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-review-'));
    await load('planted', Object.values(CASES));
    await load('newer', [WITHHELD_NEWER]);
  }, HUB_START_TIMEOUT_MS);
  afterAll(async () => {
    await running?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a held record is in no public list, search, count or profile; its older version stays public until decided', async () => {
    for (const tag of ['ZQXAPPROVE', 'ZQXREDACT', 'ZQXCLIAPPROVE', 'ZQXCLIWITHHOLD', 'ZQXCLIREDACT']) expect([tag, (await publicSearch(tag)).totalCount]).toEqual([tag, 0]);
    expect(await publicSearch('ZQXCLEAN')).toMatchObject({ totalCount: 1 });
    // The withheld case's older version: public, without the mark its newer version carries.
    const older = await publicSearch('ZQXWITHHOLD');
    expect(older.totalCount).toBe(1);
    expect(older.facts[0]).not.toContain('商业秘密');

    const { body } = await graphql(
      hub.url,
      `query Public($uscc: String!) { entity(uscc: $uscc) { disclosures { totalCount } }
        disclosures(filter: { publisher: "${AUTHORITY}" }) { totalCount edges { node { title } } } }`,
      { uscc: uscc(1) },
    );
    expect(body.data.entity?.disclosures.totalCount ?? 0).toBe(0);
    const titles: string[] = body.data.disclosures.edges.map((e: any) => e.node.title);
    expect(titles.some((t) => t.includes('澄溪'))).toBe(false);
    const stored = await hub.db.knex('disclosures').where({ publisher: AUTHORITY }).count({ n: '*' });
    expect(body.data.disclosures.totalCount).toBe(Number(stored[0].n));
    const [{ n }] = await hub.db.knex('disclosures').where('search_text', 'like', '%ZQXAPPROVE%').count({ n: '*' });
    expect(Number(n)).toBe(0);
  });

  test('an admin sees each held record with its findings, masked excerpts, its content and its published version', async () => {
    const approve = await itemOf('ZQXAPPROVE');
    expect(approve).toMatchObject({ stream: STREAM, status: 'HELD', decidedBy: null, disclosure: null });
    expect(approve.findings).toContainEqual(expect.objectContaining({ rule: 'classification-mark', category: 'STATE_SECRET', field: 'attributes.facts' }));
    expect(approve.content.attributes.facts).toContain('【机密】');

    const redact = await itemOf('ZQXREDACT');
    const card = redact.findings.find((f: any) => f.rule === 'bank-card');
    expect(card).toMatchObject({ category: 'PERSONAL', field: 'attributes.facts' });
    expect(card.excerpt).not.toContain(CARD_GRAPHQL);
    expect(card.excerpt).toContain(CARD_GRAPHQL.slice(0, 4));

    const withheld = await itemOf('ZQXWITHHOLD');
    expect(withheld.findings).toContainEqual(expect.objectContaining({ rule: 'commercial-secret', category: 'COMMERCIAL_SECRET' }));
    expect(withheld.disclosure.facts).not.toContain('商业秘密');

    expect((await itemOf('ZQXCLIAPPROVE')).findings).toContainEqual(expect.objectContaining({ rule: 'sensitive-word', category: 'SENSITIVE_WORD' }));
    expect((await itemOf('ZQXCLIWITHHOLD')).findings).toContainEqual(expect.objectContaining({ rule: 'classification-mark' }));
    await expect(itemOf('ZQXCLEAN')).rejects.toThrow(/no HELD review item/);
  });

  test('the review is admin only: without a token 401, with a wrong one 403, and nothing of it in the answer', async () => {
    for (const query of [QUEUE, STATS, AUDIT]) {
      const none = await graphql(hub.url, query);
      expect([none.status, none.body.errors[0].extensions.code, none.body.data]).toEqual([401, 'UNAUTHENTICATED', null]);
      const wrong = await graphql(hub.url, query, undefined, as('not-a-token'));
      expect([wrong.status, wrong.body.errors[0].extensions.code, wrong.body.data]).toEqual([403, 'FORBIDDEN', null]);
    }
    const ok = await graphql(hub.url, QUEUE, { stream: STREAM }, as(LINA));
    expect(ok.headers.get('cache-control')).toMatch(/no-store|private/);
  });

  test('a decision without an admin token, or with a wrong one, is refused and audited; the item stays held', async () => {
    const item = await itemOf('ZQXAPPROVE');
    const variables = { id: item.id, decision: 'APPROVE', basis: '经审查不涉密，同意公开' };
    const none = await graphql(hub.url, DECIDE, variables);
    expect([none.status, none.body.errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    const wrong = await graphql(hub.url, DECIDE, variables, as('guessed-token'));
    expect([wrong.status, wrong.body.errors[0].extensions.code]).toEqual([403, 'FORBIDDEN']);

    const { reviewAudit } = await admin(AUDIT, { item: item.id });
    const refused = reviewAudit.filter((l: any) => l.action === 'REFUSED');
    expect(refused).toHaveLength(2);
    for (const line of refused) expect(line).toMatchObject({ actor: null, via: 'GRAPHQL', itemId: item.id, basis: '经审查不涉密，同意公开' });
    expect(refused.map((l: any) => l.reason)).toEqual(expect.arrayContaining([expect.stringMatching(/no admin token/), expect.stringMatching(/wrong admin token/)]));
    expect((await itemOf('ZQXAPPROVE')).status).toBe('HELD');
  });

  test('approve publishes the record as it is, under the admin\'s name; the cached public answer does not hide it', async () => {
    expect((await publicSearch('ZQXAPPROVE')).totalCount).toBe(0); // now in the response cache
    const item = await itemOf('ZQXAPPROVE');
    const { decideReview } = await admin(DECIDE, { id: item.id, decision: 'APPROVE', basis: '经审查，标志系误用，内容不涉密，同意公开' });
    expect(decideReview).toMatchObject({ id: item.id, status: 'APPROVED', decidedBy: 'zhangwei', basis: '经审查，标志系误用，内容不涉密，同意公开', redactFields: null });
    expect(Date.now() - Date.parse(decideReview.decidedAt)).toBeLessThan(60000);
    expect(decideReview.disclosure.facts).toContain('【机密】');
    const after = await publicSearch('ZQXAPPROVE');
    expect(after.totalCount).toBe(1);

    const again = await graphql(hub.url, DECIDE, { id: item.id, decision: 'WITHHOLD', basis: '改变主意' }, as(LINA));
    expect(again.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(again.body.errors[0].message).toMatch(/already decided: approved by zhangwei/);
  });

  test('redact publishes the record with the span masked and the rest intact, under the other admin\'s name', async () => {
    const item = await itemOf('ZQXREDACT');
    const wrongField = await graphql(hub.url, DECIDE, { id: item.id, decision: 'REDACT', basis: '删除银行卡号后公开', fields: ['attributes.nowhere'] }, as(LINA));
    expect(wrongField.body.errors[0].message).toMatch(/attributes\.nowhere/);
    const { decideReview } = await admin(DECIDE, { id: item.id, decision: 'REDACT', basis: '删除银行卡号后公开', fields: ['attributes.facts'] }, LINA);
    expect(decideReview).toMatchObject({ status: 'REDACTED', decidedBy: '李娜', redactFields: ['attributes.facts'] });
    const published = await publicSearch('ZQXREDACT');
    expect(published.totalCount).toBe(1);
    expect(published.facts[0]).not.toContain(CARD_GRAPHQL);
    expect(published.facts[0]).toContain('经查，当事人未按规定明码标价，罚款由其负责人以银行卡');
    expect(published.facts[0]).toContain('代为缴纳（卷宗标签ZQXREDACT）。');
  });

  test('withhold takes the older published version off every public surface and counts in the withheld statistics', async () => {
    expect((await publicSearch('ZQXWITHHOLD')).totalCount).toBe(1); // cached
    const item = await itemOf('ZQXWITHHOLD');
    const basis = '《中华人民共和国政府信息公开条例》第十五条：涉及商业秘密';
    const { decideReview } = await admin(DECIDE, { id: item.id, decision: 'WITHHOLD', basis });
    expect(decideReview).toMatchObject({ status: 'WITHHELD', decidedBy: 'zhangwei', basis, disclosure: null });
    expect((await publicSearch('ZQXWITHHOLD')).totalCount).toBe(0);
    const { body } = await graphql(hub.url, `query Profile($uscc: String!) { entity(uscc: $uscc) { disclosures { totalCount } } }`, { uscc: uscc(3) });
    expect(body.data.entity?.disclosures.totalCount ?? 0).toBe(0);

    const { reviewStats } = await admin(STATS);
    expect(reviewStats).toMatchObject({ approved: 1, redacted: 1, withheld: 1 });
    expect(reviewStats.withheldByCategory).toContainEqual({ category: 'COMMERCIAL_SECRET', count: 1 });

    const { reviewAudit } = await admin(AUDIT, { item: item.id });
    expect(reviewAudit[0]).toMatchObject({ action: 'WITHHOLD', actor: 'zhangwei', via: 'GRAPHQL', basis });
    expect(reviewAudit.at(-1)).toMatchObject({ action: 'HOLD', actor: null });
  });

  test('the same content synced again is not held again, and its decision stands', async () => {
    // What the source holds now: every planted record, the withheld one in its newer version.
    const { withheldOlder: _older, ...current } = CASES;
    const summary = await load('again', [...Object.values(current), WITHHELD_NEWER]);
    expect(summary).toMatchObject({ fetched: 7, inserted: 0, updated: 0 });
    expect((await queue('HELD')).map((i) => i.content.attributes.facts)).toEqual(
      expect.not.arrayContaining([expect.stringContaining('ZQXAPPROVE'), expect.stringContaining('ZQXREDACT'), expect.stringContaining('ZQXWITHHOLD')]),
    );
    expect((await publicSearch('ZQXAPPROVE')).totalCount).toBe(1);
    expect((await publicSearch('ZQXREDACT')).facts[0]).not.toContain(CARD_GRAPHQL);
    expect((await publicSearch('ZQXWITHHOLD')).totalCount).toBe(0);
  }, 2 * COMMAND_TIMEOUT_MS);

  describe('hub review', () => {
    /** What to run `hub review` as. */
    const reviewer = (token: string) => ({ HUB_REVIEW_TOKEN: token });

    function ok(result: CliResult, command: string): string {
      if (result.code !== 0) throw new Error(`${command} exited ${result.code}: ${result.stderr}`);
      return result.stdout;
    }

    test('list shows the held items with their findings, as JSON and as a table', async () => {
      const items = JSON.parse(ok(await hubCommand(['review', 'list', '--stream', STREAM, '--json']), 'hub review list'));
      const tags = items.map((i: any) => JSON.stringify(i.row).match(/ZQX[A-Z]+/)?.[0]);
      expect(tags).toEqual(expect.arrayContaining(['ZQXCLIAPPROVE', 'ZQXCLIWITHHOLD', 'ZQXCLIREDACT']));
      expect(items.every((i: any) => i.status === 'held' && i.findings.length > 0)).toBe(true);
      const table = ok(await hubCommand(['review', 'list', '--stream', STREAM]), 'hub review list');
      expect(table).toMatch(/classification-mark @ attributes\.facts/);
      expect(table).not.toContain(CARD_CLI);
      const bogus = await hubCommand(['review', 'list', '--status', 'pending']);
      expect([bogus.code, bogus.stderr]).toEqual([2, 'hub: --status "pending" is not a review status; use one of held, approved, redacted, withheld, superseded, all\n']);
    }, 2 * COMMAND_TIMEOUT_MS);

    test('a decision without HUB_REVIEW_TOKEN, or with a wrong one, is refused, says what to set, and is audited', async () => {
      const item = await itemOf('ZQXCLIAPPROVE');
      const none = await hubCommand(['review', 'approve', item.id, '--basis', '同意公开']);
      expect(none.code).toBe(1);
      expect(none.stderr).toMatch(/^hub: A review decision needs an admin: set HUB_REVIEW_TOKEN to your token from HUB_ADMIN_TOKENS \(admins: zhangwei, 李娜\)/);
      const wrong = await hubCommand(['review', 'approve', item.id, '--basis', '同意公开'], reviewer('guessed'));
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toMatch(/HUB_REVIEW_TOKEN is none of the admins' tokens/);
      const audit = JSON.parse(ok(await hubCommand(['review', 'audit', '--item', item.id, '--json']), 'hub review audit'));
      expect(audit.filter((l: any) => l.action === 'refused' && l.via === 'cli' && l.actor === null)).toHaveLength(2);
      expect((await itemOf('ZQXCLIAPPROVE')).status).toBe('HELD');
    }, 3 * COMMAND_TIMEOUT_MS);

    test('approve, withhold and redact with an admin\'s token; the running server shows each within seconds', async () => {
      const [approve, withhold, redact] = [await itemOf('ZQXCLIAPPROVE'), await itemOf('ZQXCLIWITHHOLD'), await itemOf('ZQXCLIREDACT')];
      // Cached public answers, which the server must forget once it sees the decisions.
      for (const tag of ['ZQXCLIAPPROVE', 'ZQXCLIREDACT']) expect((await publicSearch(tag)).totalCount).toBe(0);

      const approved = ok(await hubCommand(['review', 'approve', approve.id, '--basis', '经审查属于可公开的工作信息'], reviewer(LINA)), 'hub review approve');
      expect(approved).toMatch(new RegExp(`^approved ${approve.id} \\(${STREAM} .+\\) by 李娜: `));
      const withheld = ok(await hubCommand(['review', 'withhold', withhold.id, '--basis', '《保守国家秘密法》：属于国家秘密'], reviewer(ZHANGWEI)), 'hub review withhold');
      expect(withheld).toMatch(new RegExp(`^withheld ${withhold.id} `));
      const redacted = JSON.parse(
        ok(await hubCommand(['review', 'redact', redact.id, '--field', 'attributes.facts', '--basis', '删除银行卡号后公开', '--json'], reviewer(ZHANGWEI)), 'hub review redact'),
      );
      expect(redacted).toEqual([expect.objectContaining({ id: Number(redact.id), status: 'redacted', decidedBy: 'zhangwei', redactFields: ['attributes.facts'] })]);

      await waitFor('the server to serve the approved record', async () => ((await publicSearch('ZQXCLIAPPROVE')).totalCount === 1 ? true : undefined), 30000, 250);
      const masked = await waitFor('the server to serve the redacted record', async () => {
        const found = await publicSearch('ZQXCLIREDACT');
        return found.totalCount === 1 ? found.facts[0] : undefined;
      }, 30000, 250);
      expect(masked).not.toContain(CARD_CLI);
      expect((await publicSearch('ZQXCLIWITHHOLD')).totalCount).toBe(0);

      const again = await hubCommand(['review', 'withhold', approve.id, withhold.id, '--basis', '重复'], reviewer(ZHANGWEI));
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/nothing was decided: review item \d+ was already decided: approved by 李娜; review item \d+ was already decided: withheld by zhangwei/);

      const audit = JSON.parse(ok(await hubCommand(['review', 'audit', '--json', '--limit', '50']), 'hub review audit'));
      expect(audit).toContainEqual(expect.objectContaining({ action: 'approve', actor: '李娜', via: 'cli', itemId: Number(approve.id), basis: '经审查属于可公开的工作信息' }));
      expect(audit).toContainEqual(expect.objectContaining({ action: 'withhold', actor: 'zhangwei', via: 'cli', itemId: Number(withhold.id) }));
      expect(audit).toContainEqual(expect.objectContaining({ action: 'refused', actor: 'zhangwei', via: 'cli', itemId: Number(approve.id) }));
    }, 6 * COMMAND_TIMEOUT_MS);
  });

  test('hub status, reviewStats and /metrics agree on what is held, how long it waits, and what was decided', async () => {
    const held = await queue('HELD');
    const status = JSON.parse((await hubCommand(['status', '--json'])).stdout);
    const penalties = status.find((s: any) => s.stream === STREAM);
    expect(penalties.review.held).toBe(held.length);
    const { reviewStats } = await admin(STATS);
    expect(reviewStats).toMatchObject({ approved: 2, redacted: 2, withheld: 2 });
    expect(reviewStats.withheldByCategory).toEqual(
      expect.arrayContaining([
        { category: 'STATE_SECRET', count: 1 },
        { category: 'COMMERCIAL_SECRET', count: 1 },
      ]),
    );
    const byStream = reviewStats.byStream.find((s: any) => s.stream === STREAM);
    expect(byStream?.held ?? 0).toBe(held.length);

    const metrics = await waitFor('the decisions made by hub review in the metrics', async () => {
      const text = await (await fetch(`${hub.url}/metrics`)).text();
      return /hub_review_decisions_total\{decision="withhold",via="cli"\} 1/.test(text) ? text : undefined;
    }, 30000, 250);
    const value = (series: string) => Number(new RegExp(`^${series.replace(/[{}"/]/g, '\\$&')} (\\S+)$`, 'm').exec(metrics)?.[1]);
    expect(value(`hub_review_held{stream="${STREAM}"}`)).toBe(held.length);
    expect(value('hub_review_held{stream="environment/air-hourly"}')).toBe(0);
    for (const [decision, via] of [['approve', 'graphql'], ['redact', 'graphql'], ['withhold', 'graphql'], ['approve', 'cli'], ['redact', 'cli'], ['withhold', 'cli']]) {
      expect([decision, via, value(`hub_review_decisions_total{decision="${decision}",via="${via}"}`)]).toEqual([decision, via, 1]);
    }
    expect(value('hub_review_refused_total{via="graphql"}')).toBeGreaterThanOrEqual(2);
    expect(value('hub_review_refused_total{via="cli"}')).toBeGreaterThanOrEqual(2);
    const age = value('hub_review_oldest_held_age_seconds');
    if (reviewStats.held > 0) expect(age).toBeGreaterThan(0);
    else expect(age).toBe(0);
  }, 2 * COMMAND_TIMEOUT_MS);
});
