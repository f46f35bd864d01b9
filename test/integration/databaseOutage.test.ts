import type { Knex } from 'knex';
import { CONNECTORS } from '../../connectors';
import type { RunningFeedServer } from '../../samples/kit/feedServer';
import { runSync } from '../../src/sync/runSync';
import type { StreamSummary } from '../../src/sync/engine';
import { MAPPING, REVIEW } from '../helpers/mapping';
import { fastHttp, startSampleFeeds } from '../helpers/feeds';
import { databaseOutage, type DatabaseOutage } from '../helpers/databaseOutage';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

// Three pages of air-hourly readings, then a second stream that must still run.
const SCALE = 1200;
const FIRST = 'environment/air-hourly';
const SECOND = 'environment/air-daily';

describe.each(BACKENDS)('a database that fails in the middle of a sync, on %s', (backend) => {
  let db: TestDatabase;
  let knex: Knex;
  let feeds: RunningFeedServer;
  let outage: DatabaseOutage;
  const sync = (hooks: { onProgress?: (name: string) => void; onStreamEnd?: (summary: StreamSummary) => void }) =>
    runSync({
      knex,
      connectors: CONNECTORS,
      feedUrl: () => feeds.url,
      mapping: MAPPING,
      review: REVIEW,
      selectors: [FIRST, SECOND],
      full: true,
      http: fastHttp(),
      onProgress: (name) => hooks.onProgress?.(name),
      onStreamEnd: hooks.onStreamEnd,
    });

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    knex = db.knex;
    feeds = await startSampleFeeds({ scale: SCALE });
  });
  beforeEach(() => {
    outage = databaseOutage(knex);
  });
  afterEach(() => outage.restore());
  afterAll(async () => {
    await feeds?.close();
    await db?.destroy();
  });

  async function expectEndedCleanly(summary: StreamSummary, reason: RegExp): Promise<void> {
    expect(summary.status).toBe('failed');
    expect(summary.error).toMatch(reason);
    const run = await knex('sync_runs').where({ id: summary.runId }).first();
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(reason);
    expect(run.finished_at).not.toBeNull();
    expect(await knex('scheduler_leases').where({ key: `stream:${FIRST}` })).toEqual([]);
  }

  test('a connection cut during a page fails that run with the reason, releases its lease, and the next stream runs', async () => {
    let pages = 0;
    const summaries = await sync({
      onProgress: (name) => {
        if (name === FIRST && ++pages === 1) outage.failNext(/INSERT INTO disclosures/);
      },
    });
    expect(outage.refused).toBe(1);
    expect(summaries.map((s) => `${s.connector}/${s.stream}`)).toEqual([FIRST, SECOND]);
    await expectEndedCleanly(summaries[0], /database connection.*Connection terminated unexpectedly/);
    expect(summaries[0].fetched).toBe(500);
    expect(summaries[1].error).toBeUndefined();
    expect(summaries[1].status).not.toBe('failed');
  });

  test('a database down until the stream has ended: the run is marked failed with the reason as soon as the database is back', async () => {
    let pages = 0;
    const summaries = await sync({
      onProgress: (name) => {
        if (name === FIRST && ++pages === 1) outage.down();
      },
      onStreamEnd: (summary) => {
        if (summary.stream === 'air-hourly') outage.up();
      },
    });
    expect(summaries.map((s) => `${s.connector}/${s.stream}`)).toEqual([FIRST, SECOND]);
    expect(summaries[0].error).toMatch(/could not be marked failed/);
    await expectEndedCleanly(summaries[0], /database connection.*Connection terminated unexpectedly/);
    expect(summaries[1].status).not.toBe('failed');
  });

  test('a database that stays down fails every stream with the reason; nothing throws', async () => {
    let pages = 0;
    const summaries = await sync({
      onProgress: (name) => {
        if (name === FIRST && ++pages === 1) outage.down();
      },
    });
    outage.up();
    expect(summaries.map((s) => s.status)).toEqual(['failed', 'failed']);
    expect(summaries[1].error).toMatch(/database connection.*Connection terminated unexpectedly/);
    // Settled by the next sync that reaches the database.
    await sync({});
    await expectEndedCleanly(summaries[0], /database connection.*Connection terminated unexpectedly/);
    expect(await knex('sync_runs').where({ status: 'running' })).toEqual([]);
  });
});
