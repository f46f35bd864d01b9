import type { Knex } from 'knex';

/**
 * Personal information (a natural person's ID number, phone, home address) is kept apart from the
 * served attributes: stored for matching, never selected by the API. Sources that carry it put the
 * masked form in `attributes` and the original here.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('disclosures', (t) => {
    t.jsonb('personal');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('disclosures', (t) => {
    t.dropColumn('personal');
  });
}
