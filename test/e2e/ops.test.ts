import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { HUB_COMPONENTS } from '../../app/components';
import { withManifests } from '../../src/manifest/withManifests';
import type { RunningHub } from '../../src/hub';
import { fullName, selectStreams } from '../../src/sync/selection';
import { CHROMIUM, CHROMIUM_ARGS, SCREENSHOT_DIR, describeInBrowser, expectSelfContained, recordSession, type PageSession } from '../helpers/chromium';
import { startTestHub, HUB_START_TIMEOUT_MS, type TestHub } from '../helpers/hub';
import { graphql } from '../helpers/graphql';

/** The operations view at /ops in a real browser, beside the public portal that must not show it. */
const describeOps = describeInBrowser('test/e2e/ops.test.ts');

// Callbacks passed to page.evaluate run in the browser; the project's tsconfig has no DOM library.
declare const document: any;
declare const sessionStorage: any;

const ADMIN_TOKEN = 'ops-page-token-0b7e';
// Every stream the hub runs: the coded connectors' and the built-in manifests'.
const STREAM_NAMES = selectStreams(withManifests(HUB_COMPONENTS).connectors).map(fullName);
const FAILED_STREAM = 'credit/penalties';
/** A source's error as a run stores it; the markup in it must reach the page as text. */
const FAILURE = 'HTTP 503 <b>Service Unavailable</b> from https://credit.example.gov.cn/api/credit/penalties?page=7 after 5 attempts';

describeOps(CHROMIUM ? 'the operations view at /ops in chromium' : 'the operations view at /ops (SKIPPED: no chromium executable)', () => {
  let running: TestHub;
  let hub: RunningHub;
  let knex: Knex;
  let browser: Browser;
  let context: BrowserContext;
  let session: PageSession | undefined;

  beforeAll(async () => {
    // One backend is enough for a page: the server's when there is one, since it opens faster.
    running = await startTestHub(process.env.TEST_DATABASE_URL ? 'postgres' : 'embedded', { HUB_ADMIN_TOKEN: ADMIN_TOKEN });
    hub = running.hub;
    knex = hub.db.knex;
    // A second run of one stream, so its own chart has a line through two points…
    const again = await graphql(hub.url, `mutation { triggerSync(streams: ["environment/air-hourly"]) { status } }`, undefined, { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(again.body.errors).toBeUndefined();
    // …and a failed run, as a sync against a source that answers 503 leaves it.
    await knex('sync_runs').insert({ stream: FAILED_STREAM, trigger: 'schedule', status: 'failed', error: FAILURE, finished_at: knex.raw(`now() + interval '3 seconds'`), deadline_at: knex.fn.now(), fetched: 100, inserted: 100 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  }, HUB_START_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'zh-CN' });
  });

  /** Every test: nothing requested outside the hub's origin, nothing failed, no console errors. */
  afterEach(async () => {
    const s = session;
    session = undefined;
    await context?.close();
    if (!s) return;
    expectSelfContained(s, hub.url);
  });

  async function open(pathname: string): Promise<Page> {
    const page = await context.newPage();
    session = recordSession(page);
    await page.goto(`${hub.url}${pathname}`);
    return page;
  }

  async function enterToken(page: Page, token: string) {
    await page.fill('#ops-token-input', token);
    await page.press('#ops-token-input', 'Enter');
  }

  /** A refusal answers 401/403 on purpose: neither it nor chromium's console line about it is a failure of the page. */
  function acceptRefusals() {
    session!.failed = session!.failed.filter((f) => !/graphql: HTTP 40[13]$/.test(f));
    session!.consoleErrors = session!.consoleErrors.filter((m) => !/status of 40[13]/.test(m));
  }

  async function finishedRunsInWindow(stream?: string): Promise<number> {
    const q = knex('sync_runs').whereNot('status', 'running').where('started_at', '>=', knex.raw(`now() - interval '28 days'`));
    if (stream) q.where({ stream });
    const [{ n }] = await q.count({ n: '*' });
    return Number(n);
  }

  test('without a token the page asks for one and shows nothing; a wrong token is refused and the page says so', async () => {
    const page = await open('/ops');
    expect(new URL(page.url()).pathname).toBe('/ops/');
    await page.waitForSelector('#ops-token:not([hidden])');
    expect(await page.title()).toBe('数据运维视图 · Disclosure Hub');
    expect(await page.locator('#ops-status').textContent()).toContain('请输入管理员令牌');
    expect(await page.locator('#ops-view').isHidden()).toBe(true);

    await enterToken(page, 'not-the-token');
    await page.waitForSelector('#ops-error:not([hidden])');
    expect(await page.locator('#ops-error').textContent()).toBe("管理接口拒绝了该令牌：the bearer token is not this hub's admin token");
    expect(await page.locator('#ops-view').isHidden()).toBe(true);
    expect(await page.locator('#ops-token').isVisible()).toBe(true);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await page.locator('.stream-card').count()).toBe(0);
    acceptRefusals();
  });

  test('with the admin token: every stream with its last run, a chart point per run, and a failed run\'s error', async () => {
    const page = await open('/ops/');
    await page.waitForSelector('#ops-token:not([hidden])');
    await enterToken(page, ADMIN_TOKEN);
    await page.waitForSelector('#ops-view[data-loaded="true"]');
    expect(await page.locator('#ops-token').isHidden()).toBe(true);

    // Every stream, each with its latest run first.
    const cards = await page.locator('.stream-card').evaluateAll((els) =>
      els.map((el) => ({ stream: el.dataset.stream, runIds: [...el.querySelectorAll('.run-row')].map((row: any) => row.dataset.runId) })),
    );
    expect(cards.map((c) => c.stream)).toEqual(STREAM_NAMES);
    for (const card of cards) {
      const latest = await knex('sync_runs').where({ stream: card.stream }).orderBy([{ column: 'started_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(5);
      expect(card.runIds).toEqual(latest.map((r: any) => String(r.id)));
    }
    const air = page.locator('.stream-card[data-stream="environment/air-hourly"]');
    expect(Number(await air.locator('[data-fact="open-quarantine"] dd').textContent())).toBeGreaterThan(0);
    expect(await air.locator('.run-row').first().locator('[data-count="quarantined"]').textContent()).toMatch(/^[1-9]/);

    // The failed run: its error, as text, marked as the stream's current state.
    const failure = page.locator(`.stream-card[data-stream="${FAILED_STREAM}"] .run-failure.is-current`);
    expect(await failure.locator('.error-text').textContent()).toBe(FAILURE);
    expect(await failure.locator('b').count()).toBe(0);
    expect(await page.locator('[data-figure="failing"] dd').textContent()).toBe('1');

    // Two charts over all streams, one point per finished run of the last 28 days.
    const all = await finishedRunsInWindow();
    expect(all).toBeGreaterThan(STREAM_NAMES.length);
    expect(await page.locator('#ops-charts svg.run-chart').count()).toBe(2);
    for (const chart of await page.locator('#ops-charts svg.run-chart').all()) {
      expect(await chart.locator('circle.run-point').count()).toBe(all);
      expect(await chart.getAttribute('data-points')).toBe(String(all));
    }
    expect(await page.locator('#ops-charts circle.run-point.status-failed').count()).toBe(2);

    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'ops-1280.png'), fullPage: true });
    await page.locator('#ops-history').screenshot({ path: path.join(SCREENSHOT_DIR, 'ops-history.png') });

    // One stream: its own points, joined by a line.
    await page.selectOption('#ops-history-stream', 'environment/air-hourly');
    await page.waitForSelector('#ops-charts[data-stream="environment/air-hourly"]');
    const airRuns = await finishedRunsInWindow('environment/air-hourly');
    expect(airRuns).toBe(2);
    expect(await page.locator('#chart-records-title').count()).toBe(1);
    expect(await page.locator('#ops-charts svg.run-chart').first().locator('circle.run-point').count()).toBe(airRuns);
    expect(await page.locator('#ops-charts polyline.run-line').count()).toBe(2);

    // On a phone the view fits its width: run tables scroll inside their cards.
    await page.setViewportSize({ width: 390, height: 844 });
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'ops-390x844.png') });
    await page.setViewportSize({ width: 1280, height: 800 });

    // The token lasts the tab's session: a reload draws the view without asking again.
    expect(await page.evaluate(() => sessionStorage.length)).toBe(1);
    await page.reload();
    await page.waitForSelector('#ops-view[data-loaded="true"]');
    expect(await page.locator('#ops-token').isHidden()).toBe(true);
    // Until it is cleared.
    await page.click('#ops-forget');
    await page.waitForSelector('#ops-token:not([hidden])');
    expect(await page.locator('#ops-view').isHidden()).toBe(true);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  });

  test('the public portal has no link to the operations view and no word of it', async () => {
    const html = await (await fetch(`${hub.url}/`)).text();
    expect(html).not.toMatch(/ops|运维/i);
    const page = await open('/');
    await page.waitForSelector('#air-board[data-loaded="true"] .aqi-tile');
    await page.waitForSelector('#search-status[data-total]');
    expect(await page.locator('a[href*="ops"]').count()).toBe(0);
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(/运维|管理员令牌|operations/i);
    expect(session!.requests.filter((url) => new URL(url).pathname.startsWith('/ops'))).toEqual([]);
  });
});
