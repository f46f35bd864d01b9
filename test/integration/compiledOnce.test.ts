import type { Knex } from 'knex';
import { compiledOnce } from '../../src/db/compiledOnce';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

/**
 * A statement built once per shape (src/db/compiledOnce.ts) must answer every later statement of
 * that shape with that statement's own values, and never lend its text to another shape; a value
 * knex writes into the text, or a clause it builds from a callback, is compiled every time.
 */
describe.each(BACKENDS)('SQL built once per shape, on %s', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend, { migrate: false });
    await db.knex.schema.createTable('shapes', (t) => {
      t.integer('id').primary();
      t.string('colour');
      t.string('size');
      t.timestamp('at', { useTz: true });
    });
    const colours = ['red', 'green', 'blue'];
    await db.knex('shapes').insert(
      Array.from({ length: 30 }, (_, i) => ({ id: i + 1, colour: colours[i % 3], size: i % 2 ? 'S' : 'L', at: new Date(Date.UTC(2026, 0, i + 1)) })),
    );
  }, 120000);
  afterAll(() => db?.destroy());

  const ids = async (q: Knex.QueryBuilder) => (await compiledOnce(q)).map((r: { id: number }) => Number(r.id));
  const page = (colour: string, from: Date, limit: number) =>
    db.knex('shapes as s').where('s.colour', colour).where('s.at', '>=', from).orderBy('s.id').limit(limit).select('s.id');

  test('the same shape with other values answers with those values, page size included', async () => {
    for (let round = 0; round < 3; round++) {
      expect(await ids(page('red', new Date('2026-01-10T00:00:00Z'), 3))).toEqual([10, 13, 16]);
      expect(await ids(page('green', new Date('2026-01-01T00:00:00Z'), 2))).toEqual([2, 5]);
      expect(await ids(page('blue', new Date('2026-01-20T00:00:00Z'), 10))).toEqual([21, 24, 27, 30]);
    }
  });

  test('another shape gets its own text: another filter, another order, a list of values of another length', async () => {
    const base = () => db.knex('shapes as s').select('s.id');
    expect(await ids(base().where('s.colour', 'red').where('s.size', 'S').orderBy('s.id'))).toEqual([4, 10, 16, 22, 28]);
    expect(await ids(base().where('s.colour', 'red').orderBy('s.id', 'desc').limit(2))).toEqual([28, 25]);
    expect(await ids(base().whereIn('s.id', [1, 2]).orderBy('s.id'))).toEqual([1, 2]);
    expect(await ids(base().whereIn('s.id', [3, 4, 5]).orderBy('s.id'))).toEqual([3, 4, 5]);
    expect(await ids(base().whereIn('s.id', [7, 8]).orderBy('s.id'))).toEqual([7, 8]);
  });

  test('values inside raw SQL and sub-queries are values too', async () => {
    const q = (colour: string, after: number) =>
      db.knex('shapes as s')
        .whereRaw('s.id > ?', [after])
        .whereIn('s.id', db.knex('shapes').where('colour', colour).select('id'))
        .select('s.id', db.knex.raw('? AS tag', [colour]))
        .orderBy('s.id')
        .limit(2);
    expect(await compiledOnce(q('red', 20))).toEqual([{ id: 22, tag: 'red' }, { id: 25, tag: 'red' }]);
    expect(await compiledOnce(q('blue', 3))).toEqual([{ id: 6, tag: 'blue' }, { id: 9, tag: 'blue' }]);
  });

  test('an identifier bound into the text, or a callback, is compiled every time', async () => {
    const byColumn = (column: string) => db.knex('shapes').whereRaw('?? = ?', [column, 'S']).orderBy('id').limit(1).select('id');
    expect(await ids(byColumn('size'))).toEqual([2]);
    expect(await ids(byColumn('colour'))).toEqual([]);
    const either = (a: string, b: string) => db.knex('shapes').where((w) => w.where('colour', a).orWhere('colour', b)).orderBy('id').limit(3).select('id');
    expect(await ids(either('red', 'green'))).toEqual([1, 2, 4]);
    expect(await ids(either('blue', 'green'))).toEqual([2, 3, 5]);
  });

  test('past the shapes it keeps, it forgets them and starts afresh, answering each with its own values', async () => {
    // More distinct shapes than are kept (2,000): each alias is another text.
    for (let i = 0; i < 2100; i++) {
      const [row] = await compiledOnce(db.knex('shapes').where('id', (i % 30) + 1).select(`colour as c${i}`));
      expect(row[`c${i}`]).toBe(['red', 'green', 'blue'][i % 3]);
    }
    expect(await ids(page('blue', new Date('2026-01-01T00:00:00Z'), 2))).toEqual([3, 6]);
    expect(await ids(page('red', new Date('2026-01-25T00:00:00Z'), 5))).toEqual([25, 28]);
  }, 120000);
});
