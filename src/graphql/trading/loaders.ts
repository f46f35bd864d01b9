import { TRADING } from '../../domain/contract';
import type { Knex } from 'knex';
import { DISCLOSURE_COLUMNS, type DisclosureRow } from '../disclosures/columns';
import { groupRows, mapLoader } from '../shared/mapLoader';
import { processSummaries, servedSummary, whereProjectCodeIn, type ProcessSummary } from './processSummaries';
import { servedTradingNotice, type ServedTradingNotice } from './served';

export function createTradingLoaders(knex: Knex) {
  return {
    /** A process's notices, oldest first: one query for every process a request touches. */
    notices: mapLoader(
      async (codes: string[]) => {
        const rows: DisclosureRow[] = await whereProjectCodeIn(knex('disclosures as d').where('d.kind', TRADING.kinds.notice), codes)
          .select(DISCLOSURE_COLUMNS)
          .orderBy([{ column: 'd.published_at' }, { column: 'd.id' }]);
        return groupRows(rows.map(servedTradingNotice), (notice) => notice.projectCode, (notice) => notice);
      },
      [] as ServedTradingNotice[],
    ),
    /** A process's summary (stage, times, counts): one grouped query per request. */
    process: mapLoader(
      async (codes: string[]) => {
        const rows = await processSummaries(knex, (notices) => whereProjectCodeIn(notices, codes));
        return new Map(rows.map((row: any) => [row.project_code, servedSummary(row)]));
      },
      null as ProcessSummary | null,
    ),
  };
}
