import type { Knex } from 'knex';
import type { Money, ProcessStageName, TradingNoticeAttributes, TradingParty } from '../../domain/trading';
import type { ProcessKey } from '../../summaries/processKey';
import { BLOCK_COLUMNS } from '../../summaries/tradingProcessBlocks';
import { GROUPED_COLUMNS, TRADING_PROCESSES } from '../../summaries/tradingProcesses';

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
  /**
   * Compiled from the notices' blocks when they were written. Present when the row was read with
   * its blocks (summaryColumns): a page that shows none of them, nor anything below a process,
   * leaves them out.
   */
  tradeType?: TradingNoticeAttributes['tradeType'] | null;
  buyer?: TradingParty | null;
  contractValue?: Money | null;
}

/**
 * The processes' summaries as `p`: kept at write time, in the transaction that writes their notices
 * (src/summaries), so a request reads rows instead of grouping notices.
 */
export function processSummaries(knex: Knex): Knex.QueryBuilder {
  return knex(`${TRADING_PROCESSES} as p`);
}

/** The columns of a summary row as `p`, with its blocks or without (the blocks are JSON to parse). */
export function summaryColumns(withBlocks: boolean): string[] {
  return (withBlocks ? [...GROUPED_COLUMNS, ...BLOCK_COLUMNS] : GROUPED_COLUMNS).map((column) => `p.${column}`);
}

/**
 * The fields a summary row read without its blocks answers: its grouped columns, named as
 * servedSummary names them (snake_case to camelCase), and __typename.
 */
export const GROUPED_FIELDS: ReadonlySet<string> = new Set(['__typename', ...GROUPED_COLUMNS.map((column) => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()))]);

/** A summary row as TradingProcess serves it (its awards, contracts and notices are resolved). */
export function servedSummary(row: any): ProcessSummary {
  const summary: ProcessSummary = {
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
  if ('buyer' in row) {
    summary.tradeType = row.trade_type ?? null;
    summary.buyer = row.buyer ?? null;
    summary.contractValue = row.contract_value ?? null;
  }
  return summary;
}

/** A timestamp as the driver gave it: node-postgres already parsed it into a Date; otherwise its text. */
const instant = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

/** Limits a query over `p` to some processes; every value is a bound parameter. */
export function whereSummaryIn(q: Knex.QueryBuilder, keys: readonly ProcessKey[]): Knex.QueryBuilder {
  if (keys.length === 0) return q.whereRaw('false');
  return q.whereRaw(`(p.project_code, p.lot_code) IN (${keys.map(() => '(?, ?)').join(', ')})`, keys.flatMap((k) => [k.projectCode, k.lotCode]));
}
