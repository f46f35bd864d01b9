import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Knex } from 'knex';
import { CONNECTORS } from '../../connectors';
import { syncStream } from '../../src/sync/engine';
import { replayQuarantined } from '../../src/sync/quarantineAdmin';
import { MAPPING, REVIEW } from '../helpers/mapping';
import { fastHttp } from '../helpers/feeds';
import { airReading, serveRecords, type RecordServer } from '../helpers/recordServer';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

const environment = CONNECTORS.find((c) => c.name === 'environment')!;
const airHourly = environment.streams.find((s) => s.name === 'air-hourly')!;
const STREAM = 'environment/air-hourly';

// Seven readings in pages of four: the NUL sits in the middle of the first page, the lone
// surrogate in the second, and good records surround both.
const RECORDS = [
  airReading(1, 1),
  airReading(2, 1),
  airReading(3, 1, { positionName: '职工\u0000医院' }),
  airReading(4, 1),
  airReading(5, 2),
  airReading(6, 2, { area: '石家\ud800庄市' }),
  airReading(7, 2),
];

describe.each(BACKENDS)('records PostgreSQL cannot store, on %s', (backend) => {
  let db: TestDatabase;
  let knex: Knex;
  let feed: RecordServer;
  let dir: string;
  const sync = (extra = {}) => syncStream({ knex, connector: environment, stream: airHourly, baseUrl: feed.url, mapping: MAPPING, review: REVIEW, http: fastHttp(), ...extra });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-unstorable-'));
    db = await createTestDatabase(backend);
    knex = db.knex;
    feed = await serveRecords('/environment/air-hourly', RECORDS, 4);
  });
  afterAll(async () => {
    await feed?.close();
    await db?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a NUL or a lone surrogate quarantines its record, naming the field; the rest of the page and the pages after it are stored', async () => {
    const summary = await sync();
    expect(summary.error).toBeUndefined();
    expect(summary).toMatchObject({ status: 'partial', fetched: 7, inserted: 5, quarantined: 2 });
    expect(await knex('disclosures').where({ stream: STREAM }).pluck('source_key')).toHaveLength(5);
    expect((await knex('sync_state').where({ stream: STREAM }).first()).cursor).toBe('2026-09-30 02:00:00');

    const entries = await knex('quarantine').where({ stream: STREAM }).orderBy('source_key');
    expect(entries.map((e) => e.source_key)).toEqual(['1003A@2026-09-30 01:00:00', '1006A@2026-09-30 02:00:00']);
    const [nul, surrogate] = entries;
    expect(nul.errors).toEqual([{ path: '/positionName', message: expect.stringMatching(/"positionName" contains a NUL character .* at character 3.*PostgreSQL cannot store/) }]);
    expect(surrogate.errors).toEqual([{ path: '/area', message: expect.stringMatching(/"area" contains .*unpaired surrogate.* at character 3.*PostgreSQL cannot store/) }]);
    // The stored payload shows the character as an escape, so the entry itself can be stored and read.
    expect(nul.payload.positionName).toBe('职工\\u0000医院');
    expect(surrogate.payload.area).toBe('石家\\ud800庄市');
  });

  test('a rerun stops at nothing: the same records are unchanged and the entries are seen again, not duplicated', async () => {
    const summary = await sync({ full: true });
    expect(summary).toMatchObject({ status: 'partial', fetched: 7, unchanged: 5, quarantined: 2 });
    const entries = await knex('quarantine').where({ stream: STREAM });
    expect(entries.map((e) => e.seen_count)).toEqual([2, 2]);
  });

  test('replay keeps such an entry failing until a person fixes the payload', async () => {
    const entry = await knex('quarantine').where({ stream: STREAM }).andWhere('source_key', 'like', '1003A%').first();
    expect(await replayQuarantined(knex, CONNECTORS, MAPPING, REVIEW, { ids: [Number(entry.id)] })).toEqual({ replayed: 0, stillFailing: 1 });
    await knex('quarantine')
      .where({ id: entry.id })
      .update({ payload: JSON.stringify({ ...entry.payload, positionName: '职工医院' }) });
    expect(await replayQuarantined(knex, CONNECTORS, MAPPING, REVIEW, { ids: [Number(entry.id)] })).toEqual({ replayed: 1, stillFailing: 0 });
    expect(await knex('disclosures').where({ source_key: '1003A@2026-09-30 01:00:00' }).first('title')).toMatchObject({ title: expect.stringContaining('职工医院') });
  });

  test('from a file: a NUL byte in a JSON line and in a CSV field quarantine their records; the entries are storable', async () => {
    const jsonl = path.join(dir, 'readings.jsonl');
    const broken = JSON.stringify(airReading(8, 3)).replace('监测站8', '监测站\u00008');
    fs.writeFileSync(jsonl, [JSON.stringify(airReading(8, 4)), broken, JSON.stringify(airReading(9, 3, { positionName: 'a\u0000b' })), ''].join('\n'));
    expect(fs.readFileSync(jsonl).includes(0)).toBe(true);
    const fromJsonl = await sync({ file: jsonl });
    expect(fromJsonl.error).toBeUndefined();
    expect(fromJsonl).toMatchObject({ status: 'partial', fetched: 3, inserted: 1, quarantined: 2 });
    const parse = await knex('quarantine').where({ stream: STREAM, stage: 'parse' }).first();
    expect(parse.payload.raw).toContain('监测站\\u00008');

    const csv = path.join(dir, 'readings.csv');
    const header = Object.keys(airReading(0, 0));
    const row = (r: Record<string, unknown>) => header.map((h) => r[h]).join(',');
    fs.writeFileSync(csv, [header.join(','), row(airReading(10, 5)), row(airReading(11, 5, { positionName: '西北\u0000水源' })), ''].join('\n'));
    const fromCsv = await sync({ file: csv });
    expect(fromCsv.error).toBeUndefined();
    expect(fromCsv).toMatchObject({ status: 'partial', fetched: 2, inserted: 1, quarantined: 1 });
    const entry = await knex('quarantine').where({ source_key: '1011A@2026-09-30 05:00:00' }).first();
    expect(entry.errors[0]).toMatchObject({ path: '/positionName' });
  });

  test('a record the database refuses for another reason (a value too large for an index entry) is quarantined alone', async () => {
    const file = path.join(dir, 'huge-area.jsonl');
    // Random Chinese text does not compress, so its index entry (kind, region, …) is far too large.
    let seed = 42;
    const area = Array.from({ length: 6000 }, () => String.fromCharCode(0x4e00 + ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 20000))).join('');
    fs.writeFileSync(file, [JSON.stringify(airReading(13, 7)), JSON.stringify(airReading(14, 7, { area })), ''].join('\n'));
    const summary = await sync({ file });
    expect(summary.error).toBeUndefined();
    expect(summary).toMatchObject({ status: 'partial', fetched: 2, inserted: 1, quarantined: 1 });
    const entry = await knex('quarantine').where({ source_key: '1014A@2026-09-30 07:00:00' }).first();
    expect(entry.stage).toBe('store');
    expect(entry.errors[0].message).toMatch(/^the database refused to store this record: .*index/);
    expect(await knex('disclosures').where({ source_key: '1013A@2026-09-30 07:00:00' })).toHaveLength(1);
    // A replay meets the same refusal and says so, without failing the other entries it replays.
    expect(await replayQuarantined(knex, CONNECTORS, MAPPING, REVIEW, { ids: [Number(entry.id)] })).toEqual({ replayed: 0, stillFailing: 1 });
    expect((await knex('quarantine').where({ id: entry.id }).first()).status).toBe('open');
  });

  test('a binary file fails the run cleanly: failed with a reason naming the file, the lease released', async () => {
    const file = path.join(dir, 'export.json');
    fs.writeFileSync(file, zlib.gzipSync(Buffer.from(JSON.stringify([airReading(12, 6)]))));
    const summary = await sync({ file });
    expect(summary.status).toBe('failed');
    expect(summary.error).toMatch(/export\.json/);
    expect(summary.error).toMatch(/binary|gzip/i);
    const run = await knex('sync_runs').where({ id: summary.runId }).first();
    expect(run).toMatchObject({ status: 'failed', error: summary.error });
    expect(await knex('scheduler_leases').where({ key: `stream:${STREAM}` })).toEqual([]);
  });
});
