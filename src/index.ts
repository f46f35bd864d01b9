/**
 * Disclosure Hub as a library, for programs that embed it: the domain rules (AQI, USCC, water
 * quality, masking), starting the server, and running a sync. The `hub` CLI is built on the same.
 */
export * from './domain';
export { parseChinaTime, formatChinaTime } from './domain/chinaTime';

export { loadConfig, type HubConfig } from './config/config';
export { openDatabase, type Database, type DatabaseOptions } from './db/connect';
export { migrateLatest, migrateRollback } from './db/migrate';
export { startHub, type RunningHub } from './hub';
export { NoFeedsError, type HubComponents, type SampleFeeds } from './components';

export { runSync, type RunSyncOptions } from './sync/runSync';
export { syncStream, type StreamSummary } from './sync/engine';
export { reconcileStreams, type ReconcileOptions, type ReconcileOutcome, type ReconcileSummary } from './sync/reconcile';
export { stream, connector, type StreamDefinition, type ConnectorDefinition, type DisclosureInput, type ReconcileDeclaration } from './sync/stream';
export { httpPages } from './sync/sources/httpPages';

// Every sync is reviewed (保密审查): runSync and syncStream take the reviewer of the rules in force.
export { createReviewer, type Reviewer } from './review/reviewer';
export { DEFAULT_REVIEW_RULES } from './review/rules';
