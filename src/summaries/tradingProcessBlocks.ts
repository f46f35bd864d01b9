import type { Knex } from 'knex';
import { TRADING } from '../domain/contract';
import type { Money, TradingNoticeAttributes, TradingParty } from '../domain/trading';
import { processBuyer, processContracts, totalValue } from '../domain/tradingProcessBlocks';
import { processKeyText } from './processKey';
import { LOT_CODE_SQL, PROJECT_CODE_SQL } from './stageSql';
import type { Narrow } from './tradingProcesses';

/**
 * A process's trade type, buyer and contract value, compiled from its notices' blocks when they are
 * written and stored on its summary row (trading_processes' trade_type, buyer, contract_value), so
 * a page of processes reads them with the rest of the row. Compiled in JavaScript, by the same
 * functions that merge a process's awards and contracts for the API (domain/tradingProcessBlocks.ts):
 * "the latest notice naming a buyer with a valid code" has no second implementation in SQL.
 */
export interface ProcessBlocks {
  project_code: string;
  lot_code: string;
  /** The latest notice's trade type. */
  trade_type?: TradingNoticeAttributes['tradeType'];
  buyer?: TradingParty;
  /** The sum of the contracts' values, each contract as its notices merged it. */
  contract_value?: Money;
}

/** The columns a summary row keeps them in, in the order of ProcessBlocks. */
export const BLOCK_COLUMNS = ['trade_type', 'buyer', 'contract_value'] as const;

/** A notice's blocks as stored: rows stored before a block was read lack it. */
interface NoticeBlocksRow {
  project_code: string;
  lot_code: string;
  trade_type: TradingNoticeAttributes['tradeType'] | null;
  parties: TradingParty[] | null;
  contracts: TradingNoticeAttributes['contracts'] | null;
}

/**
 * The blocks of the processes whose notices `narrow` leaves (whole processes, as groupedProcesses
 * narrows them; every process when there is none), one entry per process with notices. A block no
 * notice gives is left out, and stored as NULL.
 */
export async function compiledProcessBlocks(knex: Knex, narrow?: Narrow): Promise<ProcessBlocks[]> {
  const notices = knex('disclosures as d')
    .where('d.kind', TRADING.kinds.notice)
    .select(
      knex.raw(`${PROJECT_CODE_SQL} AS project_code, ${LOT_CODE_SQL} AS lot_code`),
      knex.raw(`d.attributes->'tradeType' AS trade_type, d.attributes->'parties' AS parties, d.attributes->'contracts' AS contracts`),
    )
    .orderBy([{ column: 'd.published_at' }, { column: 'd.id' }]);
  narrow?.(notices);
  const byProcess = new Map<string, NoticeBlocksRow[]>();
  for (const row of (await notices) as NoticeBlocksRow[]) {
    const key = processKeyText({ projectCode: row.project_code, lotCode: row.lot_code });
    const rows = byProcess.get(key);
    if (rows) rows.push(row);
    else byProcess.set(key, [row]);
  }
  return [...byProcess.values()].map(compiled);
}

/** One process's blocks from its notices, oldest first. */
function compiled(rows: NoticeBlocksRow[]): ProcessBlocks {
  const notices = rows.map((row) => ({ parties: row.parties ?? [], contracts: row.contracts ?? [] }));
  const blocks: ProcessBlocks = { project_code: rows[0].project_code, lot_code: rows[0].lot_code };
  const tradeType = rows[rows.length - 1].trade_type;
  const buyer = processBuyer(notices);
  const contractValue = totalValue(processContracts(notices));
  if (tradeType) blocks.trade_type = tradeType;
  if (buyer) blocks.buyer = buyer;
  if (contractValue) blocks.contract_value = contractValue;
  return blocks;
}
