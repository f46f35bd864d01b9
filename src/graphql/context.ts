import type { Knex } from 'knex';
import type { ConnectorDefinition } from '../sync/stream';
import type { StreamSummary } from '../sync/engine';
import type { QuarantineQuery, ReplayResult } from '../sync/quarantineAdmin';
import type { CitySetting } from '../config/city';
import { regionVocabulary, type RegionVocabulary } from '../domain/region';
import type { AdminAccess } from './admin/auth';
import { createDisclosureLoaders } from './disclosures/loaders';
import { createLinkLoaders } from './disclosures/linkLoaders';
import { createEntityLoaders } from './entity/loaders';
import { createEnvironmentLoaders } from './environment/loaders';
import { createTradingLoaders } from './trading/loaders';

/** What admin mutations may ask of the running hub. */
export interface SyncService {
  connectors: readonly ConnectorDefinition[];
  run(selectors: string[], full: boolean): Promise<StreamSummary[]>;
  /** Re-validates open quarantine entries with the deployment's mappings and imports what passes. */
  replay(query: QuarantineQuery): Promise<ReplayResult>;
}

export interface HubContext {
  /** Public reads: a streaming replica when DATABASE_READ_URL is set, else the primary. */
  knex: Knex;
  /**
   * The primary, for admin fields: they read what a sync or a mutation has just written, which a
   * replica may not have replayed yet.
   */
  primary: Knex;
  loaders: Loaders;
  creditChinaUrl: (uscc: string) => string;
  /** The deployment city's places: region arguments are read in its vocabulary. */
  regions: RegionVocabulary;
  /** The deployment city itself, for answers that name its places (usccCheck). */
  city: CitySetting;
  admin: AdminAccess;
  sync: SyncService;
  /**
   * Says that what is public has changed at once, not at a sync (a review decision published or
   * withheld a record): cached public answers are forgotten.
   */
  publicChanged: () => void;
}

export interface ContextOptions {
  knex: Knex;
  /** The primary when `knex` is a read replica; unset, `knex` is the primary. */
  primary?: Knex;
  creditChinaTemplate: string;
  city: CitySetting;
  admin: AdminAccess;
  sync: SyncService;
  /** Forgets cached public answers; unset, there is no cache to forget. */
  publicChanged?: () => void;
}

/**
 * Every domain's DataLoaders: whatever a page of results touches is fetched in one query per
 * relation, however many rows the page has.
 */
function createLoaders(knex: Knex) {
  return {
    disclosures: createDisclosureLoaders(knex),
    links: createLinkLoaders(knex),
    entities: createEntityLoaders(knex),
    trading: createTradingLoaders(knex),
    environment: createEnvironmentLoaders(knex),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** A fresh context per request: DataLoader caches must never outlive the request that filled them. */
export function createContext(options: ContextOptions): HubContext {
  return {
    knex: options.knex,
    primary: options.primary ?? options.knex,
    loaders: createLoaders(options.knex),
    creditChinaUrl: (uscc) => options.creditChinaTemplate.replace('{uscc}', encodeURIComponent(uscc)),
    regions: regionVocabulary(options.city),
    city: options.city,
    admin: options.admin,
    sync: options.sync,
    publicChanged: options.publicChanged ?? (() => undefined),
  };
}
