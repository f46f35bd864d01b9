import type { Knex } from 'knex';

// Any constant works; it names "the shared-writes lock" among PostgreSQL advisory locks.
const SHARED_WRITES_LOCK_KEY = 7_202_612_02;

/**
 * Writes of disclosures from different streams meet on rows they share: the entities they name
 * (upserted, and locked by ON CONFLICT whether or not they change) and the summaries kept per
 * entity (deleted and recomputed, src/summaries). Two page transactions taking those rows in
 * different orders deadlocked (6 of 61 scheduled runs in a 10-minute soak with every stream
 * syncing), and two recomputing one entity's summary at once could both insert its row. A
 * transaction-scoped lock, taken before the first shared row, makes such writes take turns from
 * there to their commit. On the embedded database every writer is one session, where the lock is
 * its own again and waits for nothing: its writes already take turns.
 */
export async function takeSharedWritesTurn(trx: Knex.Transaction): Promise<void> {
  await trx.raw('SELECT pg_advisory_xact_lock(?)', [SHARED_WRITES_LOCK_KEY]);
}
