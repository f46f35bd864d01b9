import type { Knex } from 'knex';
import { normalizeUscc } from '../../domain/uscc';
import type { ProcessStageName } from '../../domain/trading';
import { decodeCursor, encodeCursor, InvalidCursorError } from '../cursor';
import { pageSize } from '../limits';
import { applySearch } from '../queries/disclosureFilter';
import { DISCLOSURE_COLUMNS, type Connection } from '../queries/disclosureList';
import { anyNoticeOfTypeSql, noticeRankSql, processStageSql, PROJECT_CODE_SQL, NOTICE_TYPE_SQL } from './stageSql';

export const TRADING_NOTICE_KIND = 'trading-notice';

/** What the database says about one process: the group of notices sharing its project code. */
export interface ProcessSummary {
  projectCode: string;
  projectName: string;
  stage: ProcessStageName;
  amended: boolean;
  cancelled: boolean;
  noticeCount: number;
  firstNoticeAt: Date;
  lastNoticeAt: Date;
}

export interface ProcessListArgs {
  first?: number | null;
  after?: string | null;
  stage?: ProcessStageName | null;
  buyerUscc?: string | null;
  search?: string | null;
}

/** The party roles of the process's initiator: buyer in procurement, transferor in a sale. */
export const INITIATOR_ROLES = ['buyer', 'transferor'];

type Narrow = (notices: Knex.QueryBuilder) => void;

/**
 * One row per process: its notices (`n`, one row per trading notice with its rank) grouped by
 * project code, with the stage derived as processStage derives it (stageSql.ts). `narrow` limits
 * which processes are grouped; it must select whole processes (by project code), never single
 * notices, or the stage would be computed from part of a process.
 */
export function processSummaries(knex: Knex, narrow?: Narrow): Knex.QueryBuilder {
  const rank = noticeRankSql();
  const notices = knex('disclosures as d')
    .where('d.kind', TRADING_NOTICE_KIND)
    .select(
      knex.raw(`${PROJECT_CODE_SQL} AS project_code`),
      knex.raw(`d.attributes->>'projectName' AS project_name`),
      knex.raw(`${NOTICE_TYPE_SQL} AS notice_type`),
      knex.raw(`${rank.sql} AS rank`, rank.bindings),
      'd.id',
      'd.published_at',
    );
  narrow?.(notices);
  const stage = processStageSql();
  const amended = anyNoticeOfTypeSql('amendment');
  const cancelled = anyNoticeOfTypeSql('cancellation');
  return knex
    .from(notices.as('n'))
    .groupBy('n.project_code')
    .select(
      'n.project_code',
      knex.raw('(array_agg(n.project_name ORDER BY n.published_at DESC, n.id DESC))[1] AS project_name'),
      knex.raw(`${stage.sql} AS stage`, stage.bindings),
      knex.raw(`${amended.sql} AS amended`, amended.bindings),
      knex.raw(`${cancelled.sql} AS cancelled`, cancelled.bindings),
      knex.raw('count(*)::int AS notice_count'),
      knex.raw('min(n.published_at) AS first_notice_at'),
      knex.raw('max(n.published_at) AS last_notice_at'),
    );
}

export function toSummary(row: any): ProcessSummary {
  return {
    projectCode: row.project_code,
    projectName: row.project_name,
    stage: row.stage,
    amended: Boolean(row.amended),
    cancelled: Boolean(row.cancelled),
    noticeCount: Number(row.notice_count),
    firstNoticeAt: new Date(row.first_notice_at),
    lastNoticeAt: new Date(row.last_notice_at),
  };
}

/**
 * Limits a query over `disclosures d` to notices whose project code is one of a list or one a
 * sub-query selects; every code is a bound parameter.
 *
 * A sub-query is evaluated once, as an array (`= ANY(ARRAY(…))`): written as `IN (…)` the planner
 * flattens it into a join and, without statistics on JSON paths, picks a nested loop that reads the
 * project code out of both notices' JSON for every pair (seconds for a thousand notices).
 */
export function whereProjectCodeIn(q: Knex.QueryBuilder, codes: readonly string[] | Knex.QueryBuilder): Knex.QueryBuilder {
  if (!Array.isArray(codes)) return q.whereRaw(`${PROJECT_CODE_SQL} = ANY(ARRAY?)`, [codes as Knex.QueryBuilder]);
  if (codes.length === 0) return q.whereRaw('false');
  return q.whereRaw(`${PROJECT_CODE_SQL} IN (${codes.map(() => '?').join(', ')})`, [...codes]);
}

/** Project codes of the trading notices a sub-query selects (for `whereIn` on the project code). */
function codesOf(knex: Knex, from: Knex.QueryBuilder): Knex.QueryBuilder {
  return from.where('d.kind', TRADING_NOTICE_KIND).select(knex.raw(PROJECT_CODE_SQL));
}

/**
 * Limits the grouped notices to whole processes: those with a notice matching the search, and
 * those whose initiator has the given code. Both are sub-queries on the project code.
 */
function processFilter(knex: Knex, args: ProcessListArgs): Narrow {
  return (notices) => {
    if (args.search?.trim()) {
      whereProjectCodeIn(notices, applySearch(codesOf(knex, knex('disclosures as d')), args.search));
    }
    if (args.buyerUscc?.trim()) {
      const byBuyer = knex('disclosure_parties as p')
        .join('disclosures as d', 'd.id', 'p.disclosure_id')
        .whereIn('p.role', INITIATOR_ROLES)
        .where('p.uscc', normalizeUscc(args.buyerUscc));
      whereProjectCodeIn(notices, codesOf(knex, byBuyer));
    }
  };
}

/**
 * A page of processes, latest activity first: keyset pagination on (last notice time, project
 * code) over the grouped rows, the stage filter on the derived stage of each whole group, one row
 * more than asked to learn whether another page follows.
 */
export async function listTradingProcesses(knex: Knex, args: ProcessListArgs): Promise<Connection<ProcessSummary>> {
  const limit = pageSize(args.first);
  const filtered = () => {
    const q = knex.from(processSummaries(knex, processFilter(knex, args)).as('p'));
    if (args.stage) q.where('p.stage', args.stage);
    return q;
  };
  const page = filtered().select('p.*');
  if (args.after) {
    const [lastNoticeAt, projectCode] = decodeProcessCursor(args.after);
    page.whereRaw('(p.last_notice_at, p.project_code) < (?::timestamptz, ?)', [lastNoticeAt, projectCode]);
  }
  const rows = await page.orderBy([{ column: 'p.last_notice_at', order: 'desc' }, { column: 'p.project_code', order: 'desc' }]).limit(limit + 1);
  const edges = rows.slice(0, limit).map((row: any) => {
    const node = toSummary(row);
    return { cursor: encodeCursor([node.lastNoticeAt.toISOString(), node.projectCode]), node };
  });
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: async () => {
      const [{ count }] = await filtered().count({ count: '*' });
      return Number(count);
    },
  };
}

/** A process cursor is its sort key: the time of its last notice (ISO 8601) and its project code. */
function decodeProcessCursor(cursor: string): [string, string] {
  const [lastNoticeAt, projectCode] = decodeCursor(cursor, ['string', 'string']) as [string, string];
  if (Number.isNaN(Date.parse(lastNoticeAt))) {
    throw new InvalidCursorError(`"after" is not a cursor this list gave out: pass an endCursor or edge cursor from the same query`);
  }
  return [lastNoticeAt, projectCode];
}

/** Summaries of the given processes, in one query. */
export async function summariesByCode(knex: Knex, codes: readonly string[]): Promise<Map<string, ProcessSummary>> {
  const rows = await processSummaries(knex, (notices) => whereProjectCodeIn(notices, codes));
  return new Map(rows.map((row: any) => [row.project_code, toSummary(row)]));
}

/** The notices of the given processes, oldest first, in one query. */
export async function noticesByCode(knex: Knex, codes: readonly string[]): Promise<Map<string, any[]>> {
  const rows = await whereProjectCodeIn(knex('disclosures as d').where('d.kind', TRADING_NOTICE_KIND), codes)
    .select(DISCLOSURE_COLUMNS)
    .orderBy([{ column: 'd.published_at' }, { column: 'd.id' }]);
  const byCode = new Map<string, any[]>();
  for (const row of rows) {
    const code = row.attributes?.projectCode;
    const list = byCode.get(code) ?? [];
    list.push(row);
    byCode.set(code, list);
  }
  return byCode;
}
