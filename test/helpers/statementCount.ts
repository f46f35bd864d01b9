import type { Knex } from 'knex';
import { BACKGROUND_STATEMENT } from '../../src/db/backgroundStatement';

/**
 * Counts the statements `work` sends through `knex`. The server's own background statements (it
 * follows the review audit log every few seconds) are left out: they would land in the count by
 * the clock, not because of the work.
 */
export async function countStatements<T>(knex: Knex, work: () => Promise<T>): Promise<{ count: number; result: T }> {
  let count = 0;
  const onQuery = (query: { sql?: string }) => {
    if (!query.sql?.includes(BACKGROUND_STATEMENT)) count++;
  };
  knex.on('query', onQuery);
  try {
    const result = await work();
    return { count, result };
  } finally {
    knex.off('query', onQuery);
  }
}
