import { listDisclosures } from '../../src/graphql/disclosures/list';
import { involving } from '../../src/graphql/entity/involving';
import { storedEntity } from '../../src/graphql/entity/served';
import type { DisclosureFilter } from '../../src/graphql/disclosures/columns';
import { writeDisclosures } from '../../src/sync/store/disclosureWriter';
import type { DisclosureRow } from '../../src/sync/normalize';
import { allListPages } from '../helpers/listPages';
import { countStatements } from '../helpers/statementCount';
import { penaltyRow } from '../helpers/penaltyRow';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

/**
 * An enterprise's page reads each side's newest rows only (its own disclosures, and those naming it
 * as a party: migration 013), so it must still give what a plain reading of every row gives: the
 * disclosures about the enterprise or naming it, newest first, each once, on every page size,
 * with a filter, and after a new version moves a disclosure in time.
 */

const CODE = '91230602MA1BXXXX1X';
const OTHER = '91230602MA1BYYYY2Y';

function party(role: string, uscc: string | null) {
  return { role, name: uscc ? `企业${uscc.slice(-3)}` : '张某', uscc, uscc_valid: uscc ? true : null, entity_uscc: uscc };
}

/** 40 disclosures: about the enterprise, naming it (in one role or two), both, or neither. */
function rows(): DisclosureRow[] {
  return Array.from({ length: 40 }, (_, i) => {
    const about = i % 5 === 0;
    // Most name it in two roles: a side that took each row once per role would show fewer rows.
    const named = i % 3 !== 2 ? [party('offender', CODE), party('witness', CODE)] : i % 2 === 0 ? [party('offender', CODE)] : [];
    return penaltyRow({
      status: 'published',
      source_key: `k-${i}`,
      kind: i % 4 === 0 ? 'administrative-licence' : 'administrative-penalty',
      subject_uscc: about ? CODE : OTHER,
      subject_name: about ? '企业XXX' : '企业YYY',
      subject_uscc_valid: true,
      entity_uscc: about ? CODE : OTHER,
      // Several rows share a publication time, so the id breaks ties.
      published_at: new Date(Date.UTC(2026, 0, 1 + Math.floor((i * 7) % 40 / 2))),
      parties: [party('buyer', OTHER), ...named],
    });
  });
}

describe.each(BACKENDS)("an enterprise's newest disclosures on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
    await db.knex.transaction((trx) => writeDisclosures(trx, rows(), null));
  }, 120000);
  afterAll(() => db?.destroy());

  /** The order the API promises, read off every stored row. */
  async function expected(filter: DisclosureFilter = {}): Promise<string[]> {
    const named = db.knex('disclosure_parties').where('entity_uscc', CODE).select('disclosure_id');
    const q = db.knex('disclosures').where((w) => w.where('entity_uscc', CODE).orWhereIn('id', named));
    if (filter.kind) q.where('kind', filter.kind);
    const found = await q.orderBy([{ column: 'published_at', order: 'desc' }, { column: 'id', order: 'desc' }]).select('id');
    return found.map((r) => String(r.id));
  }

  const allPages = (first: number, filter?: DisclosureFilter) =>
    allListPages(db.knex, { first, filter }, involving(storedEntity({ uscc: CODE, name: '' }), db.knex));

  test('every page size gives every disclosure about or naming it once, newest first, and counts them all', async () => {
    const all = await expected();
    expect(all.length).toBeGreaterThan(20);
    for (const first of [1, 3, 7, 100]) expect(await allPages(first)).toEqual({ ids: all, total: all.length });
  });

  test('a filter narrows both sides before each takes its first rows', async () => {
    for (const kind of ['administrative-licence', 'administrative-penalty']) {
      const some = await expected({ kind });
      expect(some.length).toBeGreaterThan(3);
      for (const first of [2, 5]) expect(await allPages(first, { kind })).toEqual({ ids: some, total: some.length });
    }
  });

  test("a new version's publication time moves it on the page: parties keep their disclosure's time", async () => {
    const [moved] = rows().filter((r) => r.parties.some((p) => p.entity_uscc === CODE) && r.entity_uscc !== CODE);
    await db.knex.transaction((trx) => writeDisclosures(trx, [{ ...moved, published_at: new Date('2027-06-01T00:00:00Z'), content_hash: 'moved' }], null));
    const { id } = await db.knex('disclosures').where('source_key', moved.source_key).first('id');
    const stale = await db.knex('disclosure_parties as p').join('disclosures as d', 'd.id', 'p.disclosure_id').whereRaw('p.published_at <> d.published_at').count({ n: '*' });
    expect(Number(stale[0].n)).toBe(0);
    const { ids } = await allPages(4);
    expect(ids[0]).toBe(String(id));
    expect(ids).toEqual(await expected());
  });

  test('a page is one statement, its count another only when asked for', async () => {
    const scope = involving(storedEntity({ uscc: CODE, name: '' }), db.knex);
    const { count } = await countStatements(db.knex, async () => (await listDisclosures(db.knex, { first: 5 }, scope)).edges.length);
    expect(count).toBe(1);
  });
});
