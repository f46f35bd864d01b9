import { TRADING } from '../../domain/contract';
import type { Knex } from 'knex';
import { processKeyText, type ProcessKey } from '../../summaries/processKey';
import { whereProcessIn } from '../../summaries/tradingProcesses';
import { DISCLOSURE_COLUMNS, type DisclosureRow } from '../disclosures/columns';
import { groupRows, mapLoader } from '../shared/mapLoader';
import { processSummaries, servedSummary, summaryColumns, whereSummaryIn, type ProcessSummary } from './processSummaries';
import { servedTradingNotice, type ServedTradingNotice } from './served';

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
    /** A process's summary (stage, times, counts, blocks): one query per request. */
    process: mapLoader(
      async (keys: ProcessKey[]) => {
        const rows = await whereSummaryIn(processSummaries(knex), keys).select(summaryColumns(true));
        const summaries: ProcessSummary[] = rows.map(servedSummary);
        return new Map(summaries.map((summary) => [processKeyText(summary), summary]));
      },
      null as ProcessSummary | null,
      processKeyText,
    ),
    /** The processes (lots) of a project, by lot code: one query per request. */
    projectProcesses: mapLoader(
      async (codes: string[]) => {
        const rows = await processSummaries(knex).whereIn('p.project_code', codes).select(summaryColumns(true)).orderBy(['p.project_code', 'p.lot_code']);
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
