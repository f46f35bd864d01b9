import type { Knex } from 'knex';

/**
 * What the sync engine keeps about its own work: each stream's committed cursor, every run, the
 * records it rejected (quarantine) and the scheduler's leases that let one replica run each fire.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sync_state', (t) => {
    t.string('stream', 96).primary();
    t.text('cursor');
    t.bigInteger('last_run_id');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('sync_runs', (t) => {
    t.bigIncrements('id').primary();
    t.string('stream', 96).notNullable();
    t.string('trigger', 32).notNullable();
    t.string('status', 16).notNullable();
    t.timestamp('started_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('finished_at', { useTz: true });
    // A live run moves its heartbeat forward; a run whose heartbeat is older than its time limit was
    // left by a dead process and is reaped (ckanext-harvest's "stuck in running" complaint).
    t.timestamp('heartbeat_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('deadline_at', { useTz: true }).notNullable();
    t.text('cursor_from');
    t.text('cursor_to');
    t.integer('fetched').notNullable().defaultTo(0);
    t.integer('inserted').notNullable().defaultTo(0);
    t.integer('updated').notNullable().defaultTo(0);
    t.integer('unchanged').notNullable().defaultTo(0);
    t.integer('quarantined').notNullable().defaultTo(0);
    t.integer('removed').notNullable().defaultTo(0);
    t.text('error');
    t.text('host');
    t.integer('pid');
  });
  await knex.raw('CREATE INDEX sync_runs_stream_started ON sync_runs (stream, started_at DESC)');
  await knex.raw("CREATE INDEX sync_runs_running ON sync_runs (status) WHERE status = 'running'");

  await knex.schema.createTable('quarantine', (t) => {
    t.bigIncrements('id').primary();
    t.string('stream', 96).notNullable();
    t.text('source_key');
    t.string('payload_hash', 64).notNullable();
    t.jsonb('payload').notNullable();
    t.string('stage', 16).notNullable();
    t.jsonb('errors').notNullable();
    t.string('status', 16).notNullable().defaultTo('open');
    t.integer('seen_count').notNullable().defaultTo(1);
    t.bigInteger('first_run_id');
    t.bigInteger('last_run_id');
    t.timestamp('first_seen_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_seen_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('resolved_at', { useTz: true });
    t.unique(['stream', 'payload_hash']);
  });
  await knex.raw('CREATE INDEX quarantine_open ON quarantine (stream, status)');

  await knex.schema.createTable('scheduler_leases', (t) => {
    t.text('key').primary();
    t.text('holder').notNullable();
    t.timestamp('acquired_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('completed_at', { useTz: true });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('scheduler_leases');
  await knex.schema.dropTable('quarantine');
  await knex.schema.dropTable('sync_runs');
  await knex.schema.dropTable('sync_state');
}
