import { setTimeout as sleep } from 'node:timers/promises';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { CONNECTORS } from '../../connectors';
import type { RunningFeedServer } from '../../samples/kit/feedServer';
import { startScheduler, type Scheduler } from '../../src/sync/scheduler';
import { createLogger } from '../../src/log';
import { MAPPING } from '../helpers/mapping';
import { spawnHub } from '../helpers/cli';
import { startSampleFeeds } from '../helpers/feeds';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

const STREAM = 'environment/air-hourly';
const EVERY_TWO_SECONDS = '*/2 * * * * *';

async function firesAndRuns(db: TestDatabase) {
  const fires = await db.knex('scheduler_leases').where('key', 'like', `fire:${STREAM}:%`).select('key', 'holder');
  const runs = await db.knex('sync_runs').where({ stream: STREAM, trigger: 'schedule' }).select('status', 'host', 'pid');
  return { fires, runs };
}

describe.each(BACKENDS)('scheduled fires on %s', (backend) => {
  let feeds: RunningFeedServer;
  let db: TestDatabase;

  beforeAll(async () => {
    feeds = await startSampleFeeds({ scale: 200 });
    db = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await feeds?.close();
    await db?.destroy();
  });

  test('three schedulers sharing one database run each fire exactly once', async () => {
    const logger = createLogger('silent');
    const schedulers: Scheduler[] = [1, 2, 3].map(() =>
      startScheduler({ knex: db.knex, connectors: CONNECTORS, feedUrl: () => feeds.url, mapping: MAPPING, logger, overrides: { [STREAM]: EVERY_TWO_SECONDS } }),
    );
    await sleep(7000);
    await Promise.all(schedulers.map((s) => s.stop()));
    await sleep(500);
    const { fires, runs } = await firesAndRuns(db);
    expect(fires.length).toBeGreaterThanOrEqual(2);
    expect(runs).toHaveLength(fires.length);
    expect(runs.every((r: any) => r.status !== 'failed')).toBe(true);
  });
});

const onPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

onPostgres('three `hub serve` processes on one PostgreSQL', () => {
  let feeds: RunningFeedServer;
  let db: TestDatabase;
  const replicas: ChildProcessWithoutNullStreams[] = [];

  beforeAll(async () => {
    feeds = await startSampleFeeds({ scale: 200 });
    db = await createTestDatabase('postgres', { migrate: false });
  });
  afterAll(async () => {
    for (const r of replicas) r.kill('SIGKILL');
    await feeds?.close();
    await db?.destroy();
  });

  test('start together, migrate once, and run each scheduled fire on exactly one replica', async () => {
    const env = { ...db.env, HUB_FEEDS_URL: feeds.url, PORT: '0', HOST: '127.0.0.1', HUB_SCHEDULE: 'on', HUB_CRON_ENVIRONMENT_AIR_HOURLY: EVERY_TWO_SECONDS };
    const logs: string[] = ['', '', ''];
    for (let i = 0; i < 3; i++) {
      const child = spawnHub(['serve'], env);
      child.stdout.on('data', (d) => (logs[i] += d));
      child.stderr.on('data', (d) => (logs[i] += d));
      replicas.push(child);
    }
    await sleep(12000);
    const exits = replicas.map((r) => new Promise((resolve) => r.once('close', resolve)));
    for (const r of replicas) r.kill('SIGTERM');
    await Promise.all(exits);

    for (const log of logs) expect(log).toMatch(/GraphQL at http/);
    const { fires, runs } = await firesAndRuns(db);
    expect(fires.length).toBeGreaterThanOrEqual(3);
    expect(runs).toHaveLength(fires.length);
    // The work is spread: not necessarily evenly, but by whichever replica won each fire.
    expect(new Set(fires.map((f: any) => f.holder)).size).toBeGreaterThanOrEqual(1);
    const migrations = await db.knex('knex_migrations').count({ n: '*' });
    expect(Number(migrations[0].n)).toBe(6);
  });
});
