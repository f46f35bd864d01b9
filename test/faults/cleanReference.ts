import http from 'node:http';
import type { Knex } from 'knex';
import type { RunningFeedServer } from '../../samples/kit/feedServer';
import { emptyStore } from './emptyStore';
import { fingerprint, leftOver, newlyInStatus, unbalancedLedgers, type Fingerprint } from './fingerprint';
import { PAGE_SIZE, REMOVED_STATUS } from './smallPageStreams';
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
 * The states a clean sync reaches, each the expected end of a fault case:
 * - `first`: the feed's first edition synced into an empty store;
 * - `next`: then its second edition read whole over it, which corrects some air readings (new
 *   versions, revisions kept) and drops some entries from the serious-violations list (marked
 *   removed, which only a complete read of the list may do).
 */
export interface CleanReference {
  first: Fingerprint;
  next: Fingerprint;
}

/**
 * Sets the feed's edition through the sample feed server's control endpoint, on a connection of
 * its own: a kept-alive one that the server is closing just then fails with ECONNRESET.
 */
export function setEdition(feeds: RunningFeedServer, edition: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${feeds.url}/_control`, { method: 'PUT', agent: false }, (response) => {
      response.resume();
      if (response.statusCode === 200) response.on('end', resolve);
      else reject(new Error(`setting edition ${edition} failed: HTTP ${response.statusCode}`));
    });
    request.on('error', reject);
    request.end(JSON.stringify({ edition }));
  });
}

/**
 * Both states, by clean syncs through the store, which is emptied again after. Each is checked
 * on its own terms too, so a fault case never compares against a broken reference.
 */
export async function cleanReference(knex: Knex, feeds: RunningFeedServer): Promise<CleanReference> {
  await emptyStore(knex);
  await setEdition(feeds, 1);
  const first = await cleanState(knex, feeds, false);
  expect(first.disclosures.length).toBeGreaterThan(3 * 4 * PAGE_SIZE);
  await setEdition(feeds, 2);
  const next = await cleanState(knex, feeds, true);
  expect(Object.values(next.revisions).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  for (const [stream, removed] of Object.entries(REMOVED_STATUS)) expect(newlyInStatus(next, first, stream, removed).length).toBeGreaterThan(0);
  await emptyStore(knex);
  await setEdition(feeds, 1);
  return { first, next };
}

async function cleanState(knex: Knex, feeds: RunningFeedServer, full: boolean): Promise<Fingerprint> {
  const summaries = await syncFaultStreams(knex, feeds, { full });
  const failed = summaries.filter((s) => s.status === 'failed');
  if (failed.length > 0) throw new Error(`a clean reference sync failed: ${failed.map((s) => `${s.connector}/${s.stream}: ${s.error}`).join('; ')}`);
  expect(await leftOver(knex)).toEqual({ running: [], leases: [] });
  expect(await unbalancedLedgers(knex)).toEqual([]);
  return fingerprint(knex);
}
