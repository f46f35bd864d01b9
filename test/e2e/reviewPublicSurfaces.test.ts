import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { RunningHub } from '../../src/hub';
import { BACKENDS } from '../helpers/testDatabase';
import { startTestHub, HUB_START_TIMEOUT_MS, type TestHub } from '../helpers/hub';
import { graphql } from '../helpers/graphql';
import { runHub } from '../helpers/cli';
import { CHROMIUM, CHROMIUM_ARGS, describeInBrowser } from '../helpers/chromium';

/**
 * A held procurement notice is on none of the surfaces a partner or a citizen reads: GraphQL lists,
 * search, counts and stats, the OCDS releases and records, and the portal's search. A clean copy
 * of the same notice, loaded beside it, is on every one of them, so each check can tell the two
 * apart; and once an admin approves the held notice it appears on them too.
 */

// Callbacks passed to page.evaluate run in the browser; the project's tsconfig has no DOM library.
declare const document: any;

const TOKEN = 'surfaces-admin-token';
const HELD_TAG = 'ZQXSURFHELD';
const CLEAN_TAG = 'ZQXSURFCLEAN';

interface Release {
  id: string;
  ocid: string;
  tender?: { title?: string };
}

/** A procurement tender notice of the sample feed, made into a new project of its own with a tag in its title. */
function variantOf(template: Record<string, unknown>, suffix: string, title: string): Record<string, unknown> {
  return {
    ...template,
    noticeId: `${String(template.noticeId)}${suffix}`,
    projectCode: `${String(template.projectCode)}-${suffix}`,
    projectName: title,
    noticeTitle: title,
  };
}

describe.each(BACKENDS)('a held notice on the public surfaces (%s)', (backend) => {
  let running: TestHub;
  let hub: RunningHub;
  let dir: string;

  async function publicData(query: string): Promise<any> {
    const { body } = await graphql(hub.url, query);
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  const searchTotal = async (tag: string) => (await publicData(`{ disclosures(search: "${tag}") { totalCount } }`)).disclosures.totalCount as number;

  /** Every OCDS release the hub publishes, over all pages. */
  async function releases(): Promise<Release[]> {
    const response = await fetch(`${hub.url}/ocds/releases.json?since=2000-01-01&limit=5000`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { releases: Release[] }).releases;
  }

  const titled = (all: Release[], tag: string) => all.filter((r) => r.tender?.title?.includes(tag));

  beforeAll(async () => {
    running = await startTestHub(backend, { HUB_ADMIN_TOKEN: TOKEN, HUB_SAMPLE_SCALE: '60' });
    hub = running.hub;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-review-surfaces-'));
    // A real notice of the sample platform, as the template: a 政府采购 tender notice.
    const page = (await (await fetch(`${hub.feeds!.url}/trading/notices?page=1&pageSize=500`)).json()) as { data: Array<Record<string, unknown>> };
    const template = page.data.find((n) => n.tradeType === '政府采购' && String(n.noticeTitle).endsWith('招标公告'));
    if (!template) throw new Error('the sample feed has no 政府采购 tender notice to copy');
    const file = path.join(dir, 'notices.json');
    fs.writeFileSync(
      file,
      JSON.stringify([
        variantOf(template, 'H', `【内部】大庆市第九中学${HELD_TAG}实验室设备采购项目招标公告`),
        variantOf(template, 'C', `大庆市第九中学${CLEAN_TAG}实验室设备采购项目招标公告`),
      ]),
    );
    const sync = await runHub(['sync', 'trading/notices', '--file', file, '--json'], running.db.env, 240000);
    expect(sync.code).toBe(0);
    expect(JSON.parse(sync.stdout.trim())).toMatchObject({ fetched: 2, inserted: 1, held: 1 });
  }, HUB_START_TIMEOUT_MS);

  afterAll(async () => {
    await running?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('search and lists find the clean notice and not the held one', async () => {
    expect(await searchTotal(CLEAN_TAG)).toBe(1);
    expect(await searchTotal(HELD_TAG)).toBe(0);
    const { disclosures } = await publicData('{ disclosures(first: 100, filter: { domain: TRADING }) { edges { node { title } } } }');
    const titles: string[] = disclosures.edges.map((e: any) => e.node.title);
    expect(titles.some((t) => t.includes(CLEAN_TAG))).toBe(true);
    expect(titles.some((t) => t.includes(HELD_TAG))).toBe(false);
  });

  test('counts and stats count what is published, and only that', async () => {
    const [{ n }] = await hub.db.knex('disclosures').where({ domain: 'TRADING' }).count({ n: '*' });
    const data = await publicData('{ disclosures(filter: { domain: TRADING }) { totalCount } stats(groupBy: DOMAIN) { key count } }');
    expect(data.disclosures.totalCount).toBe(Number(n));
    expect(data.stats.find((b: any) => b.key === 'TRADING').count).toBe(Number(n));
    const [{ held }] = await hub.db.knex('review_items').where({ status: 'held', stream: 'trading/notices' }).count({ held: '*' });
    expect(Number(held)).toBeGreaterThan(0);
  });

  test('OCDS releases and records carry the clean notice and not the held one; approving publishes it there too', async () => {
    const before = await releases();
    expect(titled(before, CLEAN_TAG)).toHaveLength(1);
    expect(titled(before, HELD_TAG)).toHaveLength(0);
    const records = await fetch(`${hub.url}/ocds/records.json?since=2000-01-01&limit=5000`);
    expect(JSON.stringify(await records.json())).not.toContain(HELD_TAG);

    const { body } = await graphql(hub.url, '{ reviewQueue(stream: "trading/notices", first: 100) { edges { node { id title } } } }', undefined, { authorization: `Bearer ${TOKEN}` });
    const item = body.data.reviewQueue.edges.map((e: any) => e.node).find((n: any) => n.title.includes(HELD_TAG));
    expect(item).toBeDefined();
    const decided = await graphql(hub.url, `mutation { decideReview(id: "${item.id}", decision: APPROVE, basis: "内部标志系误标，经审查同意公开") { status } }`, undefined, {
      authorization: `Bearer ${TOKEN}`,
    });
    expect(decided.body.data.decideReview.status).toBe('APPROVED');
    expect(titled(await releases(), HELD_TAG)).toHaveLength(1);
    expect(await searchTotal(HELD_TAG)).toBe(1);
  });
});

describeInBrowser('a held notice in the portal')('a held notice in the portal', () => {
  let running: TestHub;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    running = await startTestHub('embedded', { HUB_SAMPLE_SCALE: '60' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-review-portal-'));
    const feed = (await (await fetch(`${running.hub.feeds!.url}/trading/notices?page=1&pageSize=500`)).json()) as { data: Array<Record<string, unknown>> };
    const template = feed.data.find((n) => n.tradeType === '政府采购' && String(n.noticeTitle).endsWith('招标公告'))!;
    const file = path.join(dir, 'notices.json');
    fs.writeFileSync(
      file,
      JSON.stringify([
        variantOf(template, 'H', `秘密★1年 大庆市第九中学${HELD_TAG}实验室设备采购项目招标公告`),
        variantOf(template, 'C', `大庆市第九中学${CLEAN_TAG}实验室设备采购项目招标公告`),
      ]),
    );
    const sync = await runHub(['sync', 'trading/notices', '--file', file, '--json'], running.db.env, 240000);
    expect(JSON.parse(sync.stdout.trim())).toMatchObject({ inserted: 1, held: 1 });
    fs.rmSync(dir, { recursive: true, force: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage();
    await page.goto(`${running.hub.url}/`);
    await page.waitForSelector('#air-board[data-loaded="true"] .aqi-tile');
    await page.waitForSelector('#search-status[data-total]');
  }, HUB_START_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  /** Types a search into the portal's box and reads the total the page shows for it. */
  async function portalTotal(text: string): Promise<number> {
    await page.fill('#search-input', text);
    await page.press('#search-input', 'Enter');
    const handle = await page
      .waitForFunction((tag: string) => {
        const status = document.querySelector('#search-status');
        const list = status?.parentElement?.querySelector('.results');
        if (!status?.dataset.total || list?.getAttribute('aria-busy') || !status.textContent.includes(tag)) return null;
        // waitForFunction waits for a truthy value, and a total of 0 is one to read too.
        return { total: Number(status.dataset.total) };
      }, text)
      .catch(async (error: Error) => {
        throw new Error(`the portal never showed a total for "${text}"; its status reads "${await page.locator('#search-status').textContent()}": ${error.message}`);
      });
    return ((await handle.jsonValue()) as { total: number }).total;
  }

  test('the portal finds the clean notice and shows nothing of the held one', async () => {
    expect(await portalTotal(CLEAN_TAG)).toBe(1);
    expect(await portalTotal(HELD_TAG)).toBe(0);
    expect(await page.locator('#search-results .card-title').allTextContents()).toEqual([]);
    expect(await page.content()).not.toContain('秘密★1年');
  });
});
