import { TRADING } from '../../domain/contract';
import { readForInputs } from '../../db/inputTemplates';
import { plannedLimit, prepared } from '../../db/preparedStatements';
import type { Knex } from 'knex';
import type { ProcessStageName } from '../../domain/trading';
import { normalizeUscc } from '../../domain/uscc';
import { LOT_CODE_SQL, PROJECT_CODE_SQL } from '../../summaries/stageSql';
import { applySearch } from '../disclosures/search';
import { connectionOf, countRows, type Connection } from '../shared/connection';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import { pageSize } from '../shared/pageSize';
import { INITIATOR_ROLES } from '../../domain/tradingProcessBlocks';
import { processSummaries, servedSummary, summaryColumns, type ProcessSummary } from './processSummaries';

export interface ProcessListArgs {
  first?: number | null;
  after?: string | null;
  stage?: ProcessStageName | null;
  buyerUscc?: string | null;
  search?: string | null;
}

/** The processes of the trading notices a sub-query over `disclosures d` selects, as (project, lot) rows. */
function keysOf(knex: Knex, from: Knex.QueryBuilder): Knex.QueryBuilder {
  return from.where('d.kind', TRADING.kinds.notice).select(knex.raw(`${PROJECT_CODE_SQL}, ${LOT_CODE_SQL}`));
}

/**
 * The summaries the arguments select, as `p`: of a stage; of the processes with a notice matching
 * the search; of those whose initiator has the given code. The search and the code find process
 * keys through the notices (sub-queries); the rows themselves come from the summaries.
 */
function filtered(knex: Knex, args: ProcessListArgs): Knex.QueryBuilder {
  const q = processSummaries(knex);
  if (args.stage) q.where('p.stage', args.stage);
  if (args.search?.trim()) {
    q.whereIn(['p.project_code', 'p.lot_code'], applySearch(keysOf(knex, knex('disclosures as d')), args.search));
  }
  if (args.buyerUscc?.trim()) {
    const byBuyer = knex('disclosure_parties as pt')
      .join('disclosures as d', 'd.id', 'pt.disclosure_id')
      .whereIn('pt.role', INITIATOR_ROLES)
      .where('pt.uscc', normalizeUscc(args.buyerUscc));
    q.whereIn(['p.project_code', 'p.lot_code'], keysOf(knex, byBuyer));
  }
  return q;
}

/**
 * A page of processes (one per lot), latest activity first: keyset pagination on (last notice
 * time, project code, lot code) over the summaries, in the order of their index, one row more than
 * asked to learn whether another page follows. A cursor is that sort key.
 *
 * `read.withBlocks`: the rows' trade type, buyer and contract value are read too (JSON to parse);
 * without, the processes lack them. `read.field` is the query's field node: a first page by stage
 * alone (the portal's process list) has no value of its own to bind, so its statement is built once
 * per field node and stage (readForInputs); a search, a buyer or a cursor is built each time.
 */
export async function listTradingProcesses(knex: Knex, args: ProcessListArgs, read: { withBlocks: boolean; field?: object }): Promise<Connection<ProcessSummary>> {
  const limit = pageSize(args.first);
  const { field, withBlocks } = read;
  const build = () => pageStatement(knex, args, limit, withBlocks);
  const byStageOnly = field && !args.search?.trim() && !args.buyerUscc?.trim() && !args.after;
  const page = byStageOnly ? readForInputs(knex, { owner: field, shape: `${limit}|${args.stage ?? ''}|${withBlocks}` }, [] as const, build) : build();
  const rows: unknown[] = await page;
  return connectionOf(
    rows.map(servedSummary),
    limit,
    (node) => node,
    (node) => encodeCursor([node.lastNoticeAt.toISOString(), node.projectCode, node.lotCode]),
    () => countRows(filtered(knex, args)),
  );
}

function pageStatement(knex: Knex, args: ProcessListArgs, limit: number, withBlocks: boolean): Knex.QueryBuilder {
  const page = filtered(knex, args).select(summaryColumns(withBlocks));
  if (args.after) {
    const [lastNoticeAt, projectCode, lotCode] = decodeCursor(args.after, ['instant', 'string', 'string']);
    page.whereRaw('(p.last_notice_at, p.project_code, p.lot_code) < (?::timestamptz, ?, ?)', [lastNoticeAt, projectCode, lotCode]);
  }
  page.orderBy([
    { column: 'p.last_notice_at', order: 'desc' },
    { column: 'p.project_code', order: 'desc' },
    { column: 'p.lot_code', order: 'desc' },
  ]);
  plannedLimit(page, limit + 1);
  // Without a search the plan is the same whatever the values (a stage's index, in time order).
  return args.search?.trim() ? page : prepared(page);
}
