import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import type { StreamHttpRetry, StreamSummary } from '../sync/engine';

/**
 * The hub's Prometheus metrics, in a registry of its own (several hubs in one process — tests,
 * embedding programs — must not share counters).
 */
export function createMetrics() {
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
  const syncRuns = new Counter({ name: 'hub_sync_runs_total', help: 'Sync runs by stream and status', labelNames: ['stream', 'status'], registers: [registry] });
  const syncRecords = new Counter({
    name: 'hub_sync_records_total',
    help: 'Records handled by sync runs, by stream and outcome (fetched, inserted, updated, unchanged, quarantined)',
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

  return {
    registry,
    /** Express middleware timing every request; the route is the path, not the URL with its query. */
    http: ((req, res, next) => {
      const end = httpDuration.startTimer({ method: req.method });
      res.on('finish', () => end({ route: routeOf(req.path), status: String(res.statusCode) }));
      next();
    }) as express.RequestHandler,
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
    /** Records a finished stream run. */
    syncFinished(summary: StreamSummary) {
      const stream = `${summary.connector}/${summary.stream}`;
      syncRuns.inc({ stream, status: summary.status });
      for (const outcome of ['fetched', 'inserted', 'updated', 'unchanged', 'quarantined'] as const) {
        if (summary[outcome]) syncRecords.inc({ stream, outcome }, summary[outcome]);
      }
      syncDuration.observe({ stream }, summary.durationMs / 1000);
    },
    /** Counts one retry of a feed request. */
    syncHttpRetried(retry: StreamHttpRetry) {
      syncHttpRetries.inc({ stream: retry.stream });
    },
  };
}

export type HubMetrics = ReturnType<typeof createMetrics>;

/** The portal's files beside its page: portal.js, portal.css, portal-icon.svg, and the js/ and css/ folders. */
const PORTAL_FILE = /^\/(portal|js\/|css\/)/;

/** Known routes keep their name; anything else is one label, so scanners cannot explode the series. */
function routeOf(path: string): string {
  return ['/graphql', '/healthz', '/readyz', '/metrics', '/', '/ocds/releases.json', '/ocds/records.json'].includes(path) ? path : PORTAL_FILE.test(path) ? '/portal' : 'other';
}
