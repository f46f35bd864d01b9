import type { Knex } from 'knex';
import type { StreamSummary } from '../../src/sync/engine';
import { BACKENDS, type TestBackend } from '../helpers/testDatabase';
import { CASE_TIMEOUT_MS, setEdition } from './cleanReference';
import { faultWorld } from './faultWorld';
import { expectConverged, fingerprint, leftOver, newlyInStatus, outsideOf, unbalancedLedgers, type Fingerprint } from './fingerprint';
import { FAULT_STREAMS, REMOVED_STATUS } from './smallPageStreams';
import { FAILING, type FailingSourceFault } from './sourceFaultCases';
import { syncFaultStreams, syncWithFaultArmed } from './sourceFaultSync';

/**
 * Source faults that outlast the engine's retries: the streams they hit fail part-way, with the
 * reason. What they leave is what a clean sync has, and nothing else: no half page, no doubled
 * row or revision, and no entry of a snapshot list marked removed by a read that did not complete.
 * The sync itself ends their runs and releases their leases. A rerun with the fault cleared then
 * converges to exactly the rows of a clean sync. Each case runs twice: into an empty store, and
 * with the feed's next edition read over the first.
 */
describe.each(BACKENDS)('source faults that fail the run, on %s', (backend: TestBackend) => {
  const world = faultWorld(backend);

  test.each(FAILING)('$name', async (fault) => {
    await setEdition(world.feeds, 1);
    expectFailedWith(fault, (await syncWithFaultArmed(world.db.knex, world.feeds, fault.plan, fault.sync)).summaries);
    const partial = await expectCutShort(world.db.knex, [world.clean.first]);
    expect(partial.disclosures.length).toBeGreaterThan(0);
    expect(partial.disclosures.length).toBeLessThan(world.clean.first.disclosures.length);
    await syncFaultStreams(world.db.knex, world.feeds);
    await expectConverged(world.db.knex, world.clean.first);

    await setEdition(world.feeds, 2);
    const next = await syncWithFaultArmed(world.db.knex, world.feeds, fault.plan, { ...fault.sync, full: true });
    expectFailedWith(fault, next.summaries);
    expect(await expectCutShort(world.db.knex, [world.clean.first, world.clean.next], next.summaries)).not.toEqual(world.clean.next);
    await syncFaultStreams(world.db.knex, world.feeds, { full: true });
    await expectConverged(world.db.knex, world.clean.next);
  }, CASE_TIMEOUT_MS);

  // A flaky source: which requests fail is random, so whatever the sync under it did, the same must hold.
  test('a random share of requests failing (errorRate)', async () => {
    await setEdition(world.feeds, 1);
    await syncWithFaultArmed(world.db.knex, world.feeds, { errorRate: 0.6 });
    await expectCutShort(world.db.knex, [world.clean.first]);
    await syncFaultStreams(world.db.knex, world.feeds);
    await expectConverged(world.db.knex, world.clean.first);

    await setEdition(world.feeds, 2);
    const next = await syncWithFaultArmed(world.db.knex, world.feeds, { errorRate: 0.6 }, { full: true });
    for (const summary of next.summaries.filter((s) => s.status === 'failed')) expect(summary.error).toMatch(/HTTP 500/);
    await expectCutShort(world.db.knex, [world.clean.first, world.clean.next], next.summaries);
    await syncFaultStreams(world.db.knex, world.feeds, { full: true });
    await expectConverged(world.db.knex, world.clean.next);
  }, CASE_TIMEOUT_MS);
});

function expectFailedWith(fault: FailingSourceFault, summaries: StreamSummary[]): void {
  const failed = summaries.filter((s) => s.status === 'failed');
  expect(failed.map((s) => `${s.connector}/${s.stream}`)).toEqual(expect.arrayContaining(fault.fails ?? FAULT_STREAMS));
  for (const summary of failed) expect(summary.error).toMatch(fault.reason);
}

/**
 * The store after a sync a fault cut short: within the clean states `allowed`, no list entry
 * marked removed by a failed read (`summaries`: that sync's), every run ended, every lease
 * released, every row counted once. Returns its fingerprint.
 */
async function expectCutShort(knex: Knex, allowed: Fingerprint[], summaries: StreamSummary[] = []): Promise<Fingerprint> {
  const state = await fingerprint(knex);
  expect(outsideOf(state, ...allowed)).toEqual([]);
  const before = allowed[0];
  for (const s of summaries.filter((x) => x.status === 'failed')) {
    const stream = `${s.connector}/${s.stream}`;
    if (REMOVED_STATUS[stream]) expect(newlyInStatus(state, before, stream, REMOVED_STATUS[stream])).toEqual([]);
  }
  expect(await leftOver(knex)).toEqual({ running: [], leases: [] });
  expect(await unbalancedLedgers(knex)).toEqual([]);
  return state;
}
