import type { Knex } from 'knex';
import { serverMessage } from '../../db/connectionErrors';
import { transactionFailingWithOwnError } from '../../db/transaction';
import type { DisclosureRow } from '../normalize';
import { writeDisclosures, type WriteCounts } from './disclosureWriter';
import type { RejectedRecord } from './quarantine';

export interface RefusedRow {
  row: DisclosureRow;
  /** What the database said, e.g. that a value is too long for an index. */
  reason: string;
}

/**
 * Writes a page's rows like writeDisclosures, but a row the database refuses for what it holds
 * does not fail the page. The engine rejects what it knows PostgreSQL cannot store before writing
 * (unstorableText.ts); this catches the rest — a value too large for an index entry, a number out
 * of range. The batch is tried in a savepoint; if the database refuses it for its data, each row is
 * written in a savepoint of its own, and the refused ones are returned to be quarantined. Anything
 * else (a lost connection, a cancelled statement) still fails the page, with its own error.
 */
export async function writeDisclosuresRefusingBadRows(trx: Knex.Transaction, rows: DisclosureRow[], runId: number): Promise<{ counts: WriteCounts; refused: RefusedRow[] }> {
  try {
    return { counts: await transactionFailingWithOwnError(trx, (savepoint) => writeDisclosures(savepoint, rows, runId)), refused: [] };
  } catch (error) {
    if (!refusedForItsData(error)) throw error;
  }
  const counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const refused: RefusedRow[] = [];
  for (const row of rows) {
    try {
      const written = await transactionFailingWithOwnError(trx, (savepoint) => writeDisclosures(savepoint, [row], runId));
      counts.inserted += written.inserted;
      counts.updated += written.updated;
      counts.unchanged += written.unchanged;
    } catch (error) {
      if (!refusedForItsData(error)) throw error;
      refused.push({ row, reason: serverMessage(error) });
    }
  }
  return { counts, refused };
}

/** A refused row as a quarantine entry of its source record, with what the database said. */
export function refusedRecord(stream: string, refused: RefusedRow, record: unknown): RejectedRecord {
  const message = `the database refused to store this record: ${refused.reason}; the source should fix the value (or fix the entry and replay it)`;
  return { stream, sourceKey: refused.row.source_key, payload: record, stage: 'store', errors: [{ path: '', message }] };
}

/** SQLSTATE class 22 (data exception) or 54 (a limit exceeded, e.g. an index row too large). */
function refusedForItsData(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? '');
  return /^(22|54)[0-9A-Z]{3}$/.test(code);
}
