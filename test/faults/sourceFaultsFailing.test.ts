import type { RunningFeedServer } from '../../samples/kit/feedServer';
import { startSampleFeeds } from '../helpers/feeds';
import { BACKENDS, createTestDatabase, type TestBackend, type TestDatabase } from '../helpers/testDatabase';
import { CASE_TIMEOUT_MS, cleanFingerprint, SAMPLE_SCALE, SETUP_TIMEOUT_MS } from './cleanReference';
import { emptyStore } from './emptyStore';
import { expectConverged, fingerprint, leftOver, outsideOf, unbalancedLedgers, type Fingerprint } from './fingerprint';
import { FAULT_STREAMS } from './smallPageStreams';
import { FAILING } from './sourceFaultCases';
import { syncFaultStreams, syncWithFaultArmed } from './sourceFaultSync';

/**
 * Source faults that outlast the engine's retries: the streams they hit fail part-way, with the
 * reason, keeping exactly the rows committed before the fault (a part of the clean sync, nothing
 * else: no half page, no entry of a snapshot list marked removed by an incomplete read). Their
 * runs are ended and their leases released by the sync itself. A rerun with the fault cleared then
 * converges to exactly the rows of a clean sync.
 */
describe.each(BACKENDS)('source faults that fail the run, on %s', (backend: TestBackend) => {
  let feeds: RunningFeedServer;
  let db: TestDatabase;
  let clean: Fingerprint;

  beforeAll(async () => {
    feeds = await startSampleFeeds({ scale: SAMPLE_SCALE });
    db = await createTestDatabase(backend);
    clean = await cleanFingerprint(db.knex, feeds);
  }, SETUP_TIMEOUT_MS);
  beforeEach(() => emptyStore(db.knex));
  afterAll(async () => {
    await feeds?.close();
    await db?.destroy();
  }, SETUP_TIMEOUT_MS);

  test.each(FAILING)('$name', async ({ plan, sync, reason, fails = FAULT_STREAMS }) => {
    const { summaries } = await syncWithFaultArmed(db.knex, feeds, plan, sync);
    const failed = summaries.filter((s) => s.status === 'failed');
    expect(failed.map((s) => `${s.connector}/${s.stream}`)).toEqual(expect.arrayContaining(fails));
    for (const summary of failed) expect(summary.error).toMatch(reason);

    // Stopped part-way: some rows are stored, not all, and each is the clean sync's row.
    const partial = await fingerprint(db.knex);
    expect(partial.disclosures.length).toBeGreaterThan(0);
    expect(partial.disclosures.length).toBeLessThan(clean.disclosures.length);
    expect(outsideOf(partial, clean)).toEqual([]);
    expect(await leftOver(db.knex)).toEqual({ running: [], leases: [] });
    expect(await unbalancedLedgers(db.knex)).toEqual([]);

    const rerun = await syncFaultStreams(db.knex, feeds);
    expect(rerun.filter((s) => s.status === 'failed')).toEqual([]);
    await expectConverged(db.knex, clean);
  }, CASE_TIMEOUT_MS);

  // A flaky source: which requests fail is random, so whatever the sync under it did, the same must hold.
  test('a random share of requests failing (errorRate)', async () => {
    const { summaries } = await syncWithFaultArmed(db.knex, feeds, { errorRate: 0.6 });
    for (const summary of summaries.filter((s) => s.status === 'failed')) expect(summary.error).toMatch(/HTTP 500/);
    expect(outsideOf(await fingerprint(db.knex), clean)).toEqual([]);
    expect(await leftOver(db.knex)).toEqual({ running: [], leases: [] });
    expect(await unbalancedLedgers(db.knex)).toEqual([]);

    await syncFaultStreams(db.knex, feeds);
    await expectConverged(db.knex, clean);
  }, CASE_TIMEOUT_MS);
});
