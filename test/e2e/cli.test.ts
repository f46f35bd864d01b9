import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { runHub } from '../helpers/cli';
import { openDatabase } from '../../src/db/connect';

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

describe('hub CLI', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-cli-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('an unknown command or option is one clear line and a non-zero exit', async () => {
    const unknown = await runHub(['frobnicate']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/);
    const badOption = await runHub(['sync', '--bogus']);
    expect(badOption.code).not.toBe(0);
    expect(badOption.stderr).toMatch(/unknown option '--bogus'/);
    expect(badOption.stderr).not.toMatch(STACK_LINE);
  });

  test('an unreachable DATABASE_URL names the host and the fix, without a stack trace', async () => {
    const result = await runHub(['migrate'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/hub' });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/127\.0\.0\.1:1/);
    expect(lines[0]).toMatch(/DATABASE_URL/);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  test('hub sync --json prints one summary object per stream, and hub status shows the cursor', async () => {
    const sync = await runHub(['sync', '--json'], { HUB_DATA_DIR: dataDir }, 170000);
    expect(sync.stderr).toBe('');
    const lines = sync.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThanOrEqual(1);
    const air = lines.find((l) => l.stream === 'air-hourly');
    expect(Object.keys(air).sort()).toEqual(
      ['connector', 'stream', 'status', 'fetched', 'inserted', 'updated', 'unchanged', 'quarantined', 'held', 'removed', 'durationMs'].sort(),
    );
    expect(air.inserted + air.quarantined).toBe(air.fetched);

    const status = await runHub(['status', '--json'], { HUB_DATA_DIR: dataDir });
    const streams = JSON.parse(status.stdout);
    const entry = streams.find((s: any) => s.stream === 'environment/air-hourly');
    expect(entry.cursor).toMatch(/^\d{4}-\d\d-\d\d \d\d:00:00$/);
    // The sample feeds are served as of the command's start: the newest hour is hours old, not weeks.
    expect(Date.now() - Date.parse(`${entry.cursor.replace(' ', 'T')}+08:00`)).toBeLessThan(6 * 3600 * 1000);
    expect(entry.lastRun.status).toBe('partial');
    expect(entry.quarantineOpen).toBe(air.quarantined);
    expect(entry.nextRun).toMatch(/T\d\d:05:00/);
  }, 180000);

  test('an unknown stream lists the streams that exist', async () => {
    const result = await runHub(['sync', 'credit/nonsense'], { HUB_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no stream "credit\/nonsense"; known streams: .*environment\/air-hourly/);
  });

  test('quarantine list and replay refuse a status or an id that does not exist: one line, exit 2', async () => {
    const status = await runHub(['quarantine', 'list', '--status', 'bogus'], { HUB_DATA_DIR: dataDir });
    expect([status.code, status.stderr]).toEqual([2, 'hub: --status "bogus" is not a quarantine status; use one of open, replayed, superseded, discarded, all\n']);
    const replay = await runHub(['quarantine', 'replay', '999999999'], { HUB_DATA_DIR: dataDir });
    expect([replay.code, replay.stderr]).toEqual([2, 'hub: no quarantine entry 999999999: see "hub quarantine list --status all" for the ids that exist\n']);
    expect(replay.stdout).toBe('');
  });

  test('a GBK-encoded CSV dump loads with correct Chinese text', async () => {
    const csv = [
      'stationCode,positionName,area,timePoint,so2,no2,pm10,co,o3,o3_8h,pm2_5',
      '1029A,东风新村,大庆市,2026-10-01 08:00:00,9,41,88,0.8,30,25,61',
      '1030A,高新区,大庆市,2026/10/01 08:00,11,44,97,0.9,27,22,—',
      '1031A,龙凤,大庆市,2026-10-01 08:00:00,abc,44,97,0.9,27,22,70',
    ].join('\r\n');
    const file = path.join(dataDir, 'air-export-gbk.csv');
    fs.writeFileSync(file, iconv.encode(csv, 'gbk'));
    const result = await runHub(['sync', 'environment/air-hourly', '--file', file, '--json'], { HUB_DATA_DIR: dataDir });
    const summary = JSON.parse(result.stdout.trim());
    expect(summary).toMatchObject({ fetched: 3, inserted: 2, quarantined: 1, status: 'partial' });

    const db = await openDatabase({ dataDir });
    try {
      const rows = await db.knex('disclosures').where('source_key', 'like', '%2026-10-01%').orderBy('source_key').select('title', 'attributes');
      expect(rows.map((r: any) => r.attributes.station.name)).toEqual(['东风新村', '高新区']);
      expect(rows[0].title).toContain('大庆市东风新村站');
      const bad = await db.knex('quarantine').where('source_key', 'like', '1031A%').first();
      expect(bad.errors[0].message).toContain('"so2" is "abc"');
    } finally {
      await db.close();
    }
  });

  test('hub sync --file with an empty .json file fails the run, naming the file and what was expected', async () => {
    const file = path.join(dataDir, 'empty-export.json');
    fs.writeFileSync(file, '');
    const result = await runHub(['sync', 'environment/air-hourly', '--file', file], { HUB_DATA_DIR: dataDir }, 110000);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`environment/air-hourly failed: ${file} is empty: expected a JSON array of records`);
    expect(result.stderr).not.toMatch(STACK_LINE);
  }, 120000);

  test('a second process on the same embedded database is refused with a clear reason', async () => {
    const db = await openDatabase({ dataDir });
    try {
      const result = await runHub(['status'], { HUB_DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/in use by process \d+/);
      expect(result.stderr).toMatch(/DATABASE_URL/);
    } finally {
      await db.close();
    }
  });

  test('serve on a port in use says so in one line', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const result = await runHub(['serve'], { HUB_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`port ${port} on 127.0.0.1 is already in use`));
      expect(result.stderr).not.toMatch(STACK_LINE);
    } finally {
      blocker.close();
    }
  });
});
