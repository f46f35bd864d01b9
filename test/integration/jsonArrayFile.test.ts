import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { filePages } from '../../src/sync/sources/fileSource';

/** Every record of a file, and the size of each page it came in. */
async function readFile(file: string, pageSize?: number) {
  const records: unknown[] = [];
  const pages: number[] = [];
  for await (const page of filePages(file, { pageSize })) {
    pages.push(page.records.length);
    records.push(...page.records);
  }
  return { records, pages };
}

describe('JSON array files', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-json-array-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, content: string | Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };

  test('a large array streams in pages and loads every record, in order', async () => {
    const count = 200_000;
    const file = path.join(dir, 'large.json');
    const out = fs.openSync(file, 'w');
    fs.writeSync(out, '[\n');
    for (let start = 0; start < count; start += 10_000) {
      const lines = Array.from({ length: Math.min(10_000, count - start) }, (_, i) => JSON.stringify({ id: start + i, station: '2319A', pm2_5: '44' }));
      fs.writeSync(out, `${start ? ',\n' : ''}${lines.join(',\n')}`);
    }
    fs.writeSync(out, '\n]\n');
    fs.closeSync(out);

    let seen = 0;
    let pages = 0;
    let inOrder = true;
    for await (const page of filePages(file, { pageSize: 5000 })) {
      pages++;
      for (const record of page.records as Array<{ id: number }>) inOrder &&= record.id === seen++;
    }
    expect(seen).toBe(count);
    expect(inOrder).toBe(true);
    expect(pages).toBe(count / 5000);
  });

  test('records in an envelope ({"data": [...]}) load like a bare array', async () => {
    const file = write('envelope.json', JSON.stringify({ total: 3, data: [{ id: 1 }, { id: 2 }, { id: 3 }], next: null }));
    const { records, pages } = await readFile(file, 2);
    expect(records).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(pages).toEqual([2, 1]);
  });

  test('the encoding is sniffed: UTF-8 with a BOM and GB18030 read the same', async () => {
    const records = [{ area: '大庆市', positionName: '东风新村' }];
    const text = JSON.stringify(records);
    const withBom = write('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const gbk = write('gbk.json', iconv.encode(text, 'gb18030'));
    expect((await readFile(withBom)).records).toEqual(records);
    expect((await readFile(gbk)).records).toEqual(records);
  });

  test('an empty file says it is empty and names the file', async () => {
    const file = write('empty.json', '');
    await expect(readFile(file)).rejects.toThrow(`${file} is empty: expected a JSON array of records`);
    const blank = write('blank.json', ' \n');
    await expect(readFile(blank)).rejects.toThrow(`${blank} is empty`);
  });

  test('a truncated array names the file and says it is cut short', async () => {
    const file = write('truncated.json', '[{"id": 1}, {"id": 2}, {"id": 3}, {"id": 4}, {"id"');
    await expect(readFile(file)).rejects.toThrow(new RegExp(`^${escape(file)} is not a well-formed JSON array \\(expected .*\\) .*cut short`));
  });

  test('a file that is not an array says so and names the file', async () => {
    await expect(readFile(write('object.json', '{"records": [1, 2]}'))).rejects.toThrow(/object\.json holds an object without a "data" array/);
    await expect(readFile(write('number.json', '42'))).rejects.toThrow(/number\.json does not start with "\[" but with "4": expected a JSON array/);
  });
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
