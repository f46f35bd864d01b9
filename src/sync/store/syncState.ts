import type { Knex } from 'knex';

export async function readCursor(knex: Knex, stream: string): Promise<string | undefined> {
  const row = await knex('sync_state').where({ stream }).first('cursor');
  return row?.cursor ?? undefined;
}

/**
 * Saves the stream's position. Called inside the transaction that stores the rows the position
 * covers, so the cursor can never run ahead of the data (Airbyte's checkpoint rule).
 */
export async function commitCursor(trx: Knex.Transaction, stream: string, cursor: string, runId: number): Promise<void> {
  await trx.raw(
    `INSERT INTO sync_state (stream, cursor, last_run_id, updated_at) VALUES (?, ?, ?, now())
     ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor, last_run_id = excluded.last_run_id, updated_at = now()`,
    [stream, cursor, runId],
  );
}
