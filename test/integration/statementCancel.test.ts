import type { Knex } from 'knex';
import { setTimeout as sleep } from 'node:timers/promises';
import { CONNECTORS } from '../../connectors';
import { openDatabase, type Database } from '../../src/db/connect';
import { syncStream, type StreamSummary } from '../../src/sync/engine';
import { MAPPING, REVIEW } from '../helpers/mapping';
import { fastHttp } from '../helpers/feeds';
import { airReading, serveRecords, type RecordServer } from '../helpers/recordServer';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

const environment = CONNECTORS.find((c) => c.name === 'environment')!;
const airHourly = environment.streams.find((s) => s.name === 'air-hourly')!;

// Only a server has a backend to cancel: on the embedded database a statement runs in this thread
// and a stop waits for it (statementCancel.ts says so).
const onServer = BACKENDS.includes('postgres') ? describe : describe.skip;

onServer('stopping a run cancels its statement on the server', () => {
  let db: TestDatabase;
  let other: Database;
  let feed: RecordServer;
  let hold: Knex.Transaction | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    other = await openDatabase({ databaseUrl: db.env.DATABASE_URL });
    feed = await serveRecords('/environment/air-hourly', [airReading(1, 1), airReading(2, 1)], 10);
  });
  afterEach(async () => {
    await hold?.rollback().catch(() => undefined);
    hold = undefined;
  });
  afterAll(async () => {
    await feed?.close();
    await other?.close();
    await db?.destroy();
  });

  /** Another session locks the table the page writes to, so the page's statement waits on the server. */
  async function blockWrites(): Promise<void> {
    hold = await other.knex.transaction();
    await hold.raw('LOCK TABLE disclosures IN ACCESS EXCLUSIVE MODE');
  }

  async function waitingStatements(): Promise<number> {
    const { rows } = await other.knex.raw(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'disclosure-hub' AND wait_event_type = 'Lock'`,
    );
    return rows[0].n;
  }

  async function untilWaiting(): Promise<void> {
    const deadline = Date.now() + 20000;
    while ((await waitingStatements()) === 0) {
      if (Date.now() > deadline) throw new Error('the sync never reached its write');
      await sleep(20);
    }
  }

  /** The summary, or 'still waiting' if the run has not ended within `ms` of the stop. */
  async function within(ms: number, run: Promise<StreamSummary>): Promise<StreamSummary | 'still waiting'> {
    const timer = new AbortController();
    try {
      return await Promise.race([run, sleep(ms, 'still waiting' as const, { signal: timer.signal })]);
    } finally {
      timer.abort();
    }
  }

  const sync = (extra = {}) => syncStream({ knex: db.knex, connector: environment, stream: airHourly, baseUrl: feed.url, mapping: MAPPING, review: REVIEW, http: fastHttp(), ...extra });

  test('a stop (a signal) cancels the waiting statement: the run fails at once, saying it was stopped, and releases its lease', async () => {
    await blockWrites();
    const stop = new AbortController();
    const run = sync({ signal: stop.signal });
    await untilWaiting();
    stop.abort(new Error('SIGTERM received'));
    const summary = await within(5000, run);
    expect(summary).toMatchObject({ status: 'failed', error: 'the run was stopped: SIGTERM received' });
    expect(await waitingStatements()).toBe(0);
    const runRow = await other.knex('sync_runs').where({ id: (summary as StreamSummary).runId }).first();
    expect(runRow).toMatchObject({ status: 'failed', error: 'the run was stopped: SIGTERM received' });
    expect(await other.knex('scheduler_leases').where('key', 'like', 'stream:%')).toEqual([]);
    await hold!.rollback();
    // The page rolled back whole.
    expect(await other.knex('disclosures').count({ n: '*' })).toEqual([{ n: 0 }]);
  });

  test('passing the time limit cancels the waiting statement too', async () => {
    await blockWrites();
    const run = sync({ timeLimitMs: 3000 });
    await untilWaiting();
    const summary = await within(8000, run);
    expect(summary).toMatchObject({ status: 'failed', error: 'the run passed its time limit of 3 s' });
    expect(await waitingStatements()).toBe(0);
  });
});
