import type { Knex } from 'knex';
import { CONNECTORS } from '../../connectors';
import { migrationSource } from '../../migrations';
import { migrateLatest } from '../../src/db/migrate';
import { syncStream } from '../../src/sync/engine';
import { discardQuarantined } from '../../src/sync/quarantineAdmin';
import { MAPPING, REVIEW } from '../helpers/mapping';
import { fastHttp } from '../helpers/feeds';
import { airReading, serveRecords, type RecordServer } from '../helpers/recordServer';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

const environment = CONNECTORS.find((c) => c.name === 'environment')!;
const airHourly = environment.streams.find((s) => s.name === 'air-hourly')!;
const STREAM = 'environment/air-hourly';

describe.each(BACKENDS)('quarantine identity on %s', (backend) => {
  let db: TestDatabase;
  let knex: Knex;
  let feed: RecordServer;
  // The feed serves whatever this array holds when it is asked: tests change it between runs.
  const records: Record<string, unknown>[] = [];
  const sync = () => syncStream({ knex, connector: environment, stream: airHourly, baseUrl: feed.url, mapping: MAPPING, review: REVIEW, http: fastHttp(), full: true });
  const entries = (where: object = {}) => knex('quarantine').where({ stream: STREAM, ...where }).orderBy('id');

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    knex = db.knex;
    feed = await serveRecords('/environment/air-hourly', records, 50);
  });
  afterAll(async () => {
    await feed?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    records.length = 0;
    await knex('quarantine').delete();
  });

  test('a bad record whose payload changes between runs stays one open entry, updated, its seen-count growing', async () => {
    records.push(airReading(1, 1, { pm2_5: 'N/A' }));
    await sync();
    records[0] = airReading(1, 1, { pm2_5: 'N/A', so2: '-7' });
    await sync();
    records[0] = airReading(1, 1, { pm2_5: '?' });
    await sync();
    const open = await entries({ status: 'open' });
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ source_key: '1001A@2026-09-30 01:00:00', seen_count: 3 });
    expect(open[0].payload.pm2_5).toBe('?');
    expect(open[0].payload.so2).toBe('8');
    expect(open[0].errors.map((e: { path: string }) => e.path)).toEqual(['/pm2_5']);
  });

  test('records without a usable key are keyed by their content: distinct records stay distinct, the same record again is one entry', async () => {
    // Nine readings of one hour whose station code is missing, null or blank: "undefined@…" would
    // have made them one record.
    for (let i = 0; i < 9; i++) {
      const stationCode = [undefined, null, ''][i % 3];
      records.push(airReading(i, 2, { stationCode, positionName: `无编号站${i}` }));
    }
    await sync();
    await sync();
    const all = await entries();
    expect(all).toHaveLength(9);
    for (const entry of all) {
      expect(entry.source_key ?? '').not.toMatch(/undefined|null|^@/);
      expect(entry.seen_count).toBe(2);
      expect(entry.status).toBe('open');
    }
    expect(new Set(all.map((e) => e.payload.positionName)).size).toBe(9);
  });

  test('a discarded entry stays discarded when the same record comes again, and reopens when the record changes', async () => {
    records.push(airReading(3, 3, { pm2_5: 'N/A' }));
    await sync();
    expect(await discardQuarantined(knex, { stream: STREAM })).toBe(1);
    await sync();
    expect(await entries({ status: 'open' })).toHaveLength(0);
    records[0] = airReading(3, 3, { pm2_5: 'n/a' });
    await sync();
    const all = await entries();
    expect(all.filter((e) => e.status === 'open')).toHaveLength(1);
    expect(all.filter((e) => e.status === 'open')[0].payload.pm2_5).toBe('n/a');
  });
});

describe.each(BACKENDS)('the quarantine identity migration on %s', (backend) => {
  let db: TestDatabase;
  afterAll(() => db?.destroy());

  test('merges the open duplicates of a key into one entry and unkeys placeholder keys', async () => {
    db = await createTestDatabase(backend, { migrate: false });
    const config = { migrationSource, tableName: 'knex_migrations' };
    const names = await migrationSource.getMigrations([]);
    const target = names.findIndex((n) => /quarantine_identity/.test(n));
    expect(target).toBeGreaterThan(0);
    for (let i = 0; i < target; i++) await db.knex.migrate.up(config);

    const row = (key: string | null, hash: string, extra: object = {}) => ({
      stream: STREAM, source_key: key, payload_hash: hash, payload: JSON.stringify({ hash }), stage: 'validate', errors: '[]', seen_count: 1, ...extra,
    });
    await db.knex('quarantine').insert([
      row('1001A@2026-09-30 01:00:00', 'a1', { first_seen_at: '2026-11-01T00:00:00Z', last_seen_at: '2026-11-01T00:00:00Z', seen_count: 2 }),
      row('1001A@2026-09-30 01:00:00', 'a2', { first_seen_at: '2026-11-02T00:00:00Z', last_seen_at: '2026-11-02T00:00:00Z', seen_count: 3 }),
      row('1001A@2026-09-30 01:00:00', 'a0', { status: 'superseded' }),
      row('undefined@2026-11-02 02:00:00', 'u1'),
      row('undefined@2026-11-02 02:00:00', 'u2'),
      row('null', 'u3'),
    ]);
    await migrateLatest(db.knex);

    const rows = await db.knex('quarantine').orderBy('payload_hash').select('source_key', 'payload_hash', 'status', 'seen_count', 'first_seen_at');
    expect(rows.map((r) => [r.payload_hash, r.source_key, r.status])).toEqual([
      ['a0', '1001A@2026-09-30 01:00:00', 'superseded'],
      ['a2', '1001A@2026-09-30 01:00:00', 'open'],
      ['u1', null, 'open'],
      ['u2', null, 'open'],
      ['u3', null, 'open'],
    ]);
    const merged = rows.find((r) => r.payload_hash === 'a2');
    expect(merged.seen_count).toBe(5);
    expect(new Date(merged.first_seen_at).toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });
});
