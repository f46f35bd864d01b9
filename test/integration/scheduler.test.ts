import { setTimeout as sleep } from 'node:timers/promises';
import { migrationSource } from '../../migrations';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { CONNECTORS } from '../../connectors';
import type { RunningFeedServer } from '../../samples/kit/feedServer';
import { startScheduler, type Scheduler } from '../../src/sync/scheduler';
import { createLogger } from '../../src/log';
import { MAPPING, REVIEW } from '../helpers/mapping';
import { spawnHub } from '../helpers/cli';
import { startSampleFeeds } from '../helpers/feeds';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

const STREAM = 'environment/air-hourly';
// Each fire must find the previous fire's run finished: a fire that comes while the stream is still
// being synced elsewhere is refused (the stream's lease) and has no run of its own. Runs take well
// under a second on an idle machine and about three on a busy one, so fires are five seconds apart.
const PERIOD_S = 5;
const EVERY_PERIOD = `*/${PERIOD_S} * * * * *`;
/**
 * These tests wait for the fires they need rather than counting fires inside a fixed window: on a
 * busy machine a window holds fewer fires. The ceiling only bounds a hung test.
 */
const CEILING_MS = 90_000;
const POLL_MS = 250;
/** A test waits at most three times (start, fires, stop), plus slack. */
const TEST_TIMEOUT_MS = 3 * CEILING_MS + 30_000;

async function firesAndRuns(db: TestDatabase) {
  const fires = await db.knex('scheduler_leases').where('key', 'like', `fire:${STREAM}:%`).select('key', 'holder', 'acquired_at', 'completed_at');
  const runs = await db.knex('sync_runs').where({ stream: STREAM, trigger: 'schedule' }).select('status', 'host', 'pid', 'started_at', 'finished_at');
  return { fires, runs };
}

type Tally = Awaited<ReturnType<typeof firesAndRuns>>;

/** What the database holds, for the conditions and for a failure's message. */
function counts({ fires, runs }: Tally) {
  const completed = fires.filter((f: any) => f.completed_at !== null).length;
  const running = runs.filter((r: any) => r.status === 'running').length;
  return { fires: fires.length, completed, runs: runs.length, finished: runs.length - running, running };
}

function describeTally(tally: Tally): string {
  const c = counts(tally);
  const statuses = tally.runs.map((r: any) => r.status).join(', ') || 'none';
  return `${c.fires} fire(s) seen (${c.completed} completed), ${c.runs} scheduled run(s) (${c.finished} finished; statuses: ${statuses})`;
}

/** Polls `probe` until `done` holds for what it returns; after `CEILING_MS` fails saying what it saw. */
async function waitUntil<T>(wanted: string, probe: () => Promise<T>, done: (seen: T) => boolean, describeSeen: (seen: T) => string): Promise<T> {
  const started = Date.now();
  for (;;) {
    const seen = await probe();
    if (done(seen)) return seen;
    if (Date.now() - started > CEILING_MS) throw new Error(`waited ${CEILING_MS / 1000} s for ${wanted}; saw ${describeSeen(seen)}`);
    await sleep(POLL_MS);
  }
}

/** Polls the database until `done` holds for its fires and runs. */
function waitForTally(db: TestDatabase, wanted: string, done: (tally: Tally) => boolean, also: () => string = () => ''): Promise<Tally> {
  return waitUntil(wanted, () => firesAndRuns(db), done, (tally) => describeTally(tally) + also());
}

/** At least `n` fires ran to the end: their leases completed and their runs finished. */
const atLeastFinished = (n: number) => (tally: Tally) => {
  const c = counts(tally);
  return c.completed >= n && c.finished >= n;
};

/** Nothing in flight: every fire taken has completed and no run is still running. */
const settled = (tally: Tally) => {
  const c = counts(tally);
  return c.completed === c.fires && c.running === 0;
};

/** Waits for the middle of a period, away from the fires, so that a stop does not cut one in two. */
async function betweenFires(): Promise<void> {
  const periodMs = PERIOD_S * 1000;
  const into = Date.now() % periodMs;
  const middle = periodMs / 2;
  if (Math.abs(into - middle) > periodMs / 5) await sleep((middle - into + periodMs) % periodMs);
}

describe.each(BACKENDS)('scheduled fires on %s', (backend) => {
  let feeds: RunningFeedServer;
  let db: TestDatabase;
  let schedulers: Scheduler[] = [];

  beforeAll(async () => {
    feeds = await startSampleFeeds({ scale: 200 });
    db = await createTestDatabase(backend);
  }, CEILING_MS);
  afterAll(async () => {
    await Promise.all(schedulers.map((s) => s.stop()));
    await feeds?.close();
    await db?.destroy();
  });

  test(
    'three schedulers sharing one database run each fire exactly once',
    async () => {
      const logger = createLogger('silent');
      schedulers = [1, 2, 3].map(() =>
        startScheduler({ knex: db.knex, connectors: CONNECTORS, feedUrl: () => feeds.url, mapping: MAPPING, review: REVIEW, logger, overrides: { [STREAM]: EVERY_PERIOD } }),
      );
      await waitForTally(db, 'at least 2 fires to run and their runs to finish', atLeastFinished(2));
      await betweenFires();
      await Promise.all(schedulers.map((s) => s.stop()));
      // A fire taken just before the stop still runs to its end: wait for it, then read once more
      // after a pause so that a fire whose lease was still being taken is seen too.
      let tally: Tally;
      let previous = '';
      for (;;) {
        tally = await waitForTally(db, 'the fires in flight at the stop to finish', settled);
        const now = describeTally(tally);
        if (now === previous) break;
        previous = now;
        await sleep(500);
      }
      const { fires, runs } = tally;
      expect(fires.length).toBeGreaterThanOrEqual(2);
      expect(runs).toHaveLength(fires.length);
      expect(runs.every((r: any) => r.status !== 'failed')).toBe(true);
    },
    TEST_TIMEOUT_MS,
  );
});

const onPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

onPostgres('three `hub serve` processes on one PostgreSQL', () => {
  let feeds: RunningFeedServer;
  let db: TestDatabase;
  const replicas: ChildProcessWithoutNullStreams[] = [];

  beforeAll(async () => {
    feeds = await startSampleFeeds({ scale: 200 });
    db = await createTestDatabase('postgres', { migrate: false });
  }, CEILING_MS);
  afterAll(async () => {
    for (const r of replicas) r.kill('SIGKILL');
    await feeds?.close();
    await db?.destroy();
  });

  test(
    'start together, migrate once, and run each scheduled fire on exactly one replica',
    async () => {
      const env = { ...db.env, HUB_FEEDS_URL: feeds.url, PORT: '0', HOST: '127.0.0.1', HUB_SCHEDULE: 'on', HUB_CRON_ENVIRONMENT_AIR_HOURLY: EVERY_PERIOD };
      const logs: string[] = ['', '', ''];
      const exited: Array<number | string | null | undefined> = [undefined, undefined, undefined];
      for (let i = 0; i < 3; i++) {
        const child = spawnHub(['serve'], env);
        child.stdout.on('data', (d) => (logs[i] += d));
        child.stderr.on('data', (d) => (logs[i] += d));
        child.once('exit', (code, signal) => (exited[i] = code ?? signal));
        replicas.push(child);
      }
      const serving = () => logs.filter((log) => /GraphQL at http/.test(log)).length;
      const replicaState = () =>
        `; ${serving()} of 3 replicas serving` +
        logs.map((log, i) => (exited[i] !== undefined ? `\nreplica ${i + 1} exited (${exited[i]}):\n${log}` : '')).join('');
      const failIfExited = () => {
        if (exited.some((e) => e !== undefined)) throw new Error(`a replica exited before it was stopped${replicaState()}`);
      };
      // Every replica up (each migrates first, so the tables exist from then on), then at least
      // three fires run to the end. A replica that dies fails the test at once.
      await waitUntil(
        'all 3 replicas to serve',
        async () => serving(),
        (n) => (failIfExited(), n === 3),
        (n) => `${n} of 3 replicas serving` + logs.map((log, i) => `\nreplica ${i + 1} said:\n${log}`).join(''),
      );
      await waitForTally(db, 'at least 3 fires to run and their runs to finish', (tally) => (failIfExited(), atLeastFinished(3)(tally)), replicaState);
      await betweenFires();
      const exits = replicas.map((r) => new Promise((resolve) => (r.exitCode !== null || r.signalCode !== null ? resolve(undefined) : r.once('close', resolve))));
      for (const r of replicas) r.kill('SIGTERM');
      // `hub serve` lets a running sync finish before it exits; once all have exited nothing changes.
      const ceiling = new AbortController();
      const stopped = await Promise.race([
        Promise.all(exits).then(() => true),
        sleep(CEILING_MS, false, { signal: ceiling.signal }).catch(() => true),
      ]);
      ceiling.abort();
      if (!stopped) throw new Error(`the replicas did not all exit within ${CEILING_MS / 1000} s of SIGTERM${replicaState()}`);

      for (const log of logs) expect(log).toMatch(/GraphQL at http/);
      const { fires, runs } = await firesAndRuns(db);
      expect(fires.length).toBeGreaterThanOrEqual(3);
      expect(runs).toHaveLength(fires.length);
      // The work is spread: not necessarily evenly, but by whichever replica won each fire.
      expect(new Set(fires.map((f: any) => f.holder)).size).toBeGreaterThanOrEqual(1);
      // Every migration applied exactly once, though three replicas started together.
      const migrations = await db.knex('knex_migrations').count({ n: '*' });
      expect(Number(migrations[0].n)).toBe((await migrationSource.getMigrations([])).length);
    },
    TEST_TIMEOUT_MS,
  );
});
