import { migrateLatest, migrateRollback, migrationsCurrent } from '../../src/db/migrate';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';
import { migrationSource } from '../../migrations';

const TABLES = ['entities', 'disclosures', 'revisions', 'sync_state', 'sync_runs', 'quarantine', 'scheduler_leases', 'disclosure_parties', 'review_items', 'review_audit'];

async function tables(db: TestDatabase): Promise<string[]> {
  const rows = await db.knex('information_schema.tables').where({ table_schema: 'public' }).pluck('table_name');
  return rows.filter((t: string) => TABLES.includes(t)).sort();
}

describe.each(BACKENDS)('migrations on %s', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend, { migrate: false });
  });
  afterAll(() => db?.destroy());

  test('apply from nothing, are then current, roll back to nothing, and apply again', async () => {
    const all = (await migrationSource.getMigrations([])).length;
    expect(await migrationsCurrent(db.knex)).toBe(false);
    expect(await migrateLatest(db.knex)).toHaveLength(all);
    expect(await tables(db)).toEqual([...TABLES].sort());
    expect(await migrationsCurrent(db.knex)).toBe(true);
    expect(await migrateLatest(db.knex)).toEqual([]);

    expect(await migrateRollback(db.knex)).toHaveLength(all);
    expect(await tables(db)).toEqual([]);
    expect(await migrateLatest(db.knex)).toHaveLength(all);
    expect(await tables(db)).toEqual([...TABLES].sort());
  });

  test('search over Chinese text uses pg_trgm on both backends', async () => {
    const [{ installed }] = (await db.knex.raw(`SELECT count(*) > 0 AS installed FROM pg_extension WHERE extname = 'pg_trgm'`)).rows;
    expect(installed).toBe(true);
    const index = await db.knex('pg_indexes').where({ indexname: 'disclosures_search_trgm' }).first('indexdef');
    expect(index.indexdef).toMatch(/gin_trgm_ops/);
  });
});
