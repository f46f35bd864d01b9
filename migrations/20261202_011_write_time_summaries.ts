import type { Knex } from 'knex';
import { rebuildSummaries } from '../src/summaries/refresh';

/**
 * Summaries kept at write time (src/summaries): a row per trading process, with an index in the
 * order the process list pages (latest activity first); per enterprise its disclosure count by
 * domain and its credit record at a glance. Filled here from the rows already stored, by the same
 * SQL the writes use to keep them.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE trading_processes (
      project_code text NOT NULL,
      lot_code text NOT NULL,
      project_name text,
      lot_name text,
      stage text NOT NULL,
      amended boolean NOT NULL,
      cancelled boolean NOT NULL,
      notice_count integer NOT NULL,
      first_notice_at timestamptz NOT NULL,
      last_notice_at timestamptz NOT NULL,
      PRIMARY KEY (project_code, lot_code)
    )`);
  await knex.raw('CREATE INDEX trading_processes_latest ON trading_processes (last_notice_at DESC, project_code DESC, lot_code DESC)');
  await knex.raw('CREATE INDEX trading_processes_stage_latest ON trading_processes (stage, last_notice_at DESC, project_code DESC, lot_code DESC)');
  await knex.raw(`
    CREATE TABLE entity_domain_counts (
      uscc text NOT NULL,
      domain text NOT NULL,
      count integer NOT NULL,
      PRIMARY KEY (uscc, domain)
    )`);
  await knex.raw(`
    CREATE TABLE entity_credit_summaries (
      uscc text PRIMARY KEY,
      penalty_count integer NOT NULL,
      penalty_total_fine numeric NOT NULL,
      latest_penalty_at timestamptz,
      licence_count integer NOT NULL,
      abnormal_count integer NOT NULL,
      current_abnormal_id bigint,
      serious_id bigint
    )`);
  await rebuildSummaries(knex);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE entity_credit_summaries');
  await knex.raw('DROP TABLE entity_domain_counts');
  await knex.raw('DROP TABLE trading_processes');
}
