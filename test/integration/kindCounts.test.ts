import { listDisclosures } from '../../src/graphql/disclosures/list';
import { WHOLE_ROWS } from '../../src/graphql/disclosures/rowRead';
import type { DisclosureFilter } from '../../src/graphql/disclosures/columns';
import { writeDisclosures } from '../../src/sync/store/disclosureWriter';
import type { DisclosureRow } from '../../src/sync/normalize';
import { penaltyRow } from '../helpers/penaltyRow';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

/**
 * A list narrowed by a domain or a kind only takes its total from the counts triggers keep at write
 * time (migration 014, src/graphql/disclosures/kindCounts.ts). Those must stay the number of rows
 * through everything that writes disclosures: new records, new versions (one that changes its
 * kind), records seen again unchanged, deletions (a withdrawal is one) and emptying the table.
 */

const KINDS = ['administrative-penalty', 'administrative-licence', 'abnormal-operation'];

function rows(count: number, version = 1, kindOf = (i: number) => KINDS[i % KINDS.length]): DisclosureRow[] {
  return Array.from({ length: count }, (_, i) =>
    penaltyRow({
      status: 'published',
      source_key: `k-${i}`,
      kind: kindOf(i),
      title: `第${version}版 处罚 ${i}`,
      published_at: new Date(Date.UTC(2026, 0, 1 + (i % 28))),
    }),
  );
}

describe.each(BACKENDS)('the counts kept by domain and kind on %s', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
  }, 120000);
  afterAll(() => db?.destroy());

  const write = (batch: DisclosureRow[]) => db.knex.transaction((trx) => writeDisclosures(trx, batch, null));

  /** The kept counts, and the counts of the rows themselves, by domain and kind. */
  async function keptAndCounted() {
    const kept = await db.knex('disclosure_kind_counts').where('count', '>', 0).orderBy(['domain', 'kind']).select('domain', 'kind', db.knex.raw('count::int AS count'));
    const counted = await db.knex('disclosures').groupBy('domain', 'kind').orderBy(['domain', 'kind']).select('domain', 'kind', db.knex.raw('count(*)::int AS count'));
    return { kept, counted };
  }

  /** The list's total as the API reads it (kept), against a count of the rows (what it must equal). */
  async function totals(filter: DisclosureFilter | null) {
    const page = await listDisclosures(db.knex, { first: 2, filter }, undefined, { ...WHOLE_ROWS, counted: true });
    const q = db.knex('disclosures');
    if (filter?.domain) q.where('domain', filter.domain);
    if (filter?.kind) q.where('kind', filter.kind);
    const [{ n }] = await q.count({ n: '*' });
    return { api: await page.totalCount(), rows: Number(n) };
  }

  async function expectTotalsRight() {
    const { kept, counted } = await keptAndCounted();
    expect(kept).toEqual(counted);
    for (const filter of [null, { domain: 'CREDIT' }, { domain: 'ENVIRONMENT' }, ...KINDS.map((kind) => ({ kind })), { domain: 'CREDIT', kind: KINDS[0] }, { kind: 'no-such-kind' }]) {
      const { api, rows: n } = await totals(filter);
      expect({ filter, total: api }).toEqual({ filter, total: n });
    }
  }

  test('new records, new versions, a changed kind, records seen again, deletions and emptying keep them right', async () => {
    await write(rows(30));
    expect((await keptAndCounted()).kept.reduce((sum, k) => sum + k.count, 0)).toBe(30);
    await expectTotalsRight();

    // New versions of every record; a third of them of another kind now.
    await write(rows(30, 2, (i) => (i % 3 === 0 ? KINDS[1] : KINDS[i % KINDS.length])));
    await expectTotalsRight();
    // The same again: nothing changes but when they were last seen.
    await write(rows(30, 2, (i) => (i % 3 === 0 ? KINDS[1] : KINDS[i % KINDS.length])));
    // More records in the same statement as new versions of old ones.
    await write(rows(45, 3));
    await expectTotalsRight();

    // A withdrawal takes published rows off with a DELETE (src/review/store/withdraw.ts).
    await db.knex('disclosures').whereIn('id', db.knex('disclosures').where('kind', KINDS[0]).orderBy('id').limit(7).select('id')).delete();
    await expectTotalsRight();
    await db.knex.raw('TRUNCATE disclosures CASCADE');
    expect((await keptAndCounted()).kept).toEqual([]);
    await write(rows(4));
    await expectTotalsRight();
  });

  /** The SQL a page with its total sends. */
  async function statementsOf(filter: DisclosureFilter): Promise<string[]> {
    const sql: string[] = [];
    const onQuery = (query: { sql?: string }) => sql.push(query.sql ?? '');
    db.knex.on('query', onQuery);
    try {
      const page = await listDisclosures(db.knex, { first: 2, filter }, undefined, { ...WHOLE_ROWS, counted: true });
      await page.totalCount();
    } finally {
      db.knex.off('query', onQuery);
    }
    return sql;
  }

  test('a domain page with its total reads the kept count, not the domain’s rows', async () => {
    await write(rows(12));
    const statements = await statementsOf({ domain: 'CREDIT' });
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/disclosure_kind_counts/);
    expect(statements[0]).not.toMatch(/count\(\*\)/);
    // Another filter field: the rows are counted.
    expect((await statementsOf({ domain: 'CREDIT', publisher: '大庆市市场监督管理局' })).join('\n')).not.toMatch(/disclosure_kind_counts/);
  });
});
