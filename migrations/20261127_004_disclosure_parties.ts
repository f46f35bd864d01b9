import type { Knex } from 'knex';

/**
 * Disclosures that concern several parties (a trading process's buyer, agency, tenderers and
 * suppliers; a PPP project's implementing agency and partners) link each by role. A party with a
 * valid code links to its entity, exactly as a subject does.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('disclosure_parties', (t) => {
    t.bigIncrements('id').primary();
    t.bigInteger('disclosure_id').notNullable().references('id').inTable('disclosures').onDelete('CASCADE');
    t.string('role', 32).notNullable();
    t.text('name').notNullable();
    t.text('uscc');
    t.boolean('uscc_valid');
    t.string('entity_uscc', 18).references('uscc').inTable('entities');
  });
  await knex.raw('CREATE INDEX disclosure_parties_disclosure ON disclosure_parties (disclosure_id)');
  await knex.raw('CREATE INDEX disclosure_parties_entity ON disclosure_parties (entity_uscc, role) WHERE entity_uscc IS NOT NULL');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('disclosure_parties');
}
