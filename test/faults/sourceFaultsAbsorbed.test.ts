import type { RunningFeedServer } from '../../samples/kit/feedServer';
import { startSampleFeeds } from '../helpers/feeds';
import { BACKENDS, createTestDatabase, type TestBackend, type TestDatabase } from '../helpers/testDatabase';
import { CASE_TIMEOUT_MS, cleanFingerprint, SAMPLE_SCALE, SETUP_TIMEOUT_MS } from './cleanReference';
import { emptyStore } from './emptyStore';
import { expectConverged, type Fingerprint } from './fingerprint';
import { FAULT_STREAMS } from './smallPageStreams';
import { ABSORBED } from './sourceFaultCases';
import { syncFaultStreams, syncWithFaultArmed } from './sourceFaultSync';

/**
 * Source faults the engine's retries absorb: the sync under the fault already ends with exactly
 * the rows of a clean sync (a retried page is not stored twice, a half page is never stored), and
 * a rerun with the fault cleared finds nothing to change.
 */
describe.each(BACKENDS)('source faults that retries absorb, on %s', (backend: TestBackend) => {
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

  test.each(ABSORBED)('$name', async ({ plan, sync }) => {
    const underFault = await syncWithFaultArmed(db.knex, feeds, plan, sync);
    // Every stream met the fault, and none failed.
    expect(Object.keys(underFault.met)).toEqual(FAULT_STREAMS);
    for (const stream of FAULT_STREAMS) expect(underFault.met[stream]).toBeGreaterThan(0);
    expect(underFault.summaries.filter((s) => s.status === 'failed')).toEqual([]);
    await expectConverged(db.knex, clean);

    const rerun = await syncFaultStreams(db.knex, feeds);
    expect(rerun.map((s) => s.inserted + s.updated + s.removed)).toEqual(FAULT_STREAMS.map(() => 0));
    await expectConverged(db.knex, clean);
  }, CASE_TIMEOUT_MS);
});
