import type { Knex } from 'knex';

/**
 * Indexes for the domain queries and exports: lists by kind in publication order (every domain
 * query) and by region (the air-quality board), trading notices grouped into processes by project
 * code, the OCDS feed in the order the hub stored notices, water results per section, warning
 * notices per episode.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX disclosures_kind_published ON disclosures (kind, published_at DESC, id DESC)');
  await knex.raw('DROP INDEX disclosures_kind');
  await knex.raw(`CREATE INDEX disclosures_trading_project ON disclosures ((attributes->>'projectCode'), published_at, id) WHERE kind = 'trading-notice'`);
  // Filters by a party's code as written (valid or not), e.g. trading processes of one buyer.
  await knex.raw('CREATE INDEX disclosure_parties_uscc_role ON disclosure_parties (uscc, role)');
  await knex.raw(`CREATE INDEX disclosures_trading_stored ON disclosures (stored_at, id) WHERE kind = 'trading-notice'`);
  await knex.raw('CREATE INDEX disclosures_kind_region ON disclosures (kind, region, published_at DESC)');
  await knex.raw(
    `CREATE INDEX disclosures_water_section ON disclosures ((attributes->'section'->>'code'), published_at DESC, id DESC) WHERE kind = 'water-quality'`,
  );
  await knex.raw(`CREATE INDEX disclosures_warning_episode ON disclosures ((attributes->>'episodeNoticeNo')) WHERE kind = 'pollution-warning'`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX disclosures_warning_episode');
  await knex.raw('DROP INDEX disclosures_water_section');
  await knex.raw('DROP INDEX disclosures_kind_region');
  await knex.raw('DROP INDEX disclosures_trading_stored');
  await knex.raw('DROP INDEX disclosure_parties_uscc_role');
  await knex.raw('DROP INDEX disclosures_trading_project');
  await knex.raw('CREATE INDEX disclosures_kind ON disclosures (kind)');
  await knex.raw('DROP INDEX disclosures_kind_published');
}
