import type { RunningFeedServer } from '../../samples/kit/feedServer';
import { openDatabase } from '../../src/db/connect';
import { spawnHub } from '../helpers/cli';
import { startSampleFeeds } from '../helpers/feeds';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';
import { startFeedGate, type FeedGate } from './feedGate';
import { leftOver } from './fingerprint';

/**
 * `hub serve` stopped with SIGTERM while a scheduled sync is part-way, run as it is deployed
 * (NODE_ENV=production, not jest's "test"): the graceful stop ends the run and releases its lease,
 * and the process exits 0. Apollo Server stops itself on SIGTERM outside tests and then re-raises
 * the signal, which killed the hub (exit 143) before its own stop had ended the run: the run was
 * left "running" and its lease held until a later sync reaped them. test/integration/gracefulStop
 * checks the stop itself, but inherits NODE_ENV=test, where Apollo keeps out of the way.
 */
const CEILING_MS = 240000;

describe.each(BACKENDS)('hub serve stopped by SIGTERM in the middle of a sync, on %s', (backend) => {
  let feeds: RunningFeedServer;
  let gate: FeedGate;
  let db: TestDatabase;

  beforeAll(async () => {
    feeds = await startSampleFeeds({ scale: 1500 });
    // The third page of air readings is held: when it is asked for, the first is committed (the
    // second is fetched while the first is written, the third only once it is: src/sync/prefetch.ts).
    gate = await startFeedGate(feeds.url, { path: '/environment/air-hourly', fromRequest: 3 });
    db = await createTestDatabase(backend);
    await db.close(); // the server opens it
  }, CEILING_MS);
  afterAll(async () => {
    await gate?.close();
    await feeds?.close();
    await db?.destroy();
  });

  test('exits 0, with the run ended and its lease released', async () => {
    const hub = spawnHub(['serve'], {
      ...db.env,
      HUB_FEEDS_URL: gate.url,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      HUB_SCHEDULE: 'on',
      HUB_CRON_ENVIRONMENT_AIR_HOURLY: '* * * * * *',
    });
    let output = '';
    hub.stdout.on('data', (d) => (output += d));
    hub.stderr.on('data', (d) => (output += d));
    const exited = new Promise<string>((resolve) => hub.once('close', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`)));
    try {
      await Promise.race([gate.reached, exited.then((how) => Promise.reject(new Error(`hub serve ended (${how}) before its sync was part-way: ${output}`)))]);
      hub.kill('SIGTERM');
      expect(await exited).toBe('code 0');
    } finally {
      if (hub.exitCode === null && hub.signalCode === null) hub.kill('SIGKILL');
    }
    expect(output).toMatch(/SIGTERM received/);

    const check = await openDatabase(db.env.DATABASE_URL ? { databaseUrl: db.env.DATABASE_URL } : { dataDir: db.env.HUB_DATA_DIR });
    try {
      expect(await leftOver(check.knex)).toEqual({ running: [], leases: [] });
      const runs = await check.knex('sync_runs').where({ stream: 'environment/air-hourly' }).select('status', 'error', 'inserted');
      expect(runs).toEqual([{ status: 'failed', error: expect.stringMatching(/the hub is shutting down/), inserted: expect.any(Number) }]);
      expect(runs[0].inserted).toBeGreaterThan(0);
    } finally {
      await check.close();
    }
  }, CEILING_MS);
});
