import type { Knex } from 'knex';
import type { ProcessStageName } from '../../domain/trading';
import type { ProcessKey } from '../../summaries/processKey';
import { TRADING_PROCESSES } from '../../summaries/tradingProcesses';

/** What the database says about one process: the summary of the notices sharing its project and lot code. */
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

/**
 * The processes' summaries as `p`: kept at write time, in the transaction that writes their notices
 * (src/summaries), so a request reads rows instead of grouping notices.
 */
export function processSummaries(knex: Knex): Knex.QueryBuilder {
  return knex(`${TRADING_PROCESSES} as p`);
}

/** A summary row as TradingProcess serves it (its notice-derived fields are resolved). */
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
    firstNoticeAt: instant(row.first_notice_at),
    lastNoticeAt: instant(row.last_notice_at),
  };
}

/** A timestamp as the driver gave it: node-postgres already parsed it into a Date; otherwise its text. */
const instant = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

/** Limits a query over `p` to some processes; every value is a bound parameter. */
export function whereSummaryIn(q: Knex.QueryBuilder, keys: readonly ProcessKey[]): Knex.QueryBuilder {
  if (keys.length === 0) return q.whereRaw('false');
  return q.whereRaw(`(p.project_code, p.lot_code) IN (${keys.map(() => '(?, ?)').join(', ')})`, keys.flatMap((k) => [k.projectCode, k.lotCode]));
}
