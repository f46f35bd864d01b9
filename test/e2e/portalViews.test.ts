import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { chromium, type Browser, type BrowserContext, type Page, type Route } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, describeInBrowser, expectSelfContained, recordSession, type PageSession } from '../helpers/chromium';
import type { RunningHub } from '../../src/hub';
import { SCHEMA_DIR } from '../../src/graphql/schema';
import { usccCheckCharacter } from '../../src/domain/uscc';
import { startTestHub, HUB_START_TIMEOUT_MS, type TestHub } from '../helpers/hub';
import { graphql } from '../helpers/graphql';
import { setFaults } from '../helpers/feeds';
import { undescribed } from '../helpers/sdlDescriptions';

/**
 * The portal's views beyond search and profiles (forecasts, warnings, water sections, a trading
 * process, a PPP project's stage history), the code typed into the search box, and usccCheck —
 * over HTTP, and in Debian's chromium against a real hub with the sample data.
 */

// Callbacks passed to page.evaluate run in the browser; the project's tsconfig has no DOM library.
declare const document: any;
declare function getComputedStyle(element: any): any;

const ADMIN_TOKEN = 'portal-views-token';

let running: TestHub;
let hub: RunningHub;

beforeAll(async () => {
  running = await startTestHub('embedded', { HUB_ADMIN_TOKEN: ADMIN_TOKEN });
  hub = running.hub;
  // A second edition of the PPP library moves projects on a stage: their history is then on record.
  await setFaults(hub.feeds!, { edition: 2 });
  const { body } = await graphql(hub.url, 'mutation { triggerSync(streams: ["ppp/projects"], full: true) { status updated } }', undefined, { authorization: `Bearer ${ADMIN_TOKEN}` });
  expect(body.data.triggerSync[0].updated).toBeGreaterThan(0);
}, HUB_START_TIMEOUT_MS);

afterAll(() => running?.stop());

async function data(query: string, variables?: object): Promise<any> {
  const { body } = await graphql(hub.url, query, variables);
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** A real entity's code with the wrong check character, and the right one. */
async function codeWithWrongCheck(): Promise<{ right: string; wrong: string }> {
  const { entities } = await data('{ entities(first: 1) { edges { node { uscc } } } }');
  const right: string = entities.edges[0].node.uscc;
  const wrong = right.slice(0, 17) + (right[17] === '0' ? '1' : '0');
  return { right, wrong };
}

const CHECK = `query($code: String!) { usccCheck(code: $code) { valid normalized expectedCheck reason
  problems { kind position found expected message messageZh } notes { kind position found expected message messageZh }
  registrationAuthority { code name } entityCategory { code name } division { code name within scope } organisationCode } }`;

describe('usccCheck over HTTP: why a code is wrong', () => {
  test('a wrong check character: invalid, the expected character, the reason in English and Chinese; entity() finds nothing', async () => {
    const { right, wrong } = await codeWithWrongCheck();
    const { usccCheck } = await data(CHECK, { code: wrong });
    expect(usccCheck).toMatchObject({ valid: false, normalized: wrong, expectedCheck: right[17] });
    expect(usccCheck.problems).toEqual([
      expect.objectContaining({ kind: 'CHECK_CHARACTER', position: 18, found: wrong[17], expected: right[17], message: `check character is '${wrong[17]}' but should be '${right[17]}'` }),
    ]);
    expect(usccCheck.problems[0].messageZh).toContain(`应为“${right[17]}”`);
    expect(usccCheck.reason).toBe(usccCheck.problems[0].message);
    expect((await data('query($c: String!) { entity(uscc: $c) { uscc } }', { c: wrong })).entity).toBeNull();
    // The right code is valid and its parts are named.
    const ok = (await data(CHECK, { code: right })).usccCheck;
    expect(ok).toMatchObject({ valid: true, reason: null, problems: [], registrationAuthority: { code: right[0] }, division: { code: right.slice(2, 8) } });
    expect(ok.registrationAuthority.name).toBeTruthy();
  });

  test('length, characters, authority, category and division are each named; another province is allowed and said so', async () => {
    const cases: Array<[string, string[]]> = [
      ['9123060', ['LENGTH']],
      ['91230602OA1234567X', ['CHARACTER']],
      ['B1230602MA1234567' + usccCheckCharacter('B1230602MA1234567'), ['REGISTRATION_AUTHORITY']],
      ['97230602MA1234567' + usccCheckCharacter('97230602MA1234567'), ['ENTITY_CATEGORY']],
      ['91990602MA1234567' + usccCheckCharacter('91990602MA1234567'), ['DIVISION']],
      ['00000000000000000X', ['PLACEHOLDER']],
      ['', ['EMPTY']],
    ];
    for (const [code, kinds] of cases) {
      const { usccCheck } = await data(CHECK, { code });
      expect([code, usccCheck.valid, usccCheck.problems.map((p: any) => p.kind)]).toEqual([code, false, kinds]);
      for (const p of usccCheck.problems) expect(p.messageZh).toMatch(/[\u4e00-\u9fff]/);
    }
    const elsewhere = '91440300MA1234567' + usccCheckCharacter('91440300MA1234567');
    const { usccCheck } = await data(CHECK, { code: elsewhere });
    expect(usccCheck).toMatchObject({ valid: true, division: { code: '440300', scope: 'OTHER_PROVINCE' } });
    expect(usccCheck.notes.map((n: any) => n.kind)).toContain('OTHER_PROVINCE');
  });

  test('normalisation applied is reported: surrounding blanks, full width, lower case', async () => {
    const { right } = await codeWithWrongCheck();
    const typed = ` ${right.slice(0, 4).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))}${right.slice(4).toLowerCase()}\u3000`;
    const { usccCheck } = await data(CHECK, { code: typed });
    expect(usccCheck).toMatchObject({ valid: true, normalized: right });
    const kinds = usccCheck.notes.map((n: any) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['SURROUNDING_BLANKS', 'FULL_WIDTH']));
    if (/[A-Z]/.test(right.slice(4))) expect(kinds).toContain('LOWER_CASE');
  });

  test('a text far longer than a code is refused as the caller’s mistake; answers are cached for a day', async () => {
    const { body } = await graphql(hub.url, CHECK, { code: '9'.repeat(101) });
    expect(body.errors[0]).toMatchObject({ message: expect.stringMatching(/"code" is 101 characters long.*at most 100/), extensions: { code: 'BAD_USER_INPUT' } });
    const { headers } = await graphql(hub.url, '{ usccCheck(code: "9") { valid } }');
    expect(headers.get('cache-control')).toBe('max-age=86400, public');
  });

  test('every type, field, argument and enum value of schema/uscc.graphql is described with its Chinese term', () => {
    expect(undescribed(parse(fs.readFileSync(path.join(SCHEMA_DIR, 'uscc.graphql'), 'utf8')).definitions)).toEqual([]);
  });
});

const describePortal = describeInBrowser('test/e2e/portalViews.test.ts');

describePortal(CHROMIUM ? 'the portal’s views in chromium' : 'the portal’s views in chromium (SKIPPED: no chromium executable)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let session: PageSession | undefined;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(() => browser?.close());

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, locale: 'zh-CN' });
  });

  /** Every test: nothing requested outside the hub, nothing failed, no console error. */
  afterEach(async () => {
    const s = session;
    session = undefined;
    await context?.close();
    if (s) expectSelfContained(s, hub.url);
  });

  /** The address of a process, as process-ref.js writes it: a lot's code after its project's. */
  const processHash = (code: string, lot: string | null) =>
    `#process=${encodeURIComponent(lot ? `${encodeURIComponent(code)}/${encodeURIComponent(lot)}` : code)}`;

  async function openPortal(hash = '', prepare?: (page: Page) => Promise<void>): Promise<Page> {
    const page = await context.newPage();
    session = recordSession(page);
    if (prepare) await prepare(page);
    await page.goto(`${hub.url}/${hash}`);
    await page.waitForSelector('#air-board[data-loaded="true"] .aqi-tile');
    return page;
  }

  /** Every colour badge's text against its background: WCAG AA (4.5:1), computed here from the styles. */
  async function expectReadableBadges(page: Page, scope: string): Promise<number> {
    const pairs: Array<{ text: string; fg: string; bg: string }> = await page.locator(`${scope} .colour-badge`).evaluateAll((els) =>
      els.map((el) => ({ text: el.textContent, fg: getComputedStyle(el).color, bg: getComputedStyle(el).backgroundColor })),
    );
    for (const { text, fg, bg } of pairs) expect([text, contrast(fg, bg) >= 4.5]).toEqual([text, true]);
    return pairs.length;
  }

  test('空气质量预报: each city’s latest forecast, its days’ AQI ranges and categories in their colours, the warning it calls for', async () => {
    // A page size in a variable: the cost limit multiplies literal page sizes into the estimate.
    const { disclosures } = await data(`query($first: Int) { disclosures(first: $first, filter: { kind: "aqi-forecast" }) { edges { node { id ... on AqiForecast {
      city { name } days { date aqi { low high } category { low { category color } high { category color } } } warning { name } } } } } }`, { first: 100 });
    const latest = new Map<string, any>();
    for (const { node } of disclosures.edges) if (!latest.has(node.city.name)) latest.set(node.city.name, node);
    expect(latest.size).toBeGreaterThan(0);

    const page = await openPortal();
    await page.waitForSelector('#forecast-list[data-loaded="true"]');
    const cards = await page.locator('#forecast-list .forecast-card').evaluateAll((els) =>
      els.map((el) => ({
        city: el.dataset.city,
        id: el.dataset.id,
        days: [...el.querySelectorAll('.forecast-day')].map((d: any) => ({ date: d.dataset.date, aqi: d.querySelector('.forecast-aqi').textContent, categories: [...d.querySelectorAll('.aqi-category-badge')].map((b: any) => b.textContent) })),
        warning: el.querySelector('.forecast-warning')?.textContent ?? null,
      })),
    );
    expect(cards.map((c) => c.city).sort()).toEqual([...latest.keys()].sort());
    for (const card of cards) {
      const forecast = latest.get(card.city!)!;
      expect(card.id).toBe(forecast.id);
      expect(card.days.map((d) => d.date)).toEqual(forecast.days.map((d: any) => d.date));
      forecast.days.forEach((day: any, i: number) => {
        expect(card.days[i].aqi).toBe(`AQI ${day.aqi.low}~${day.aqi.high}`);
        expect(card.days[i].categories).toEqual([...new Set([day.category.low.category, day.category.high.category])]);
      });
      if (forecast.warning) expect(card.warning).toContain(forecast.warning.name);
      else expect(card.warning).toBeNull();
    }
    // The badges carry the API's colours, readable.
    const first = await page.locator('#forecast-list .aqi-category-badge').first().evaluate((el) => ({ text: el.textContent, bg: getComputedStyle(el).backgroundColor }));
    const colourOf = new Map<string, string>();
    for (const f of latest.values()) for (const d of f.days) for (const c of [d.category.low, d.category.high]) colourOf.set(c.category, c.color);
    expect(first.bg).toBe(rgb(colourOf.get(first.text)!));
    expect(await expectReadableBadges(page, '#forecast')).toBeGreaterThan(0);
  });

  test('重污染天气预警: warnings in force first, each with its notices from the issue on, as the API has them', async () => {
    const { active, recent } = await data(`{ active: pollutionWarnings(activeOnly: true, first: 40) { totalCount edges { node { ... on PollutionWarning { episodeNoticeNo } } } }
      recent: pollutionWarnings(first: 40) { edges { node { ... on PollutionWarning { episodeNoticeNo level episode { noticeNo action } } } } } }`);
    const page = await openPortal();
    await page.waitForSelector('#warning-list[data-loaded="true"]');
    expect(await page.locator('#warning-status').getAttribute('data-active')).toBe(String(active.totalCount));
    const cards = await page.locator('#warning-list .warning-card').evaluateAll((els) =>
      els.map((el) => ({ episode: el.dataset.episode, active: el.dataset.active, steps: [...el.querySelectorAll('.warning-episode li')].map((li: any) => li.dataset.action), level: el.querySelector('.warning-level').textContent })),
    );
    expect(cards.length).toBeGreaterThan(0);
    const activeEpisodes = new Set(active.edges.map((e: any) => e.node.episodeNoticeNo));
    expect(cards.filter((c) => c.active === 'true').map((c) => c.episode).sort()).toEqual([...activeEpisodes].sort());
    // Those in force come first.
    const firstEnded = cards.findIndex((c) => c.active !== 'true');
    if (firstEnded >= 0) expect(cards.slice(firstEnded).every((c) => c.active !== 'true')).toBe(true);
    for (const card of cards) {
      const notice = recent.edges.map((e: any) => e.node).find((n: any) => n.episodeNoticeNo === card.episode);
      if (!notice) continue; // a warning in force issued before the latest 40 notices
      expect(card.steps).toEqual(notice.episode.map((n: any) => n.action));
      // The issuing notice leads its episode — unless the source sent it malformed (the sample breaks
      // one record in fifty, by its place in the feed), so it waits in quarantine, not published.
      const issuing = notice.episode.findIndex((n: any) => n.noticeNo === card.episode);
      expect([0, -1]).toContain(issuing);
      if (issuing === 0) expect(card.steps[0]).toBe('ISSUE');
      else expect(card.steps).not.toContain('ISSUE');
      expect(card.level).toMatch(/^(蓝色|黄色|橙色|红色)预警$/);
    }
    await expectReadableBadges(page, '#warnings');
  });

  test('地表水水质: a row per section with its class against its target; the filters narrow to failing sections and drinking-water sources', async () => {
    const query = `query($below: Boolean, $drinking: Boolean) { waterSections(first: 100, belowTarget: $below, drinkingWaterOnly: $drinking) {
      totalCount edges { node { ... on WaterQualityReport { section { code } class meetsTarget drinkingWaterSource } } } } }`;
    const all = (await data(query)).waterSections;
    const below = (await data(query, { below: true })).waterSections;
    const drinking = (await data(query, { drinking: true })).waterSections;
    expect(all.totalCount).toBeGreaterThan(0);

    const page = await openPortal();
    const rows = async () =>
      page.locator('#water-rows tr').evaluateAll((els) => els.map((el) => ({ section: el.dataset.section, cls: el.dataset.class, meets: el.dataset.meets, drinking: el.dataset.drinking })));
    const shown = async (filter: string, total: number) => {
      await page.waitForFunction(([f, n]) => {
        const status = document.querySelector('#water-status');
        return status.dataset.filter === f && status.dataset.total === String(n) && !document.querySelector('#water-table').getAttribute('aria-busy');
      }, [filter, total] as const);
      return rows();
    };
    const everySection = await shown('', all.totalCount);
    expect(everySection).toEqual(all.edges.map(({ node }: any) => ({ section: node.section.code, cls: node.class, meets: String(node.meetsTarget), drinking: String(node.drinkingWaterSource) })));
    const filters = page.getByRole('group', { name: '筛选监测断面' });

    await filters.getByRole('button', { name: '未达到水质目标' }).click();
    const failing = await shown('below', below.totalCount);
    expect(failing.map((r) => r.section)).toEqual(below.edges.map(({ node }: any) => node.section.code));
    expect(failing.every((r) => r.meets === 'false')).toBe(true);

    await filters.getByRole('button', { name: '饮用水水源地' }).click();
    const sources = await shown('drinking', drinking.totalCount);
    expect(sources.map((r) => r.section)).toEqual(drinking.edges.map(({ node }: any) => node.section.code));
    expect(sources.every((r) => r.drinking === 'true')).toBe(true);
    expect(await filters.getByRole('button', { name: '饮用水水源地' }).getAttribute('aria-pressed')).toBe('true');
    await expectReadableBadges(page, '#water');
  });

  test('a trading process from its tender notice to its award: found by its code, opened in place and linkable', async () => {
    const processes = [];
    for (const stage of ['AWARD', 'CONTRACT', 'IMPLEMENTATION']) {
      const { tradingProcesses } = await data(`query($stage: TradingProcessStage) { tradingProcesses(first: 50, stage: $stage) { edges { node {
        projectCode lotCode projectName project { lotCount } notices { id noticeType { type } } awards { status suppliers { id name } } } } } }`, { stage });
      processes.push(...tradingProcesses.edges.map((e: any) => e.node));
    }
    const process = processes.find(
      (p) => p.notices[0].noticeType.type === 'TENDER' && p.notices.some((n: any) => ['CANDIDATES', 'AWARD'].includes(n.noticeType.type)) && p.awards.some((a: any) => a.suppliers.length),
    );
    expect(process).toBeDefined();

    const page = await openPortal();
    await page.waitForSelector('#trading-status[data-total]');
    await page.fill('#trading-input', process.projectCode);
    await page.press('#trading-input', 'Enter');
    const card = page.locator(`#trading-results .process-card[data-code="${process.projectCode}"]`);
    await card.waitFor();
    await card.first().locator('a.process-link').click();
    await page.waitForSelector(`#process:not([hidden])[data-code="${process.projectCode}"]:not([aria-busy])`);
    expect(new URL(page.url()).hash).toBe(processHash(process.projectCode, process.lotCode));
    expect(await page.locator('#process-title').textContent()).toBe(process.projectName);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('process-title');

    // The notices in the API's order, from the tender notice to the award.
    const timeline = await page.locator('#process .process-timeline .timeline-item').evaluateAll((els) => els.map((el) => ({ id: el.dataset.id, type: el.dataset.type, stage: el.dataset.stage })));
    expect(timeline.map((t) => t.id)).toEqual(process.notices.map((n: any) => n.id));
    expect(timeline[0].type).toBe('TENDER');
    expect(timeline.some((t) => t.stage === 'AWARD')).toBe(true);
    const steps = await page.locator('#process .stage-steps li').evaluateAll((els) => els.map((el) => ({ step: el.dataset.step, reached: el.dataset.reached, current: el.getAttribute('aria-current') })));
    expect(steps.find((s) => s.step === 'TENDER')!.reached).toBe('true');
    expect(steps.find((s) => s.step === 'AWARD')!.reached).toBe('true');
    expect(steps.filter((s) => s.current === 'step')).toHaveLength(1);

    // The award, with its winners, each linking to its profile when its code is valid.
    const awardText = await page.locator('#process-awards').textContent();
    for (const award of process.awards) for (const supplier of award.suppliers) expect(awardText).toContain(supplier.name);
    const supplier = process.awards.flatMap((a: any) => a.suppliers).find((s: any) => s.id.startsWith('CN-USCC-'));
    if (supplier) {
      await page.locator('#process-awards a.subject-link').filter({ hasText: supplier.name }).first().click();
      await page.waitForFunction((c) => document.querySelector('#profile:not([hidden]) .uscc')?.textContent === c, supplier.id.slice('CN-USCC-'.length));
    }

    // The address alone opens the same process in a new page; so does a link of before lots were
    // named, the project's code alone, when the project has one lot.
    const again = await context.newPage();
    const second = recordSession(again);
    await again.goto(`${hub.url}/${processHash(process.projectCode, process.lotCode)}`);
    await again.waitForSelector(`#process:not([hidden])[data-code="${process.projectCode}"]`);
    expect([process.project.lotCount, process.lotCode]).toEqual([1, expect.any(String)]); // the samples' process has one lot, named
    const third = await context.newPage();
    const session3 = recordSession(third);
    await third.goto(`${hub.url}/#process=${encodeURIComponent(process.projectCode)}`);
    await third.waitForSelector(`#process:not([hidden])[data-code="${process.projectCode}"]:not([aria-busy])`);
    expect(await third.locator('#process-title').textContent()).toBe(process.projectName);
    expectSelfContained(session3, hub.url);
    expectSelfContained(second, hub.url);
  });

  test('each lot of a divided project has its own card and opens as its own process, by link and by address', async () => {
    const { tradingProject } = await data(`query($code: String!) { tradingProject(projectCode: $code) { projectCode lots { lotCode lotName projectName notices { id } } } }`, {
      code: (await data(`{ tradingProcesses(first: 100) { edges { node { projectCode project { lotCount } } } } }`)).tradingProcesses.edges
        .map((e: any) => e.node)
        .find((p: any) => p.project.lotCount > 1).projectCode,
    });
    const { projectCode, lots } = tradingProject;
    expect(lots.length).toBeGreaterThan(1);

    const page = await openPortal();
    await page.waitForSelector('#trading-status[data-total]');
    await page.fill('#trading-input', projectCode);
    await page.press('#trading-input', 'Enter');
    const cards = page.locator(`#trading-results .process-card[data-code="${projectCode}"]`);
    await cards.nth(lots.length - 1).waitFor();
    expect((await cards.evaluateAll((els) => els.map((el) => el.dataset.lot))).sort()).toEqual(lots.map((l: any) => l.lotCode).sort());
    const hashOf = (lot: string) => processHash(projectCode, lot);
    for (const lot of lots) {
      const card = page.locator(`#trading-results .process-card[data-code="${projectCode}"][data-lot="${lot.lotCode}"]`);
      expect(await card.textContent()).toContain(lot.lotCode);
      await card.locator('a.process-link').click();
      await page.waitForSelector(`#process:not([hidden])[data-code="${projectCode}"][data-lot="${lot.lotCode}"]:not([aria-busy])`);
      expect(new URL(page.url()).hash).toBe(hashOf(lot.lotCode));
      expect(await page.locator('#process-error').isHidden()).toBe(true);
      expect(await page.locator('#process .detail-head').textContent()).toContain(lot.lotCode);
      const timeline = await page.locator('#process .process-timeline .timeline-item').evaluateAll((els) => els.map((el) => el.dataset.id));
      expect(timeline).toEqual(lot.notices.map((n: any) => n.id));
    }

    // The address alone opens the lot; a lot the project does not have is said to be missing.
    const [last] = lots.slice(-1);
    const again = await context.newPage();
    const second = recordSession(again);
    await again.goto(`${hub.url}/${hashOf(last.lotCode)}`);
    await again.waitForSelector(`#process:not([hidden])[data-lot="${last.lotCode}"]:not([aria-busy])`);
    await again.goto(`${hub.url}/${hashOf('NO-SUCH-LOT')}`);
    await again.waitForFunction(() => !document.querySelector('#process-error').hidden);
    expect(await again.locator('#process-error').textContent()).toBe(`未找到交易项目（项目编号 ${projectCode}、标段 NO-SUCH-LOT）。`);
    expect(await again.locator('#process').isHidden()).toBe(true);
    expectSelfContained(second, hub.url);
  });

  test('a PPP project’s stage history, read from its earlier versions; the list’s links open projects in place', async () => {
    const { rows } = await hub.db.knex.raw(`
      SELECT d.id FROM disclosures d JOIN revisions r ON r.disclosure_id = d.id
      WHERE d.kind = 'ppp-project' AND r.snapshot->'attributes'->'stage'->>'code' <> d.attributes->'stage'->>'code'
      ORDER BY d.id LIMIT 1`);
    expect(rows).toHaveLength(1); // edition 2 moved some project on a stage
    const id = String(rows[0].id);
    const { disclosure } = await data(`query($id: ID!) { disclosure(id: $id) { title revisions { version snapshot } ... on PppProject { stage { code name } } } }`, { id });
    const versions = [...disclosure.revisions].sort((a: any, b: any) => a.version - b.version).map((r: any) => r.snapshot.attributes.stage.code).concat(disclosure.stage.code);
    const expected = versions.filter((code: string, i: number) => i === 0 || code !== versions[i - 1]);
    expect(expected.length).toBeGreaterThan(1);

    const page = await openPortal(`#ppp=${id}`);
    await page.waitForSelector(`#ppp-project:not([hidden])[data-id="${id}"]:not([aria-busy])`);
    expect(await page.locator('#ppp-project-title').textContent()).toBe(disclosure.title);
    const history = await page.locator('#ppp-project .stage-history li').evaluateAll((els) => els.map((el) => ({ stage: el.dataset.stage, current: el.dataset.current })));
    expect(history.map((h) => h.stage)).toEqual(expected);
    expect(history.at(-1)).toEqual({ stage: disclosure.stage.code, current: 'true' });
    expect(await page.locator('#ppp-project .stage-steps li[aria-current="step"]').getAttribute('data-step')).toBe(disclosure.stage.code);
    expect(await page.locator('#ppp-project-stage').textContent()).toBe(`${disclosure.stage.name}阶段`);

    // From the list: another project opens in place, and the address names it.
    await page.waitForSelector('#ppp-status[data-total]');
    const card = page.locator(`#ppp-results .ppp-card:not([data-id="${id}"])`).first();
    const link = card.locator('a.ppp-link');
    const title = await link.textContent();
    const firstId = await card.getAttribute('data-id');
    await link.click();
    await page.waitForSelector(`#ppp-project:not([hidden])[data-id="${firstId}"]:not([aria-busy])`);
    expect(await page.locator('#ppp-project-title').textContent()).toBe(title);
    expect(new URL(page.url()).hash).toBe(`#ppp=${firstId}`);
    // Back: the project before.
    await page.goBack();
    await page.waitForSelector(`#ppp-project:not([hidden])[data-id="${id}"]:not([aria-busy])`);
  });

  test('a code typed into the search box opens that enterprise, in lower case and with blanks', async () => {
    const { right } = await codeWithWrongCheck();
    const { entity } = await data('query($c: String!) { entity(uscc: $c) { name } }', { c: right });
    const page = await openPortal();
    await page.waitForSelector('#search-status[data-total]');
    await page.fill('#search-input', ` ${right.slice(0, 8)} ${right.slice(8).toLowerCase()} `);
    await page.press('#search-input', 'Enter');
    await page.waitForFunction((c) => document.querySelector('#profile:not([hidden]) .uscc')?.textContent === c, right);
    expect(await page.locator('#profile-name').textContent()).toBe(entity.name);
    expect(new URL(page.url()).hash).toBe(`#uscc=${right}`);
    expect(await page.locator('#search-status').textContent()).toContain('统一社会信用代码');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('profile-name');
  });

  test('the enterprise lookup says why a code is wrong, what it changed in what was typed, and why a stored code is flagged', async () => {
    const { right, wrong } = await codeWithWrongCheck();
    const page = await openPortal();
    // Full-width digits and lower case: the reason names the check character it should have.
    const typed = wrong.replace(/^(\d{4})/, (d) => d.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))).toLowerCase();
    await page.fill('#entity-input', typed);
    await page.press('#entity-input', 'Enter');
    await page.waitForSelector('#entity-error:not([hidden])[data-problems]');
    expect(await page.locator('#entity-error').getAttribute('data-problems')).toBe('CHECK_CHARACTER');
    const error = await page.locator('#entity-error').textContent();
    expect(error).toContain(wrong);
    expect(error).toContain(`应为“${right[17]}”`);
    expect(await page.locator('#entity-input').inputValue()).toBe(wrong);
    expect(await page.locator('#entity-input').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#entity-check').textContent()).toContain('全角');
    expect(await page.locator('#profile').isHidden()).toBe(true);

    // A letter the alphabet leaves out: its position, and the digit it looks like.
    await page.fill('#entity-input', right.slice(0, 10) + 'O' + right.slice(11));
    await page.press('#entity-input', 'Enter');
    await page.waitForFunction(() => document.querySelector('#entity-error')?.dataset.problems === 'CHARACTER');
    expect(await page.locator('#entity-error').textContent()).toContain('第 11 位“O”');

    // A code stored on a record and flagged: its profile opens, and says in Chinese why it fails.
    const { rows } = await hub.db.knex.raw(
      `SELECT subject_uscc FROM disclosures WHERE subject_uscc_valid = false AND subject_uscc_reason LIKE 'check character%' ORDER BY id LIMIT 1`,
    );
    expect(rows).toHaveLength(1); // the sample population gives a share of records a mistyped code
    await page.fill('#entity-input', rows[0].subject_uscc);
    await page.press('#entity-input', 'Enter');
    await page.waitForFunction((c) => document.querySelector('#profile:not([hidden]) .uscc')?.textContent === c, rows[0].subject_uscc);
    expect(await page.locator('#profile [data-valid]').getAttribute('data-valid')).toBe('false');
    expect(await page.locator('#profile-check').textContent()).toMatch(/第 18 位校验码是“.”，按前 17 位计算应为“.”/);
  });

  test('数据更新于… and the stale warning, as the page shows the data-age contract (the API’s answer stood in for)', async () => {
    const page = await openPortal('', (p) => standInForDataAge(p));
    await page.waitForSelector('#air-age .data-age');
    const line = page.locator('#air-age .data-age');
    expect(await line.textContent()).toMatch(/^⚠ 数据更新于 \d{4}-\d\d-\d\d \d\d:\d\d。/);
    expect(await line.getAttribute('data-stale')).toBe('true');
    expect(await line.textContent()).toContain('数据已超过更新周期（1 小时）');
    expect(await line.isVisible()).toBe(true);
    // The stale city's tile says so; the fresh ones do not.
    expect(await page.locator('#air-board .aqi-tile[data-stale="true"] .stale-badge').count()).toBe(1);
    expect(await page.locator('#air-board .aqi-tile[data-stale="false"] .stale-badge').count()).toBe(0);
    // Forecasts: their age above them, fresh here; each day's health effect and advice.
    await page.waitForSelector('#forecast-list[data-loaded="true"]');
    expect(await page.locator('#forecast-age .data-age').getAttribute('data-stale')).toBe('false');
    expect(await page.locator('#forecast-list .forecast-card .stale-badge').count()).toBe(0);
    expect(await page.locator('#forecast-list .forecast-effect').first().textContent()).toBe('健康影响：测试用的健康影响');
    expect(await page.locator('#forecast-list .forecast-advice').first().textContent()).toBe('建议：测试用的建议');
    // Water: the line without a warning when nothing is stale.
    await page.waitForSelector('#water-age .data-age');
    expect(await page.locator('#water-age .data-age').getAttribute('data-stale')).toBe('false');
    expect(await page.locator('#water-age .data-age').textContent()).toMatch(/^数据更新于 \d{4}-\d\d-\d\d \d\d:\d\d$/);
  });

  test(
    'the air board shows the API’s dataAge: 数据更新于 its newest time, and a warning when a city is stale',
    async () => {
      const { latestAirQuality } = await data('{ latestAirQuality { city dataAge { asOf stale } } }');
      const page = await openPortal();
      await page.waitForSelector('#air-age .data-age');
      const newest = latestAirQuality.map((c: any) => c.dataAge.asOf).sort((a: string, b: string) => Date.parse(b) - Date.parse(a))[0];
      expect(await page.locator('#air-age .data-age').getAttribute('data-as-of')).toBe(newest);
      expect(await page.locator('#air-age .data-age').textContent()).toContain('数据更新于 ' + chinaMinute(newest));
      const stale = latestAirQuality.filter((c: any) => c.dataAge.stale).map((c: any) => c.city).sort();
      expect(await page.locator('#air-age .data-age').getAttribute('data-stale')).toBe(String(stale.length > 0));
      if (stale.length) expect(await page.locator('#air-age .stale-warning').isVisible()).toBe(true);
      const marked = await page.locator('#air-board .aqi-tile[data-stale="true"]').evaluateAll((els) => els.map((el) => el.dataset.city));
      expect(marked.sort()).toEqual(stale);
      const { disclosures } = await data('{ disclosures(first: 1, filter: { kind: "aqi-forecast" }) { edges { node { ... on AqiForecast { days { healthEffect advice } } } } } }');
      await page.waitForSelector('#forecast-list[data-loaded="true"]');
      expect(await page.locator('#forecast-list').textContent()).toContain(disclosures.edges[0].node.days[0].advice);
    },
  );
});

/**
 * The data-age answers stood in for, so that a stale city is certain: every GraphQL answer gets the fields the page asks for, computed from the real answer without
 * them. One city is stale, by an hour's period; forecasts are fresh; water is fresh.
 */
async function standInForDataAge(page: Page): Promise<void> {
  await page.route('**/graphql', async (route: Route) => {
    const request = JSON.parse(route.request().postData() ?? '{}');
    const asked = String(request.query ?? '');
    if (!asked.includes('dataAge')) return route.continue();
    const query = asked.replace(/ dataAge \{ asOf seconds periodSeconds stale \}/g, '').replace(/primaryPollutantText healthEffect advice/g, 'primaryPollutantText');
    const response = await route.fetch({ postData: JSON.stringify({ ...request, query }) });
    const body = await response.json();
    const now = Date.now();
    const age = (stale: boolean) => ({ asOf: new Date(now - (stale ? 3 * 3600_000 : 600_000)).toISOString(), seconds: stale ? 10800 : 600, periodSeconds: 3600, stale });
    if (body.data?.latestAirQuality) body.data.latestAirQuality.forEach((city: any, i: number) => (city.dataAge = age(i === 0)));
    for (const edge of body.data?.disclosures?.edges ?? []) {
      if (!edge.node.days) continue;
      edge.node.dataAge = age(false);
      for (const day of edge.node.days) Object.assign(day, { healthEffect: '测试用的健康影响', advice: '测试用的建议' });
    }
    for (const edge of body.data?.waterSections?.edges ?? []) edge.node.dataAge = age(false);
    await route.fulfill({ response, json: body });
  });
}

/** An instant as YYYY-MM-DD HH:mm in China time (UTC+8), computed here independently of the page. */
function chinaMinute(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/** WCAG 2 contrast ratio of two computed colours (rgb(…) strings). */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = css.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
