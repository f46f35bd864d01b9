import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Knex } from 'knex';
import type { RunningFeedServer } from '../../samples/kit/feedServer';
import { openDatabase, type Database } from '../../src/db/connect';
import { runHub, spawnHub } from '../helpers/cli';
import { startSampleFeeds } from '../helpers/feeds';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

const SUMMARY_KEYS = ['connector', 'stream', 'status', 'fetched', 'inserted', 'updated', 'unchanged', 'quarantined', 'held', 'removed', 'durationMs'];

describe('hub sync on the embedded database', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-sync-cli-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a binary --file fails the stream cleanly: exit 2, a JSON summary naming the file, the run failed and its lease released', async () => {
    const file = path.join(dir, 'export.json');
    fs.writeFileSync(file, zlib.gzipSync(Buffer.from('[{"stationCode":"1029A"}]')));
    const dataDir = path.join(dir, 'data');
    const result = await runHub(['sync', 'environment/air-hourly', '--file', file, '--json'], { HUB_DATA_DIR: dataDir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(2);
    const summary = JSON.parse(result.stdout.trim());
    expect(Object.keys(summary).sort()).toEqual([...SUMMARY_KEYS, 'error'].sort());
    expect(summary.status).toBe('failed');
    expect(summary.error).toContain(file);
    expect(summary.error).toMatch(/not a text file \(gzip-compressed\)/);

    const db = await openDatabase({ dataDir });
    try {
      expect(await db.knex('sync_runs').select('status', 'error')).toEqual([{ status: 'failed', error: summary.error }]);
      expect(await db.knex('scheduler_leases').where('key', 'like', 'stream:%')).toEqual([]);
    } finally {
      await db.close();
    }
  });
});

// Both need a server: other sessions to hold a lock and to terminate the hub's connections.
const onServer = BACKENDS.includes('postgres') ? describe : describe.skip;

onServer('hub sync on PostgreSQL, interrupted', () => {
  let feeds: RunningFeedServer;
  let db: TestDatabase;
  let watcher: Database;
  let hold: Knex.Transaction | undefined;

  beforeAll(async () => {
    feeds = await startSampleFeeds({ scale: 1200 });
    db = await createTestDatabase('postgres');
    watcher = await openDatabase({ databaseUrl: db.env.DATABASE_URL });
  });
  afterEach(async () => {
    await hold?.rollback().catch(() => undefined);
    hold = undefined;
  });
  afterAll(async () => {
    await feeds?.close();
    await watcher?.close();
    await db?.destroy();
  });

  /** Another session locks the table pages are written to: the hub's first page write waits on it. */
  async function blockWrites(): Promise<void> {
    hold = await watcher.knex.transaction();
    await hold.raw('LOCK TABLE disclosures IN ACCESS EXCLUSIVE MODE');
  }

  /** The pids of the hub's sessions waiting on that lock, once there is one. */
  async function waitingHubBackends(): Promise<number[]> {
    const deadline = Date.now() + 30000;
    for (;;) {
      const { rows } = await watcher.knex.raw(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'disclosure-hub' AND wait_event_type = 'Lock'`,
      );
      if (rows.length > 0) return rows.map((r: { pid: number }) => r.pid);
      if (Date.now() > deadline) throw new Error('the hub never reached its first write');
      await sleep(20);
    }
  }

  async function activeHubStatements(): Promise<number> {
    const { rows } = await watcher.knex.raw(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'disclosure-hub' AND state = 'active' AND pid <> pg_backend_pid()`,
    );
    return rows[0].n;
  }

  function collect(child: ReturnType<typeof spawnHub>): Promise<{ code: number | null; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
  }

  test('SIGTERM cancels the statement on the server: exit 2, the run failed "stopped", no backend left running', async () => {
    await blockWrites();
    const child = spawnHub(['sync', 'environment/air-hourly', '--json'], { ...db.env, HUB_FEEDS_URL: feeds.url });
    const done = collect(child);
    await waitingHubBackends();
    const stoppedAt = Date.now();
    child.kill('SIGTERM');
    const result = await done;
    expect(Date.now() - stoppedAt).toBeLessThan(10000);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/SIGTERM received; stopping the sync/);
    expect(JSON.parse(result.stdout.trim())).toMatchObject({ stream: 'air-hourly', status: 'failed', error: 'the run was stopped: SIGTERM received' });
    expect(await activeHubStatements()).toBe(0);
    const runs = await watcher.knex('sync_runs').select('status', 'error');
    expect(runs).toEqual([{ status: 'failed', error: 'the run was stopped: SIGTERM received' }]);
    expect(await watcher.knex('scheduler_leases').where('key', 'like', 'stream:%')).toEqual([]);
  });

  test('connections terminated mid-run: that stream fails with the reason, the next one runs, every summary is printed, exit 2', async () => {
    await blockWrites();
    const child = spawnHub(['sync', 'environment/air-hourly', 'environment/air-daily', '--json'], { ...db.env, HUB_FEEDS_URL: feeds.url });
    const done = collect(child);
    const pids = await waitingHubBackends();
    await watcher.knex.raw('SELECT pg_terminate_backend(pid) FROM unnest(?::int[]) AS pid', [pids]);
    await hold!.rollback();
    hold = undefined;
    const result = await done;
    // The driver's warning about the dropped connection may be there, on stderr, never a stack trace.
    expect(result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(result.code).toBe(2);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.stream, l.status])).toEqual([
      ['air-hourly', 'failed'],
      ['air-daily', expect.stringMatching(/^(ok|partial)$/)],
    ]);
    for (const line of lines) expect(Object.keys(line)).toEqual(expect.arrayContaining(SUMMARY_KEYS));
    expect(lines[0].error).toMatch(/^the database connection failed: .*(terminat|Connection).*; once the database is reachable, sync again/);
    const failed = await watcher.knex('sync_runs').where({ stream: 'environment/air-hourly' }).orderBy('id', 'desc').first();
    expect(failed).toMatchObject({ status: 'failed', error: lines[0].error });
    expect(await watcher.knex('sync_runs').where({ status: 'running' })).toEqual([]);
    expect(await watcher.knex('scheduler_leases').where('key', 'like', 'stream:%')).toEqual([]);
  });
});
