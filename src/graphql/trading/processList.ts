import { TRADING } from '../../domain/contract';
import type { Knex } from 'knex';
import type { ProcessStageName } from '../../domain/trading';
import { normalizeUscc } from '../../domain/uscc';
import { applySearch } from '../disclosures/search';
import { connectionOf, countRows, type Connection } from '../shared/connection';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import { pageSize } from '../shared/pageSize';
import { INITIATOR_ROLES } from './processBlocks';
import { processSummaries, servedSummary, whereProcessIn, type Narrow, type ProcessSummary } from './processSummaries';
import { PROCESS_KEY_SQL } from './stageSql';

export interface ProcessListArgs {
  first?: number | null;
  after?: string | null;
  stage?: ProcessStageName | null;
  buyerUscc?: string | null;
  search?: string | null;
}

/** Process keys of the trading notices a sub-query selects (for whereProcessIn). */
function keysOf(knex: Knex, from: Knex.QueryBuilder): Knex.QueryBuilder {
  return from.where('d.kind', TRADING.kinds.notice).select(knex.raw(PROCESS_KEY_SQL));
}

/**
 * Limits the grouped notices to whole processes: those with a notice matching the search, and
 * those whose initiator has the given code. Both are sub-queries on the process key.
 */
function processFilter(knex: Knex, args: ProcessListArgs): Narrow {
  return (notices) => {
    if (args.search?.trim()) {
      whereProcessIn(notices, applySearch(keysOf(knex, knex('disclosures as d')), args.search));
    }
    if (args.buyerUscc?.trim()) {
      const byBuyer = knex('disclosure_parties as p')
        .join('disclosures as d', 'd.id', 'p.disclosure_id')
        .whereIn('p.role', INITIATOR_ROLES)
        .where('p.uscc', normalizeUscc(args.buyerUscc));
      whereProcessIn(notices, keysOf(knex, byBuyer));
    }
  };
}

/**
 * A page of processes (one per lot), latest activity first: keyset pagination on (last notice
 * time, project code, lot code) over the grouped rows, the stage filter on the derived stage of
 * each whole group, one row more than asked to learn whether another page follows. A cursor is
 * that sort key.
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
    const [lastNoticeAt, projectCode, lotCode] = decodeCursor(args.after, ['instant', 'string', 'string']);
    page.whereRaw('(p.last_notice_at, p.project_code, p.lot_code) < (?::timestamptz, ?, ?)', [lastNoticeAt, projectCode, lotCode]);
  }
  const rows = await page
    .orderBy([
      { column: 'p.last_notice_at', order: 'desc' },
      { column: 'p.project_code', order: 'desc' },
      { column: 'p.lot_code', order: 'desc' },
    ])
    .limit(limit + 1);
  return connectionOf(
    rows.map(servedSummary),
    limit,
    (node) => ({ cursor: encodeCursor([node.lastNoticeAt.toISOString(), node.projectCode, node.lotCode]), node }),
    () => countRows(filtered()),
  );
}
