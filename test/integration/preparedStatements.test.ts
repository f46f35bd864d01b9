import { openDatabase } from '../../src/db/connect';
import { prepared } from '../../src/db/preparedStatements';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

/**
 * The API's hot queries are prepared once per connection on PostgreSQL, and run unchanged on the
 * embedded database, which ignores the mark.
 */
describe.each(BACKENDS)('prepared statements on %s', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
  }, 120000);
  afterAll(() => db?.destroy());

  test('a marked query answers as an unmarked one, with new values each time', async () => {
    const names = (kind: string) => prepared(db.knex('disclosures').where('kind', kind).count({ n: '*' }));
    for (const kind of ['a', 'b', 'a']) {
      const [marked] = await names(kind);
      const [plain] = await db.knex('disclosures').where('kind', kind).count({ n: '*' });
      expect(Number(marked.n)).toBe(Number(plain.n));
    }
  });

  if (backend === 'postgres') {
    test('a connection prepares each marked shape once, under a name that follows its text', async () => {
      // One connection, so the session that prepared the statements is the one asked about them.
      const single = await openDatabase({ databaseUrl: db.env.DATABASE_URL, poolMax: 1 });
      try {
        const byKind = (kind: string) => prepared(single.knex('disclosures').where('kind', kind).select('id').limit(1));
        const byStream = (stream: string) => prepared(single.knex('disclosures').where('stream', stream).select('id').limit(1));
        for (const value of ['x', 'y', 'z']) {
          await byKind(value);
          await byStream(value);
        }
        await single.knex('disclosures').where('kind', 'unmarked').select('id');
        const { rows } = await single.knex.raw(`SELECT name, statement FROM pg_prepared_statements ORDER BY name`);
        expect(rows).toHaveLength(2);
        for (const row of rows) expect(row.name).toMatch(/^hub_[0-9a-f]{20}$/);
        expect(rows.map((r: { statement: string }) => /"(kind|stream)"/.exec(r.statement)?.[1]).sort()).toEqual(['kind', 'stream']);
      } finally {
        await single.close();
      }
    });
  }
});
