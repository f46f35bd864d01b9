import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Knex } from 'knex';
import { CONNECTORS } from '../../connectors';
import { syncStream } from '../../src/sync/engine';
import { httpCsv } from '../../src/sync/sources/httpCsv';
import { filePages } from '../../src/sync/sources/fileSource';
import { MAPPING, REVIEW } from '../helpers/mapping';
import { fastHttp } from '../helpers/feeds';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

/**
 * Text is decoded strictly, in one encoding per file or response: bytes that are not valid in it
 * stop the read at their line, rather than turn into U+FFFD that would be published as if the
 * source had written it.
 */
const HEADER = 'stationCode,positionName,area,timePoint,so2,no2,pm10,co,o3,o3_8h,pm2_5';
const row = (i: number, name = '东风新村', area = '大庆市') => `${1000 + i}A,${name},${area},2026-10-01 08:00:00,9,41,88,0.8,30,25,61`;
/** Enough rows to take the text well past the 64 KB the encoding is detected from. */
const ROWS = 1000;
const rows = (from: number, count: number, name?: string, area?: string) => Array.from({ length: count }, (_, i) => `${row(from + i, name, area)}\r\n`).join('');

/** UTF-8 for ROWS rows after the header, then GBK: the first GBK row is line ROWS + 2. */
const MIXED = Buffer.concat([Buffer.from(`${HEADER}\r\n${rows(0, ROWS)}`), iconv.encode(rows(ROWS, 5, '高新区'), 'gbk')]);
const FIRST_GBK_LINE = (ROWS + 2).toLocaleString('en-US');

async function readFile(file: string) {
  const records: any[] = [];
  for await (const page of filePages(file)) records.push(...page.records);
  return records;
}

describe('text in more than one encoding', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-encodings-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, content: Buffer | string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };

  test('a CSV file that turns from UTF-8 to GBK is refused at the first GBK line', async () => {
    const file = write('mixed.csv', MIXED);
    await expect(readFile(file)).rejects.toThrow(`${file} line ${FIRST_GBK_LINE} is not valid UTF-8 (the encoding detected from its first non-ASCII text)`);
  });

  test('a CSV file that turns from UTF-8 to GBK early on is refused too, not read as GBK throughout', async () => {
    const file = write('mixed-early.csv', Buffer.concat([Buffer.from(`${HEADER}\r\n${rows(0, 3)}`), iconv.encode(rows(3, 3, '高新区'), 'gbk')]));
    await expect(readFile(file)).rejects.toThrow(`${file} line 5 is not valid UTF-8 (the encoding detected from its first non-ASCII text)`);
  });

  test('a JSON Lines file that turns from UTF-8 to GBK is refused at the first GBK line', async () => {
    const line = (i: number, name: string) => `${JSON.stringify({ id: i, name, pad: 'x'.repeat(100) })}\n`;
    const utf8 = Array.from({ length: 600 }, (_, i) => line(i, '东风新村')).join('');
    const file = write('mixed.jsonl', Buffer.concat([Buffer.from(utf8), iconv.encode(line(600, '高新区'), 'gbk')]));
    await expect(readFile(file)).rejects.toThrow(`${file} line 601 is not valid UTF-8`);
  });

  test('a GBK file with a byte that is not GBK is refused at its line', async () => {
    const file = write('damaged-gbk.csv', Buffer.concat([iconv.encode(`${HEADER}\r\n${rows(0, 3)}`, 'gbk'), Buffer.from([0x81, 0x20]), iconv.encode(`\r\n${rows(3, 2)}`, 'gbk')]));
    await expect(readFile(file)).rejects.toThrow(`${file} line 5 is not valid GB18030 (the encoding detected from its first non-ASCII text)`);
  });

  test('a GBK file whose first 64 KB are plain ASCII is read as GBK, not taken for UTF-8', async () => {
    const ascii = rows(0, ROWS, 'Zhigong Hospital', 'Shijiazhuang');
    const file = write('late-chinese.csv', Buffer.concat([Buffer.from(`${HEADER}\r\n${ascii}`), iconv.encode(rows(ROWS, 2, '高新区'), 'gbk')]));
    const records = await readFile(file);
    expect(records).toHaveLength(ROWS + 2);
    expect(records.at(-1)).toMatchObject({ positionName: '高新区', area: '大庆市' });
  });

  test('a replacement character the source did write is kept', async () => {
    const file = write('with-replacement.csv', `${HEADER}\r\n${row(0, '职工\uFFFD医院')}\r\n`);
    expect((await readFile(file))[0].positionName).toBe('职工\uFFFD医院');
  });

  test('a CSV export over HTTP that turns from UTF-8 to GBK is refused at the first GBK line, and not read again', async () => {
    let requests = 0;
    const server = http.createServer((_req, res) => {
      requests++;
      res.writeHead(200, { 'content-type': 'text/csv' }).end(MIXED);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const read = async () => {
        for await (const _page of httpCsv({ path: '/air.csv' }).pages({ baseUrl: url, http: fastHttp(), signal: new AbortController().signal }));
      };
      await expect(read()).rejects.toThrow(`${url}/air.csv line ${FIRST_GBK_LINE} is not valid UTF-8`);
      expect(requests).toBe(1);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe.each(BACKENDS)('a mixed-encoding file load on %s', (backend) => {
  let db: TestDatabase;
  let knex: Knex;
  let dir: string;
  const environment = CONNECTORS.find((c) => c.name === 'environment')!;
  const airHourly = environment.streams.find((s) => s.name === 'air-hourly')!;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-encodings-run-'));
    db = await createTestDatabase(backend);
    knex = db.knex;
  });
  afterAll(async () => {
    await db?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('fails naming the line, and stores no replacement character', async () => {
    const file = path.join(dir, 'air.csv');
    fs.writeFileSync(file, MIXED);
    const summary = await syncStream({ knex, connector: environment, stream: airHourly, baseUrl: 'http://127.0.0.1:1', mapping: MAPPING, review: REVIEW, file });
    expect(summary.status).toBe('failed');
    expect(summary.error).toContain(`line ${FIRST_GBK_LINE} is not valid UTF-8`);
    const garbled = await knex('disclosures').whereRaw(`strpos(title || attributes::text, ?) > 0`, ['\uFFFD']).count({ n: '*' }).first();
    expect(Number(garbled!.n)).toBe(0);
    const quarantined = await knex('quarantine').whereRaw(`strpos(payload::text, ?) > 0`, ['\uFFFD']).count({ n: '*' }).first();
    expect(Number(quarantined!.n)).toBe(0);
  });
});
