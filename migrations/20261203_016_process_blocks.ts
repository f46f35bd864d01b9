import type { Knex } from 'knex';
import { refreshProcessBlocks } from '../src/summaries/tradingProcesses';

/**
 * A trading process's trade type, buyer and contract value, kept on its summary row.
 *
 * A page of processes that shows them (the portal's process list shows the trade type and the
 * buyer) compiled them on every request from the blocks of every notice of the page's processes: a
 * second statement reading a few hundred notices' parties and contracts, and merging them in
 * JavaScript. They are now compiled when the notices are written, in the same transaction
 * (src/summaries/tradingProcessBlocks.ts), and read with the rest of the row.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE trading_processes ADD COLUMN trade_type jsonb, ADD COLUMN buyer jsonb, ADD COLUMN contract_value jsonb');
  await refreshProcessBlocks(knex, 'all');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE trading_processes DROP COLUMN trade_type, DROP COLUMN buyer, DROP COLUMN contract_value');
}
