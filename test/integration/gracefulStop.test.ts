import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningFeedServer } from '../../samples/kit/feedServer';
import { openDatabase } from '../../src/db/connect';
import { spawnHub } from '../helpers/cli';
import { setFaults, startSampleFeeds } from '../helpers/feeds';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

const FEED_PATH = '/environment/air-hourly';

describe.each(BACKENDS)('SIGTERM during a sync on %s', (backend) => {
  let feeds: RunningFeedServer;
  let db: TestDatabase;

  beforeAll(async () => {
    feeds = await startSampleFeeds({ scale: 5000 });
    db = await createTestDatabase(backend);
    await db.close();
  });
  afterAll(async () => {
    await feeds?.close();
    await db?.destroy();
  });

  test('stops the hub promptly with no run left "running", no lease held and no partial batch', async () => {
    await setFaults(feeds, { faults: { slow: 1000, slowMs: 300 } });
    const before = feeds.requests.get(FEED_PATH) ?? 0;
    const hub = spawnHub(['serve'], {
      ...db.env,
      HUB_FEEDS_URL: feeds.url,
      PORT: '0',
      HOST: '127.0.0.1',
      HUB_SCHEDULE: 'on',
      HUB_CRON_ENVIRONMENT_AIR_HOURLY: '* * * * * *',
    });
    let output = '';
    hub.stdout.on('data', (d) => (output += d));
    hub.stderr.on('data', (d) => (output += d));
    const deadline = Date.now() + 30000;
    while ((feeds.requests.get(FEED_PATH) ?? 0) - before < 4 && Date.now() < deadline) await sleep(20);
    expect((feeds.requests.get(FEED_PATH) ?? 0) - before).toBeGreaterThanOrEqual(4);

    const stoppedAt = Date.now();
    hub.kill('SIGTERM');
    const code = await new Promise((resolve) => hub.once('close', resolve));
    expect(code).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10000);
    expect(output).toMatch(/SIGTERM received/);
    await setFaults(feeds, { faults: {} });

    const check = await openDatabase(db.env.DATABASE_URL ? { databaseUrl: db.env.DATABASE_URL } : { dataDir: db.env.HUB_DATA_DIR });
    try {
      const runs = await check.knex('sync_runs').where({ stream: 'environment/air-hourly' }).orderBy('id').select('*');
      expect(runs.length).toBeGreaterThan(0);
      expect(runs.filter((r: any) => r.status === 'running')).toEqual([]);
      const stopped = runs.at(-1);
      expect(stopped.status).toBe('failed');
      expect(stopped.error).toMatch(/shutting down/);
      expect(stopped.finished_at).not.toBeNull();
      expect(await check.knex('scheduler_leases').where('key', 'like', 'stream:%')).toEqual([]);
      // Whole batches only: what is stored is exactly what the runs counted, in pages of 500.
      const [{ n }] = await check.knex('disclosures').where({ stream: 'environment/air-hourly' }).count({ n: '*' });
      const counted = runs.reduce((sum: number, r: any) => sum + r.inserted, 0);
      expect(Number(n)).toBe(counted);
      const fetched = runs.reduce((sum: number, r: any) => sum + r.fetched, 0);
      expect(fetched % 500).toBe(0);
    } finally {
      await check.close();
    }
  });
});
