import pg from 'pg';
import { activityText, autovacuumWork, DatabaseActivityProbe, mergeActivity } from '../../bench/soak/databaseActivity';
import { waitFor } from '../helpers/waitFor';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

// The soak's series names what PostgreSQL was doing when an interval was slow; the probe reads it.
describe('what the soak reports of PostgreSQL beside each sample', () => {
  test('an autovacuum worker\'s query reads as the work and its table', () => {
    expect(autovacuumWork('autovacuum: VACUUM ANALYZE public.disclosures')).toBe('VACUUM ANALYZE disclosures');
    expect(autovacuumWork('autovacuum: VACUUM public.sync_runs (to prevent wraparound)')).toBe('VACUUM sync_runs (to prevent wraparound)');
  });

  test('a run of samples reads as one: every table vacuumed, checkpoints summed, the most lock waits', () => {
    const merged = mergeActivity([
      { autovacuum: ['VACUUM ANALYZE disclosures'], checkpoints: 1, lockWaits: 0 },
      { autovacuum: ['VACUUM ANALYZE disclosures', 'ANALYZE trading_processes'], checkpoints: 1, lockWaits: 3 },
      { autovacuum: [], checkpoints: 0, lockWaits: 1 },
    ]);
    expect(activityText(merged)).toBe('autovacuum VACUUM ANALYZE disclosures; autovacuum ANALYZE trading_processes; 2 checkpoints; 3 lock waits');
    expect(activityText(mergeActivity([]))).toBe('');
  });
});

const onPostgres = BACKENDS.includes('postgres') ? describe : describe.skip;

onPostgres('the database activity probe on PostgreSQL', () => {
  let db: TestDatabase;
  let url: string;

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    url = db.env.DATABASE_URL;
  });
  afterAll(() => db.destroy());

  test('counts the checkpoints completed since its previous reading', async () => {
    const probe = new DatabaseActivityProbe(url);
    expect((await probe.read()).checkpoints).toBe(0); // the first reading is the starting point
    await db.knex.raw('CHECKPOINT');
    expect((await probe.read()).checkpoints).toBeGreaterThanOrEqual(1);
  });

  test('counts the sessions on its database waiting for a lock', async () => {
    const holder = new pg.Client({ connectionString: url });
    const waiter = new pg.Client({ connectionString: url });
    await Promise.all([holder.connect(), waiter.connect()]);
    try {
      await holder.query('BEGIN; LOCK TABLE disclosures IN ACCESS EXCLUSIVE MODE');
      const blocked = waiter.query('SELECT count(*) FROM disclosures');
      const probe = new DatabaseActivityProbe(url);
      const waits = await waitFor('the reader to queue behind the lock', async () => {
        const { lockWaits } = await probe.read();
        return lockWaits > 0 ? lockWaits : undefined;
      });
      expect(waits).toBe(1);
      await holder.query('COMMIT');
      await blocked;
      expect((await probe.read()).lockWaits).toBe(0);
    } finally {
      await Promise.all([holder.end(), waiter.end()]);
    }
  });
});
