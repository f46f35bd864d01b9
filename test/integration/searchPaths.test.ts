import { listDisclosures, type DisclosureListArgs } from '../../src/graphql/disclosures/list';
import type { RowRead } from '../../src/graphql/disclosures/rowRead';
import { COMMON_COLUMNS } from '../../src/graphql/disclosures/columns';
import { allListPages } from '../helpers/listPages';
import { countStatements } from '../helpers/statementCount';
import { searchTermsOf } from '../../src/graphql/disclosures/search';
import { SEARCH_TEXT_MAX_CHARS } from '../../src/sync/normalize';
import { writeDisclosures } from '../../src/sync/store/disclosureWriter';
import type { DisclosureRow } from '../../src/sync/normalize';
import { penaltyRow } from '../helpers/penaltyRow';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

/**
 * A two-ideograph search takes its title hits from the title bigram postings (migration 012) and
 * its other hits through the GIN index; any other search ranks every hit in one statement. Both
 * must give the order a plain reading of the rows gives: title hits first, then the rest, each in
 * the requested time order, and the same pages whatever the page size.
 */

const WORDS = ['处罚', '环保', '医院'];

/** Titles and texts that put each word in some titles, some bodies only, and some nowhere. */
function rows(): DisclosureRow[] {
  return Array.from({ length: 60 }, (_, i) => {
    const word = WORDS[i % WORDS.length];
    const inTitle = i % 4 !== 0;
    const title = inTitle ? `第${i}号${word}决定书` : `第${i}号决定书`;
    const body = i % 5 === 0 ? '' : `正文提到${word}事项`;
    return penaltyRow({
      status: 'published',
      source_key: `key-${i}`,
      title,
      // Several rows share a publication time, so the id breaks ties.
      published_at: new Date(Date.UTC(2026, 0, 1 + Math.floor(i / 3))),
      search_text: `${title}\n${body}`,
    });
  });
}

/** The order the API promises, read off the stored rows in the test. */
function expectedOrder(stored: Array<{ id: string; title: string; search_text: string; published_at: Date }>, word: string, ascending: boolean): string[] {
  const time = (r: { published_at: Date }) => new Date(r.published_at).getTime();
  return stored
    .filter((r) => r.search_text.includes(word))
    .sort((a, b) => {
      const rank = Number(b.title.includes(word)) - Number(a.title.includes(word));
      if (rank !== 0) return rank;
      const byTime = ascending ? time(a) - time(b) : time(b) - time(a);
      if (byTime !== 0) return byTime;
      return ascending ? Number(a.id) - Number(b.id) : Number(b.id) - Number(a.id);
    })
    .map((r) => String(r.id));
}

const allPages = (db: TestDatabase, args: DisclosureListArgs, first: number) => allListPages(db.knex, { ...args, first });

describe.each(BACKENDS)('search paths on %s', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
    await db.knex.transaction((trx) => writeDisclosures(trx, rows(), null));
  }, 120000);
  afterAll(() => db?.destroy());

  const stored = () => db.knex('disclosures').select('id', 'title', 'search_text', 'published_at');

  test.each([...WORDS, '号处罚'])('"%s": title hits first, then the rest, in every page size and both orders', async (word) => {
    for (const ascending of [false, true]) {
      const expected = expectedOrder(await stored(), word, ascending);
      expect(expected.length).toBeGreaterThan(10);
      for (const first of [1, 4, 7, 100]) {
        const { ids, total } = await allPages(db, { search: word, orderBy: ascending ? 'PUBLISHED_ASC' : 'PUBLISHED_DESC' }, first);
        expect(ids).toEqual(expected);
        expect(total).toBe(expected.length);
      }
    }
  });

  test('a filter narrows both kinds of hit', async () => {
    const word = WORDS[0];
    await db.knex.transaction((trx) => writeDisclosures(trx, [penaltyRow({ status: 'published', source_key: 'other-kind', kind: 'administrative-licence', title: `另一类${word}`, search_text: `另一类${word}` })], null));
    const { ids } = await allPages(db, { search: word, filter: { kind: 'administrative-penalty' } }, 5);
    const expected = expectedOrder(await stored().where('kind', 'administrative-penalty'), word, false);
    expect(ids).toEqual(expected);
    const other = await allPages(db, { search: word, filter: { kind: 'administrative-licence' } }, 5);
    expect(other.ids).toHaveLength(1);
  });

  test('a new title moves its postings, and a removed disclosure takes them along', async () => {
    const [renamed] = rows().filter((r) => r.title.includes('医院'));
    await db.knex.transaction((trx) => writeDisclosures(trx, [{ ...renamed, title: '第零号公园决定书', search_text: '第零号公园决定书', content_hash: 'renamed' }], null));
    const { id } = await db.knex('disclosures').where('source_key', renamed.source_key).first('id');
    expect((await allPages(db, { search: '公园' }, 10)).ids).toEqual([String(id)]);
    expect((await allPages(db, { search: '医院' }, 100)).ids).not.toContain(String(id));

    await db.knex('disclosures').where('id', id).delete();
    expect((await allPages(db, { search: '公园' }, 10)).ids).toEqual([]);
    const [{ n }] = await db.knex('disclosure_title_bigrams').where('disclosure_id', id).count({ n: '*' });
    expect(Number(n)).toBe(0);
  });

  test('a list page with totalCount is one statement, and its count holds on every page', async () => {
    const counted: RowRead = { ownFields: false, columns: COMMON_COLUMNS, counted: true };
    const filter = { kind: 'administrative-penalty' };
    const [{ n }] = await db.knex('disclosures').where(filter).count({ n: '*' });
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { count, result: total } = await countStatements(db.knex, async () => {
        const page = await listDisclosures(db.knex, { filter, first: 25, after }, undefined, counted);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor() : null;
        return page.totalCount();
      });
      expect([count, total]).toEqual([1, Number(n)]);
      pages++;
      if (!after) break;
    }
    expect(pages).toBeGreaterThan(1);
    const last = await listDisclosures(db.knex, { filter, first: 1, orderBy: 'PUBLISHED_ASC' }, undefined, counted);
    const beyond = await listDisclosures(db.knex, { filter, first: 5, after: last.edges[0].cursor() }, undefined, counted);
    expect(beyond.edges).toHaveLength(0);
    expect(await beyond.totalCount()).toBe(Number(n));
    const none = await listDisclosures(db.knex, { filter: { kind: 'no-such-kind' } }, undefined, counted);
    expect(await none.totalCount()).toBe(0);
  });

  test('the postings read a title as far as the search text does', async () => {
    const grams = async (title: string) => (await db.knex.raw('SELECT hub_title_bigrams(?) AS grams', [title])).rows[0].grams;
    expect(await grams(`${'a'.repeat(SEARCH_TEXT_MAX_CHARS - 2)}处罚`)).toEqual(['处罚']);
    expect(await grams(`${'a'.repeat(SEARCH_TEXT_MAX_CHARS - 1)}处罚`)).toEqual([]);
  });

  test('a title keeps each pair of adjacent ideographs once, and nothing across a gap', async () => {
    const grams = async (title: string) => ((await db.knex.raw('SELECT hub_title_bigrams(?) AS grams', [title])).rows[0].grams as string[]).sort();
    expect(await grams('行政处罚决定书（大庆市 行政处罚）2026-01')).toEqual(['处罚', '大庆', '定书', '庆市', '政处', '决定', '罚决', '行政'].sort());
    expect(await grams('处罚处罚处')).toEqual(['处罚', '罚处'].sort());
    expect(await grams('处 罚')).toEqual([]);
    expect(await grams('')).toEqual([]);
    // Linear in the title: a long one cut to the search text's length answers at once.
    expect(await grams('大庆市'.repeat(SEARCH_TEXT_MAX_CHARS))).toEqual(['大庆', '市大', '庆市'].sort());
  });

  test('the postings and the search agree on which pairs are ideographs', async () => {
    // Range edges, and characters near them that are not in the ranges.
    const samples = ['㐀㐁', '䶿一', '䷀一', '一䷀', '一鿿', '鿿一', '〇〇', '㈠㈡', 'ＡＢ', 'ab', '12', 'かな', '𠀀𠀁', '处罚', '医,'];
    for (const pair of samples) {
      const { rows: [row] } = await db.knex.raw('SELECT hub_title_bigrams(?) AS grams', [pair]);
      const sqlKeeps = row.grams.length === 1 && row.grams[0] === pair;
      expect([pair, searchTermsOf(pair)?.titleBigram !== null]).toEqual([pair, sqlKeeps]);
    }
  });
});
