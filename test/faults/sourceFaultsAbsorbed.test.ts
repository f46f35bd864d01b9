import type { StreamSummary } from '../../src/sync/engine';
import { BACKENDS, type TestBackend } from '../helpers/testDatabase';
import { CASE_TIMEOUT_MS, setEdition } from './cleanReference';
import { faultWorld } from './faultWorld';
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
  const world = faultWorld(backend);

  test.each(ABSORBED)('$name', async ({ plan, sync }) => {
    await setEdition(world.feeds, 1);
    expectMetAndAbsorbed(await syncWithFaultArmed(world.db.knex, world.feeds, plan, sync));
    await expectConverged(world.db.knex, world.clean.first);

    await setEdition(world.feeds, 2);
    expectMetAndAbsorbed(await syncWithFaultArmed(world.db.knex, world.feeds, plan, { ...sync, full: true }));
    await expectConverged(world.db.knex, world.clean.next);

    expect(changes(await syncFaultStreams(world.db.knex, world.feeds, { full: true }))).toEqual(FAULT_STREAMS.map(() => 0));
    await expectConverged(world.db.knex, world.clean.next);
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
