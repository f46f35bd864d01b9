import cron, { type ScheduledTask } from 'node-cron';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { ConnectorDefinition, MappingContext } from './stream';
import { leaseCoordinator, pruneFireLeases } from './leaseCoordinator';
import { selectStreams, fullName, streamVariable } from './selection';
import { StreamBusyError, type StreamHttpRetry, type StreamSummary } from './engine';
import { runSync } from './runSync';
import { fireOptions } from './fireOptions';
import { scheduleReconciliations } from './reconcileTasks';
import type { ReconcileOverride } from './reconcileSetting';
import type { BusyRetry } from './whenStreamFree';
import type { Reviewer } from '../review/reviewer';

export interface SchedulerOptions {
  knex: Knex;
  connectors: readonly ConnectorDefinition[];
  feedUrl: (connector: string) => string;
  mapping: MappingContext;
  /** The review every scheduled run's records pass. */
  review: Reviewer;
  logger: Logger;
  /** Cron expression per stream (`environment/air-hourly`), overriding the stream's own. */
  overrides?: Record<string, string>;
  /** Reconciliation per stream (HUB_RECONCILE_*), overriding the stream's own. */
  reconcileOverrides?: Record<string, ReconcileOverride>;
  /** How a reconciliation that finds its stream busy waits for it (default: every 30 s for 30 min). */
  busyRetry?: BusyRetry;
  timezone?: string;
  /** How long one replica holds a fire before another may take it over (node-cron's lease). */
  fireLeaseMs?: number;
  /** Aborts running scheduled syncs when the hub stops. */
  signal?: AbortSignal;
  /** Lets the hub wait for a running scheduled sync before it closes the database. */
  track?: <T>(work: Promise<T>) => Promise<T>;
  onStreamEnd?: (summary: StreamSummary) => void;
  onHttpRetry?: (retry: StreamHttpRetry) => void;
}

export interface Scheduler {
  tasks: Map<string, ScheduledTask>;
  /** The reconciliation tasks, by stream name (reconcileTasks.ts). */
  reconcileTasks: Map<string, ScheduledTask>;
  nextRun(stream: string): Date | null;
  nextReconcile(stream: string): Date | null;
  stop(): Promise<void>;
}

/**
 * One cron task per stream, in China time, and one for its reconciliation (reconcileTasks.ts).
 * Overlap is prevented twice: node-cron skips a fire while the previous one still runs here, and
 * the stream's lease refuses a run already going elsewhere.
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const tasks = new Map<string, ScheduledTask>();
  const coordinator = leaseCoordinator(options.knex);
  for (const selected of selectStreams(options.connectors)) {
    const name = fullName(selected);
    const expression = options.overrides?.[name] ?? selected.stream.schedule;
    if (!expression) continue;
    if (!cron.validate(expression)) throw new Error(`schedule for ${name} is not a cron expression: "${expression}"`);
    const task = cron.schedule(
      expression,
      async () => {
        try {
          const run = runSync({ ...options, selectors: [name], trigger: 'schedule' });
          const [summary] = await (options.track ? options.track(run) : run);
          // No summary: the hub was stopping, and runSync starts no stream after a stop.
          if (summary) options.logger.info({ sync: summary }, `scheduled sync of ${name}: ${summary.status}`);
        } catch (error) {
          const level = error instanceof StreamBusyError ? 'warn' : 'error';
          options.logger[level]({ err: error }, `scheduled sync of ${name} did not run: ${(error as Error).message}`);
        }
      },
      fireOptions(options, name, coordinator),
    );
    tasks.set(name, task);
  }
  const reconcileTasks = scheduleReconciliations(options, coordinator);
  const pruner = setInterval(() => pruneFireLeases(options.knex).catch(() => undefined), 3600 * 1000);
  pruner.unref();
  return {
    tasks,
    reconcileTasks,
    nextRun: (stream) => tasks.get(stream)?.getNextRun() ?? null,
    nextReconcile: (stream) => reconcileTasks.get(stream)?.getNextRun() ?? null,
    stop: async () => {
      clearInterval(pruner);
      for (const task of tasks.values()) await task.destroy();
      for (const task of reconcileTasks.values()) await task.destroy();
    },
  };
}

/** `HUB_CRON_<CONNECTOR>_<STREAM>=<expression>` overrides one stream's schedule. */
export function scheduleOverrides(env: NodeJS.ProcessEnv, connectors: readonly ConnectorDefinition[]): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const s of selectStreams(connectors)) {
    const value = env[streamVariable('HUB_CRON', s)]?.trim();
    if (value) overrides[fullName(s)] = value;
  }
  return overrides;
}
