import { TRADING } from '../../domain/contract';
import type { Knex } from 'knex';
import type { ProcessStageName } from '../../domain/trading';
import type { ProcessKey } from './processKey';
import { anyNoticeOfTypeSql, LOT_CODE_SQL, noticeRankSql, processStageSql, PROCESS_KEY_SQL, PROJECT_CODE_SQL, NOTICE_TYPE_SQL } from './stageSql';

/** What the database says about one process: the group of notices sharing its project and lot code. */
export interface ProcessSummary extends ProcessKey {
  projectName: string;
  /** 标段(包)名称 from the latest notice naming one; null for an undivided project. */
  lotName: string | null;
  stage: ProcessStageName;
  amended: boolean;
  cancelled: boolean;
  noticeCount: number;
  firstNoticeAt: Date;
  lastNoticeAt: Date;
}

/** Limits the notices that are grouped; see processSummaries. */
export type Narrow = (notices: Knex.QueryBuilder) => void;

/**
 * One row per process: its notices (`n`, one row per trading notice with its rank) grouped by
 * project and lot code, with the stage derived as processStage derives it (stageSql.ts). `narrow`
 * limits which processes are grouped; it must select whole processes (by project, or by project
 * and lot), never single notices, or the stage would be computed from part of a process.
 */
export function processSummaries(knex: Knex, narrow?: Narrow): Knex.QueryBuilder {
  const rank = noticeRankSql();
  const notices = knex('disclosures as d')
    .where('d.kind', TRADING.kinds.notice)
    .select(
      knex.raw(`${PROJECT_CODE_SQL} AS project_code`),
      knex.raw(`${LOT_CODE_SQL} AS lot_code`),
      knex.raw(`d.attributes->>'projectName' AS project_name`),
      knex.raw(`d.attributes->'lot'->>'name' AS lot_name`),
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
    .groupBy('n.project_code', 'n.lot_code')
    .select(
      'n.project_code',
      'n.lot_code',
      knex.raw('(array_agg(n.project_name ORDER BY n.published_at DESC, n.id DESC))[1] AS project_name'),
      knex.raw('(array_agg(n.lot_name ORDER BY n.published_at DESC, n.id DESC) FILTER (WHERE n.lot_name IS NOT NULL))[1] AS lot_name'),
      knex.raw(`${stage.sql} AS stage`, stage.bindings),
      knex.raw(`${amended.sql} AS amended`, amended.bindings),
      knex.raw(`${cancelled.sql} AS cancelled`, cancelled.bindings),
      knex.raw('count(*)::int AS notice_count'),
      knex.raw('min(n.published_at) AS first_notice_at'),
      knex.raw('max(n.published_at) AS last_notice_at'),
    );
}

/** A row of processSummaries as TradingProcess serves it (its notice-derived fields are resolved). */
export function servedSummary(row: any): ProcessSummary {
  return {
    projectCode: row.project_code,
    lotCode: row.lot_code ?? '',
    projectName: row.project_name,
    lotName: row.lot_name ?? null,
    stage: row.stage,
    amended: Boolean(row.amended),
    cancelled: Boolean(row.cancelled),
    noticeCount: Number(row.notice_count),
    firstNoticeAt: new Date(row.first_notice_at),
    lastNoticeAt: new Date(row.last_notice_at),
  };
}

/**
 * Limits a query over `disclosures d` to notices whose project code is one of a list; every code is
 * a bound parameter. Whole projects: every lot of each.
 */
export function whereProjectCodeIn(q: Knex.QueryBuilder, codes: readonly string[]): Knex.QueryBuilder {
  if (codes.length === 0) return q.whereRaw('false');
  return q.whereRaw(`${PROJECT_CODE_SQL} IN (${codes.map(() => '?').join(', ')})`, [...codes]);
}

/**
 * Limits a query over `disclosures d` to the notices of some processes: a list of keys, or the
 * processes a sub-query selects (by PROCESS_KEY_SQL); every value is a bound parameter.
 *
 * A sub-query is evaluated once, as an array (`= ANY(ARRAY(…))`): written as `IN (…)` the planner
 * flattens it into a join and, without statistics on JSON paths, picks a nested loop that reads the
 * codes out of both notices' JSON for every pair (seconds for a thousand notices).
 */
export function whereProcessIn(q: Knex.QueryBuilder, keys: readonly ProcessKey[] | Knex.QueryBuilder): Knex.QueryBuilder {
  if (!Array.isArray(keys)) return q.whereRaw(`${PROCESS_KEY_SQL} = ANY(ARRAY?)`, [keys as Knex.QueryBuilder]);
  if (keys.length === 0) return q.whereRaw('false');
  return q.whereRaw(`(${PROJECT_CODE_SQL}, ${LOT_CODE_SQL}) IN (${keys.map(() => '(?, ?)').join(', ')})`, keys.flatMap((k) => [k.projectCode, k.lotCode]));
}
