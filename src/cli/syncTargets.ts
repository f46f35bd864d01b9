import type { Knex } from 'knex';
import type { HubComponents } from '../components';
import type { HubConfig } from '../config/config';
import type { ConnectorDefinition, MappingContext } from '../sync/stream';
import { createReviewer, type Reviewer } from '../review/reviewer';
import { withDatabase } from './database';
import { withFeeds } from './feedsForCli';

/** What a one-shot sync command runs against: the store, the connectors, their feeds and settings. */
export interface SyncTargets {
  knex: Knex;
  connectors: readonly ConnectorDefinition[];
  mapping: MappingContext;
  /** The review over the configured rules (HUB_REVIEW_RULES): a file load is reviewed like a feed. */
  review: Reviewer;
  feedUrl: (connector: string) => string;
}

/**
 * Opens the configured store (migrated) and the feeds (the sample feeds when none are configured)
 * for one command, and closes both however the work ends: `hub sync` and `hub sync --reconcile`
 * run their streams inside it.
 */
export function withSyncTargets<T>(config: HubConfig, components: HubComponents, work: (targets: SyncTargets) => Promise<T>): Promise<T> {
  return withDatabase(
    config,
    (db) =>
      withFeeds(config, components, (feedUrl) =>
        work({ knex: db.knex, connectors: components.connectors, mapping: { city: config.city }, review: createReviewer(config.reviewRules), feedUrl }),
      ),
    { migrate: true },
  );
}
