import pg from 'pg';
import type { RunningFeedServer } from '../../samples/kit/feedServer';
import { runHub, spawnHub, type CliResult } from '../helpers/cli';
import { startSampleFeeds } from '../helpers/feeds';
import { clusterUnavailableReason, createCluster, type PgCluster } from '../helpers/pgCluster';
import { waitFor } from '../helpers/waitFor';
import { createClusterDatabase, openClusterDatabase, withClient } from './clusterDatabase';
import { startFeedGate, type FeedGate } from './feedGate';
import { fingerprint, leftOver, outsideOf, unbalancedLedgers, type Fingerprint } from './fingerprint';

/**
 * PostgreSQL restarted in the middle of `hub sync --json`, on a throwaway cluster of the test's
 * own: the sync exits 2 with a summary per stream saying what happened, and a rerun converges to
 * exactly the rows of a clean sync, with no run left running and no lease held.
 */
const unavailable = clusterUnavailableReason();
if (unavailable) console.warn(`database restart mid-sync suite SKIPPED: ${unavailable}; it needs a throwaway PostgreSQL cluster (test/helpers/pgCluster.ts).`);
const withCluster = unavailable ? describe.skip : describe;

// Three pages of 500 air readings, then a snapshot list that runs after the restart.
const SCALE = 1500;
const FIRST = 'environment/air-hourly';
const STREAMS = [FIRST, 'credit/serious-violations'];
const CLI_TIMEOUT_MS = 240000;

withCluster(`PostgreSQL restarted in the middle of hub sync${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let cluster: PgCluster;
  let feeds: RunningFeedServer;
  let gate: FeedGate;
  let faultedUrl: string;
  let clean: Fingerprint;

  const sync = (url: string, feedsUrl: string) => ({ DATABASE_URL: url, HUB_FEEDS_URL: feedsUrl, HUB_SAMPLE_SCALE: String(SCALE) });

  beforeAll(async () => {
    cluster = await createCluster();
    feeds = await startSampleFeeds({ scale: SCALE });
    // The third page of air readings is held: when it is asked for, the first page is committed
    // (the second is fetched while the first is written, the third only once it is: src/sync/prefetch.ts).
    gate = await startFeedGate(feeds.url, { path: '/environment/air-hourly', fromRequest: 3 });
    faultedUrl = await createClusterDatabase(cluster, 'faulted');
    const cleanUrl = await createClusterDatabase(cluster, 'clean');
    succeeded(await runHub(['sync', ...STREAMS, '--json'], sync(cleanUrl, feeds.url), CLI_TIMEOUT_MS));
    clean = await fingerprintOf(cleanUrl);
  }, CLI_TIMEOUT_MS + 120000);

  afterAll(async () => {
    await gate?.close();
    await feeds?.close();
    cluster?.destroy();
  });

  test('the sync exits 2 with a summary per stream; a rerun converges to the clean sync', async () => {
    let output = '';
    let errors = '';
    const child = spawnHub(['sync', ...STREAMS, '--json'], sync(faultedUrl, gate.url));
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (errors += d));
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve));

    await Promise.race([gate.reached, exited.then(() => Promise.reject(new Error(`hub sync ended before its third page: ${output}${errors}`)))]);
    // A restart between two pages is absorbed by the pool's fresh connections; the case that
    // matters is a page caught half-written. The test holds the stream's cursor row, so the next
    // page's transaction waits on it, open, when the server goes down.
    const locker = await holdCursorRow(faultedUrl, FIRST);
    gate.open();
    await waitFor('the next page to wait on the cursor row, inside its transaction', () => waitingOnLock(faultedUrl, locker), 120000, 50);

    cluster.stop('fast');
    cluster.start();

    const code = await exited;
    const lines = output.trim().split('\n');
    expect({ code, lines: lines.length }).toEqual({ code: 2, lines: STREAMS.length });
    const summaries = lines.map((line) => JSON.parse(line));
    expect(summaries.map((s) => `${s.connector}/${s.stream}`)).toEqual(STREAMS);
    expect(summaries[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/^the database connection failed: .*; once the database is reachable, sync again/) });
    expect(summaries[0].fetched).toBeGreaterThanOrEqual(500);
    // The next stream starts a second or so later: on a busy machine the server may not be back yet.
    if (summaries[1].status === 'failed') expect(summaries[1].error).toMatch(/the database connection failed/);

    const beforeRerun = await fingerprintOf(faultedUrl);
    expect(beforeRerun.disclosures.length).toBeGreaterThan(0);
    expect(beforeRerun.disclosures.length).toBeLessThan(clean.disclosures.length);
    expect(outsideOf(beforeRerun, clean)).toEqual([]);

    succeeded(await runHub(['sync', ...STREAMS, '--json'], sync(faultedUrl, feeds.url), CLI_TIMEOUT_MS));
    const db = await openClusterDatabase(faultedUrl);
    try {
      expect(await fingerprint(db.knex)).toEqual(clean);
      expect(await leftOver(db.knex)).toEqual({ running: [], leases: [] });
      expect(await unbalancedLedgers(db.knex)).toEqual([]);
      // Ended by the same hub sync once the server answered again (before its next stream), or,
      // if it was not back before that command ended, reaped by the rerun: never left running.
      const first = await db.knex('sync_runs').where({ stream: FIRST }).orderBy('id').first('status', 'error');
      expect(first).toEqual({ status: 'failed', error: expect.stringMatching(/^the database connection failed|^reaped: its process \d+ is gone/) });
    } finally {
      await db.close();
    }
  }, CLI_TIMEOUT_MS * 2);
});

function succeeded(result: CliResult): void {
  if (result.code !== 0) throw new Error(`hub sync exited ${result.code}: ${result.stderr}${result.stdout}`);
}

async function fingerprintOf(url: string): Promise<Fingerprint> {
  const db = await openClusterDatabase(url);
  try {
    return await fingerprint(db.knex);
  } finally {
    await db.close();
  }
}

/** Opens a transaction that locks the stream's cursor row; the restart ends it. Returns its backend pid. */
async function holdCursorRow(url: string, stream: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, application_name: 'fault-test-locker' });
  client.on('error', () => undefined);
  await client.connect();
  await client.query('BEGIN');
  const { rowCount } = await client.query('SELECT 1 FROM sync_state WHERE stream = $1 FOR UPDATE', [stream]);
  if (rowCount !== 1) throw new Error(`no cursor row for ${stream}: the first page should be committed by now`);
  return (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
}

/** True once a backend other than the locker waits on a lock in that database. */
function waitingOnLock(url: string, locker: number): Promise<true | undefined> {
  return withClient(url, async (client) => {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> $1`,
      [locker],
    );
    return rows[0].n > 0 ? true : undefined;
  });
}
