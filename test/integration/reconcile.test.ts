import type { Knex } from 'knex';
import { CONNECTORS } from '../../connectors';
import { SAMPLE_FEEDS } from '../../samples';
import { isMalformed, type FeedOptions, type IndexedFeed } from '../../samples/kit/feed';
import { DEFAULT_FEED_OPTIONS, type RunningFeedServer } from '../../samples/kit/feedServer';
import { runSync } from '../../src/sync/runSync';
import { reconcileStreams } from '../../src/sync/reconcile';
import { selectStreams } from '../../src/sync/selection';
import { validatorFor } from '../../src/sync/validation';
import { compareCursors, withLookBack } from '../../src/sync/cursor';
import type { StreamDefinition } from '../../src/sync/stream';
import { MAPPING, REVIEW } from '../helpers/mapping';
import { runHub } from '../helpers/cli';
import { fastHttp, setFaults, startSampleFeeds } from '../helpers/feeds';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';
import { heldKeys } from '../helpers/plantedReview';

/** Enough records that both streams reach well past their look-backs (trading: a year and more; air: a day). */
const SCALE = 1200;
const TRADING = 'trading/notices';
const AIR = 'environment/air-hourly';
const DAY_MS = 24 * 3600 * 1000;

const feedOptions = (edition: number): FeedOptions => ({ ...DEFAULT_FEED_OPTIONS, scale: SCALE, edition });
const streamNamed = (name: string): StreamDefinition => selectStreams(CONNECTORS, [name])[0].stream;
const feedAt = (name: string): IndexedFeed => SAMPLE_FEEDS.find((f) => f.path === `/${name}`)!;

interface Correction {
  key: string;
  cursor: string;
}

/**
 * The valid records one edition changed from the one before, by the stream's own key and cursor:
 * computed from the generators, as the feed serves them. Each is one update and one revision. A
 * record planted with a catch for the review (samples/review) is held, never stored: its
 * correction is held again, no update.
 */
function correctionsBetween(name: string, before: number, after: number): Correction[] {
  const stream = streamNamed(name);
  const feed = feedAt(name);
  const validate = validatorFor(stream.schema);
  const held = new Set([...heldKeys(name, feedOptions(before)), ...heldKeys(name, feedOptions(after))]);
  const corrections: Correction[] = [];
  for (let i = 0; i < SCALE; i++) {
    if (isMalformed(feed.path, i, feedOptions(after))) continue;
    const old = feed.record(i, feedOptions(before));
    const now = feed.record(i, feedOptions(after));
    if (JSON.stringify(old) === JSON.stringify(now) || validate(now).length > 0 || held.has(stream.key(now))) continue;
    corrections.push({ key: stream.key(now), cursor: stream.cursor!(now)! });
  }
  return corrections;
}

/** Opening a fresh embedded database takes long on a busy machine. */
const SETUP_MS = 180000;

describe.each(BACKENDS)('reconciliation on %s', (backend) => {
  let db: TestDatabase;
  let knex: Knex;
  let feeds: RunningFeedServer;
  const expected: Record<string, Correction[]> = { [TRADING]: correctionsBetween(TRADING, 1, 2), [AIR]: correctionsBetween(AIR, 1, 2) };
  /** What the incremental runs found, by stream: the reconciliation must find the rest. */
  const foundIncrementally: Record<string, number> = {};
  const sync = (selectors: string[]) => runSync({ knex, connectors: CONNECTORS, feedUrl: () => feeds.url, mapping: MAPPING, review: REVIEW, selectors, http: fastHttp() });
  const cursorOf = async (name: string): Promise<string> => (await knex('sync_state').where({ stream: name }).first('cursor')).cursor;
  const revisedKeys = async (name: string): Promise<string[]> =>
    (await knex('revisions as v').join('disclosures as d', 'd.id', 'v.disclosure_id').where('d.stream', name).select('d.source_key')).map((r) => r.source_key);

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    knex = db.knex;
    feeds = await startSampleFeeds({ scale: SCALE });
  }, SETUP_MS);
  afterAll(async () => {
    await feeds?.close();
    await db?.destroy();
  });

  test('the sample corrects records all along both streams, not only recent ones', () => {
    for (const name of [TRADING, AIR]) {
      expect(expected[name].length).toBeGreaterThan(20);
      expect(new Set(expected[name].map((c) => c.key)).size).toBe(expected[name].length);
    }
  });

  test('edition 1: both streams are stored, with no revision yet', async () => {
    const summaries = await sync([TRADING, AIR]);
    for (const s of summaries) expect(s).toMatchObject({ fetched: SCALE, updated: 0, status: 'partial' });
    expect(await knex('revisions').count({ n: '*' }).then((r) => Number(r[0].n))).toBe(0);
  });

  test('edition 2: an incremental sync finds only the corrections inside its look-back, fewer than exist', async () => {
    await setFaults(feeds, { edition: 2 });
    for (const name of [TRADING, AIR]) {
      const readFrom = withLookBack(await cursorOf(name), streamNamed(name).lookBackMs ?? 0);
      const inLookBack = expected[name].filter((c) => compareCursors(c.cursor, readFrom) >= 0);
      const [summary] = await sync([name]);
      expect([name, summary.updated]).toEqual([name, inLookBack.length]);
      expect(summary.updated).toBeLessThan(expected[name].length);
      foundIncrementally[name] = summary.updated;
    }
  }, 120000);

  test('a reconciliation finds every correction the incremental runs missed, keeps the revisions, and leaves the cursors where they were', async () => {
    const cursorsBefore: Record<string, string> = { [TRADING]: await cursorOf(TRADING), [AIR]: await cursorOf(AIR) };
    const { summaries, skipped } = await reconcileStreams({ knex, connectors: CONNECTORS, feedUrl: () => feeds.url, mapping: MAPPING, review: REVIEW, selectors: [TRADING, AIR], http: fastHttp() });
    expect(skipped).toEqual([]);
    const byName = new Map(summaries.map((s) => [`${s.connector}/${s.stream}`, s]));

    // trading/notices declares a whole re-read: corrections keep their place in the list.
    expect(byName.get(TRADING)).toMatchObject({ window: 'whole source', fetched: SCALE, inserted: 0, updated: expected[TRADING].length - foundIncrementally[TRADING] });
    // environment/air-hourly declares the last 30 days before its cursor, which holds the whole sample.
    expect(byName.get(AIR)).toMatchObject({ window: 'last 30 days', fetched: SCALE, inserted: 0, updated: expected[AIR].length - foundIncrementally[AIR] });

    for (const name of [TRADING, AIR]) {
      // Every correction is stored once as a revision of its record, found by one run or the other.
      expect((await revisedKeys(name)).sort()).toEqual(expected[name].map((c) => c.key).sort());
      expect(await cursorOf(name)).toBe(cursorsBefore[name]);
    }
    const runs = await knex('sync_runs').where({ trigger: 'reconcile' }).orderBy('id').select('stream', 'status', 'cursor_from', 'cursor_to');
    expect(runs.map((r) => r.stream)).toEqual([TRADING, AIR]);
    expect(runs[0].cursor_from).toBeNull();
    expect(runs[1].cursor_from).toBe(withLookBack(cursorsBefore[AIR], 30 * DAY_MS));
    for (const r of runs) expect([r.stream, r.cursor_to]).toEqual([r.stream, cursorsBefore[r.stream]]);
  }, 180000);

  test('a second reconciliation finds nothing new and leaves the cursor where it was', async () => {
    const before = await cursorOf(AIR);
    const { summaries } = await reconcileStreams({ knex, connectors: CONNECTORS, feedUrl: () => feeds.url, mapping: MAPPING, review: REVIEW, selectors: [AIR], http: fastHttp() });
    expect(summaries[0]).toMatchObject({ inserted: 0, updated: 0 });
    expect(compareCursors(await cursorOf(AIR), before)).toBe(0);
  }, 120000);

  describe('from the command line', () => {
    beforeAll(() => db.close()); // the embedded database admits one process: the hub's

    test('hub sync --reconcile finds an edition\'s corrections in one run', async () => {
      const corrections = correctionsBetween(AIR, 2, 3);
      await setFaults(feeds, { edition: 3 });
      const result = await runHub(['sync', '--reconcile', AIR, '--json'], { ...db.env, HUB_FEEDS_URL: feeds.url }, 120000);
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout)).toMatchObject({ stream: 'air-hourly', trigger: 'reconcile', window: 'last 30 days', fetched: SCALE, inserted: 0, updated: corrections.length });
    }, 150000);

    test('a stream read whole on every run is not reconciled twice: the command says so and what to run', async () => {
      const result = await runHub(['sync', '--reconcile', 'credit/serious-violations'], db.env);
      expect(result.code).toBe(2); // a usage mistake, not an outage
      expect(result.stderr).toMatch(/credit\/serious-violations is a snapshot stream: every run reads the whole list.*"hub sync credit\/serious-violations"/);
    });

    test('hub status --json shows each stream\'s reconciliation: its setting, the last one and what it found, the next fire', async () => {
      const result = await runHub(['status', '--json'], db.env);
      expect(result.stderr).toBe('');
      const statuses = new Map(JSON.parse(result.stdout).map((s: any) => [s.stream, s]));
      const trading: any = statuses.get(TRADING);
      expect(trading.reconcile).toMatchObject({ state: 'scheduled', schedule: '45 3 * * *', window: 'whole source', note: null });
      expect(trading.reconcile.lastRun).toMatchObject({ status: 'partial', readFrom: null, fetched: SCALE, inserted: 0, updated: expected[TRADING].length - foundIncrementally[TRADING] });
      // 03:45 in China is 19:45 UTC.
      expect(trading.reconcile.nextFire).toMatch(/T19:45:00/);
      const air: any = statuses.get(AIR);
      expect(air.reconcile).toMatchObject({ state: 'scheduled', schedule: '40 4 * * *', window: 'last 30 days' });
      expect(air.reconcile.lastRun).toMatchObject({ updated: correctionsBetween(AIR, 2, 3).length, inserted: 0 });
      expect(air.lastRun.trigger).toBe('reconcile');
      const snapshot: any = statuses.get('credit/serious-violations');
      expect(snapshot.reconcile).toMatchObject({ state: 'every-run', schedule: null, lastRun: null });
      expect(snapshot.reconcile.note).toMatch(/snapshot stream: every run reads the whole list; nothing to reconcile/);
    });

    test('HUB_RECONCILE_<CONNECTOR>_<STREAM> changes a schedule and window or turns it off; a wrong value says what to write', async () => {
      const env = { ...db.env, HUB_RECONCILE_ENVIRONMENT_AIR_HOURLY: '*/10 * * * * window=7d', HUB_RECONCILE_TRADING_NOTICES: 'off' };
      const statuses = new Map(JSON.parse((await runHub(['status', '--json'], env)).stdout).map((s: any) => [s.stream, s]));
      expect((statuses.get(AIR) as any).reconcile).toMatchObject({ state: 'scheduled', schedule: '*/10 * * * *', window: 'last 7 days' });
      expect((statuses.get(TRADING) as any).reconcile).toMatchObject({ state: 'off', nextFire: null, window: 'whole source' });
      expect((statuses.get(TRADING) as any).reconcile.note).toMatch(/hub sync --reconcile trading\/notices/);

      const wrong = await runHub(['status'], { ...db.env, HUB_RECONCILE_TRADING_NOTICES: 'nightly' });
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toMatch(/HUB_RECONCILE_TRADING_NOTICES="nightly": "nightly" is not a cron expression; write e\.g\./);
    });
  });
});
