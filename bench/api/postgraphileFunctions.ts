import { adminQuery } from '../harness/postgres';

/**
 * SQL functions the benchmark adds to its scratch database (never to a hub's) so that PostGraphile
 * can answer what the hub computes in code, the way a PostGraphile project would: a function it
 * exposes as a query field. Created before PostGraphile starts, since it reads the schema once.
 *
 * bench_search_disclosures is the hub's disclosure search (src/graphql/disclosures/search.ts and
 * list.ts) in SQL: rows whose search_grams hold every bigram of the query (the GIN index) and whose
 * search text contains it, LIKE's wildcards escaped; hits in the title first, then newest first.
 * PostGraphile serves it as `benchSearchDisclosures(q:, first:)`. A single STABLE SQL SELECT, so the
 * planner inlines it and sees the query's text as it sees the hub's bound parameter.
 */
const SEARCH_FUNCTION = String.raw`
CREATE FUNCTION bench_search_disclosures(q text) RETURNS SETOF disclosures LANGUAGE sql STABLE AS $$
  SELECT d.*
  FROM disclosures d,
       (SELECT '%' || replace(replace(replace(btrim(q), '\', '\\'), '%', '\%'), '_', '\_') || '%' AS pattern) s
  WHERE d.search_grams @> hub_bigrams(btrim(q))
    AND d.search_text ILIKE s.pattern ESCAPE '\'
  ORDER BY (d.title ILIKE s.pattern ESCAPE '\') DESC, d.published_at DESC, d.id DESC
$$`;

export async function createPostGraphileFunctions(databaseUrl: string): Promise<void> {
  await adminQuery(databaseUrl, SEARCH_FUNCTION);
}

/** Whether the database has `table` (a workload whose table another change adds skips without it). */
export async function hasTable(databaseUrl: string, table: string): Promise<boolean> {
  const rows = await adminQuery(databaseUrl, `SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name = '${table}'`);
  return rows.length > 0;
}
