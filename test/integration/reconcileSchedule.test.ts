import { setTimeout as sleep } from 'node:timers/promises';
import type { Knex } from 'knex';
import { environment } from '../../connectors/environment';
import type { RunningFeedServer } from '../../samples/kit/feedServer';
import { startScheduler, type Scheduler, type SchedulerOptions } from '../../src/sync/scheduler';
import { releaseLease, tryAcquireLease } from '../../src/sync/leases';
import { createLogger } from '../../src/log';
import { MAPPING, REVIEW } from '../helpers/mapping';
import { startSampleFeeds } from '../helpers/feeds';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

const STREAM = 'environment/air-hourly';
const EVERY_SECOND = '* * * * * *';
const EVERY_TWO_SECONDS = '*/2 * * * * *';
// The ordinary schedule is moved out of the way (midnight on 1 January), so only reconciliations fire here.
const NEVER_DURING_THE_TEST = '0 0 1 1 *';
/** The machine may be busy: conditions are awaited up to this long, never counted inside a fixed window. */
const CEILING_MS = 120000;
const ONLY_AIR_HOURLY = [{ ...environment, streams: environment.streams.filter((s) => s.name === 'air-hourly') }];

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>): Promise<T> {
  const giveUpAt = Date.now() + CEILING_MS;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > giveUpAt) throw new Error(`gave up after ${CEILING_MS / 1000} s waiting for ${what}`);
    await sleep(200);
  }
}

const reconcileFires = (knex: Knex) => knex('scheduler_leases').where('key', 'like', `fire:reconcile:${STREAM}:%`).select('key', 'holder', 'completed_at');
const reconcileRuns = (knex: Knex) => knex('sync_runs').where({ stream: STREAM, trigger: 'reconcile' }).orderBy('id').select('status', 'started_at', 'finished_at');

/** A fire already won when its scheduler stopped still runs to its end: wait for every one. */
function everyFireFinished(knex: Knex) {
  return waitFor('every won fire to finish', async () => {
    const all = await reconcileFires(knex);
    return all.every((f) => f.completed_at) && all;
  });
}

/** Opening a fresh embedded database takes long on a busy machine. */
const SETUP_MS = 180000;

describe.each(BACKENDS)('scheduled reconciliation on %s', (backend) => {
  let feeds: RunningFeedServer;
  let db: TestDatabase;
  const schedulerOptions = (schedule: string): SchedulerOptions => ({
    knex: db.knex,
    connectors: ONLY_AIR_HOURLY,
    feedUrl: () => feeds.url,
    mapping: MAPPING,
    review: REVIEW,
    logger: createLogger('silent'),
    overrides: { [STREAM]: NEVER_DURING_THE_TEST },
    reconcileOverrides: { [STREAM]: { schedule } },
    busyRetry: { everyMs: 200, forMs: CEILING_MS },
  });

  beforeAll(async () => {
    feeds = await startSampleFeeds({ scale: 200 });
    db = await createTestDatabase(backend);
  }, SETUP_MS);
  afterAll(async () => {
    await feeds?.close();
    await db?.destroy();
  });
  afterEach(async () => {
    await db.knex('scheduler_leases').delete();
    await db.knex('sync_runs').delete();
  });

  test('two schedulers sharing one database run each reconcile fire exactly once, one run after another', async () => {
    const schedulers: Scheduler[] = [1, 2].map(() => startScheduler(schedulerOptions(EVERY_TWO_SECONDS)));
    expect(schedulers.every((s) => s.nextReconcile(STREAM) instanceof Date)).toBe(true);
    await waitFor('three finished reconcile fires', async () => (await reconcileFires(db.knex)).filter((f) => f.completed_at).length >= 3);
    await Promise.all(schedulers.map((s) => s.stop()));
    const fires = await everyFireFinished(db.knex);

    const runs = await reconcileRuns(db.knex);
    expect(runs).toHaveLength(fires.length);
    expect(runs.every((r) => r.status !== 'failed' && r.status !== 'running')).toBe(true);
    // The stream's lease lets one run at a time, whichever replica won the fire.
    for (let i = 1; i < runs.length; i++) expect(new Date(runs[i].started_at).getTime()).toBeGreaterThanOrEqual(new Date(runs[i - 1].finished_at).getTime());
  }, CEILING_MS * 3);

  test('a reconcile fire that finds its stream busy waits for the lease instead of overlapping or being lost', async () => {
    // Another process is syncing the stream: it holds the stream's lease.
    expect(await tryAcquireLease(db.knex, `stream:${STREAM}`, 60000, 'elsewhere:1')).toBe(true);
    const scheduler = startScheduler(schedulerOptions(EVERY_SECOND));
    try {
      await waitFor('a reconcile fire', async () => (await reconcileFires(db.knex)).length > 0);
      await sleep(1500);
      expect(await reconcileRuns(db.knex)).toEqual([]);
      const released = Date.now();
      await releaseLease(db.knex, `stream:${STREAM}`, 'elsewhere:1');
      const [run] = await waitFor('the waiting reconciliation to run', async () => {
        const runs = await reconcileRuns(db.knex);
        return runs.length > 0 && runs[0].finished_at && runs;
      });
      expect(run.status).not.toBe('failed');
      // Allow for the clocks of this process and the database disagreeing by a little.
      expect(new Date(run.started_at).getTime()).toBeGreaterThanOrEqual(released - 1000);
    } finally {
      await scheduler.stop();
      await everyFireFinished(db.knex);
    }
  }, CEILING_MS * 3);
});
