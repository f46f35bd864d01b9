import type { GraphQLResolveInfo } from 'graphql';
import type { Knex } from 'knex';
import { readForInputs, type TemplateKey } from '../../db/inputTemplates';
import { plannedLimit, prepared } from '../../db/preparedStatements';
import type { HubContext } from '../context';
import { storedEntity } from '../entity/served';
import { serveDisclosure } from '../servedKinds';
import { connectionOf, countRows, type Connection } from '../shared/connection';
import { keptCount } from './kindCounts';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import { pageSize } from '../shared/pageSize';
import { withCanonicalRegion } from '../shared/region';
import type { DisclosureScope } from '../shared/scope';
import { applyFilter, filterApplies, type DisclosureFilter, type DisclosureRow } from './columns';
import type { ListScope } from './listScope';
import { rowReadOf, WHOLE_ROWS, type RowRead } from './rowRead';
import { searchTermsOf, titleHit, whereSearchHit, type SearchTerms } from './search';
import type { ServedDisclosure } from './served';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface DisclosureListArgs extends PageArgs {
  filter?: DisclosureFilter | null;
  search?: string | null;
  orderBy?: 'PUBLISHED_DESC' | 'PUBLISHED_ASC' | null;
}

/** Where a page starts: after the row a cursor names, by (rank, published_at, id). */
interface After {
  rank: number;
  publishedAt: string;
  id: number;
}

/** What one page statement needs to know, whichever way it finds its rows. */
interface PageQuery {
  knex: Knex;
  /** The rows the list holds before any search: its scope and filter. */
  narrowed: () => Knex.QueryBuilder;
  /** The list has no scope and no filter: every row is in it. */
  unnarrowed: boolean;
  /** The list's total as kept at write time, when its filter is one the counts answer (kindCounts.ts). */
  keptCount: () => Knex.QueryBuilder | null;
  /** The rows that can be on this page, when the scope can tell them without reading all it holds. */
  candidates?: () => Knex.QueryBuilder;
  after: After | null;
  direction: 'asc' | 'desc';
  /** Rows served; the statement reads one more, to learn whether another page follows. */
  size: number;
  read: RowRead;
  /**
   * What shapes the page's statements beyond the search words, when they can be built once for it
   * and run with other words (inputTemplates.ts): a list of the whole table, or filtered by its
   * arguments, on its first page. A scope holds its own values (an enterprise's code) and a cursor
   * is values too: such a page is built each time.
   */
  template: TemplateKey | null;
}

export type PageRow = DisclosureRow & { rank: number; subject_entity_name?: string | null; total_count?: number | string };

/**
 * One page of disclosures: keyset pagination on (rank, published_at, id), where a search ranks hits
 * in the title first (rank 1) and the rest after (rank 0), each in the requested time order. One
 * statement reads the page, with its subjects when they are selected and, for a list without a
 * search, its count when `totalCount` is; a count is never read unless it is asked for. `scope`
 * narrows the list (e.g. to one entity).
 */
export async function listDisclosures(
  knex: Knex,
  args: DisclosureListArgs,
  scope?: ListScope,
  read: RowRead = WHOLE_ROWS,
): Promise<Connection<ServedDisclosure>> {
  const { page, terms } = pageQueryOf(knex, args, scope, read);
  const rows = terms?.titleBigram ? await titleHitsFirst(page, terms, terms.titleBigram) : await rankedPage(page, terms);
  return pageConnection(page, terms, rows);
}

/**
 * A page of a list without a search, as a statement another statement can read along (an
 * enterprise page reads its newest disclosures in the statement that reads the enterprise): the
 * statement, the order its rows are served in, and what makes the page of the rows it returns.
 * Null for a search, whose page may take two statements.
 */
export interface PageReadAlong {
  /** Built when asked for: a statement read along may be built once for many requests (inputTemplates.ts). */
  statement: () => Knex.QueryBuilder;
  /** The page's ORDER BY, on the columns the statement returns, as `alias` names them. */
  orderBy: (alias: string) => string;
  connect: (rows: readonly PageRow[]) => Connection<ServedDisclosure>;
}

export function pageReadAlong(knex: Knex, args: DisclosureListArgs, scope: ListScope, read: RowRead): PageReadAlong | null {
  const { page, terms } = pageQueryOf(knex, args, scope, read);
  if (terms) return null;
  return {
    statement: () => rankedPageStatement(page, null),
    orderBy: (alias) => `${alias}.rank desc, ${alias}.published_at ${page.direction}, ${alias}.id ${page.direction}`,
    connect: (rows) => pageConnection(page, null, rows),
  };
}

function pageQueryOf(knex: Knex, args: DisclosureListArgs, scope: ListScope | undefined, read: RowRead): { page: PageQuery; terms: SearchTerms | null } {
  const filtered = (q: Knex.QueryBuilder) => applyFilter(q, args.filter);
  const filtering = filterApplies(args.filter);
  const narrowed = () => {
    const q = knex('disclosures as d');
    scope?.(q);
    return filtered(q);
  };
  const page: PageQuery = {
    knex,
    narrowed,
    after: args.after ? decodeAfter(args.after) : null,
    direction: args.orderBy === 'PUBLISHED_ASC' ? 'asc' : 'desc',
    size: pageSize(args.first),
    read,
    unnarrowed: !scope && !filtering,
    keptCount: () => (scope ? null : keptCount(knex, args.filter)),
    template: !scope && !args.after && read.field ? { owner: read.field, shape: JSON.stringify([args.first ?? null, args.orderBy ?? null, args.filter ?? null]) } : null,
  };
  const terms = searchTermsOf(args.search);
  const sourced = scope?.pageCandidates;
  if (sourced && !terms) {
    const bounds = { filtered, filtering, after: page.after, direction: page.direction, rows: page.size + 1 };
    page.candidates = () => filtered(knex('disclosures as d').whereIn('d.id', sourced(bounds)));
  }
  return { page, terms };
}

function pageConnection(page: PageQuery, terms: SearchTerms | null, rows: readonly PageRow[]): Connection<ServedDisclosure> {
  const { read, narrowed } = page;
  return connectionOf(
    rows,
    page.size,
    (row) => withJoinedSubject(serveDisclosure(row, read.ownFields), row, read),
    (row) => encodeCursor([Number(row.rank), new Date(row.published_at).toISOString(), Number(row.id)]),
    () => countedInPage(rows, page) ?? (terms ? countRows(whereSearchHit(narrowed(), terms)) : countOf(page)),
  );
}

/**
 * The count the page's statement read along with its rows (a list without a search, totalCount
 * selected); undefined when it has none. A page with no rows carries no count: that is 0 only for a
 * first page, as a cursor past the last row leaves the page empty whatever the total.
 */
function countedInPage(rows: readonly PageRow[], page: PageQuery): Promise<number> | undefined {
  if (rows.length > 0 && rows[0].total_count !== undefined) return Promise.resolve(Number(rows[0].total_count));
  if (rows.length === 0 && !page.after && page.read.counted) return Promise.resolve(0);
  return undefined;
}

function decodeAfter(cursor: string): After {
  const [rank, publishedAt, id] = decodeCursor(cursor, ['integer', 'instant', 'integer']);
  return { rank: Number(rank), publishedAt: String(publishedAt), id: Number(id) };
}

/**
 * Any list, any search: the rank is computed per matching row, so a search sorts all its hits.
 * Without a search every row has rank 0 and the order is the publication-time index's.
 */
async function rankedPage(page: PageQuery, terms: SearchTerms | null): Promise<PageRow[]> {
  // A search's plan depends on how common its words are, so it is planned each time.
  if (terms) return rankedPageStatement(page, terms);
  // A list's plan is the same whatever its values (the index of its filter, in time order).
  return builtOnceFor(page, 'ranked', [] as const, () => prepared(rankedPageStatement(page, null)));
}

/** One of a page's statements (`part` says which), built once for the page's template when it has one. */
function builtOnceFor<I extends readonly string[]>(page: PageQuery, part: string, inputs: I, build: (inputs: I) => Knex.QueryBuilder): Knex.QueryBuilder {
  const { template } = page;
  return template ? readForInputs(page.knex, { owner: template.owner, shape: `${part}|${template.shape}` }, inputs, build) : build(inputs);
}

function rankedPageStatement(page: PageQuery, terms: SearchTerms | null): Knex.QueryBuilder {
  const rank = terms ? titleHit(terms) : { sql: 'false', bindings: [] };
  const q = terms ? whereSearchHit(page.narrowed(), terms) : (page.candidates ?? page.narrowed)();
  if (page.after) {
    const { rank: hit, publishedAt, id } = page.after;
    q.whereRaw(`(${rank.sql}::int < ? OR (${rank.sql}::int = ? AND (d.published_at, d.id) ${beyond(page)} (?::timestamptz, ?)))`, [
      ...rank.bindings, hit, ...rank.bindings, hit, publishedAt, id,
    ]);
  }
  const rows = withColumns(page, q, page.knex.raw(`${rank.sql}::int AS rank`, rank.bindings)).orderByRaw(`rank desc, d.published_at ${page.direction}, d.id ${page.direction}`);
  plannedLimit(rows, page.size + 1);
  // The count is a sub-query the database runs once for the statement, beside the page's own scan.
  if (page.read.counted && !terms) rows.select(page.knex.raw('(?) AS total_count', [page.keptCount() ?? page.narrowed().count('*')]));
  return rows;
}

/** A list's total without a search: kept at write time when its filter allows, else counted. */
async function countOf(page: PageQuery): Promise<number> {
  const kept = page.keptCount();
  if (!kept) return countRows(prepared(page.narrowed()));
  const [{ total }] = await prepared(kept);
  return Number(total);
}

/**
 * A search for two ideographs (the portal's most common search): its title hits come from the
 * title bigram postings, already in publication order, so the page reads about as many entries as
 * it shows however many titles hold the pair; only when they run out does a second statement read
 * the hits elsewhere in the text (through the GIN index, which rare pairs keep small).
 */
async function titleHitsFirst(page: PageQuery, terms: SearchTerms, pair: string): Promise<PageRow[]> {
  const rows: PageRow[] = [];
  if (!page.after || page.after.rank === 1) rows.push(...(await builtOnceFor(page, 'in title', [pair] as const, ([input]) => inTitleStatement(page, input))));
  if (rows.length <= page.size) rows.push(...(await hitsElsewhere(page, terms, page.size + 1 - rows.length)));
  return rows;
}

/**
 * The page's hits that hold the pair in their title. Unlike the search below, its plan is the same
 * for any pair: the pair's postings, walked in time order, each joined to its row; so it is
 * prepared. A list with no scope or filter keeps every posting's row, so its page is the pair's
 * first postings: reading those before their rows gives the database the same estimate however
 * common the pair, and it keeps that plan instead of planning each search.
 */
function inTitleStatement(page: PageQuery, pair: string): Knex.QueryBuilder {
  const { knex, after, direction } = page;
  const postings = knex('disclosure_title_bigrams as tb').where('tb.bigram', pair);
  if (after) postings.whereRaw(`(tb.published_at, tb.disclosure_id) ${beyond(page)} (?::timestamptz, ?)`, [after.publishedAt, after.id]);
  const newest = [
    { column: 'tb.published_at', order: direction },
    { column: 'tb.disclosure_id', order: direction },
  ];
  postings.select('tb.disclosure_id', 'tb.published_at');
  const inTitle = page.unnarrowed
    ? knex('disclosures as d').join(plannedLimit(postings.orderBy(newest), page.size + 1).as('tb'), 'tb.disclosure_id', 'd.id')
    : page.narrowed().join(postings.as('tb'), 'tb.disclosure_id', 'd.id');
  plannedLimit(withColumns(page, inTitle, knex.raw('1 AS rank')).orderBy(newest), page.size + 1);
  return prepared(inTitle);
}

/**
 * The hits whose title lacks the pair, newest first. Their ids and times are gathered whole through
 * the GIN index (a materialized CTE), the page's few are picked from them, and only those rows are
 * read: walking the publication-time index instead, as the planner would for a LIMIT, reads the
 * whole table when the hits are old or few (1.3 s at 30,000 rows), and gathering whole rows reads
 * every hit's text.
 */
async function hitsElsewhere(page: PageQuery, terms: SearchTerms, rows: number): Promise<PageRow[]> {
  const { knex, after, direction } = page;
  const title = titleHit(terms);
  const hits = whereSearchHit(page.narrowed(), terms).whereRaw(`NOT ${title.sql}`, title.bindings).select('d.id', 'd.published_at');
  if (after?.rank === 0) hits.whereRaw(`(d.published_at, d.id) ${beyond(page)} (?::timestamptz, ?)`, [after.publishedAt, after.id]);
  const newest = [
    { column: 'published_at', order: direction },
    { column: 'id', order: direction },
  ];
  const picked = knex.withMaterialized('hits', hits).from('hits').select('id').orderBy(newest).limit(rows);
  const q = knex('disclosures as d').whereIn('d.id', picked);
  return withColumns(page, q, knex.raw('0 AS rank')).orderBy([
    { column: 'd.published_at', order: direction },
    { column: 'd.id', order: direction },
  ]);
}

/** The comparison that keeps rows after the cursor in the page's time order. */
const beyond = (page: PageQuery) => (page.direction === 'asc' ? '>' : '<');

/** The columns the page's nodes need, its rank, and the subject's name when `subject` is selected. */
function withColumns(page: PageQuery, q: Knex.QueryBuilder, rank: Knex.Raw): Knex.QueryBuilder {
  return withSubjects(page, q.select(page.read.columns).select(rank));
}

function withSubjects(page: PageQuery, q: Knex.QueryBuilder): Knex.QueryBuilder {
  if (page.read.subjectsInto) q.leftJoin('entities as subject', 'subject.uscc', 'd.entity_uscc').select('subject.name as subject_entity_name');
  return q;
}

/**
 * The subject the page's join found (or that it found none), kept on the served row for `subject`
 * to answer from at once, and given to the request's entity loader as if it had loaded it, for any
 * other field of the request that asks for the same enterprise.
 */
function withJoinedSubject(node: ServedDisclosure, row: PageRow, read: RowRead): ServedDisclosure {
  const entities = read.subjectsInto;
  if (!entities) return node;
  const found = row.entity_uscc && row.subject_entity_name != null ? storedEntity({ uscc: row.entity_uscc, name: row.subject_entity_name }) : null;
  if (found) entities.prime(found.uscc, found);
  node.storedSubject.joined = found;
  return node;
}

/**
 * A domain query's resolver: the shared disclosure list, narrowed by the scope the query makes of
 * its own arguments (search and orderBy pass through where the query has them). A region, as a
 * query's own argument or in its filter, is read in the city's vocabulary first.
 */
export function scopedList<A>(toScope: (args: A) => DisclosureScope) {
  return (_: unknown, args: A & Omit<DisclosureListArgs, 'filter'>, ctx: HubContext, info: GraphQLResolveInfo) => {
    const own = args as A & { region?: string | null; filter?: { region?: string | null } | null };
    const { filter, scope } = toScope({ ...withCanonicalRegion(own, ctx.regions), filter: withCanonicalRegion(own.filter, ctx.regions) });
    const listArgs = { first: args.first, after: args.after, search: args.search, orderBy: args.orderBy, filter };
    return listDisclosures(ctx.knex, listArgs, scope, rowReadOf(info, ctx.loaders.entities.byCode));
  };
}
