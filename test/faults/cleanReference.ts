import type { Knex } from 'knex';
import type { RunningFeedServer } from '../../samples/kit/feedServer';
import { emptyStore } from './emptyStore';
import { fingerprint, leftOver, unbalancedLedgers, type Fingerprint } from './fingerprint';
import { PAGE_SIZE } from './smallPageStreams';
import { syncFaultStreams } from './sourceFaultSync';

/**
 * Ceilings, not expectations: a case takes seconds, but opening an embedded database alone can
 * take a minute on a two-core machine busy with other work.
 */
export const SETUP_TIMEOUT_MS = 300000;
export const CASE_TIMEOUT_MS = 180000;

/** Six pages of 50 per stream: enough for a fault to land between committed pages, and fast. */
export const SAMPLE_SCALE = 6 * PAGE_SIZE;

/**
 * The expected state: one sync with no fault into an empty store, which is emptied again after.
 * It is checked on its own terms too, so a fault test never compares against a broken reference.
 */
export async function cleanFingerprint(knex: Knex, feeds: RunningFeedServer): Promise<Fingerprint> {
  await emptyStore(knex);
  const summaries = await syncFaultStreams(knex, feeds);
  const failed = summaries.filter((s) => s.status === 'failed');
  if (failed.length > 0) throw new Error(`the clean reference sync failed: ${failed.map((s) => `${s.connector}/${s.stream}: ${s.error}`).join('; ')}`);
  const state = await fingerprint(knex);
  expect(state.disclosures.length).toBeGreaterThan(summaries.length * 4 * PAGE_SIZE);
  expect(await leftOver(knex)).toEqual({ running: [], leases: [] });
  expect(await unbalancedLedgers(knex)).toEqual([]);
  await emptyStore(knex);
  return state;
}
