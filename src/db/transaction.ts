import type { Knex } from 'knex';

/**
 * A transaction — or, called on a transaction, a savepoint — that fails with `work`'s own error.
 * When the connection is gone, knex's ROLLBACK fails too, and its error ("Client has encountered
 * a connection error and is not queryable") would replace the reason the work failed.
 */
export async function transactionFailingWithOwnError<T>(knex: Knex | Knex.Transaction, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  let failure: { error: unknown } | undefined;
  try {
    return await knex.transaction(async (trx) => {
      try {
        return await work(trx);
      } catch (error) {
        failure = { error };
        throw error;
      }
    });
  } catch (error) {
    throw failure ? failure.error : error;
  }
}
