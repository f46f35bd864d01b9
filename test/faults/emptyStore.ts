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
  const tables: string[] = rows.map((r: { tablename: string }) => `"${r.tablename}"`);
  // The review audit log refuses TRUNCATE (migration 009): a test's reset is the one place the
  // whole store, its log included, is wiped on purpose, so its triggers are off for that statement.
  await knex.transaction(async (trx) => {
    for (const table of tables) await trx.raw(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    await trx.raw(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`);
    for (const table of tables) await trx.raw(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
  });
}
