import { NOTICE_TYPE_LIST, type ProcessStageName } from '../domain/trading';

/**
 * processStage (src/domain/tradingStage.ts) in SQL, so that the database derives each process's stage
 * when it writes the process's summary (tradingProcesses.ts), and a stage filter and keyset
 * pagination read it from there. The SQL is generated from the same notice-type
 * catalogue processStage reads, with every catalogue value a bound parameter:
 *
 * - each notice gets the rank of its type (`NOTICE_RANK`, 0 for a type the catalogue lacks, as
 *   processStage starts from rank 0 / tender);
 * - a process is `cancelled` when any notice is a cancellation, `amended` when any is an amendment;
 * - its stage is `cancelled` when cancelled, else the stage of its highest rank (`PROCESS_STAGE`).
 *
 * "The stage of the highest rank" is one value only if every rank belongs to one stage; the
 * catalogue promises that (an amendment shares the tender's rank and stage) and `rankStages`
 * checks it when this module loads, so a catalogue change that breaks it fails loudly.
 */

export interface Sql {
  sql: string;
  bindings: Array<string | number | boolean>;
}

export const NOTICE_TYPE_SQL = `d.attributes->'noticeType'->>'type'`;
export const PROJECT_CODE_SQL = `d.attributes->>'projectCode'`;
/** The notice's lot code; '' for a notice about an undivided project, so that it groups like any value. */
export const LOT_CODE_SQL = `coalesce(d.attributes->'lot'->>'code', '')`;

/** rank → stage of the catalogue; throws when a rank would name two stages. */
export function rankStages(): Map<number, ProcessStageName> {
  const stages = new Map<number, ProcessStageName>();
  for (const info of NOTICE_TYPE_LIST) {
    const known = stages.get(info.rank);
    if (known && known !== info.stage) {
      throw new Error(`notice types of rank ${info.rank} lead to stages ${known} and ${info.stage}: the process stage SQL needs one stage per rank`);
    }
    stages.set(info.rank, info.stage);
  }
  return stages;
}

const RANK_STAGES = rankStages();

/** Rank of a notice of `disclosures d`, as processStage ranks it. */
export function noticeRankSql(): Sql {
  const cases = NOTICE_TYPE_LIST.map(() => 'WHEN ? THEN ?::int').join(' ');
  return { sql: `CASE ${NOTICE_TYPE_SQL} ${cases} ELSE 0 END`, bindings: NOTICE_TYPE_LIST.flatMap((i) => [i.type, i.rank]) };
}

/** Whether any notice of the group (`n`, see processSummaries) is of a type: an aggregate. */
export function anyNoticeOfTypeSql(type: string): Sql {
  return { sql: 'bool_or(n.notice_type = ?)', bindings: [type] };
}

/** The process stage of a group of notices `n` (with `n.rank`, `n.notice_type`): an aggregate. */
export function processStageSql(): Sql {
  const cancelled = anyNoticeOfTypeSql('cancellation');
  const ranks = [...RANK_STAGES];
  return {
    sql: `CASE WHEN ${cancelled.sql} THEN ? ${ranks.map(() => 'WHEN max(n.rank) = ?::int THEN ?').join(' ')} ELSE ? END`,
    bindings: [...cancelled.bindings, 'cancelled', ...ranks.flatMap(([rank, stage]) => [rank, stage]), 'tender'],
  };
}
