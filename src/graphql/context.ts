import type { Knex } from 'knex';
import type { ConnectorDefinition } from '../sync/stream';
import type { StreamSummary } from '../sync/engine';
import type { QuarantineQuery, ReplayResult } from '../sync/quarantineAdmin';
import { createLoaders, type Loaders } from './loaders';
import type { AdminAccess } from './adminAuth';

/** What admin mutations may ask of the running hub. */
export interface SyncService {
  connectors: readonly ConnectorDefinition[];
  run(selectors: string[], full: boolean): Promise<StreamSummary[]>;
  /** Re-validates open quarantine entries with the deployment's mappings and imports what passes. */
  replay(query: QuarantineQuery): Promise<ReplayResult>;
}

export interface HubContext {
  knex: Knex;
  loaders: Loaders;
  creditChinaUrl: (uscc: string) => string;
  admin: AdminAccess;
  sync: SyncService;
}

export interface ContextOptions {
  knex: Knex;
  creditChinaTemplate: string;
  admin: AdminAccess;
  sync: SyncService;
}

/** A fresh context per request: DataLoader caches must never outlive the request that filled them. */
export function createContext(options: ContextOptions): HubContext {
  return {
    knex: options.knex,
    loaders: createLoaders(options.knex),
    creditChinaUrl: (uscc) => options.creditChinaTemplate.replace('{uscc}', encodeURIComponent(uscc)),
    admin: options.admin,
    sync: options.sync,
  };
}
