import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunningHub } from '../../src/hub';
import { OCDS_SCHEMA_DIR, ocdsValidators } from '../../src/ocds/schemaValidator';
import type { OcdsRecord, Release } from '../../src/ocds/types';
import { LOTS_EXTENSION } from '../../src/ocds/lots';
import { BACKENDS } from '../helpers/testDatabase';
import { startTestHub, HUB_START_TIMEOUT_MS, type TestHub } from '../helpers/hub';
import { runHub } from '../helpers/cli';
import { formatChinaTime } from '../../src/domain/chinaTime';

/** Validated against the project's copy of the official schemas (src/ocds/schema/1.1.5). */
const validators = ocdsValidators(OCDS_SCHEMA_DIR);
const PREFIX = 'ocds-e2e001';

interface Page<T> {
  status: number;
  headers: Headers;
  body: T;
}

async function get<T>(url: string): Promise<Page<T>> {
  const response = await fetch(url);
  return { status: response.status, headers: response.headers, body: (await response.json()) as T };
}

/** The URL in a `Link: <…>; rel="next"` header, if there is one. */
function nextLink(headers: Headers): string | undefined {
  return /<([^>]+)>;\s*rel="next"/.exec(headers.get('link') ?? '')?.[1];
}

/** Every page of a list, following the next links; each page is checked on its own. */
async function allPages<T>(first: string, check: (page: Page<T>) => void): Promise<T[]> {
  const pages: T[] = [];
  for (let url: string | undefined = first; url; ) {
    const page: Page<T> = await get<T>(url);
    check(page);
    pages.push(page.body);
    url = nextLink(page.headers);
  }
  return pages;
}

describe.each(BACKENDS)('OCDS packages over HTTP and from the CLI on %s', (backend) => {
  let running: TestHub | undefined;
  let hub: RunningHub | undefined;
  let url: string;
  let dir: string;
  let served: Release[];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-ocds-'));
    running = await startTestHub(backend, { HUB_SAMPLE_SCALE: '300', HUB_OCDS_PREFIX: PREFIX });
    hub = running.hub;
    url = hub.url;
  }, HUB_START_TIMEOUT_MS);
  afterAll(async () => {
    // The CLI test stops the hub itself (and clears `hub`): then only the database is left to remove.
    if (hub) await running?.stop();
    else await running?.db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('GET /ocds/releases.json is a valid release package: JSON, cacheable for five minutes, its own URL as uri', async () => {
    const page = await get<{ uri: string; releases: Release[] }>(`${url}/ocds/releases.json?limit=5000`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^application\/json/);
    expect(page.headers.get('cache-control')).toMatch(/max-age=300/);
    expect(nextLink(page.headers)).toBeUndefined();
    expect(validators.releasePackage(page.body)).toEqual([]);
    expect(page.body.uri).toBe(`${url}/ocds/releases.json?limit=5000`);
    served = page.body.releases;
    const tags = new Set(served.flatMap((r) => r.tag));
    for (const tag of ['tender', 'award', 'contract']) expect(tags).toContain(tag);
    for (const r of served) expect(r.ocid.startsWith(`${PREFIX}-`)).toBe(true);
    // Lots come from the lots extension, which the package declares.
    expect((page.body as any).extensions).toEqual([LOTS_EXTENSION]);
    expect((page.body as any).publisher).toEqual({ name: '大庆市公共资源交易中心' });
  });

  test('paging releases with limit and the next links visits every release once, each page valid', async () => {
    const pages = await allPages<{ releases: Release[] }>(`${url}/ocds/releases.json?limit=40`, (page) => {
      expect(page.status).toBe(200);
      expect(validators.releasePackage(page.body)).toEqual([]);
      expect(page.body.releases.length).toBeLessThanOrEqual(40);
    });
    expect(pages.length).toBeGreaterThan(2);
    const ids = pages.flatMap((p) => p.releases.map((r) => `${r.ocid} ${r.id}`));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(served.map((r) => `${r.ocid} ${r.id}`).sort());
  });

  test('GET /ocds/records.json pages through valid record packages, one record per process', async () => {
    const pages = await allPages<{ records: OcdsRecord[] }>(`${url}/ocds/records.json?limit=25`, (page) => {
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toMatch(/max-age=300/);
      expect(validators.recordPackage(page.body)).toEqual([]);
    });
    const records = pages.flatMap((p) => p.records);
    expect(records.map((r) => r.ocid).sort()).toEqual([...new Set(served.map((r) => r.ocid))].sort());
    expect(records.reduce((n, r) => n + r.releases.length, 0)).toBe(served.length);
    for (const record of records) expect(record.compiledRelease.tag).toEqual(['compiled']);
    // One record per project: a project divided into lots lists them all, and names each organisation once.
    expect(records.filter((r) => (r.compiledRelease.tender?.lots?.length ?? 0) > 1).length).toBeGreaterThan(2);
    for (const { compiledRelease: compiled } of records) {
      const lotIds = new Set((compiled.tender?.lots ?? []).map((l) => l.id));
      expect(lotIds.size).toBe(compiled.tender?.lots?.length ?? 0);
      for (const award of compiled.awards ?? []) expect(award.relatedLots!.every((id) => lotIds.has(id))).toBe(true);
      const ids = (compiled.parties ?? []).map((p) => p.id);
      const names = (compiled.parties ?? []).map((p) => p.name);
      expect([compiled.ocid, ids.length - new Set(ids).size, names.length - new Set(names).size]).toEqual([compiled.ocid, 0, 0]);
    }
  });

  test('since selects what the hub stored from then on: nothing yet from tomorrow', async () => {
    // `since` is a China-time date: from 16:00 UTC on, UTC's tomorrow has already begun in 大庆市.
    const tomorrow = formatChinaTime(new Date(Date.now() + 86400000)).slice(0, 10);
    const page = await get<{ releases: Release[] }>(`${url}/ocds/releases.json?since=${tomorrow}`);
    expect(page.status).toBe(200);
    expect(page.body.releases).toEqual([]);
    expect(nextLink(page.headers)).toBeUndefined();
    const all = await get<{ releases: Release[] }>(`${url}/ocds/releases.json?since=2000-01-01&limit=5000`);
    expect(all.body.releases).toHaveLength(served.length);
  });

  test('bad parameters answer 400 with a message that says what to write', async () => {
    const cursor = (parts: unknown[]) => `after=${Buffer.from(JSON.stringify(parts)).toString('base64url')}`;
    const FOLLOW = /"after" is not a cursor of this list: follow the Link rel="next" URL/;
    for (const [endpoint, query, message] of [
      ['releases', 'since=yesterday', /"since" must be a date/],
      ['releases', 'limit=0', /"limit" must be a whole number from 1 to 5000/],
      ['releases', 'after=bogus', FOLLOW],
      // Crafted cursors of the right shape whose values the database would refuse.
      ['releases', cursor(['r', '1', 7]), FOLLOW],
      ['releases', cursor(['r', '2026-02-31T00:00:00.000000Z', 7]), FOLLOW],
      ['releases', cursor(['r', '0000-01-01T00:00:00.000000Z', 7]), FOLLOW],
      ['releases', cursor(['r', '2026-11-01T00:00:00.000000Z', 1e300]), FOLLOW],
      ['records', cursor(['p', 'DQ\u0000']), FOLLOW],
      ['records', cursor(['r', '2026-11-01T00:00:00.000000Z', 7]), FOLLOW],
      // Paging parameters of other APIs would be ignored and serve the first page again.
      ['releases', 'page=2', /"page" is not a parameter of this endpoint: follow the Link rel="next" URL of each page, which carries "after"/],
      ['records', 'offset=100', /"offset" is not a parameter of this endpoint/],
      ['records', 'per_page=10', /"per_page" is not a parameter of this endpoint: set the page size with "limit"/],
    ] as const) {
      const page = await get<{ errors: Array<{ message: string }> }>(`${url}/ocds/${endpoint}.json?${query}`);
      expect([endpoint, query, page.status]).toEqual([endpoint, query, 400]);
      expect(page.body.errors[0].message).toMatch(message);
    }
  });

  test('hub export ocds writes the same releases to a file, a record package to stdout, and refuses an unwritable file in one line', async () => {
    // The embedded database admits one process: the CLI runs once the hub has stopped.
    await hub!.close();
    hub = undefined;
    const env = { ...running!.db.env, HUB_OCDS_PREFIX: PREFIX };
    const file = path.join(dir, 'releases.json');
    const exported = await runHub(['export', 'ocds', '--out', file], env, 170000);
    expect([exported.code, exported.stderr]).toEqual([0, `exported ${served.length} releases of ${new Set(served.map((r) => r.ocid)).size} processes as an OCDS release package to ${file}\n`]);
    expect(exported.stdout).toBe('');
    const fromFile = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(validators.releasePackage(fromFile)).toEqual([]);
    expect(fromFile.uri).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(fromFile.releases.map((r: Release) => r.id).sort()).toEqual(served.map((r) => r.id).sort());
    expect(fs.readdirSync(dir)).toEqual(['releases.json']); // no temporary file left behind

    const records = await runHub(['export', 'ocds', '--records'], env, 170000);
    expect(records.code).toBe(0);
    expect(records.stderr).toMatch(/^exported \d+ releases of \d+ processes as an OCDS record package to standard output\n$/);
    expect(validators.recordPackage(JSON.parse(records.stdout))).toEqual([]);

    const missing = path.join(dir, 'no-such-dir', 'out.json');
    const refused = await runHub(['export', 'ocds', '--out', missing], env);
    expect(refused.code).toBe(2); // a usage error: the command line names a place that cannot be written
    expect(refused.stderr).toBe(`hub: cannot write --out ${missing}: the directory ${path.dirname(missing)} does not exist\n`);
  }, 400000);
});
