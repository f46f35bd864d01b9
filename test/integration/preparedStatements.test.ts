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

    test("a read run without knex's runner reads, reports and fails as knex does, and gives its connection back", async () => {
      const single = await openDatabase({ databaseUrl: db.env.DATABASE_URL, poolMax: 1 });
      const sent: Array<{ sql: string; bindings: unknown[] }> = [];
      single.knex.on('query', (query: { sql: string; bindings: unknown[] }) => sent.push(query));
      try {
        await single.knex.schema.createTable('direct_reads', (t) => {
          t.text('source_key');
          t.text('title');
        });
        await single.knex('direct_reads').insert({ source_key: 'k1', title: '直接读取' });
        sent.length = 0;
        const byKey = (key: string) => prepared(single.knex('direct_reads').where('source_key', key).select('title'));
        expect(await byKey('k1')).toEqual([{ title: '直接读取' }]);
        expect(await prepared(single.knex('direct_reads').where('source_key', 'k1').first('title'))).toEqual({ title: '直接读取' });
        expect(await byKey('none')).toEqual([]);
        // The statements are announced as knex announces them: positioned placeholders, bound values.
        expect(sent.map((q) => [/\$1/.test(q.sql), q.bindings])).toEqual([
          [true, ['k1']],
          [true, ['k1', 1]],
          [true, ['none']],
        ]);
        // A failing read names its statement, as knex's errors do, and the single connection
        // comes back each time: the reads after it still run.
        for (let i = 0; i < 3; i++) {
          await expect(prepared(single.knex('direct_reads').whereRaw('1 / (? - 1) = 1', [1]).select('title'))).rejects.toThrow(/select "title" from "direct_reads".*division by zero/);
        }
        expect(await byKey('k1')).toHaveLength(1);
        // In a transaction the read is knex's, on the transaction's connection: it sees the
        // transaction's own uncommitted row.
        await single.knex.transaction(async (trx) => {
          await trx('direct_reads').insert({ source_key: 'k2', title: '事务内' });
          expect(await prepared(trx('direct_reads').where('source_key', 'k2').select('title'))).toEqual([{ title: '事务内' }]);
        });
      } finally {
        await single.close();
      }
    });
  }
});
