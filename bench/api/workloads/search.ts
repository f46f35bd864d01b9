import { adminQuery } from '../../harness/postgres';
import { pageDigest, rowsOf, subjectNameOf, type Workload } from '../workload';

/** Words searched: the issue's ~30 common ones. */
const WORDS = 30;

/**
 * A search page: 20 disclosures whose text holds a two-character Chinese word, hits in the title
 * first, with their subject's name; a different word on each request. The words are the bigrams of
 * Chinese characters that most titles hold (long result lists: the costly case for both servers).
 * PostGraphile answers through bench_search_disclosures (postgraphileFunctions.ts), the hub's
 * search written as SQL.
 */
const ROW = 'id title publishedAt';

export const search: Workload = {
  name: 'search',
  graphql: {
    hub: `query SearchPage($q: String!) {
  disclosures(first: 20, search: $q) { edges { node { ${ROW} subject { name } } } }
}`,
    postgraphile: `query SearchPage($q: String!) {
  benchSearchDisclosures(q: $q, first: 20) { nodes { ${ROW} entityByEntityUscc { name } } }
}`,
  },
  variants: async ({ databaseUrl, most }) => {
    const words = await adminQuery<{ word: string }>(
      databaseUrl,
      String.raw`SELECT gram AS word FROM disclosures, unnest(hub_bigrams(title)) AS gram
       WHERE gram ~ '^[\u4e00-\u9fff]{2}$' GROUP BY gram ORDER BY count(*) DESC, gram LIMIT ${Math.min(most, WORDS)}`,
    );
    if (!words.length) return { skipped: 'no Chinese title to take search words from' };
    return words.map(({ word }) => ({ label: `search ${word}`, variables: { hub: { q: word }, postgraphile: { q: word } } }));
  },
  digest: (target, data) => pageDigest(rowsOf(target === 'hub' ? data.disclosures : data.benchSearchDisclosures), subjectNameOf(target)),
  caveat: 'subject names may differ as in the list workload (the hub also names subjects whose code fails its check).',
};
