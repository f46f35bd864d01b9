import type { Knex } from 'knex';

/**
 * The secrecy and privacy review (保密审查, src/review/contract.ts). A mapped record in which a
 * `hold` rule finds something is not written to `disclosures`, which every public query reads: it
 * waits in `review_items`, one row per version (stream, source key, content hash), so the same
 * content synced again finds its item and its decision. `review_audit` is the log of holds and
 * decisions; a trigger keeps it append-only, so it can be read but never edited, even by hand.
 * `sync_runs.held` counts what each run held.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('review_items', (t) => {
    t.bigIncrements('id').primary();
    t.string('stream', 96).notNullable();
    t.text('source_key').notNullable();
    t.string('content_hash', 64).notNullable();
    // The title with the spans found in it masked, for lists; the whole row is in `row`.
    t.text('title').notNullable();
    t.jsonb('findings').notNullable();
    // The mapped row as it would be published (personal column included, to publish it whole).
    t.jsonb('row').notNullable();
    t.string('status', 16).notNullable().defaultTo('held');
    // Milliseconds, so that a queue cursor (a JavaScript Date) names an item's time exactly.
    t.timestamp('held_at', { useTz: true, precision: 3 }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_seen_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.bigInteger('run_id');
    t.text('decided_by');
    t.timestamp('decided_at', { useTz: true });
    t.text('basis');
    t.jsonb('redact_fields');
    // What a withhold took off the public store: the published version, its parties and revisions.
    t.jsonb('withdrawn');
    t.unique(['stream', 'source_key', 'content_hash']);
  });
  // Every page a sync writes asks whether its keys have held items (to supersede them): the held
  // items are few, and this index holds only them.
  await knex.raw(`CREATE INDEX review_items_held ON review_items (stream, source_key) WHERE status = 'held'`);
  await knex.raw(`CREATE INDEX review_items_queue ON review_items (status, held_at, id)`);

  await knex.schema.createTable('review_audit', (t) => {
    t.bigIncrements('id').primary();
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('actor');
    t.string('via', 16).notNullable();
    t.string('action', 16).notNullable();
    // No foreign key: a refused attempt on an id that does not exist is recorded with that id.
    t.bigInteger('item_id');
    t.text('basis');
    t.jsonb('redact_fields');
    t.text('reason');
  });
  await knex.raw('CREATE INDEX review_audit_item ON review_audit (item_id, id)');
  await knex.raw(`
    CREATE FUNCTION review_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'review_audit is append-only: % refused (its entries can be read, never edited or removed)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END
    $$`);
  await knex.raw(`
    CREATE TRIGGER review_audit_append_only BEFORE UPDATE OR DELETE ON review_audit
    FOR EACH ROW EXECUTE FUNCTION review_audit_append_only()`);
  await knex.raw(`
    CREATE TRIGGER review_audit_no_truncate BEFORE TRUNCATE ON review_audit
    FOR EACH STATEMENT EXECUTE FUNCTION review_audit_append_only()`);

  await knex.schema.alterTable('sync_runs', (t) => {
    t.integer('held').notNullable().defaultTo(0);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('sync_runs', (t) => {
    t.dropColumn('held');
  });
  await knex.schema.dropTable('review_audit');
  await knex.raw('DROP FUNCTION review_audit_append_only()');
  await knex.schema.dropTable('review_items');
}
