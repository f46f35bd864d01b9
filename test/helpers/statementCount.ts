import type { Knex } from 'knex';
import { BACKGROUND_STATEMENT } from '../../src/db/backgroundStatement';

/**
 * Counts the statements `work` sends through `knex`, and gives their SQL. The server's own
 * background statements (it follows the review audit log every few seconds) are left out: they
 * would land in the count by the clock, not because of the work.
 */
export async function countStatements<T>(knex: Knex, work: () => Promise<T>): Promise<{ count: number; result: T; sql: string[] }> {
  const sql: string[] = [];
  const onQuery = (query: { sql?: string }) => {
    if (!query.sql?.includes(BACKGROUND_STATEMENT)) sql.push(query.sql ?? '');
  };
  knex.on('query', onQuery);
  try {
    const result = await work();
    return { count: sql.length, result, sql };
  } finally {
    knex.off('query', onQuery);
  }
}
