import { hasTable } from '../postgraphileFunctions';
import { rowsOf, type Variant, type Workload } from '../workload';

/** The hub's process stages (schema/trading.graphql, TradingProcessStage); null lists every stage. */
const STAGES = [null, 'TENDER', 'QUALIFICATION', 'AWARD', 'CONTRACT', 'IMPLEMENTATION', 'CANCELLED'];
/** The table the hub keeps its processes in as notices are written: PostGraphile lists that. */
const TABLE = 'trading_processes';

/**
 * A page of trading processes (one lot of a project each), the latest notice first, filtered by a
 * stage that changes per request. PostGraphile lists the write-time table trading_processes, the
 * stage as stored there (the hub's stage name in lower case, as processStage names it); without
 * that table (a database migrated before it) the workload is skipped.
 */
const ROW = 'projectCode lotCode projectName stage noticeCount lastNoticeAt';

export const processes: Workload = {
  name: 'processes',
  graphql: {
    hub: `query TradingProcesses($stage: TradingProcessStage) {
  tradingProcesses(first: 20, stage: $stage) { edges { node { ${ROW} } } }
}`,
    postgraphile: `query TradingProcesses($condition: TradingProcessCondition) {
  allTradingProcesses(first: 20, condition: $condition, orderBy: [LAST_NOTICE_AT_DESC, PROJECT_CODE_DESC, LOT_CODE_DESC]) { nodes { ${ROW} } }
}`,
  },
  variants: async ({ databaseUrl, most }) => {
    if (!(await hasTable(databaseUrl, TABLE))) return { skipped: `the database has no ${TABLE} table (it comes with the write-time processes change) for PostGraphile to list` };
    return STAGES.slice(0, most).map(
      (stage): Variant => ({
        label: `stage ${stage ?? 'any'}`,
        variables: { hub: { stage }, postgraphile: { condition: stage ? { stage: stage.toLowerCase() } : {} } },
      }),
    );
  },
  digest: (target, data) => {
    const rows = rowsOf(target === 'hub' ? data.tradingProcesses : data.allTradingProcesses);
    return {
      // An undivided project's lot code: null from the hub, '' in the table's primary key.
      ids: rows.map((r) => `${r.projectCode}/${r.lotCode ?? ''}`),
      titles: rows.map((r) => [r.projectName, String(r.stage).toLowerCase(), r.noticeCount, new Date(r.lastNoticeAt).toISOString()].join(' | ')),
    };
  },
};
