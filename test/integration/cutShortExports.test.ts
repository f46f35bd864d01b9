import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import { CONNECTORS } from '../../connectors';
import type { RunningFeedServer } from '../../samples/kit/feedServer';
import { syncStream } from '../../src/sync/engine';
import { httpCsv } from '../../src/sync/sources/httpCsv';
import { filePages } from '../../src/sync/sources/fileSource';
import type { Source } from '../../src/sync/sources/source';
import { MAPPING, REVIEW } from '../helpers/mapping';
import { heldKeys } from '../helpers/plantedReview';
import { fastHttp, setFaults, startSampleFeeds } from '../helpers/feeds';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

/**
 * An export that stops part-way (a download that broke off, a copy that did not finish) is not a
 * complete export with one bad row: it is read again, and if it stays cut short the run fails.
 */
const SCALE = 200;
const credit = CONNECTORS.find((c) => c.name === 'credit')!;
const penalties2016 = credit.streams.find((s) => s.name === 'penalties-2016')!;
const environment = CONNECTORS.find((c) => c.name === 'environment')!;
const airHourly = environment.streams.find((s) => s.name === 'air-hourly')!;

async function readAll(source: Source, baseUrl: string) {
  const records: any[] = [];
  // A generous stall limit: on a busy machine a stall would be one more read, which the counts here would not expect.
  for await (const page of source.pages({ baseUrl, http: fastHttp(10000), signal: new AbortController().signal })) records.push(...page.records);
  return records;
}

describe('a CSV export cut short over HTTP', () => {
  let feeds: RunningFeedServer;
  const exportPath = '/credit/penalties-2016.csv';
  beforeAll(async () => {
    feeds = await startSampleFeeds({ scale: SCALE, malformedRate: 0 });
  });
  afterAll(() => feeds?.close());

  test('is read again, and every row arrives exactly once', async () => {
    const before = feeds.requests.get(exportPath) ?? 0;
    await setFaults(feeds, { faults: { truncated: 1 } });
    const records = await readAll(httpCsv({ path: exportPath, encoding: 'gbk', pageSize: 30 }), feeds.url);
    expect(feeds.requests.get(exportPath)! - before).toBe(2);
    expect(records).toHaveLength(SCALE);
    expect(new Set(records.map((r) => r.CF_WSH)).size).toBe(SCALE);
  });

  test('that stays cut short fails, saying at which row', async () => {
    await setFaults(feeds, { faults: { truncated: 10 } });
    const read = readAll(httpCsv({ path: exportPath, encoding: 'gbk' }), feeds.url);
    await expect(read).rejects.toThrow(/failed after 4 attempt\(s\): the export was cut short \(it ends (part-way through|inside a quoted value of) row 100\b/);
    await setFaults(feeds, { faults: {} });
  });

  test('whose connection breaks off before its Content-Length is read again', async () => {
    const csv = Buffer.from('id,name\r\n1,a\r\n2,b\r\n');
    let requests = 0;
    const server = http.createServer((_req, res) => {
      requests++;
      res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-length': String(csv.length) });
      if (requests === 1) res.write(csv.subarray(0, 12), () => res.destroy());
      else res.end(csv);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const records = await readAll(httpCsv({ path: '/export.csv' }), `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      expect(records).toEqual([{ id: '1', name: 'a' }, { id: '2', name: 'b' }]);
      expect(requests).toBe(2);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('a CSV file cut short', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-cut-short-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const read = async (name: string, content: string | Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    const records: unknown[] = [];
    for await (const page of filePages(file)) records.push(...page.records);
    return { file, records };
  };

  test('part-way through a row fails, naming the file and the row', async () => {
    const reading = read('half-row.csv', 'id,name,area\r\n1,a,x\r\n2,b,y\r\n3,c');
    await expect(reading).rejects.toThrow(new RegExp(`half-row\\.csv is cut short: it ends part-way through row 3 \\(2 of its 3 columns`));
  });

  test('inside a quoted value fails, naming the file and the row', async () => {
    const reading = read('open-quote.csv', 'id,name,area\r\n1,a,x\r\n2,"b, and');
    await expect(reading).rejects.toThrow(/open-quote\.csv is cut short: it ends inside a quoted value of row 2/);
  });

  test('part-way through a character fails, naming the file and the line', async () => {
    const reading = read('half-character.csv', Buffer.concat([Buffer.from('id,name,area\r\n1,a,x\r\n2,b,石'), Buffer.from('家').subarray(0, 2)]));
    await expect(reading).rejects.toThrow(/half-character\.csv is cut short: it ends part-way through a character on line 3/);
  });

  test('a whole last row without a line break after it is complete, not cut short', async () => {
    const { records } = await read('no-final-break.csv', 'id,name,area\r\n1,a,x\r\n2,b,y');
    expect(records).toEqual([{ id: '1', name: 'a', area: 'x' }, { id: '2', name: 'b', area: 'y' }]);
  });

  test('a JSON Lines file whose last line breaks off fails; a broken line with its line break is quarantined as before', async () => {
    const cut = read('cut.jsonl', '{"id": 1}\n{"id": 2}\n{"id": 3, "na');
    await expect(cut).rejects.toThrow(/cut\.jsonl is cut short: its last line, 3, ends part-way through a record/);
    const { records } = await read('broken.jsonl', '{"id": 1}\n{"id": 2, "na\n{"id": 3}\n');
    expect(records).toHaveLength(3);
    expect((records[1] as { reason: string }).reason).toMatch(/^broken\.jsonl line 2 is not JSON/);
  });
});

describe.each(BACKENDS)('a run over a cut-short export on %s', (backend) => {
  let db: TestDatabase;
  let knex: Knex;
  let feeds: RunningFeedServer;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
    knex = db.knex;
    feeds = await startSampleFeeds({ scale: SCALE, malformedRate: 0 });
  });
  afterAll(async () => {
    await feeds?.close();
    await db?.destroy();
  });

  const run = (extra: Partial<Parameters<typeof syncStream>[0]> = {}) =>
    syncStream({ knex, connector: credit, stream: penalties2016, baseUrl: feeds.url, mapping: MAPPING, review: REVIEW, http: fastHttp(), ...extra });

  test('fails with the row it was cut at, and no half row enters quarantine', async () => {
    await setFaults(feeds, { faults: { truncated: 10 } });
    const summary = await run();
    await setFaults(feeds, { faults: {} });
    expect(summary.status).toBe('failed');
    expect(summary.error).toMatch(/the export was cut short \(it ends (part-way through|inside a quoted value of) row 100\b/);
    expect(summary.quarantined).toBe(0);
    expect(Number((await knex('quarantine').count({ n: '*' }).first())!.n)).toBe(0);
  });

  test('cut short once, it is read again and the run stores every row (or holds it for review)', async () => {
    await setFaults(feeds, { faults: { truncated: 1 } });
    const summary = await run();
    // The sample export carries records planted for the review (保密审查): those are held, not stored.
    const held = heldKeys('credit/penalties-2016', { scale: SCALE, malformedRate: 0 }).size;
    expect(held).toBeGreaterThan(0);
    expect(summary).toMatchObject({ status: 'ok', fetched: SCALE, inserted: SCALE - held, held, quarantined: 0 });
  });

  test('a CSV file cut short fails the run naming the file; no half row enters quarantine', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-cut-short-run-'));
    const file = path.join(dir, 'air.csv');
    const header = 'stationCode,positionName,area,timePoint,so2,no2,pm10,co,o3,o3_8h,pm2_5';
    fs.writeFileSync(file, `${header}\r\n1029A,东风新村,大庆市,2026-10-01 08:00:00,9,41,88,0.8,30,25,61\r\n1030A,高新区,大庆市,2026-10-01 08:00:00,11,4`);
    try {
      const summary = await syncStream({ knex, connector: environment, stream: airHourly, baseUrl: feeds.url, mapping: MAPPING, review: REVIEW, file });
      expect(summary.status).toBe('failed');
      expect(summary.error).toMatch(/air\.csv is cut short: it ends part-way through row 2 \(6 of its 11 columns/);
      expect(Number((await knex('quarantine').where({ stream: 'environment/air-hourly' }).count({ n: '*' }).first())!.n)).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
