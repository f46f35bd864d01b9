import type { Knex } from 'knex';
import { writeDisclosures } from '../../src/sync/store/disclosureWriter';
import { countedDomains } from '../../src/summaries/entityDomainCounts';
import { ENTITY_DOMAIN_COUNTS } from '../../src/summaries/entityDomainCounts';
import { penaltyRow } from '../helpers/penaltyRow';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

/**
 * Two streams writing pages at once that name the same enterprises, in opposite orders, inside
 * transactions that stay open across two writes each (as a page's transaction does). Without a turn
 * for shared rows, each holds one enterprise's row the other wants next: PostgreSQL aborts one as a
 * deadlock, and its page is lost for that run.
 */
const X = '91230602MA1BXXXX01';
const Y = '91230602MA1BYYYY02';

function pageNaming(stream: string, key: string, uscc: string) {
  return [penaltyRow({ status: 'published', stream, source_key: key, entity_uscc: uscc, subject_uscc: uscc, subject_uscc_valid: true, subject_name: `企业${uscc.slice(-2)}` })];
}

/** A promise and the function that settles it: one writer tells the other it has begun. */
function signal(): { fired: Promise<void>; fire: () => void } {
  let fire!: () => void;
  const fired = new Promise<void>((resolve) => (fire = resolve));
  return { fired, fire };
}

// The embedded database is one session: its writers already take turns, and nothing can deadlock.
const onPostgres = BACKENDS.includes('postgres') ? describe : describe.skip;

onPostgres('concurrent page writes on PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
  }, 120000);
  afterAll(() => db?.destroy());

  test('two streams naming the same enterprises in opposite orders both commit, and the counts add up', async () => {
    const firstBegun = signal();
    const secondBegun = signal();
    const writer = (stream: string, first: string, second: string, begun: { fire: () => void }, other: Promise<void>) =>
      db.knex.transaction(async (trx: Knex.Transaction) => {
        await writeDisclosures(trx, pageNaming(stream, `${stream}-1`, first), null);
        begun.fire();
        // The other writer has begun (or is waiting its turn) before this one writes again.
        await Promise.race([other, new Promise((resolve) => setTimeout(resolve, 2000))]);
        await writeDisclosures(trx, pageNaming(stream, `${stream}-2`, second), null);
      });
    const results = await Promise.allSettled([
      writer('credit/penalties', X, Y, firstBegun, secondBegun.fired),
      writer('credit/penalties-2016', Y, X, secondBegun, firstBegun.fired),
    ]);
    expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'committed'))).toEqual(['committed', 'committed']);

    const kept = await db.knex(ENTITY_DOMAIN_COUNTS).orderBy(['uscc', 'domain']).select('uscc', 'domain', 'count');
    const recomputed = await countedDomains(db.knex, 'all');
    const byKey = (rows: Array<{ uscc: string; domain: string; count: number | string }>) =>
      rows.map((r) => `${r.uscc} ${r.domain} ${Number(r.count)}`).sort();
    expect(byKey(kept)).toEqual(byKey(recomputed));
    expect(byKey(kept)).toEqual([`${X} credit 2`, `${Y} credit 2`]);
  });
});
