import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import type { Knex } from 'knex';
import { HUB_COMPONENTS } from '../../app/components';
import type { RunningHub } from '../../src/hub';
import { withManifests } from '../../src/manifest/withManifests';
import { fullName, selectStreams } from '../../src/sync/selection';
import { BACKENDS } from '../helpers/testDatabase';
import { startTestHub, HUB_START_TIMEOUT_MS, type TestHub } from '../helpers/hub';
import { graphql } from '../helpers/graphql';
import { undescribed } from '../helpers/sdlDescriptions';
import { SCHEMA_DIR } from '../../src/graphql/schema';
import { heldKeys } from '../helpers/plantedReview';
import { countStatements } from '../helpers/statementCount';

const ADMIN_TOKEN = 'ops-test-token-51c9';
const AUTH = { authorization: `Bearer ${ADMIN_TOKEN}` };
// Every stream the hub runs: the coded connectors' and the built-in manifests' (connectors/*/connector.yaml).
const STREAMS = selectStreams(withManifests(HUB_COMPONENTS).connectors);
const HOUR_MS = 3600 * 1000;
const SCALE = 300;

const FEED_FIELDS = 'name connector stream domain schedule lastSuccessAt stale';
const RUN_FIELDS = 'id stream trigger status startedAt finishedAt durationMs fetched inserted updated unchanged quarantined removed held error';
const OPERATIONS = `{ operations {
  streams { feed { ${FEED_FIELDS} } nextFire openQuarantine lastRuns(first: 5) { ${RUN_FIELDS} } lastFailure { ${RUN_FIELDS} } }
  runHistory(days: 28) { ${RUN_FIELDS} } } }`;

test('the feeds and operations SDL describe every type, field and argument with its Chinese term', () => {
  for (const file of ['feeds.graphql', 'operations.graphql']) {
    expect(undescribed(parse(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8')).definitions)).toEqual([]);
  }
});

/**
 * The public `feeds` query and the admin `operations` view, over HTTP against a hub whose start-up
 * sync stored some records and quarantined others (the sample air-quality feed has bad readings).
 */
describe.each(BACKENDS)('feeds and operations on %s, over HTTP', (backend) => {
  let running: TestHub;
  let hub: RunningHub;
  let knex: Knex;

  beforeAll(async () => {
    running = await startTestHub(backend, { HUB_ADMIN_TOKEN: ADMIN_TOKEN, HUB_SAMPLE_SCALE: String(SCALE) });
    hub = running.hub;
    knex = hub.db.knex;
  }, HUB_START_TIMEOUT_MS);
  afterAll(() => running?.stop());

  /**
   * The public answer is kept in memory for its max-age (HUB_RESPONSE_CACHE), keyed by the query
   * text: a test that changes the tables asks under an operation name of its own.
   */
  async function feeds(operation: string) {
    const { body, headers } = await graphql(hub.url, `query ${operation} { feeds { ${FEED_FIELDS} } }`);
    expect(body.errors).toBeUndefined();
    return { feeds: body.data.feeds as any[], headers };
  }

  /** Counts the SQL statements one request runs. */
  async function statementsOf<T>(request: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const { count, result } = await countStatements(knex, request);
    return { result, statements: count };
  }

  /** Moves a stream's runs back in time, as if it had not synced since. */
  async function ageRuns(stream: string, hoursAgo: number) {
    await knex('sync_runs')
      .where({ stream })
      .update({
        started_at: knex.raw(`now() - (? || ' minutes')::interval`, [String(hoursAgo * 60 + 1)]),
        finished_at: knex.raw(`now() - (? || ' minutes')::interval`, [String(hoursAgo * 60)]),
      });
  }

  async function lastSuccessInTable(stream: string): Promise<Date> {
    const [row] = await knex('sync_runs').where({ stream }).whereIn('status', ['ok', 'partial']).whereNot('trigger', 'replay').orderBy('started_at', 'desc').limit(1);
    return new Date(row.finished_at);
  }

  test('feeds lists every stream, fresh after the start-up sync, in one statement, cacheable for a minute', async () => {
    const { result, statements } = await statementsOf(() => feeds('FeedsAfterStartup'));
    expect(statements).toBe(1);
    expect(result.headers.get('cache-control')).toBe('max-age=60, public');
    const served = result.feeds;
    expect(served.map((f) => f.name)).toEqual(STREAMS.map(fullName));
    for (const [i, feed] of served.entries()) {
      const { connector, stream } = STREAMS[i];
      expect(feed).toMatchObject({ connector: connector.name, stream: stream.name, domain: connector.domain, schedule: stream.schedule, stale: false });
      expect(new Date(feed.lastSuccessAt)).toEqual(await lastSuccessInTable(feed.name));
    }
  });

  test('operations and runHistory are refused without the admin token and with a wrong one', async () => {
    const none = await graphql(hub.url, OPERATIONS);
    expect(none.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(none.body.errors[0].message).toMatch(/Authorization: Bearer/);
    expect(none.body.data).toBeNull();
    const wrong = await graphql(hub.url, `{ operations { runHistory { id error } } }`, undefined, { authorization: 'Bearer not-the-token' });
    expect(wrong.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(wrong.body.data).toBeNull();
  });

  test('operations match the tables: latest runs and their counts, open quarantine, run history; in a few statements', async () => {
    const { result, statements } = await statementsOf(() => graphql(hub.url, OPERATIONS, undefined, AUTH));
    expect(result.body.errors).toBeUndefined();
    expect(result.headers.get('cache-control')).toMatch(/no-store|private/);
    // feeds, latest runs, last failures, open quarantine and run history: one each, whatever the number of streams.
    expect(statements).toBeLessThanOrEqual(5);
    const { streams, runHistory } = result.body.data.operations;
    expect(streams.map((s: any) => s.feed.name)).toEqual(STREAMS.map(fullName));

    const openByStream = new Map(
      (await knex('quarantine').where({ status: 'open' }).groupBy('stream').select('stream').count({ n: '*' })).map((r: any) => [r.stream, Number(r.n)]),
    );
    for (const entry of streams) {
      const name = entry.feed.name;
      const rows = await knex('sync_runs').where({ stream: name }).orderBy([{ column: 'started_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(5);
      expect(entry.lastRuns.map((r: any) => r.id)).toEqual(rows.map((r: any) => String(r.id)));
      for (const [i, run] of entry.lastRuns.entries()) {
        const row = rows[i];
        expect(run).toMatchObject({ status: row.status, trigger: row.trigger, fetched: row.fetched, inserted: row.inserted, updated: row.updated, unchanged: row.unchanged, quarantined: row.quarantined, removed: row.removed, held: row.held });
        expect(run.durationMs).toBe(new Date(row.finished_at).getTime() - new Date(row.started_at).getTime());
        // What the review (保密审查) held is neither stored nor quarantined: counted apart.
        expect(run.fetched).toBe(run.inserted + run.updated + run.unchanged + run.quarantined + run.held);
      }
      expect(entry.openQuarantine).toBe(openByStream.get(name) ?? 0);
      expect(entry.lastFailure).toBeNull();
      // The next fire is ahead, within one period of the stream's schedule (weekly at most).
      const next = Date.parse(entry.nextFire);
      expect(next).toBeGreaterThan(Date.now());
      expect(next - Date.now()).toBeLessThanOrEqual(7 * 24 * HOUR_MS);
    }
    // The sample air-quality feed has bad readings: its run was partial and they wait in quarantine.
    const air = streams.find((s: any) => s.feed.name === 'environment/air-hourly');
    expect(air.openQuarantine).toBeGreaterThan(0);
    expect(air.lastRuns[0]).toMatchObject({ status: 'partial', trigger: 'startup' });
    expect(air.lastRuns[0].quarantined).toBeGreaterThan(0);
    // The sample feeds plant records for the review (保密审查) to hold: each stream's start-up run held its own.
    let held = 0;
    for (const entry of streams) {
      const name = entry.feed.name;
      expect([name, entry.lastRuns[0].trigger, entry.lastRuns[0].held]).toEqual([name, 'startup', heldKeys(name, { scale: SCALE }).size]);
      held += entry.lastRuns[0].held;
    }
    expect(held).toBeGreaterThan(0);

    const finished = await knex('sync_runs').whereNot('status', 'running').where('started_at', '>=', knex.raw(`now() - interval '28 days'`)).orderBy([{ column: 'started_at' }, { column: 'id' }]);
    expect(runHistory.map((r: any) => r.id)).toEqual(finished.map((r: any) => String(r.id)));
    expect(runHistory.length).toBeGreaterThanOrEqual(STREAMS.length);
  });

  test('a failed run is the stream\'s lastFailure, with its error, and heads its latest runs', async () => {
    const error = 'fetch https://credit.example.gov.cn/api/credit/penalties?page=3 failed after 5 attempts: connect ECONNREFUSED';
    const [{ id }] = await knex('sync_runs')
      .insert({ stream: 'credit/penalties', trigger: 'schedule', status: 'failed', error, finished_at: knex.raw(`now() + interval '2 seconds'`), deadline_at: knex.fn.now(), fetched: 200, inserted: 200 })
      .returning('id');
    const { body } = await graphql(hub.url, OPERATIONS, undefined, AUTH);
    const penalties = body.data.operations.streams.find((s: any) => s.feed.name === 'credit/penalties');
    expect(penalties.lastFailure).toMatchObject({ id: String(id), status: 'failed', error, durationMs: expect.any(Number) });
    expect(penalties.lastRuns[0].id).toBe(String(id));
    expect(body.data.operations.runHistory.at(-1)).toMatchObject({ id: String(id), status: 'failed', stream: 'credit/penalties' });
    // A failed run is not a success: the feed's last success is still the start-up sync.
    const { feeds: served } = await feeds('FeedsAfterAFailure');
    expect(new Date(served.find((f) => f.name === 'credit/penalties').lastSuccessAt)).toEqual(await lastSuccessInTable('credit/penalties'));
  });

  test('a stream is stale once its last success is older than two schedule periods: hours for hourly feeds, days for daily ones', async () => {
    await ageRuns('environment/air-hourly', 1.5); // hourly: within two periods
    await ageRuns('credit/licences', 30); // daily: within two periods
    let { feeds: served } = await feeds('FeedsWithinTwoPeriods');
    const byName = (name: string) => served.find((f) => f.name === name);
    expect(byName('environment/air-hourly').stale).toBe(false);
    expect(byName('credit/licences').stale).toBe(false);

    await ageRuns('environment/air-hourly', 3);
    await ageRuns('credit/licences', 50);
    ({ feeds: served } = await feeds('FeedsPastTwoPeriods'));
    expect(byName('environment/air-hourly').stale).toBe(true);
    expect(byName('credit/licences').stale).toBe(true);
    expect(Date.now() - Date.parse(byName('environment/air-hourly').lastSuccessAt)).toBeGreaterThan(2 * HOUR_MS);
    expect(served.filter((f) => f.stale).map((f) => f.name).sort()).toEqual(['credit/licences', 'environment/air-hourly']);

    // The admin view tells the same.
    const { body } = await graphql(hub.url, `{ operations { streams { feed { name stale } } } }`, undefined, AUTH);
    expect(body.data.operations.streams.filter((s: any) => s.feed.stale).map((s: any) => s.feed.name).sort()).toEqual(['credit/licences', 'environment/air-hourly']);
  });

  test('freshness is judged against the schedule the scheduler runs: HUB_CRON_<CONNECTOR>_<STREAM> when set', async () => {
    await ageRuns('environment/air-daily', 1); // daily by its own schedule: fresh
    process.env.HUB_CRON_ENVIRONMENT_AIR_DAILY = '*/10 * * * *';
    try {
      const { feeds: served } = await feeds('FeedsWithAnOverride');
      expect(served.find((f) => f.name === 'environment/air-daily')).toMatchObject({ schedule: '*/10 * * * *', stale: true });
    } finally {
      delete process.env.HUB_CRON_ENVIRONMENT_AIR_DAILY;
    }
  });

  test('runHistory reaches back 1 to 90 days, and narrows to one stream', async () => {
    for (const days of [0, 91]) {
      const { body } = await graphql(hub.url, `{ operations { runHistory(days: ${days}) { id } } }`, undefined, AUTH);
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors[0].message).toMatch(/"days" must be between 1 and 90/);
    }
    // Runs aged three hours above are outside a one-day window only if older than a day: credit/licences (50 hours).
    const { body } = await graphql(hub.url, `{ operations { oneDay: runHistory(days: 1) { stream } licences: runHistory(days: 90, stream: "credit/licences") { stream } } }`, undefined, AUTH);
    expect(body.data.operations.oneDay.some((r: any) => r.stream === 'credit/licences')).toBe(false);
    expect(body.data.operations.licences.length).toBeGreaterThan(0);
    expect(new Set(body.data.operations.licences.map((r: any) => r.stream))).toEqual(new Set(['credit/licences']));
  });
});
