import type { Knex } from 'knex';
import { readForInputs, untemplatableShapes } from '../../src/db/inputTemplates';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

/**
 * A read built once per key and run with other inputs (src/db/inputTemplates.ts) must answer each
 * request with its own inputs, keep the shape's constants, and fall back to building the statement
 * whenever an input does not go into a binding as it is.
 */
describe.each(BACKENDS)('reads built once per key, on %s', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend, { migrate: false });
    await db.knex.schema.createTable('firms', (t) => {
      t.string('code').primary();
      t.string('name');
    });
    await db.knex.schema.createTable('records', (t) => {
      t.integer('id').primary();
      t.string('firm');
      t.string('kind');
    });
    await db.knex('firms').insert([
      { code: 'A1', name: 'Alpha' },
      { code: 'B2', name: 'Beta' },
      { code: 'c3', name: 'Gamma' },
    ]);
    await db.knex('records').insert(
      Array.from({ length: 12 }, (_, i) => ({ id: i + 1, firm: ['A1', 'B2', 'c3'][i % 3], kind: i % 2 ? 'penalty' : 'licence' })),
    );
  }, 120000);
  afterAll(() => db?.destroy());

  /** A firm and its records of one kind: the code bound in two places, the kind a constant of the shape. */
  const firmPage = (knex: Knex, kind: string) => ([code]: readonly [string]) =>
    knex('firms as f')
      .where('f.code', code)
      .leftJoin(knex('records').where('firm', code).where('kind', kind).select('id', 'firm').as('r'), 'r.firm', 'f.code')
      .select('f.name', 'r.id')
      .orderBy('r.id');

  const owner = {};
  const names = (rows: Array<{ name: string; id: number | null }>) => rows.map((r) => `${r.name}:${r.id ?? '-'}`);

  test('each request is answered with its own input, and the constants of its shape', async () => {
    for (let round = 0; round < 2; round++) {
      expect(names(await readForInputs(db.knex, { owner, shape: 'penalty' }, ['A1'] as const, firmPage(db.knex, 'penalty')))).toEqual(['Alpha:4', 'Alpha:10']);
      expect(names(await readForInputs(db.knex, { owner, shape: 'penalty' }, ['B2'] as const, firmPage(db.knex, 'penalty')))).toEqual(['Beta:2', 'Beta:8']);
      expect(names(await readForInputs(db.knex, { owner, shape: 'licence' }, ['B2'] as const, firmPage(db.knex, 'licence')))).toEqual(['Beta:5', 'Beta:11']);
      expect(names(await readForInputs(db.knex, { owner, shape: 'penalty' }, ['ZZ'] as const, firmPage(db.knex, 'penalty')))).toEqual([]);
    }
  });

  test('an input changed before it is bound, or written into the text, is built every time and still right', async () => {
    const upper = ([code]: readonly [string]) => db.knex('firms').where('code', code.toUpperCase()).select('name');
    expect(await readForInputs(db.knex, { owner, shape: 'upper' }, ['a1'] as const, upper)).toEqual([{ name: 'Alpha' }]);
    expect(await readForInputs(db.knex, { owner, shape: 'upper' }, ['b2'] as const, upper)).toEqual([{ name: 'Beta' }]);
    const written = ([code]: readonly [string]) => db.knex('firms').whereRaw(`code = '${code.replace(/'/g, "''")}'`).select('name');
    expect(await readForInputs(db.knex, { owner, shape: 'written' }, ['c3'] as const, written)).toEqual([{ name: 'Gamma' }]);
    expect(await readForInputs(db.knex, { owner, shape: 'written' }, ['A1'] as const, written)).toEqual([{ name: 'Alpha' }]);
    expect(untemplatableShapes()).toEqual(expect.arrayContaining([expect.stringContaining('code')]));
  });

  test('a key that does not say what shapes the statement is caught under test', async () => {
    const key = { owner, shape: 'careless' };
    await readForInputs(db.knex, key, ['A1'] as const, firmPage(db.knex, 'penalty'));
    expect(() => readForInputs(db.knex, key, ['A1'] as const, firmPage(db.knex, 'licence'))).toThrow(/differs from a fresh build/);
  });
});
