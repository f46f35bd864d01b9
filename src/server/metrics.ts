import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ApolloServerPlugin } from '@apollo/server';
import { pathOf, type PlainMiddleware } from './requestPath';
import type { StreamHttpRetry, StreamSummary } from '../sync/engine';
import { REVIEW_DECISIONS, type ReviewDecision } from '../review/contract';
import type { AuditedAction } from './reviewAuditWatch';

/** What the review gauges show at a scrape: held items per stream (every stream, 0 included), and the oldest. */
export interface ReviewFigures {
  heldByStream: Array<{ stream: string; held: number }>;
  oldestHeldAt: Date | null;
}

export interface MetricsOptions {
  /** Reads the review's figures at each scrape; without it the review gauges are not exported. */
  reviewFigures?: () => Promise<ReviewFigures>;
}

/**
 * The hub's Prometheus metrics, in a registry of its own (several hubs in one process — tests,
 * embedding programs — must not share counters).
 */
export function createMetrics(options: MetricsOptions = {}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'hub_' });

  const httpDuration = new Histogram({
    name: 'hub_http_request_duration_seconds',
    help: 'HTTP request latency by route, method and status',
    labelNames: ['route', 'method', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const graphqlDuration = new Histogram({
    name: 'hub_graphql_operation_duration_seconds',
    help: 'GraphQL operation latency by operation type and outcome',
    labelNames: ['operation', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const directQueries = new Counter({
    name: 'hub_graphql_direct_queries_total',
    help: 'Queries answered by running a document Apollo had accepted before, without its request pipeline (also counted in hub_graphql_operation_duration_seconds)',
    registers: [registry],
  });
  const syncRuns = new Counter({ name: 'hub_sync_runs_total', help: 'Sync runs by stream and status', labelNames: ['stream', 'status'], registers: [registry] });
  const syncRecords = new Counter({
    name: 'hub_sync_records_total',
    help: 'Records handled by sync runs, by stream and outcome (fetched, inserted, updated, unchanged, quarantined, held for review)',
    labelNames: ['stream', 'outcome'],
    registers: [registry],
  });
  const syncHttpRetries = new Counter({
    name: 'hub_sync_http_retries_total',
    help: 'HTTP requests to feeds repeated after a failure (5xx, 429, timeout, broken body), by stream',
    labelNames: ['stream'],
    registers: [registry],
  });
  const syncDuration = new Histogram({
    name: 'hub_sync_run_duration_seconds',
    help: 'Sync run duration by stream',
    labelNames: ['stream'],
    buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 1800],
    registers: [registry],
  });

  const reviewDecisions = new Counter({
    name: 'hub_review_decisions_total',
    help: 'Review (保密审查) decisions made since this server started, wherever made (GraphQL or hub review), by decision and surface',
    labelNames: ['decision', 'via'],
    registers: [registry],
  });
  const reviewRefused = new Counter({
    name: 'hub_review_refused_total',
    help: 'Review decisions refused since this server started (no or a wrong admin token, an item that cannot take the decision), by surface',
    labelNames: ['via'],
    registers: [registry],
  });
  if (options.reviewFigures) reviewGauges(registry, options.reviewFigures);

  return {
    registry,
    /** Middleware timing every request; the route is the path, not the URL with its query. */
    http: ((req, res, next) => {
      const end = httpDuration.startTimer({ method: req.method });
      res.on('finish', () => end({ route: routeOf(pathOf(req)), status: String(res.statusCode) }));
      next();
    }) as PlainMiddleware,
    /** Apollo plugin timing each operation from request to response. */
    graphql: {
      async requestDidStart() {
        const end = graphqlDuration.startTimer();
        let operation = 'unknown';
        return {
          async didResolveOperation(ctx) {
            operation = ctx.operation?.operation ?? 'unknown';
          },
          async willSendResponse(ctx) {
            const failed = ctx.response.body.kind === 'single' && (ctx.response.body.singleResult.errors?.length ?? 0) > 0;
            end({ operation, outcome: failed ? 'error' : 'ok' });
          },
        };
      },
    } as ApolloServerPlugin,
    /**
     * Times a query answered without Apollo's pipeline (acceptedQueries.ts): it is counted in the
     * same operation histogram as any other, and once more among the direct answers.
     */
    directQuery(): () => void {
      const end = graphqlDuration.startTimer();
      return () => {
        end({ operation: 'query', outcome: 'ok' });
        directQueries.inc();
      };
    },
    /** Records a finished stream run. */
    syncFinished(summary: StreamSummary) {
      const stream = `${summary.connector}/${summary.stream}`;
      syncRuns.inc({ stream, status: summary.status });
      for (const outcome of ['fetched', 'inserted', 'updated', 'unchanged', 'quarantined', 'held'] as const) {
        if (summary[outcome]) syncRecords.inc({ stream, outcome }, summary[outcome]);
      }
      syncDuration.observe({ stream }, summary.durationMs / 1000);
    },
    /** Counts the review audit log's new lines: decisions and refusals (holds are counted by the sync's figures). */
    reviewAudited(lines: AuditedAction[]) {
      for (const { action, via } of lines) {
        if (REVIEW_DECISIONS.includes(action as ReviewDecision)) reviewDecisions.inc({ decision: action, via });
        else if (action === 'refused') reviewRefused.inc({ via });
      }
    },
    /** Counts one retry of a feed request. */
    syncHttpRetried(retry: StreamHttpRetry) {
      syncHttpRetries.inc({ stream: retry.stream });
    },
  };
}

export type HubMetrics = ReturnType<typeof createMetrics>;

/**
 * Held items per stream and the age of the oldest, read from the review store at each scrape (two
 * small aggregates over the held items' index). One scrape asks once for both gauges. Should the
 * database not answer, the gauges keep their last values: /metrics still answers, and the outage
 * shows in /readyz.
 */
function reviewGauges(registry: Registry, figures: () => Promise<ReviewFigures>): void {
  let pending: Promise<ReviewFigures | undefined> | undefined;
  const read = () =>
    (pending ??= figures()
      .catch(() => undefined)
      .finally(() => setImmediate(() => (pending = undefined))));
  new Gauge({
    name: 'hub_review_held',
    help: 'Records held by the review (保密审查) waiting for a decision, by stream',
    labelNames: ['stream'],
    registers: [registry],
    async collect() {
      const now = await read();
      if (!now) return;
      this.reset();
      for (const { stream, held } of now.heldByStream) this.set({ stream }, held);
    },
  });
  new Gauge({
    name: 'hub_review_oldest_held_age_seconds',
    help: 'How long the oldest record held by the review has waited for a decision, in seconds; 0 when none waits',
    registers: [registry],
    async collect() {
      const now = await read();
      if (!now) return;
      this.set(now.oldestHeldAt ? Math.max(0, (Date.now() - now.oldestHeldAt.getTime()) / 1000) : 0);
    },
  });
}

/** The portal's files beside its page: portal.js, portal.css, portal-icon.svg, and the js/ and css/ folders. */
const PORTAL_FILE = /^\/(portal|js\/|css\/)/;

/** Known routes keep their name; anything else is one label, so scanners cannot explode the series. */
function routeOf(path: string): string {
  return ['/graphql', '/healthz', '/readyz', '/metrics', '/', '/ocds/releases.json', '/ocds/records.json'].includes(path) ? path : PORTAL_FILE.test(path) ? '/portal' : 'other';
}
