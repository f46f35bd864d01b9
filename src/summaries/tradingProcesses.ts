import type { Knex } from 'knex';
import { TRADING } from '../domain/contract';
import type { ProcessKey } from './processKey';
import { anyNoticeOfTypeSql, LOT_CODE_SQL, noticeRankSql, NOTICE_TYPE_SQL, processStageSql, PROJECT_CODE_SQL } from './stageSql';
import type { Scope } from './scope';
import { BLOCK_COLUMNS, compiledProcessBlocks, type ProcessBlocks } from './tradingProcessBlocks';

/**
 * The summary of every trading process (one lot of a project: stage, amended, cancelled, notice
 * count, first and last notice time, names; trade type, buyer and contract value), one row per
 * (project code, lot code), kept by the writes that change its notices (refresh.ts). Its columns
 * are named as the grouping below names them; a benchmark reads the table as it is, so the names
 * are a contract. The blocks (trade type, buyer, contract value) are compiled in JavaScript
 * (tradingProcessBlocks.ts) and stored on the rows the grouping wrote.
 */
export const TRADING_PROCESSES = 'trading_processes';

/** The columns the grouping computes (the rest, BLOCK_COLUMNS, are compiled from the notices' blocks). */
export const GROUPED_COLUMNS = ['project_code', 'lot_code', 'project_name', 'lot_name', 'stage', 'amended', 'cancelled', 'notice_count', 'first_notice_at', 'last_notice_at'];

/** Limits the notices that are grouped; see groupedProcesses. */
export type Narrow = (notices: Knex.QueryBuilder) => void;

/**
 * One row per process, computed from its notices: the notices (`n`, one row per trading notice
 * with its rank) grouped by project and lot code, with the stage derived as processStage derives it
 * (stageSql.ts). `narrow` limits which processes are grouped; it must select whole processes (by
 * project, or by project and lot), never single notices, or the stage would be computed from part
 * of a process.
 */
export function groupedProcesses(knex: Knex, narrow?: Narrow): Knex.QueryBuilder {
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

/**
 * Recomputes the summaries of some projects, every lot of each, from their notices as they are now
 * in this transaction: the projects' rows go, and the grouping of their notices takes their place,
 * with the blocks compiled from the same notices. A whole project, not single lots: the project code
 * finds its notices through an index, and a revision that moved a notice to another lot of it is
 * covered either way.
 */
export async function refreshTradingProcesses(trx: Knex.Transaction | Knex, projectCodes: Scope): Promise<void> {
  await regroupTradingProcesses(trx, projectCodes);
  await refreshProcessBlocks(trx, projectCodes);
}

/** The grouping half of refreshTradingProcesses: the rows, without their blocks. */
export async function regroupTradingProcesses(trx: Knex.Transaction | Knex, projectCodes: Scope): Promise<void> {
  if (projectCodes !== 'all' && projectCodes.length === 0) return;
  const stale = trx(TRADING_PROCESSES);
  if (projectCodes !== 'all') stale.whereIn('project_code', projectCodes);
  await stale.delete();
  await trx.raw(`INSERT INTO ?? (${GROUPED_COLUMNS.map(() => '??').join(', ')}) ?`, [TRADING_PROCESSES, ...GROUPED_COLUMNS, groupedProcesses(trx, narrowedTo(projectCodes))]);
}

/** The blocks half: the trade type, buyer and contract value of the projects' rows, from their notices. */
export async function refreshProcessBlocks(trx: Knex.Transaction | Knex, projectCodes: Scope): Promise<void> {
  if (projectCodes !== 'all' && projectCodes.length === 0) return;
  await storeBlocks(trx, await compiledProcessBlocks(trx, narrowedTo(projectCodes)));
}

const narrowedTo = (projectCodes: Scope): Narrow | undefined => (projectCodes === 'all' ? undefined : (notices) => whereProjectCodeIn(notices, projectCodes));

/** Sets the rows' blocks in one statement; a block a process's notices do not give stays NULL. */
async function storeBlocks(trx: Knex.Transaction | Knex, blocks: readonly ProcessBlocks[]): Promise<void> {
  if (blocks.length === 0) return;
  await trx.raw(
    `UPDATE ?? AS p SET ${BLOCK_COLUMNS.map((column) => `${column} = b.${column}`).join(', ')}
     FROM jsonb_to_recordset(?::jsonb) AS b(project_code text, lot_code text, ${BLOCK_COLUMNS.map((column) => `${column} jsonb`).join(', ')})
     WHERE p.project_code = b.project_code AND p.lot_code = b.lot_code`,
    [TRADING_PROCESSES, JSON.stringify(blocks)],
  );
}

/**
 * Limits a query over `disclosures d` to notices whose project code is one of a list; every code is
 * a bound parameter. Whole projects: every lot of each.
 */
function whereProjectCodeIn(q: Knex.QueryBuilder, codes: readonly string[]): Knex.QueryBuilder {
  if (codes.length === 0) return q.whereRaw('false');
  return q.whereRaw(`${PROJECT_CODE_SQL} IN (${codes.map(() => '?').join(', ')})`, [...codes]);
}

/** Limits a query over `disclosures d` to the notices of some processes; every value is a bound parameter. */
export function whereProcessIn(q: Knex.QueryBuilder, keys: readonly ProcessKey[]): Knex.QueryBuilder {
  if (keys.length === 0) return q.whereRaw('false');
  return q.whereRaw(`(${PROJECT_CODE_SQL}, ${LOT_CODE_SQL}) IN (${keys.map(() => '(?, ?)').join(', ')})`, keys.flatMap((k) => [k.projectCode, k.lotCode]));
}
