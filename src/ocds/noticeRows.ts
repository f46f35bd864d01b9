import { TRADING } from '../domain/contract';
import type { Knex } from 'knex';
import type { TradingParty } from '../domain/trading';
import { partyDirectory, type PartyDirectory } from './partyDirectory';
import type { StoredNotice } from './storedNotice';

/**
 * The store's side of the export: trading notices of procurement trades, read in keyset pages so
 * that no query holds all notices and no connection is held between pages (the embedded database
 * has one; a slow HTTP client must not keep it).
 *
 * Releases are listed in the order the hub stored them (stored_at, set again whenever a notice
 * changes), not in publication order: platforms publish late and backdate, so a partner who pages
 * on publication time would never see a late notice; on store order it comes after the last one
 * the partner fetched.
 */

/** Where a notice says its process; notices of one process share it (connectors/trading). */
const PROJECT_CODE = `d.attributes->>'projectCode'`;
/** The store keeps microseconds; a JavaScript Date would round them and skip or repeat rows at a page edge. */
const STORE_KEY = `to_char(d.stored_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export interface NoticeFilter {
  /** Only notices the hub stored (new or changed) at or after this time. */
  since?: Date;
}

/** A notice's place in store order: the exact store time and the row id. */
export interface StoreKey {
  storedAt: string;
  id: number;
}

export interface NoticeRow extends StoredNotice {
  key: StoreKey;
  storedAt: Date;
}

/** A notice with the directory of its project's organisations (partyDirectory.ts), read from every notice of the project. */
export interface NoticeInProject extends NoticeRow {
  directory: PartyDirectory;
}

function procurementNotices(knex: Knex, filter: NoticeFilter): Knex.QueryBuilder {
  const q = knex('disclosures as d')
    .where('d.kind', TRADING.kinds.notice)
    // Land and property sales are left out (storedNotice.ts: isProcurement).
    .whereRaw(`d.attributes->'tradeType'->>'procurement' = 'true'`);
  if (filter.since) q.where('d.stored_at', '>=', filter.since);
  return q;
}

function selectNotice(q: Knex.QueryBuilder, knex: Knex): Knex.QueryBuilder {
  return q.select('d.id', 'd.version', 'd.title', 'd.source_url', 'd.attributes', 'd.stored_at', knex.raw(`${STORE_KEY} AS store_key`));
}

function toNoticeRow(row: any): NoticeRow {
  return {
    version: Number(row.version),
    title: row.title,
    sourceUrl: row.source_url ?? null,
    attributes: typeof row.attributes === 'string' ? JSON.parse(row.attributes) : row.attributes,
    storedAt: new Date(row.stored_at),
    key: { storedAt: row.store_key, id: Number(row.id) },
  };
}

export interface StoreOrderRange extends NoticeFilter {
  /** Start after this key (a partner's cursor). */
  after?: StoreKey;
  /** Stop at this key, inclusive (the end of an HTTP page, fixed before the page is written). */
  upTo?: StoreKey;
  batchSize?: number;
}

/**
 * Notices in store order, a batch per query, each with its project's party directory: one more
 * query per batch reads the parties of every notice of the batch's projects, whenever stored, so a
 * release names an organisation as the project's other releases do.
 */
export async function* noticesInStoreOrder(knex: Knex, range: StoreOrderRange): AsyncGenerator<NoticeInProject[]> {
  const batchSize = range.batchSize ?? 500;
  let after = range.after;
  for (;;) {
    const q = selectNotice(procurementNotices(knex, range), knex);
    if (after) q.whereRaw('(d.stored_at, d.id) > (?::timestamptz, ?)', [after.storedAt, after.id]);
    if (range.upTo) q.whereRaw('(d.stored_at, d.id) <= (?::timestamptz, ?)', [range.upTo.storedAt, range.upTo.id]);
    const rows: NoticeRow[] = (await q.orderBy([{ column: 'd.stored_at' }, { column: 'd.id' }]).limit(batchSize)).map(toNoticeRow);
    if (rows.length > 0) {
      const directories = await projectDirectories(knex, [...new Set(rows.map((row) => row.attributes.projectCode))]);
      yield rows.map((row) => ({ ...row, directory: directories.get(row.attributes.projectCode) ?? partyDirectory([row.attributes.parties]) }));
    }
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1].key;
  }
}

/** The party directory of each project, from the parties of all its stored procurement notices. */
async function projectDirectories(knex: Knex, codes: readonly string[]): Promise<Map<string, PartyDirectory>> {
  const rows = await procurementNotices(knex, {})
    .whereRaw(`${PROJECT_CODE} IN (${codes.map(() => '?').join(', ')})`, [...codes])
    .select(knex.raw(`${PROJECT_CODE} AS project_code`), knex.raw(`d.attributes->'parties' AS parties`));
  const byCode = new Map<string, TradingParty[][]>();
  for (const row of rows) {
    const parties: TradingParty[] | null = typeof row.parties === 'string' ? JSON.parse(row.parties) : row.parties;
    byCode.set(row.project_code, [...(byCode.get(row.project_code) ?? []), parties ?? []]);
  }
  return new Map([...byCode].map(([code, lists]) => [code, partyDirectory(lists)]));
}

/**
 * Where a page of `limit` notices after `after` ends, and whether more follow, read as keys only
 * (a few bytes a row), so the next-page link is known before the page is written.
 */
export async function storeOrderPageEnd(knex: Knex, range: NoticeFilter & { after?: StoreKey; limit: number }): Promise<{ last?: StoreKey; more: boolean }> {
  const q = procurementNotices(knex, range).select('d.id', knex.raw(`${STORE_KEY} AS store_key`));
  if (range.after) q.whereRaw('(d.stored_at, d.id) > (?::timestamptz, ?)', [range.after.storedAt, range.after.id]);
  const keys = await q.orderBy([{ column: 'd.stored_at' }, { column: 'd.id' }]).limit(range.limit + 1);
  const page = keys.slice(0, range.limit);
  if (page.length === 0) return { more: false };
  const last = page[page.length - 1];
  return { last: { storedAt: last.store_key, id: Number(last.id) }, more: keys.length > range.limit };
}

/**
 * Project codes of the processes with a notice stored since the filter's time, in code order, one
 * page after `after`: grouped in SQL, so a process is never split across pages.
 */
export async function processCodesPage(knex: Knex, range: NoticeFilter & { after?: string; limit: number }): Promise<{ codes: string[]; more: boolean }> {
  const q = procurementNotices(knex, range).select(knex.raw(`${PROJECT_CODE} AS project_code`)).groupByRaw(PROJECT_CODE);
  if (range.after !== undefined) q.whereRaw(`${PROJECT_CODE} > ?`, [range.after]);
  const rows = await q.orderBy('project_code').limit(range.limit + 1);
  const codes = rows.map((r: any) => String(r.project_code));
  return { codes: codes.slice(0, range.limit), more: codes.length > range.limit };
}

/**
 * Every notice of the given processes, whatever the filter: a record lists all releases of its
 * process, not only the recent ones. Grouped by code, each oldest first.
 */
export async function noticesOfProcesses(knex: Knex, codes: readonly string[]): Promise<Map<string, NoticeRow[]>> {
  const byCode = new Map<string, NoticeRow[]>(codes.map((code) => [code, []]));
  if (codes.length === 0) return byCode;
  const q = selectNotice(procurementNotices(knex, {}), knex).whereRaw(`${PROJECT_CODE} IN (${codes.map(() => '?').join(', ')})`, [...codes]);
  const rows = await q.orderBy([{ column: 'd.source_updated_at' }, { column: 'd.id' }]);
  for (const row of rows.map(toNoticeRow)) byCode.get(row.attributes.projectCode)?.push(row);
  return byCode;
}
