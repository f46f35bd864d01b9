import type { Knex } from 'knex';

/**
 * Links between disclosures (an interpretation → the document it interprets), as connector
 * manifests declare them: a list of `{relation, stream, key}` naming the other record by its stream
 * and source key, which may arrive later. NULL when a record links nothing, as nearly all do. The
 * index answers "what links to this record" (the other direction) with one probe.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE disclosures ADD COLUMN links jsonb');
  await knex.raw('CREATE INDEX disclosures_links ON disclosures USING gin (links jsonb_path_ops) WHERE links IS NOT NULL');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS disclosures_links');
  await knex.raw('ALTER TABLE disclosures DROP COLUMN links');
}
