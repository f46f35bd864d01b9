import type { Knex } from 'knex';
import { CREDIT, TRADING } from '../domain/contract';
import { refreshEntityCreditSummaries } from './entityCreditSummaries';
import { refreshEntityDomainCounts } from './entityDomainCounts';
import { PROJECT_CODE_SQL } from './stageSql';
import { refreshTradingProcesses, regroupTradingProcesses } from './tradingProcesses';

/**
 * The summaries the API serves (trading processes, an enterprise's counts and credit record) are
 * tables kept at write time, in the transaction that writes the disclosures they summarise: a
 * request reads one row through an index instead of grouping every notice or disclosure it covers,
 * and a reader never sees a summary that disagrees with the records (they commit together).
 *
 * Every write of `disclosures` goes through keepingSummaries. It recomputes the summaries of the
 * keys the written rows had before the write and have after it — a revision can move a notice to
 * another project or lot, and a party can leave a record — with the same SQL that would compute
 * them from scratch, narrowed to those keys.
 */

/** The keys whose summaries a set of disclosures feeds. */
interface Touched {
  /** Projects of trading notices. */
  project: Set<string>;
  /** Entities the disclosures are about or name as a party. */
  entity: Set<string>;
  /** Entities the credit disclosures are about. */
  credit: Set<string>;
}

const IDS = 'SELECT (value)::bigint FROM jsonb_array_elements_text(?::jsonb)';

// One statement for every kind of key. The project code is read as the grouping reads it.
const TOUCHED = `
  WITH d AS (SELECT d.id, d.kind, d.domain, d.entity_uscc, ${PROJECT_CODE_SQL} AS project_code FROM disclosures d WHERE d.id IN (${IDS}))
  SELECT 'project' AS what, d.project_code AS code FROM d WHERE d.kind = ?
  UNION SELECT 'entity', d.entity_uscc FROM d
  UNION SELECT 'credit', d.entity_uscc FROM d WHERE d.domain = ?
  UNION SELECT 'entity', p.entity_uscc FROM disclosure_parties p WHERE p.disclosure_id IN (SELECT id FROM d)`;

async function touchedBy(trx: Knex.Transaction, ids: readonly number[], into: Touched): Promise<void> {
  if (ids.length === 0) return;
  const { rows } = await trx.raw(TOUCHED, [JSON.stringify(ids), TRADING.kinds.notice, CREDIT.domain]);
  for (const { what, code } of rows as Array<{ what: keyof Touched; code: string | null }>) {
    if (code !== null) into[what].add(code);
  }
}

/**
 * Runs a write of disclosures and brings the summaries it touched up to date in the same
 * transaction. `changing`: the ids of stored disclosures the write will change or delete (read
 * before it, as they are); `write` returns the ids of the disclosures it wrote (read after it).
 */
export async function keepingSummaries<T>(
  trx: Knex.Transaction,
  changing: readonly number[],
  write: () => Promise<{ written: readonly number[]; result: T }>,
): Promise<T> {
  const touched: Touched = { project: new Set(), entity: new Set(), credit: new Set() };
  await touchedBy(trx, changing, touched);
  const { written, result } = await write();
  await touchedBy(trx, written, touched);
  await refreshTradingProcesses(trx, [...touched.project]);
  await refreshEntityDomainCounts(trx, [...touched.entity]);
  await refreshEntityCreditSummaries(trx, [...touched.credit]);
  return result;
}

/**
 * Computes the summary tables migration 011 added from the stored disclosures, as that migration
 * made them: the processes' blocks are columns migration 016 adds (and fills), so a database
 * migrating past 011 does not have them yet.
 */
export async function rebuildSummaries(knex: Knex): Promise<void> {
  await regroupTradingProcesses(knex, 'all');
  await refreshEntityDomainCounts(knex, 'all');
  await refreshEntityCreditSummaries(knex, 'all');
}
