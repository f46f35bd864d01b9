import type { Knex } from 'knex';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningFeedServer } from '../../samples/kit/feedServer';
import { spawnHub, runHub } from '../helpers/cli';
import { startSampleFeeds, setFaults } from '../helpers/feeds';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';
import { openDatabase } from '../../src/db/connect';

const SCALE = 5000; // ten pages of 500
const FEED_PATH = '/environment/air-hourly';

/** Everything a sync stores, without ids and times that legitimately differ between two databases. */
async function storedState(knex: Knex) {
  return {
    disclosures: await knex('disclosures').orderBy(['stream', 'source_key']).select('stream', 'source_key', 'content_hash', 'version', 'status', 'title'),
    entities: await knex('entities').orderBy('uscc').select('uscc', 'name'),
    revisions: Number((await knex('revisions').count({ n: '*' }))[0].n),
    quarantine: await knex('quarantine').orderBy(['stream', 'payload_hash']).select('stream', 'source_key', 'payload_hash', 'stage', 'status'),
    cursors: await knex('sync_state').orderBy('stream').select('stream', 'cursor'),
  };
}

describe.each(BACKENDS)('a sync killed with SIGKILL on %s', (backend) => {
  let feeds: RunningFeedServer;
  let crashed: TestDatabase;
  let clean: TestDatabase;

  beforeAll(async () => {
    feeds = await startSampleFeeds({ scale: SCALE });
    crashed = await createTestDatabase(backend);
    clean = await createTestDatabase(backend);
    await crashed.close();
    await clean.close();
  });
  afterAll(async () => {
    await feeds?.close();
    await crashed?.destroy();
    await clean?.destroy();
  });

  test('and run again ends with exactly the rows of a clean sync, and its run is reaped', async () => {
    const env = (db: TestDatabase) => ({ ...db.env, HUB_FEEDS_URL: feeds.url });

    // Slow pages, so the kill lands after some pages are committed and before the last one.
    await setFaults(feeds, { faults: { slow: 1000, slowMs: 400 } });
    const before = feeds.requests.get(FEED_PATH) ?? 0;
    const child = spawnHub(['sync', 'environment/air-hourly'], env(crashed));
    while ((feeds.requests.get(FEED_PATH) ?? 0) - before < 5) await sleep(20);
    await sleep(150); // inside the fifth page's wait, or its transaction
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('close', resolve));
    await setFaults(feeds, { faults: {} });

    const partial = await openDatabase(dbOptions(crashed));
    const storedBeforeRerun = Number((await partial.knex('disclosures').count({ n: '*' }))[0].n);
    await partial.close();
    expect(storedBeforeRerun).toBeGreaterThan(0);
    expect(storedBeforeRerun).toBeLessThan(SCALE);

    const rerun = await runHub(['sync', 'environment/air-hourly', '--json'], env(crashed));
    expect(rerun.stderr).toBe('');
    const cleanRun = await runHub(['sync', 'environment/air-hourly', '--json'], env(clean));
    expect(JSON.parse(cleanRun.stdout).fetched).toBe(SCALE);

    const a = await openDatabase(dbOptions(crashed));
    const b = await openDatabase(dbOptions(clean));
    try {
      const [afterCrash, afterClean] = [await storedState(a.knex), await storedState(b.knex)];
      expect(afterCrash.disclosures.length).toBe(afterClean.disclosures.length);
      expect(afterCrash).toEqual(afterClean);
      const runs = await a.knex('sync_runs').orderBy('id').select('status', 'error');
      expect(runs[0]).toMatchObject({ status: 'failed' });
      expect(runs[0].error).toMatch(/reaped/);
      expect(runs.at(-1).status).toBe('partial');
      expect(await a.knex('sync_runs').where({ status: 'running' }).count({ n: '*' })).toEqual([{ n: 0 }]);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

function dbOptions(db: TestDatabase) {
  return db.env.DATABASE_URL ? { databaseUrl: db.env.DATABASE_URL } : { dataDir: db.env.HUB_DATA_DIR };
}
