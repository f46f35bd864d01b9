import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONNECTORS } from '../../connectors';
import type { RunningFeedServer } from '../../samples/kit/feedServer';
import { httpPages } from '../../src/sync/sources/httpPages';
import { filePages } from '../../src/sync/sources/fileSource';
import { syncStream, StreamBusyError } from '../../src/sync/engine';
import { tryAcquireLease, releaseLease } from '../../src/sync/leases';
import { MAPPING, REVIEW } from '../helpers/mapping';
import { fastHttp, setFaults, startSampleFeeds } from '../helpers/feeds';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

const SCALE = 230;
const environment = CONNECTORS.find((c) => c.name === 'environment')!;
const airHourly = environment.streams.find((s) => s.name === 'air-hourly')!;

async function readAll(source: ReturnType<typeof httpPages>, baseUrl: string, since?: string) {
  const records: any[] = [];
  let pages = 0;
  for await (const page of source.pages({ baseUrl, since, http: fastHttp(), signal: new AbortController().signal })) {
    pages++;
    records.push(...page.records);
  }
  return { records, pages };
}

describe('sources', () => {
  let feeds: RunningFeedServer;
  let dir: string;
  beforeAll(async () => {
    feeds = await startSampleFeeds({ scale: SCALE, malformedRate: 0 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-sources-'));
  });
  afterAll(async () => {
    await feeds?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('page, offset and next-link paging read the same records, each exactly once', async () => {
    const byPage = await readAll(httpPages({ path: '/environment/air-hourly', pageSize: 50 }), feeds.url);
    const byOffset = await readAll(httpPages({ path: '/environment/air-hourly', pageSize: 50, paging: 'offset', sizeParam: 'limit' }), feeds.url);
    const byLink = await readAll(httpPages({ path: '/environment/air-hourly', pageSize: 50, paging: 'next' }), feeds.url);
    expect(byPage.records).toHaveLength(SCALE);
    expect(byPage.pages).toBe(Math.ceil(SCALE / 50));
    expect(byOffset.records).toEqual(byPage.records);
    expect(byLink.records).toEqual(byPage.records);
  });

  test('the since parameter reads only records at or after the position', async () => {
    const since = '2026-11-01 03:00:00';
    const { records } = await readAll(httpPages({ path: '/environment/air-hourly', pageSize: 100, sinceParam: 'since' }), feeds.url, since);
    expect(records.length).toBeGreaterThan(0);
    expect(records.length).toBeLessThan(SCALE);
    expect(records.every((r) => r.timePoint >= since)).toBe(true);
  });

  test('a JSON Lines dump streams in pages; a broken line becomes a record to quarantine', async () => {
    const file = path.join(dir, 'dump.jsonl');
    const { records } = await readAll(httpPages({ path: '/environment/air-hourly', pageSize: 100 }), feeds.url);
    fs.writeFileSync(file, [...records.slice(0, 5).map((r) => JSON.stringify(r)), '{"stationCode": "2319A", "area": ', ''].join('\n'));
    const pages = [];
    for await (const page of filePages(file, { pageSize: 2 })) pages.push(page.records.length);
    expect(pages).toEqual([2, 2, 2]);
  });
});

describe('engine guards', () => {
  let db: TestDatabase;
  let feeds: RunningFeedServer;
  beforeAll(async () => {
    db = await createTestDatabase('embedded');
    feeds = await startSampleFeeds({ scale: SCALE });
  });
  afterAll(async () => {
    await feeds?.close();
    await db?.destroy();
  });

  const run = (extra = {}) => syncStream({ knex: db.knex, connector: environment, stream: airHourly, baseUrl: feeds.url, mapping: MAPPING, review: REVIEW, http: fastHttp(), ...extra });

  test('a stream already being synced elsewhere is refused, naming the holder', async () => {
    expect(await tryAcquireLease(db.knex, 'stream:environment/air-hourly', 60000, 'replica-b:4242')).toBe(true);
    await expect(run()).rejects.toThrow(StreamBusyError);
    await expect(run()).rejects.toThrow(/already being synced by replica-b:4242/);
    await releaseLease(db.knex, 'stream:environment/air-hourly', 'replica-b:4242');
    expect((await run()).status).toBe('partial');
  });

  test('a run that passes its time limit fails, says so, and keeps what it committed', async () => {
    await setFaults(feeds, { faults: { slow: 5, slowMs: 3000 } });
    const summary = await run({ full: true, timeLimitMs: 500, http: fastHttp(10000) });
    await setFaults(feeds, { faults: {} });
    expect(summary.status).toBe('failed');
    expect(summary.error).toMatch(/time limit of 1 s|time limit of 0 s/);
    const last = await db.knex('sync_runs').orderBy('id', 'desc').first();
    expect(last.status).toBe('failed');
  });

  test('a JSON Lines file loads through the engine; the broken line is quarantined with its line number', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-jsonl-'));
    const file = path.join(dir, 'corrections.jsonl');
    const good = { stationCode: '1029A', positionName: '东风新村', area: '大庆市', timePoint: '2026-09-30 23:00:00', so2: '8', no2: '35', pm10: '70', co: '0.7', o3: '20', o3_8h: '18', pm2_5: '44' };
    fs.writeFileSync(file, `${JSON.stringify(good)}\n{"stationCode": "2320A",\n`);
    const summary = await run({ file });
    expect(summary).toMatchObject({ fetched: 2, inserted: 1, quarantined: 1 });
    const entry = await db.knex('quarantine').where({ stage: 'parse' }).first();
    expect(entry.errors[0].message).toMatch(/^corrections\.jsonl line 2 is not JSON: /);
    expect(entry.payload.raw).toBe('{"stationCode": "2320A",');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a JSON array file loads through the engine; a truncated one fails the run, naming the file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-json-'));
    const record = (timePoint: string) => ({ stationCode: '1029A', positionName: '东风新村', area: '大庆市', timePoint, so2: '8', no2: '35', pm10: '70', co: '0.7', o3: '20', o3_8h: '18', pm2_5: '44' });
    const whole = path.join(dir, 'hours.json');
    fs.writeFileSync(whole, JSON.stringify([record('2026-09-30 21:00:00'), record('2026-09-30 22:00:00')]));
    expect(await run({ file: whole })).toMatchObject({ status: 'ok', fetched: 2, inserted: 2 });

    const truncated = path.join(dir, 'truncated.json');
    fs.writeFileSync(truncated, JSON.stringify([record('2026-09-30 23:00:00')]).slice(0, -20));
    const summary = await run({ file: truncated });
    expect(summary.status).toBe('failed');
    expect(summary.error).toMatch(/truncated\.json is not a well-formed JSON array/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
