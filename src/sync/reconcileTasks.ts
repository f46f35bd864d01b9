import cron, { type RunCoordinator, type ScheduledTask } from 'node-cron';
import type { SchedulerOptions } from './scheduler';
import { StreamBusyError } from './engine';
import { fullName, selectStreams } from './selection';
import { reconcileStreams } from './reconcile';
import { reconcileSetting } from './reconcileSetting';
import { whenStreamFree, type BusyRetry } from './whenStreamFree';

// A reconciliation is rare: it waits as long as an ordinary run may take (its time limit).
const DEFAULT_BUSY_RETRY: BusyRetry = { everyMs: 30 * 1000, forMs: 30 * 60 * 1000 };

/**
 * One cron task per stream for its reconciliation, fired like an ordinary fire: through the same
 * lease-backed RunCoordinator, so one replica runs it, and through the stream's lease, so it never
 * overlaps an ordinary run of its stream; when one is running, it waits for it (whenStreamFree.ts).
 */
export function scheduleReconciliations(options: SchedulerOptions, coordinator: RunCoordinator): Map<string, ScheduledTask> {
  const tasks = new Map<string, ScheduledTask>();
  for (const selected of selectStreams(options.connectors)) {
    const name = fullName(selected);
    const setting = reconcileSetting(selected, options.reconcileOverrides?.[name]);
    if (!setting.reconciled || !setting.schedule) continue;
    if (!cron.validate(setting.schedule)) throw new Error(`reconciliation schedule for ${name} is not a cron expression: "${setting.schedule}"`);
    const task = cron.schedule(setting.schedule, () => reconcileFire(options, name), {
      // The task's name prefixes its fire keys: a stream's two tasks never take each other's fires.
      name: `reconcile:${name}`,
      timezone: options.timezone ?? 'Asia/Shanghai',
      noOverlap: true,
      distributed: true,
      runCoordinator: coordinator,
      distributedLease: options.fireLeaseMs ?? 10 * 60 * 1000,
    });
    tasks.set(name, task);
  }
  return tasks;
}

async function reconcileFire(options: SchedulerOptions, name: string): Promise<void> {
  try {
    const reconcile = () => reconcileStreams({ ...options, overrides: options.reconcileOverrides, selectors: [name] });
    const work = whenStreamFree(reconcile, options.busyRetry ?? DEFAULT_BUSY_RETRY, options.signal);
    const { summaries } = await (options.track ? options.track(work) : work);
    for (const s of summaries) {
      options.logger.info({ sync: s }, `reconciliation of ${name} (${s.window}): ${s.status}, ${s.updated} correction(s), ${s.inserted} missed record(s)`);
    }
  } catch (error) {
    // Busy for longer than the wait, or the hub stopping while it waited: worth a warning, not an alarm.
    const level = error instanceof StreamBusyError || options.signal?.aborted ? 'warn' : 'error';
    options.logger[level]({ err: error }, `reconciliation of ${name} did not run: ${(error as Error).message}`);
  }
}
