import { openDatabase, type Database } from '../../src/db/connect';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

/**
 * Timestamps come back as the instants the database holds, whatever the session's time zone: the
 * text PostgreSQL writes carries the zone's offset (half hours, quarter hours, and before 1928 in
 * Shanghai an offset with seconds), and the hub's reader of that text must honour every form.
 */
const ZONES = ['UTC', 'Asia/Shanghai', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Kiritimati'];
const INSTANTS = ['2026-11-03T00:00:00.5Z', '2024-02-29T23:59:59.999999Z', '1900-01-01T00:00:00Z', '0050-06-01T12:00:00Z', '1970-01-01T00:00:00Z'];

describe.each(BACKENDS)('timestamps read from %s', (backend) => {
  let db: TestDatabase;
  let single: Database;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
    // One connection, so the time zone set is the one the reads see.
    single = backend === 'postgres' ? await openDatabase({ databaseUrl: db.env.DATABASE_URL, poolMax: 1 }) : db;
  }, 120000);
  afterAll(async () => {
    if (single !== db) await single?.close();
    await db?.destroy();
  });

  test.each(ZONES)('in time zone %s, as the instants stored', async (zone) => {
    await single.knex.raw(`SET TIME ZONE '${zone}'`);
    for (const text of INSTANTS) {
      const { rows } = await single.knex.raw(`SELECT ?::timestamptz AS at, (extract(epoch FROM ?::timestamptz) * 1000)::float8 AS ms`, [text, text]);
      expect([text, (rows[0].at as Date).getTime()]).toEqual([text, Math.floor(rows[0].ms)]);
    }
    await single.knex.raw(`SET TIME ZONE 'UTC'`);
  });
});
