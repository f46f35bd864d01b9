import { TRADING } from '../../domain/contract';
import type { Knex } from 'knex';
import { processKeyText, type ProcessKey } from '../../summaries/processKey';
import { whereProcessIn } from '../../summaries/tradingProcesses';
import { DISCLOSURE_COLUMNS, type DisclosureRow } from '../disclosures/columns';
import { groupRows, mapLoader } from '../shared/mapLoader';
import { processSummaries, servedSummary, whereSummaryIn, type ProcessSummary } from './processSummaries';
import { LOT_CODE_SQL, PROJECT_CODE_SQL } from '../../summaries/stageSql';
import { servedNoticeBlocks, servedTradingNotice, type NoticeBlocks, type ServedNoticeBlocks, type ServedTradingNotice } from './served';

export function createTradingLoaders(knex: Knex) {
  /** The trading notices of some processes, oldest first. */
  const noticesOf = (keys: readonly ProcessKey[]) =>
    whereProcessIn(knex('disclosures as d').where('d.kind', TRADING.kinds.notice), keys).orderBy([{ column: 'd.published_at' }, { column: 'd.id' }]);
  return {
    /** A process's notices, oldest first: one query for every process a request touches. */
    notices: mapLoader(
      async (keys: ProcessKey[]) => {
        const rows: DisclosureRow[] = await noticesOf(keys).select(DISCLOSURE_COLUMNS);
        return groupRows(rows.map(servedTradingNotice), (notice) => processKeyText(processKeyOf(notice)), (notice) => notice);
      },
      [] as ServedTradingNotice[],
      processKeyText,
    ),
    /**
     * A process's notices, oldest first, as the three blocks its trade type, buyer and contract
     * value are compiled from: one query for every process a request touches. A page of 20
     * processes has a few hundred notices; reading whole rows (every column, all of each notice's
     * attributes) and serving each was most of such a page's cost. A page that reads the notices
     * whole anyway primes these with them (resolvers.ts), so the notices are read once.
     */
    blocks: mapLoader(
      async (keys: ProcessKey[]) => {
        const rows: NoticeBlocksRow[] = await noticesOf(keys).select(
          knex.raw(`${PROJECT_CODE_SQL} AS project_code, ${LOT_CODE_SQL} AS lot_code`),
          knex.raw(`d.attributes->'tradeType' AS trade_type, d.attributes->'parties' AS parties, d.attributes->'contracts' AS contracts`),
        );
        return groupRows(
          rows,
          (row) => processKeyText({ projectCode: row.project_code, lotCode: row.lot_code }),
          (row) => servedNoticeBlocks({ tradeType: row.trade_type, parties: row.parties, contracts: row.contracts }),
        );
      },
      [] as ServedNoticeBlocks[],
      processKeyText,
    ),
    /** A process's summary (stage, times, counts): one query per request. */
    process: mapLoader(
      async (keys: ProcessKey[]) => {
        const rows = await whereSummaryIn(processSummaries(knex), keys).select('p.*');
        return new Map(rows.map((row: any) => [processKeyText(servedSummary(row)), servedSummary(row)]));
      },
      null as ProcessSummary | null,
      processKeyText,
    ),
    /** The processes (lots) of a project, by lot code: one query per request. */
    projectProcesses: mapLoader(
      async (codes: string[]) => {
        const rows = await processSummaries(knex).whereIn('p.project_code', codes).select('p.*').orderBy(['p.project_code', 'p.lot_code']);
        const summaries: ProcessSummary[] = rows.map(servedSummary);
        return groupRows(summaries, (summary) => summary.projectCode, (summary) => summary);
      },
      [] as ProcessSummary[],
    ),
  };
}

/** The process a served notice belongs to. */
export function processKeyOf(notice: Pick<ServedTradingNotice, 'projectCode' | 'lotCode'>): ProcessKey {
  return { projectCode: notice.projectCode, lotCode: notice.lotCode ?? '' };
}

/** A row of the blocks loader: the process's key and the three blocks as stored (null where a notice has none). */
interface NoticeBlocksRow {
  project_code: string;
  lot_code: string;
  trade_type: NoticeBlocks['tradeType'];
  parties: NoticeBlocks['parties'];
  contracts: NoticeBlocks['contracts'];
}
