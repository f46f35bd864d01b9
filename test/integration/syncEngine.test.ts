import type { Knex } from 'knex';
import { CONNECTORS } from '../../connectors';
import { isMalformed } from '../../samples/kit/feed';
import { DEFAULT_FEED_OPTIONS, type RunningFeedServer } from '../../samples/kit/feedServer';
import { runSync } from '../../src/sync/runSync';
import { listQuarantine, replayQuarantined, discardQuarantined } from '../../src/sync/quarantineAdmin';
import { MAPPING, REVIEW } from '../helpers/mapping';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';
import { createHttpClient } from '../../src/sync/http/httpClient';
import { fastHttp, setFaults, startSampleFeeds } from '../helpers/feeds';

const SCALE = 300;
const STREAM = 'environment/air-hourly';
const malformedCount = Array.from({ length: SCALE }, (_, i) => i).filter((i) =>
  isMalformed('/environment/air-hourly', i, { ...DEFAULT_FEED_OPTIONS, scale: SCALE }),
).length;

describe.each(BACKENDS)('sync engine on %s', (backend) => {
  let db: TestDatabase;
  let feeds: RunningFeedServer;
  let knex: Knex;
  const sync = (extra: Partial<Parameters<typeof runSync>[0]> = {}) =>
    runSync({ knex, connectors: CONNECTORS, feedUrl: () => feeds.url, mapping: MAPPING, review: REVIEW, selectors: [STREAM], http: fastHttp(), ...extra }).then((s) => s[0]);
  const count = async (table: string, where: object = {}) => Number((await knex(table).where(where).count({ n: '*' }))[0].n);

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    knex = db.knex;
    feeds = await startSampleFeeds({ scale: SCALE });
  });
  afterAll(async () => {
    await feeds?.close();
    await db?.destroy();
  });

  test('a first sync stores every valid record and quarantines exactly the malformed ones, with reasons', async () => {
    expect(malformedCount).toBeGreaterThan(0);
    const summary = await sync();
    expect(summary).toMatchObject({ status: 'partial', fetched: SCALE, inserted: SCALE - malformedCount, quarantined: malformedCount });
    expect(summary.inserted + summary.quarantined).toBe(summary.fetched);
    expect(await count('disclosures')).toBe(SCALE - malformedCount);
    const entries = await listQuarantine(knex, { stream: STREAM });
    expect(entries).toHaveLength(malformedCount);
    for (const entry of entries) {
      expect(entry.errors.length).toBeGreaterThan(0);
      expect(entry.errors[0].message).toMatch(/\S/);
      expect(entry.payload).toBeTruthy();
    }
    // Every reason names the field that was wrong and, where there was a value, quotes it.
    for (const error of entries.flatMap((e) => e.errors)) {
      expect(error.path).toMatch(/^\/(stationCode|pm2_5|so2|timePoint)$/);
      expect(error.message).toMatch(/"(stationCode|pm2_5|so2|timePoint)" (is ".+": expected|is missing)|required field "stationCode" is missing/);
    }
  });

  test('the cursor is the latest time point stored, and the run is recorded with its counts', async () => {
    const state = await knex('sync_state').where({ stream: STREAM }).first();
    const latest = await knex('disclosures').where({ stream: STREAM }).max({ t: 'published_at' }).first();
    expect(state.cursor).toMatch(/^2026-11-01 \d\d:00:00$/);
    expect(new Date(latest!.t).getTime()).toBe(new Date(`${state.cursor.replace(' ', 'T')}+08:00`).getTime());
    const run = await knex('sync_runs').orderBy('id', 'desc').first();
    expect(run).toMatchObject({ stream: STREAM, status: 'partial', fetched: SCALE, quarantined: malformedCount });
    expect(run.finished_at).not.toBeNull();
  });

  test('a second sync of the unchanged feed inserts and updates nothing, incremental or full', async () => {
    for (const full of [false, true]) {
      const summary = await sync({ full });
      expect(summary.inserted).toBe(0);
      expect(summary.updated).toBe(0);
    }
    expect(await count('revisions')).toBe(0);
    // The quarantine does not grow either: the same bad record is one entry.
    expect(await count('quarantine')).toBe(malformedCount);
  });

  test('a changed source record produces exactly one revision, and history keeps the old version', async () => {
    await setFaults(feeds, { edition: 2 });
    const summary = await sync({ full: true });
    expect(summary.updated).toBeGreaterThan(0);
    expect(await count('revisions')).toBe(summary.updated);
    const revision = await knex('revisions').first();
    const current = await knex('disclosures').where({ id: revision.disclosure_id }).first();
    expect(current.version).toBe(2);
    expect(revision.version).toBe(1);
    expect(revision.snapshot.attributes.concentrations.pm25_24h).not.toBe(current.attributes.concentrations.pm25_24h);
    const again = await sync({ full: true });
    expect(again.updated).toBe(0);
    expect(await count('revisions')).toBe(summary.updated);
    await setFaults(feeds, { edition: 1 });
  });

  test('500s, a slow answer, a 429 and a truncated page are retried and the run succeeds', async () => {
    await setFaults(feeds, { faults: { errors: 2, throttled: 1, truncated: 1, slow: 1, slowMs: 5000 } });
    const before = feeds.requests.get('/environment/air-hourly') ?? 0;
    const summary = await runSync({
      knex,
      connectors: CONNECTORS,
      feedUrl: () => feeds.url, mapping: MAPPING, review: REVIEW,
      selectors: [STREAM],
      full: true,
      http: createHttpClient({ timeoutMs: 1000, attempts: 7, backoffMs: 20, maxBackoffMs: 200 }),
    }).then((s) => s[0]);
    expect(summary.error).toBeUndefined();
    expect(summary.status).toBe('partial');
    expect(summary.fetched).toBe(SCALE);
    const requests = (feeds.requests.get('/environment/air-hourly') ?? 0) - before;
    expect(requests).toBeGreaterThanOrEqual(Math.ceil(SCALE / 500) + 5);
  });

  test('a source that stays down fails the run, says why, and leaves the cursor where it was', async () => {
    const cursorBefore = (await knex('sync_state').where({ stream: STREAM }).first()).cursor;
    const rowsBefore = await count('disclosures');
    await setFaults(feeds, { faults: { down: true } });
    const summary = await sync({ full: true });
    await setFaults(feeds, { faults: {} });
    expect(summary.status).toBe('failed');
    expect(summary.error).toMatch(/503/);
    expect(summary.error).toMatch(/environment\/air-hourly/);
    expect((await knex('sync_state').where({ stream: STREAM }).first()).cursor).toBe(cursorBefore);
    expect(await count('disclosures')).toBe(rowsBefore);
    const run = await knex('sync_runs').orderBy('id', 'desc').first();
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/503/);
  });

  test('quarantine replay imports entries that now pass, discard closes the rest', async () => {
    const entries = await listQuarantine(knex, { stream: STREAM });
    // Fix one payload by hand, as a data team would after finding the cause upstream.
    const fixable = entries.find((e) => (e.payload as Record<string, string>).pm2_5 === 'N/A')!;
    expect(fixable).toBeDefined();
    await knex('quarantine')
      .where({ id: fixable.id })
      .update({ payload: JSON.stringify({ ...(fixable.payload as object), pm2_5: '40' }) });
    const rowsBefore = await count('disclosures');
    const result = await replayQuarantined(knex, CONNECTORS, MAPPING, REVIEW, { ids: [fixable.id] });
    expect(result).toEqual({ replayed: 1, stillFailing: 0 });
    expect(await count('disclosures')).toBe(rowsBefore + 1);
    expect((await knex('quarantine').where({ id: fixable.id }).first()).status).toBe('replayed');

    const stillBad = await replayQuarantined(knex, CONNECTORS, MAPPING, REVIEW, { stream: STREAM });
    expect(stillBad.replayed).toBe(0);
    expect(stillBad.stillFailing).toBe(malformedCount - 1);
    expect(await discardQuarantined(knex, { stream: STREAM })).toBe(malformedCount - 1);
    expect(await listQuarantine(knex, { stream: STREAM })).toHaveLength(0);
  });
});
