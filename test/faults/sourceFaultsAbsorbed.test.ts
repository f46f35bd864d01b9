import type { RunningFeedServer } from '../../samples/kit/feedServer';
import type { StreamSummary } from '../../src/sync/engine';
import { startSampleFeeds } from '../helpers/feeds';
import { BACKENDS, createTestDatabase, type TestBackend, type TestDatabase } from '../helpers/testDatabase';
import { CASE_TIMEOUT_MS, cleanReference, SAMPLE_SCALE, setEdition, SETUP_TIMEOUT_MS, type CleanReference } from './cleanReference';
import { emptyStore } from './emptyStore';
import { expectConverged } from './fingerprint';
import { FAULT_STREAMS } from './smallPageStreams';
import { ABSORBED } from './sourceFaultCases';
import { syncFaultStreams, syncWithFaultArmed, type FaultedSync } from './sourceFaultSync';

/**
 * Source faults the engine's retries absorb: the sync under the fault already ends with exactly
 * the rows of a clean sync (a retried page is not stored twice, a half page is never stored), both
 * into an empty store and when the feed's next edition is read over it, and a rerun with the fault
 * cleared finds nothing to change.
 */
describe.each(BACKENDS)('source faults that retries absorb, on %s', (backend: TestBackend) => {
  let feeds: RunningFeedServer;
  let db: TestDatabase;
  let clean: CleanReference;

  beforeAll(async () => {
    feeds = await startSampleFeeds({ scale: SAMPLE_SCALE });
    db = await createTestDatabase(backend);
    clean = await cleanReference(db.knex, feeds);
  }, SETUP_TIMEOUT_MS);
  beforeEach(() => emptyStore(db.knex));
  afterAll(async () => {
    await feeds?.close();
    await db?.destroy();
  }, SETUP_TIMEOUT_MS);

  test.each(ABSORBED)('$name', async ({ plan, sync }) => {
    await setEdition(feeds, 1);
    expectMetAndAbsorbed(await syncWithFaultArmed(db.knex, feeds, plan, sync));
    await expectConverged(db.knex, clean.first);

    await setEdition(feeds, 2);
    expectMetAndAbsorbed(await syncWithFaultArmed(db.knex, feeds, plan, { ...sync, full: true }));
    await expectConverged(db.knex, clean.next);

    expect(changes(await syncFaultStreams(db.knex, feeds, { full: true }))).toEqual(FAULT_STREAMS.map(() => 0));
    await expectConverged(db.knex, clean.next);
  }, CASE_TIMEOUT_MS);
});

/** Every stream met the fault, part-way, and none failed. */
function expectMetAndAbsorbed({ met, summaries }: FaultedSync): void {
  expect(Object.keys(met)).toEqual(FAULT_STREAMS);
  for (const stream of FAULT_STREAMS) expect(met[stream]).toBeGreaterThan(0);
  expect(summaries.filter((s) => s.status === 'failed')).toEqual([]);
}

function changes(summaries: StreamSummary[]): number[] {
  return summaries.map((s) => s.inserted + s.updated + s.removed);
}
