import { adminQuery } from '../harness/postgres';

/** What varies from one request to the next: which enterprise, which search term. */
export interface Variety {
  /** Enterprises with disclosures, the busiest first. */
  usccs: string[];
  /** Two-character Chinese terms from the titles, from the commonest to rare ones. */
  searchTerms: string[];
}

const ENTERPRISES = 2000;
const SEARCH_TERMS = 200;
/** Titles read for terms: enough for every kind of record, cheap to read. */
const TITLES = 5000;

/**
 * Reads the variety from the filled database. Many enterprises and terms, as many visitors bring,
 * keep a good share of requests from the hub's response cache (60 s for most pages), so the soak
 * reaches PostgreSQL and the cache fills as it would.
 */
export async function readVariety(databaseUrl: string): Promise<Variety> {
  const enterprises = await adminQuery<{ uscc: string }>(
    databaseUrl,
    `SELECT entity_uscc AS uscc FROM disclosures WHERE entity_uscc IS NOT NULL GROUP BY entity_uscc ORDER BY count(*) DESC, entity_uscc LIMIT ${ENTERPRISES}`,
  );
  const titles = await adminQuery<{ title: string }>(databaseUrl, `SELECT title FROM disclosures ORDER BY id LIMIT ${TITLES}`);
  const variety = { usccs: enterprises.map((e) => e.uscc), searchTerms: spreadTerms(titles.map((t) => t.title)) };
  if (!variety.usccs.length || !variety.searchTerms.length) throw new Error('the filled database has no enterprise or no Chinese title to vary requests with');
  return variety;
}

/**
 * Every two-character run of Chinese in the titles, ranked by how many titles have it, then picked
 * evenly down the ranking: common terms (long result lists, costly totals) and rare ones alike.
 */
function spreadTerms(titles: string[]): string[] {
  const counts = new Map<string, number>();
  for (const title of titles) {
    for (const term of new Set(bigrams(title))) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([term]) => term);
  const step = Math.max(1, ranked.length / SEARCH_TERMS);
  const picked: string[] = [];
  for (let i = 0; i < ranked.length && picked.length < SEARCH_TERMS; i += step) picked.push(ranked[Math.floor(i)]);
  return picked;
}

function bigrams(text: string): string[] {
  const terms: string[] = [];
  for (const run of text.match(/[\u4e00-\u9fff]{2,}/g) ?? []) {
    for (let i = 0; i + 2 <= run.length; i++) terms.push(run.slice(i, i + 2));
  }
  return terms;
}
