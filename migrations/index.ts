import type { Knex } from 'knex';
import * as unifiedStore from './20261127_001_unified_store';
import * as syncBookkeeping from './20261127_002_sync_bookkeeping';
import * as personalInformation from './20261127_003_personal_information';
import * as disclosureParties from './20261127_004_disclosure_parties';
import * as searchBigrams from './20261127_005_search_bigrams';
import * as domainQueryIndexes from './20261127_006_domain_query_indexes';
import * as quarantineIdentity from './20261201_007_quarantine_identity';
import * as linearBigrams from './20261201_008_linear_bigrams';
import * as review from './20261201_009_review';
import * as disclosureLinks from './20261201_010_disclosure_links';
import * as writeTimeSummaries from './20261202_011_write_time_summaries';
import * as titleBigramPostings from './20261202_012_title_bigram_postings';
import * as entityNewest from './20261202_013_entity_newest';
import * as kindCounts from './20261202_014_kind_counts';
import * as fasterTitleBigrams from './20261202_015_faster_title_bigrams';
import * as processBlocks from './20261203_016_process_blocks';

/**
 * The migrations in the order they apply. Listing them here (rather than letting knex scan the
 * folder) makes them load the same way under tsx, jest and a compiled build. Append new ones; never
 * edit one that has shipped.
 */
const migrations: Record<string, Knex.Migration> = {
  '20261127_001_unified_store': unifiedStore,
  '20261127_002_sync_bookkeeping': syncBookkeeping,
  '20261127_003_personal_information': personalInformation,
  '20261127_004_disclosure_parties': disclosureParties,
  '20261127_005_search_bigrams': searchBigrams,
  '20261127_006_domain_query_indexes': domainQueryIndexes,
  '20261201_007_quarantine_identity': quarantineIdentity,
  '20261201_008_linear_bigrams': linearBigrams,
  '20261201_009_review': review,
  '20261201_010_disclosure_links': disclosureLinks,
  '20261202_011_write_time_summaries': writeTimeSummaries,
  '20261202_012_title_bigram_postings': titleBigramPostings,
  '20261202_013_entity_newest': entityNewest,
  '20261202_014_kind_counts': kindCounts,
  '20261202_015_faster_title_bigrams': fasterTitleBigrams,
  '20261203_016_process_blocks': processBlocks,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name],
};
