import pg from 'pg';
import { activityText, autovacuumWork, DatabaseActivityProbe, mergeActivity, statementText } from '../../bench/soak/databaseActivity';
import { waitFor } from '../helpers/waitFor';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

// The soak's series names what PostgreSQL was doing when an interval was slow; the probe reads it.
describe('what the soak reports of PostgreSQL beside each sample', () => {
  test('an autovacuum worker\'s query reads as the work and its table', () => {
    expect(autovacuumWork('autovacuum: VACUUM ANALYZE public.disclosures')).toBe('VACUUM ANALYZE disclosures');
    expect(autovacuumWork('autovacuum: VACUUM public.sync_runs (to prevent wraparound)')).toBe('VACUUM sync_runs (to prevent wraparound)');
  });

  test('a run of samples reads as one: every table vacuumed, checkpoints summed, the most lock waits, the slowest statement', () => {
    const merged = mergeActivity([
      { autovacuum: ['VACUUM ANALYZE disclosures'], checkpoints: 1, lockWaits: 0, waiting: { 'IO:WALSync': 1 }, slowest: { seconds: 1.2, statement: 'SELECT 1' } },
      { autovacuum: ['VACUUM ANALYZE disclosures', 'ANALYZE trading_processes'], checkpoints: 1, lockWaits: 3, waiting: {}, slowest: { seconds: 4.5, statement: 'UPDATE disclosures SET …' } },
      { autovacuum: [], checkpoints: 0, lockWaits: 1, waiting: { 'IO:WALSync': 3, 'IO:DataFileRead': 1 }, slowest: null },
    ]);
    expect(activityText(merged)).toBe(
      'autovacuum VACUUM ANALYZE disclosures; autovacuum ANALYZE trading_processes; 2 checkpoints; 3 lock waits; waiting 3 IO:WALSync, 1 IO:DataFileRead; 4.5 s in UPDATE disclosures SET …',
    );
    expect(activityText(mergeActivity([]))).toBe('');
  });

  test('a statement reads on one line, cut short enough for a column', () => {
    expect(statementText('INSERT INTO\n    disclosures (id,\tkind)  VALUES ($1, $2)')).toBe('INSERT INTO disclosures (id, kind) VALUES ($1, $2)');
    const long = statementText(`SELECT ${Array.from({ length: 40 }, (_, i) => `c${i}`).join(', ')} FROM disclosures`);
    expect(long).toHaveLength(60);
    expect(long.endsWith('…')).toBe(true);
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

  test('names the statement that has run a second or more, and how long; none while only quick ones run', async () => {
    const probe = new DatabaseActivityProbe(url);
    expect((await probe.read()).slowest).toBeNull();
    const sleeper = new pg.Client({ connectionString: url });
    await sleeper.connect();
    try {
      const sleeping = sleeper.query('SELECT pg_sleep(6) AS slept');
      const slowest = await waitFor('the sleep to have run a second', async () => (await probe.read()).slowest ?? undefined);
      expect(slowest.statement).toBe('SELECT pg_sleep(6) AS slept');
      expect(slowest.seconds).toBeGreaterThanOrEqual(1);
      expect(slowest.seconds).toBeLessThan(6);
      // What the statement waits on while it runs: a sleep is a wait of its own kind, not a lock.
      const during = await probe.read();
      expect(during.waiting).toEqual({ 'Timeout:PgSleep': 1 });
      expect(during.lockWaits).toBe(0);
      await sleeping;
      const after = await probe.read();
      expect(after.slowest).toBeNull();
      expect(after.waiting).toEqual({});
    } finally {
      await sleeper.end();
    }
  });
});
