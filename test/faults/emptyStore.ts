import type { Knex } from 'knex';

/**
 * Empties every table the hub writes, keeping the schema and the migration records: a fresh
 * database for the next case at the cost of one statement. Opening and migrating a new embedded
 * database takes ten seconds on a busy machine; a case takes a few.
 */
export async function emptyStore(knex: Knex): Promise<void> {
  const { rows } = await knex.raw(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT LIKE 'knex\\_%' ORDER BY tablename`,
  );
  if (rows.length === 0) throw new Error('the database has no tables to empty: is it migrated?');
  await knex.raw(`TRUNCATE ${rows.map((r: { tablename: string }) => `"${r.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
}
