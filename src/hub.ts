import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { requireSampleFeeds, type HubComponents, type RunningSampleFeeds } from './components';
import { withManifests } from './manifest/withManifests';
import { feedUrlKey, type HubConfig } from './config/config';
import { openDatabase, type Database } from './db/connect';
import { migrateLatest } from './db/migrate';
import { DatabaseUnavailableError } from './db/connectionErrors';
import { createLogger, type Logger } from './log';
import { createApp } from './server/app';
import { startScheduler, scheduleOverrides, type Scheduler } from './sync/scheduler';
import { reconcileOverrides } from './sync/reconcileSetting';
import { createSyncSupervisor, type SyncSupervisor } from './sync/supervisor';
import { createMetrics } from './server/metrics';
import { publicResponseCache } from './server/responseCache';
import { watchReviewAudit, type ReviewAuditWatch } from './server/reviewAuditWatch';
import { reviewFigures } from './server/reviewFigures';
import { REVIEW_DECISIONS, type ReviewDecision } from './review/contract';
import { syncRetryReporter } from './server/syncRetryReport';
import { reapDeadRuns } from './sync/runs';
import { replayQuarantined, type QuarantineQuery } from './sync/quarantineAdmin';
import type { StreamSummary } from './sync/engine';
import { createReviewer } from './review/reviewer';

export interface RunningHub {
  url: string;
  port: number;
  db: Database;
  /** The streaming replica public reads go to (DATABASE_READ_URL), when one is configured. */
  readDb?: Database;
  feeds?: RunningSampleFeeds;
  scheduler?: Scheduler;
  /** The sync run at start-up when the bundled sample feeds are used; resolves when it is done. */
  initialSync: Promise<StreamSummary[]>;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

/**
 * `hub serve`: migrate, start the scheduler, serve GraphQL. With no feed URL configured it also
 * starts the bundled sample feed server and syncs once, so a new user sees data within seconds.
 */
export async function startHub(config: HubConfig, components: HubComponents, logger: Logger = createLogger(config.logLevel)): Promise<RunningHub> {
  // Loads the manifests (unless the CLI has): a broken one refuses the start, before any port opens.
  const { connectors } = withManifests(components, config.connectorsDir);
  const mapping = { city: config.city };
  const review = createReviewer(config.reviewRules);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  let ready = false;
  const httpServer = http.createServer();
  // Keep idle connections longer than clients and load balancers do (60 s is common), so the server
  // never closes a socket at the moment a client reuses it (an ECONNRESET for a request in flight).
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  let feeds: RunningSampleFeeds | undefined;
  let scheduler: Scheduler | undefined;
  let supervisor: SyncSupervisor | undefined;
  let reviewWatch: ReviewAuditWatch | undefined;
  // Closing twice (a signal handler and a test, say) closes once.
  let closing: Promise<void> | undefined;
  let readDb: Database | undefined;
  try {
    const applied = await migrateLatest(db.knex);
    if (applied.length) logger.info({ migrations: applied }, `applied ${applied.length} migration(s)`);
    await reapDeadRuns(db.knex, 60000);
    // After migrating, so a command arriving through the socket finds the schema current.
    const sharedAt = await db.share?.();
    if (sharedAt) logger.info({ socket: sharedAt }, `hub commands reach the embedded database through ${sharedAt}`);
    readDb = await openReadReplica(config, logger);

    if (!config.feedsUrl) {
      feeds = await requireSampleFeeds(components).start({ scale: config.sampleScale });
      logger.info({ url: feeds.url }, 'HUB_FEEDS_URL is not set: serving the bundled sample feeds');
    }
    const feedUrl = feedUrlResolver(config, feeds?.url);

    const metrics = createMetrics({ reviewFigures: reviewFigures(db.knex, connectors) });
    const responseCache = config.responseCache ? publicResponseCache() : undefined;
    // Decisions made anywhere (this server's API, \`hub review\`, another replica) reach the
    // metrics, and clear cached public answers once the database public reads use has them.
    reviewWatch = watchReviewAudit({
      knex: (readDb ?? db).knex,
      logger,
      onLines: (lines) => {
        metrics.reviewAudited(lines);
        if (lines.some((line) => REVIEW_DECISIONS.includes(line.action as ReviewDecision))) responseCache?.clear();
      },
    });
    const onHttpRetry = syncRetryReporter(logger, metrics);
    supervisor = createSyncSupervisor({ knex: db.knex, connectors, feedUrl, mapping, review, onStreamEnd: metrics.syncFinished, onHttpRetry });
    const syncs = supervisor;
    const sync = {
      connectors,
      run: (selectors: string[], full: boolean) => syncs.run({ selectors, full, trigger: 'api' }),
      replay: (query: QuarantineQuery) => replayQuarantined(db.knex, connectors, mapping, review, query),
    };
    const { handler } = await createApp({
      knex: db.knex,
      readKnex: readDb?.knex,
      httpServer,
      logger,
      isReady: () => ready,
      sync,
      creditChinaTemplate: config.creditChinaTemplate,
      city: config.city,
      admins: config.admins,
      production: config.production,
      introspection: config.introspection,
      corsOrigins: config.corsOrigins,
      responseCache,
      metrics,
      ocds: config,
    });
    httpServer.on('request', handler);
    await listen(httpServer, config.port, config.host);

    if (config.scheduleEnabled) {
      scheduler = startScheduler({
        knex: db.knex,
        connectors,
        feedUrl,
        mapping,
        review,
        logger,
        overrides: scheduleOverrides(process.env, connectors),
        reconcileOverrides: reconcileOverrides(process.env, connectors),
        signal: syncs.signal,
        track: syncs.track,
        onStreamEnd: metrics.syncFinished,
        onHttpRetry,
      });
    }
    ready = true;
    const initialSync = feeds ? syncAtStart(syncs, logger) : Promise.resolve([]);
    const { port } = httpServer.address() as AddressInfo;
    const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
    logger.info({ url, database: db.backend, location: db.location }, `Disclosure Hub serving GraphQL at ${url}/graphql`);

    return {
      url,
      port,
      db,
      readDb,
      feeds,
      scheduler,
      initialSync,
      // Graceful stop: refuse new work, let in-flight requests finish, stop syncs at a batch
      // boundary (their runs marked, leases released), then close the feeds and the database.
      close: () => (closing ??= stop()),
    };

    async function stop(): Promise<void> {
      ready = false;
      await scheduler?.stop();
      await reviewWatch?.stop();
      const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await syncs.stop();
      await httpClosed;
      await feeds?.close();
      await readDb?.close();
      await db.close();
    }
  } catch (error) {
    await reviewWatch?.stop();
    await supervisor?.stop();
    await scheduler?.stop();
    httpServer.close();
    await feeds?.close();
    await readDb?.close();
    await db.close();
    throw error;
  }
}

/**
 * The replica public reads go to, when DATABASE_READ_URL names one. Its connections carry their own
 * application name, so pg_stat_activity tells them from the primary's. Only reads run there:
 * migrations, the scheduler and syncs stay on the primary.
 */
async function openReadReplica(config: HubConfig, logger: Logger): Promise<Database | undefined> {
  if (!config.databaseReadUrl) return undefined;
  const readDb = await openDatabase({ databaseUrl: config.databaseReadUrl, applicationName: 'disclosure-hub-read' }).catch((error: Error) => {
    // The driver's advice names DATABASE_URL; say which of the two URLs failed.
    throw new DatabaseUnavailableError(`The read replica in DATABASE_READ_URL is unavailable. ${error.message}`);
  });
  logger.info({ location: readDb.location }, `public reads go to the replica at ${readDb.location} (DATABASE_READ_URL)`);
  return readDb;
}

export function feedUrlResolver(config: HubConfig, sampleUrl?: string): (connector: string) => string {
  return (connector) => {
    const url = config.feedUrls[feedUrlKey(connector)] ?? config.feedsUrl ?? sampleUrl;
    if (!url) throw new Error(`no feed URL for connector "${connector}": set HUB_FEEDS_URL or HUB_FEED_${feedUrlKey(connector).toUpperCase()}_URL`);
    return url;
  };
}

function syncAtStart(syncs: SyncSupervisor, logger: Logger): Promise<StreamSummary[]> {
  return syncs.run({ trigger: 'startup' }).then(
    (summaries) => {
      for (const s of summaries) logger.info({ sync: s }, `start-up sync of ${s.connector}/${s.stream}: ${s.status}`);
      return summaries;
    },
    (error) => {
      logger.error({ err: error }, `start-up sync failed: ${(error as Error).message}`);
      return [];
    },
  );
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new PortInUseError(`port ${port} on ${host} is already in use; stop what uses it or start with PORT=<another port>`));
      } else if (error.code === 'EACCES') {
        reject(new PortInUseError(`not allowed to listen on port ${port}; use a port above 1023 (PORT=4000)`));
      } else reject(error);
    });
    server.listen(port, host, () => resolve());
  });
}
