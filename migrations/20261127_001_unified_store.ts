import type { Knex } from 'knex';

/**
 * The unified store: entities (who a disclosure is about), disclosures (one row per source record,
 * whatever its domain), and their revisions. Search uses pg_trgm, which PGlite ships as an extension.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');

  await knex.schema.createTable('entities', (t) => {
    // Only valid unified social credit codes become entities: a bad or placeholder code stays on its
    // disclosure, flagged, so two unrelated parties are never merged under one wrong code.
    t.string('uscc', 18).primary();
    t.text('name').notNullable();
    t.jsonb('names').notNullable().defaultTo('[]');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw('CREATE INDEX entities_name_trgm ON entities USING gin (name gin_trgm_ops)');

  await knex.schema.createTable('disclosures', (t) => {
    t.bigIncrements('id').primary();
    t.string('domain', 16).notNullable();
    t.string('kind', 64).notNullable();
    t.string('stream', 96).notNullable();
    t.text('source_key').notNullable();
    t.text('title').notNullable();
    t.text('publisher');
    t.text('region');
    t.timestamp('published_at', { useTz: true }).notNullable();
    t.timestamp('source_updated_at', { useTz: true }).notNullable();
    t.string('status', 32).notNullable();
    t.text('subject_uscc');
    t.text('subject_name');
    t.boolean('subject_uscc_valid');
    t.text('subject_uscc_reason');
    t.string('entity_uscc', 18).references('uscc').inTable('entities');
    t.text('source_url');
    t.string('content_hash', 64).notNullable();
    t.integer('version').notNullable().defaultTo(1);
    t.jsonb('attributes').notNullable().defaultTo('{}');
    t.text('search_text').notNullable().defaultTo('');
    t.timestamp('first_seen_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_seen_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('stored_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['stream', 'source_key']);
  });
  // The list query orders by publication time (newest first) with id as the tie-breaker.
  await knex.raw('CREATE INDEX disclosures_published ON disclosures (published_at DESC, id DESC)');
  await knex.raw('CREATE INDEX disclosures_domain_published ON disclosures (domain, published_at DESC, id DESC)');
  await knex.raw('CREATE INDEX disclosures_kind ON disclosures (kind)');
  await knex.raw('CREATE INDEX disclosures_entity ON disclosures (entity_uscc) WHERE entity_uscc IS NOT NULL');
  await knex.raw('CREATE INDEX disclosures_subject_uscc ON disclosures (subject_uscc)');
  await knex.raw('CREATE INDEX disclosures_search_trgm ON disclosures USING gin (search_text gin_trgm_ops)');

  await knex.schema.createTable('revisions', (t) => {
    t.bigIncrements('id').primary();
    t.bigInteger('disclosure_id').notNullable().references('id').inTable('disclosures').onDelete('CASCADE');
    t.integer('version').notNullable();
    t.string('content_hash', 64).notNullable();
    // The disclosure as it was before it was replaced: the whole unified record, not a diff, so any
    // version can be shown on its own.
    t.jsonb('snapshot').notNullable();
    t.timestamp('valid_from', { useTz: true }).notNullable();
    t.timestamp('replaced_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.bigInteger('run_id');
    t.unique(['disclosure_id', 'version']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('revisions');
  await knex.schema.dropTable('disclosures');
  await knex.schema.dropTable('entities');
}
